// `_query` with `quirks: 'none'`: the statement runs with standard SQL semantics (the engine's
// 'tissql' dialect: AND over OR, NULL unknown, LIMIT/OFFSET honoured), and the answer keeps the real
// server's shapes (tissdb-wire.md §5.2) so clients need no second code path:
// writes answer `[{"_id":"summary","<kind>_count":n}]` (INSERT adds `inserted_id`), aggregate rows
// without an `_id` get `"aggregate"`, or with GROUP BY the group values joined by "::".
import type { TissDBLite } from '../core';

const GROUP_BY = /\bGROUP\s+BY\s+(.+?)(?=\bORDER\b|\bLIMIT\b|\bOFFSET\b|\bHAVING\b|\bUNION\b|$)/is;

function groupKey(row: Record<string, unknown>, fields: string[]): string {
  return fields
    .map((f) => {
      const v = row[f];
      return v === undefined ? 'NULL' : v === null ? 'null' : String(v);
    })
    .join('::');
}

export function runStandardSql(db: TissDBLite, query: string): unknown[] {
  const inserted: string[] = [];
  const stop = db.watch((e) => {
    if (e.op === 'insert' && e.id !== undefined) inserted.push(e.id);
  });
  let result: unknown;
  try {
    result = db.sql(query, [], { dialect: 'tissql' });
  } finally {
    stop();
  }
  if (!Array.isArray(result)) {
    const affected = (result as { affected: number }).affected;
    const kind = /^\s*(\w+)/.exec(query)?.[1]?.toUpperCase();
    if (kind === 'INSERT') return [{ _id: 'summary', inserted_count: affected, inserted_id: inserted[0] ?? null }];
    return [{ _id: 'summary', [kind === 'UPDATE' ? 'updated_count' : 'deleted_count']: affected }];
  }
  const groups = GROUP_BY.exec(query)?.[1]?.split(',').map((f) => f.trim()) ?? [];
  return result.map((row: Record<string, unknown>) =>
    row._id !== undefined ? row : { ...row, _id: groups.length > 0 ? groupKey(row, groups) : 'aggregate' },
  );
}
