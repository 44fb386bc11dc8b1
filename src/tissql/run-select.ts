/**
 * SELECT over a DataSource. 'tissql' hands WHERE/ORDER BY/LIMIT/OFFSET/projection to the core's
 * `find` whenever the statement allows (so indexes apply) and evaluates the rest here. 'tissdb'
 * copies the server (tissdb-wire.md §5.2): full scan in `_id` byte order, projection keeps `_id`
 * and drops absent fields, LIMIT/OFFSET/HAVING ignored, ORDER BY orders only numbers and strings.
 */
import type { CompiledSelect } from './compiled';
import { TissDBLiteError } from './errors';
import type { EvalContext } from './evaluate';
import { evaluate, lookupField, matches } from './evaluate';
import { groupRows } from './run-group';
import { flatField, joinRows } from './run-join';
import type { RunContext } from './run-context';
import { evalContext, idOf, serverScan, sortKeys } from './run-context';
import { compareBytes } from './server-values';
import type { Row } from './source';
import { mongoOrder } from './sql-values';
import { canonicalKey, uniqueBy } from './canonical';
import { put } from './put';

/** An output row with what ORDER BY evaluates against. */
export interface Ranked {
  out: Row;
  source: Row;
  ctx: EvalContext;
}

export function runSelect(q: CompiledSelect, ctx: RunContext): Row[] {
  const rows = runPart(q, ctx);
  if (q.union === null) return rows;
  const all = rows.concat(runSelect(q.union.query, ctx));
  return q.union.all ? all : uniqueBy(all, canonicalKey);
}

function runPart(q: CompiledSelect, ctx: RunContext): Row[] {
  const server = ctx.dialect === 'tissdb';
  if (!server && !ctx.source.hasCollection(q.collection)) {
    throw new TissDBLiteError('COLLECTION_NOT_FOUND', `TissQL SELECT: collection '${q.collection}' does not exist`, {
      collection: q.collection,
    });
  }
  const fast =
    !server && q.filter !== null && q.joins.length === 0 && q.groupBy.length === 0 && q.aggregates.length === 0 && q.having === null;
  if (fast && !q.distinct && (q.sort !== null || q.orderBy.length === 0)) {
    const found = ctx.source.find(q.collection, q.filter ?? {}, findOptions(q));
    if (q.projection !== null || q.columns === null) return found;
    const ectx = evalContext(ctx);
    return found.map((doc) => project(q, doc, ectx));
  }
  let rows = server ? serverScan(ctx, q.collection) : ctx.source.find(q.collection, fast ? (q.filter ?? {}) : {});
  if (q.joins.length > 0) rows = joinRows(q, rows, ctx);
  const ectx = evalContext(ctx, q.joins.length > 0 && !server ? { field: flatField } : {});
  if (q.where !== null && !fast) rows = rows.filter((r) => matches(q.where as NonNullable<typeof q.where>, r, ectx));
  const grouped = q.groupBy.length > 0 || q.aggregates.length > 0 || q.having !== null;
  let ranked: Ranked[] = grouped
    ? groupRows(q, rows, ectx)
    : rows.map((r) => ({ out: server ? serverProject(q, r) : project(q, r, ectx), source: r, ctx: ectx }));
  if (q.orderBy.length > 0) ranked = sortRanked(q, ranked);
  let out = ranked.map((r) => r.out);
  if (q.distinct) out = uniqueBy(out, canonicalKey);
  if (q.skip !== null) out = out.slice(q.skip);
  if (q.limit !== null) out = out.slice(0, q.limit);
  return out;
}

function findOptions(q: CompiledSelect): { sort?: Record<string, 1 | -1>; skip?: number; limit?: number; projection?: Record<string, 1> } {
  const o: ReturnType<typeof findOptions> = {};
  if (q.sort !== null) o.sort = q.sort;
  if (q.skip !== null) o.skip = q.skip;
  if (q.limit !== null) o.limit = q.limit;
  if (q.projection !== null) o.projection = q.projection;
  return o;
}

/**
 * 'tissql' select list: `_id` first (except with DISTINCT), absent values left out. A dotted
 * field without an alias nests (`address.city` → `{ address: { city } }`) as a Mongo projection
 * does, so a row looks the same whether `find` projected it or this did; joined rows stay flat.
 */
export function project(q: CompiledSelect, row: Row, ectx: EvalContext): Row {
  if (q.columns === null) return row;
  const out: Row = q.distinct ? {} : { _id: row['_id'] };
  for (const c of q.columns) {
    const v = evaluate(c.expr, row, ectx);
    if (v === undefined) continue;
    const nested = q.joins.length === 0 && c.expr.type === 'field' && c.expr.path.length > 1 && c.key === c.expr.path.join('.');
    if (nested) setPath(out, (c.expr as { path: string[] }).path, v);
    else put(out, c.key, v);
  }
  return out;
}

function setPath(target: Row, path: string[], value: unknown): void {
  let node = target;
  path.slice(0, -1).forEach((part) => {
    const next = Object.hasOwn(node, part) ? node[part] : undefined;
    if (typeof next !== 'object' || next === null || Array.isArray(next)) put(node, part, {});
    node = node[part] as Row;
  });
  put(node, path[path.length - 1] as string, value);
}

/** The server's projection: `_id` always, then each named field the row has (seq 171-173). */
function serverProject(q: CompiledSelect, row: Row): Row {
  if (q.columns === null) return sortKeys(row);
  const out: Row = { _id: idOf(row) };
  for (const c of q.columns) if (Object.hasOwn(row, c.key)) put(out, c.key, row[c.key]);
  return sortKeys(out);
}

function sortRanked(q: CompiledSelect, ranked: Ranked[]): Ranked[] {
  const server = q.dialect === 'tissdb';
  const keyed = ranked.map((r) => ({
    r,
    keys: q.orderBy.map((o) => (server ? lookupField(o.expr.type === 'field' ? o.expr.path : [], r.source, 'tissdb') : evaluate(o.expr, r.source, r.ctx))),
  }));
  keyed.sort((a, b) => {
    for (let i = 0; i < q.orderBy.length; i++) {
      const c = server ? serverOrder(a.keys[i], b.keys[i]) : mongoOrder(a.keys[i] ?? null, b.keys[i] ?? null);
      if (c !== 0) return c * (q.orderBy[i]?.direction ?? 1);
    }
    return 0;
  });
  return keyed.map((k) => k.r);
}

/** Numbers with numbers and strings with strings; every other pair counts as equal (§5.3). */
function serverOrder(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'string' && typeof b === 'string') return compareBytes(a, b);
  return 0;
}
