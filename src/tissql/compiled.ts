/**
 * What `compileTissQL` produces: plain data describing how to run a statement. `filter`, `sort`,
 * `skip`, `limit` and `projection` are in the core engine's Mongo terms when the statement can be
 * said that way, so SQL uses the same indexes and `explain()` as a Mongo-style `find`; the `Expr`
 * fields carry the rest for the evaluators.
 */
import type { AggregateFn, Dialect, Expr, Join, SelectStatement } from './ast';
import type { Filter } from './to-filter';

export interface OutputColumn {
  /** The row key: the alias, the field path, or the printed expression (`COUNT(*)`, `age + 1`). */
  key: string;
  expr: Expr;
}

export interface AggregateSpec {
  key: string;
  fn: AggregateFn;
  /** `null` for `COUNT(*)`. */
  arg: Expr | null;
  distinct: boolean;
}

export interface CompiledJoin {
  kind: Join['kind'];
  collection: string;
  alias: string;
  on: Expr | null;
}

export interface CompiledSelect {
  kind: 'select';
  dialect: Dialect;
  collection: string;
  alias: string;
  /** The whole WHERE as a Mongo filter (`{}` without WHERE); `null` when it can't be one. */
  filter: Filter | null;
  where: Expr | null;
  /** Set when ORDER BY is plain fields of a single-collection, ungrouped query. */
  sort: Record<string, 1 | -1> | null;
  orderBy: Array<{ expr: Expr; direction: 1 | -1 }>;
  /** `null`: none. Always `null` in 'tissdb', where the server ignores LIMIT and OFFSET. */
  skip: number | null;
  limit: number | null;
  /** Inclusion projection when the select list is plain fields; `null` for `*` or computed columns. */
  projection: Record<string, 1> | null;
  /** `null` means `*`. */
  columns: OutputColumn[] | null;
  distinct: boolean;
  groupBy: OutputColumn[];
  aggregates: AggregateSpec[];
  having: Expr | null;
  joins: CompiledJoin[];
  union: { all: boolean; query: CompiledSelect } | null;
  params: readonly unknown[];
  statement: SelectStatement;
}

export interface CompiledInsert {
  kind: 'insert';
  dialect: Dialect;
  collection: string;
  /** One document per VALUES row, values evaluated (typed temporal values already in stored form). */
  rows: Array<Record<string, unknown>>;
}

export interface CompiledUpdate {
  kind: 'update';
  dialect: Dialect;
  collection: string;
  filter: Filter | null;
  where: Expr | null;
  set: Array<{ field: string; expr: Expr }>;
  /** `{ $set }` when every value is a constant, else `null` (values depend on the document). */
  update: { $set: Record<string, unknown> } | null;
  params: readonly unknown[];
}

export interface CompiledDelete {
  kind: 'delete';
  dialect: Dialect;
  collection: string;
  filter: Filter | null;
  where: Expr | null;
  params: readonly unknown[];
}

export type CompiledQuery = CompiledSelect | CompiledInsert | CompiledUpdate | CompiledDelete;
