/**
 * GROUP BY and aggregates. 'tissdb' rows copy the server (tissdb-wire.md §5.2): without GROUP BY
 * one row `{_id: "aggregate", "COUNT(*)": n, ...}` (plain fields dropped); with it one row per
 * group ordered by the key text, `_id` the group values joined with `::` (`NULL` for a missing
 * field, `null` for JSON null) plus the grouped fields the group has. 'tissql' rows hold the
 * select list's columns, groups in order of first appearance, HAVING applied.
 */
import { computeAggregate } from './aggregate';
import type { CompiledSelect } from './compiled';
import type { EvalContext } from './evaluate';
import { evaluate, lookupField, matches } from './evaluate';
import type { Ranked } from './run-select';
import { sortKeys } from './run-context';
import { compareBytes, serverText } from './server-values';
import type { ServerValue } from './server-values';
import type { Row } from './source';
import { columnKey } from './column-key';
import { canonicalKey } from './canonical';
import { put } from './put';

export function groupRows(q: CompiledSelect, rows: Row[], ectx: EvalContext): Ranked[] {
  return q.dialect === 'tissdb' ? serverGroups(q, rows, ectx) : sqlGroups(q, rows, ectx);
}

function aggregatesOf(q: CompiledSelect, rows: Row[], ectx: EvalContext): Map<string, unknown> {
  return new Map(q.aggregates.map((a) => [a.key, computeAggregate(a, rows, ectx)]));
}

function serverGroups(q: CompiledSelect, rows: Row[], ectx: EvalContext): Ranked[] {
  if (q.groupBy.length === 0) {
    const out: Row = { _id: 'aggregate' };
    for (const [k, v] of aggregatesOf(q, rows, ectx)) put(out, k, v);
    return [{ out: sortKeys(out), source: out, ctx: ectx }];
  }
  const groups = new Map<string, Row[]>();
  for (const row of rows) {
    const key = q.groupBy
      .map((g) => {
        const k = g.key;
        if (!Object.hasOwn(row, k)) return 'NULL';
        return serverText(lookupField([k], row, 'tissdb') as ServerValue);
      })
      .join('::');
    const list = groups.get(key);
    if (list === undefined) groups.set(key, [row]);
    else list.push(row);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => compareBytes(a, b))
    .map(([key, members]) => {
      const out: Row = { _id: key };
      const first = members[0] ?? {};
      for (const g of q.groupBy) if (Object.hasOwn(first, g.key)) put(out, g.key, first[g.key]);
      for (const [k, v] of aggregatesOf(q, members, ectx)) put(out, k, v);
      return { out: sortKeys(out), source: out, ctx: ectx };
    });
}

function sqlGroups(q: CompiledSelect, rows: Row[], ectx: EvalContext): Ranked[] {
  const byKey = new Map<string, { values: unknown[]; members: Row[] }>();
  for (const row of rows) {
    const values = q.groupBy.map((g) => evaluate(g.expr, row, ectx) ?? null);
    const key = canonicalKey(values);
    const hit = byKey.get(key);
    if (hit === undefined) byKey.set(key, { values, members: [row] });
    else hit.members.push(row);
  }
  const groups = [...byKey.values()];
  if (q.groupBy.length === 0 && groups.length === 0) groups.push({ values: [], members: [] });
  const out: Ranked[] = [];
  for (const group of groups) {
    const aggregates = aggregatesOf(q, group.members, ectx);
    const gctx: EvalContext = { ...ectx, aggregate: (node) => aggregates.get(columnKey(node, 'tissql')) ?? null };
    const first = group.members[0] ?? {};
    if (q.having !== null && !matches(q.having, first, gctx)) continue;
    const row: Row = {};
    if (q.columns === null) {
      q.groupBy.forEach((g, i) => put(row, g.key, group.values[i]));
    } else {
      for (const c of q.columns) {
        const v = evaluate(c.expr, first, gctx);
        if (v !== undefined) put(row, c.key, v);
      }
    }
    out.push({ out: row, source: first, ctx: gctx });
  }
  return out;
}
