/**
 * `compileTissQL(sql, params, { dialect })`: parse, bind parameters, and lower a statement to
 * the core's query terms (see compiled.ts).
 */
import type { Dialect, Expr, InsertStatement, SelectStatement, Statement, UpdateStatement } from './ast';
import type { CompiledInsert, CompiledQuery, CompiledSelect, CompiledUpdate, OutputColumn, AggregateSpec } from './compiled';
import { constantValue, fieldName } from './constant';
import { TissDBLiteError } from './errors';
import { evaluate } from './evaluate';
import { parseStatement } from './parser';
import { columnKey } from './column-key';
import { toStoredValue } from './stored-value';
import { exprToFilter } from './to-filter';
import { findAggregates, hasAggregate } from './walk';
import { put } from './put';

export interface CompileOptions {
  dialect?: Dialect;
  /** The statement's clock for NOW() (default: the current time). */
  now?: Date;
}

/**
 * @example
 * compileTissQL('SELECT name FROM people WHERE age >= ? ORDER BY age DESC LIMIT 10', [30])
 * // -> { kind: 'select', collection: 'people', filter: { age: { $gte: 30 } }, sort: { age: -1 },
 * //      skip: null, limit: 10, projection: { name: 1 }, ... }
 */
export function compileTissQL(sql: string, params?: readonly unknown[], options: CompileOptions = {}): CompiledQuery {
  const dialect = options.dialect ?? 'tissql';
  const { statement, paramCount } = parseStatement(sql, { dialect });
  const bound = params ?? [];
  if (!Array.isArray(bound)) {
    throw new TissDBLiteError('INVALID_ARGUMENT', 'TissQL: params must be an array of values');
  }
  if (bound.length !== paramCount) {
    throw new TissDBLiteError(
      'INVALID_ARGUMENT',
      `TissQL: the statement has ${paramCount} parameter(s) but ${bound.length} value(s) were given`,
      bound.length < paramCount ? { serverMessage: 'Parameter index out of bounds.' } : {},
    );
  }
  return compileStatement(statement, bound, dialect, options.now ?? new Date());
}

export function compileStatement(statement: Statement, params: readonly unknown[], dialect: Dialect, now: Date): CompiledQuery {
  switch (statement.type) {
    case 'select':
      return compileSelect(statement, params, dialect);
    case 'insert':
      return compileInsert(statement, params, dialect, now);
    case 'update':
      return compileUpdate(statement, params, dialect);
    case 'delete':
      return {
        kind: 'delete',
        dialect,
        collection: statement.table.name,
        where: statement.where,
        filter: whereFilter(statement.where, params, dialect),
        params,
      };
  }
}

function whereFilter(where: Expr | null, params: readonly unknown[], dialect: Dialect): Record<string, unknown> | null {
  if (dialect === 'tissdb') return null;
  if (where === null) return {};
  if (hasAggregate(where)) {
    throw new TissDBLiteError('INVALID_QUERY', 'TissQL: aggregates are not allowed in WHERE (use HAVING)');
  }
  return exprToFilter(where, { semantics: 'sql', params }) ?? null;
}

function nonNegativeInt(expr: Expr | null, params: readonly unknown[], what: string): number | null {
  if (expr === null) return null;
  const v = constantValue(expr, params)?.value;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) {
    throw new TissDBLiteError('INVALID_QUERY', `TissQL: ${what} must be a non-negative integer, got ${String(v)}`);
  }
  return v;
}

function compileSelect(s: SelectStatement, params: readonly unknown[], dialect: Dialect): CompiledSelect {
  const columns: OutputColumn[] | null =
    s.columns === null ? null : s.columns.map((c) => ({ key: c.alias ?? columnKey(c.expr, dialect), expr: c.expr }));
  const groupBy = s.groupBy.map((expr) => ({ key: columnKey(expr, dialect), expr }));
  const aggregateNodes = [
    ...(s.columns ?? []).flatMap((c) => findAggregates(c.expr)),
    ...(s.having === null ? [] : findAggregates(s.having)),
    ...s.orderBy.flatMap((o) => findAggregates(o.expr)),
  ];
  const aggregates: AggregateSpec[] = [];
  for (const node of aggregateNodes) {
    const key = columnKey(node, dialect);
    if (!aggregates.some((a) => a.key === key)) aggregates.push({ key, fn: node.fn, arg: node.arg, distinct: node.distinct });
  }
  const orderBy = s.orderBy.map((o) => ({ expr: resolveAlias(o.expr, columns), direction: o.direction === 'asc' ? 1 : -1 }) as const);
  const simple =
    s.joins.length === 0 && groupBy.length === 0 && aggregates.length === 0 && s.having === null && !s.distinct && dialect === 'tissql';
  const sortable = simple && s.union === null && orderBy.every((o) => o.expr.type === 'field');
  const plainColumns = columns !== null && columns.every((c) => c.expr.type === 'field' && c.key === fieldName(c.expr));
  const server = dialect === 'tissdb';
  return {
    kind: 'select',
    dialect,
    collection: s.from.name,
    alias: s.from.alias ?? s.from.name,
    filter: s.joins.length > 0 ? null : whereFilter(s.where, params, dialect),
    where: s.where,
    sort: sortable && orderBy.length > 0 ? Object.fromEntries(orderBy.map((o) => [fieldName(o.expr) as string, o.direction])) : null,
    orderBy,
    skip: server ? null : nonNegativeInt(s.offset, params, 'OFFSET'),
    limit: server ? null : nonNegativeInt(s.limit, params, 'LIMIT'),
    projection: simple && plainColumns && columns !== null ? Object.fromEntries(columns.map((c) => [c.key, 1 as const])) : null,
    columns,
    distinct: s.distinct,
    groupBy,
    aggregates,
    having: server ? null : s.having,
    joins: s.joins.map((j) => ({ kind: j.kind, collection: j.table.name, alias: j.table.alias ?? j.table.name, on: j.on })),
    union: s.union === null ? null : { all: s.union.all, query: compileSelect(s.union.select, params, dialect) },
    params,
    statement: s,
  };
}

/** `ORDER BY n` where `n` is a select alias, or `ORDER BY 2` (a position), sorts by that column. */
function resolveAlias(expr: Expr, columns: OutputColumn[] | null): Expr {
  if (columns === null) return expr;
  if (expr.type === 'literal' && typeof expr.value === 'number' && Number.isInteger(expr.value)) {
    return columns[expr.value - 1]?.expr ?? expr;
  }
  if (expr.type !== 'field' || expr.path.length !== 1) return expr;
  const hit = columns.find((c) => c.key === expr.path[0] && !(c.expr.type === 'field' && c.expr.path.join('.') === c.key));
  return hit?.expr ?? expr;
}

function compileInsert(s: InsertStatement, params: readonly unknown[], dialect: Dialect, now: Date): CompiledInsert {
  const columns = s.columns;
  const rows = s.rows.map((row) => {
    if (columns === null || columns.length !== row.length) {
      throw new TissDBLiteError(
        'INVALID_QUERY',
        columns === null
          ? `TissQL: INSERT INTO ${s.table.name} needs a column list`
          : `TissQL: INSERT INTO ${s.table.name} names ${columns.length} column(s) but a row has ${row.length} value(s)`,
        { collection: s.table.name, serverMessage: 'Column count does not match value count.' },
      );
    }
    const doc: Record<string, unknown> = {};
    row.forEach((expr, i) => {
      const value = evaluate(expr, {}, { dialect, params, now });
      put(doc, columns[i] as string, dialect === 'tissdb' ? toStoredValue(value) : value);
    });
    return doc;
  });
  return { kind: 'insert', dialect, collection: s.table.name, rows };
}

function compileUpdate(s: UpdateStatement, params: readonly unknown[], dialect: Dialect): CompiledUpdate {
  const set = s.set.map((a) => ({ field: a.field.join('.'), expr: a.value }));
  for (const a of set) {
    if (hasAggregate(a.expr)) throw new TissDBLiteError('INVALID_QUERY', `TissQL: SET ${a.field} can't use an aggregate`);
  }
  const constants = set.map((a) => constantValue(a.expr, params));
  const allConstant = dialect === 'tissql' && constants.every((c) => c !== undefined);
  return {
    kind: 'update',
    dialect,
    collection: s.table.name,
    filter: whereFilter(s.where, params, dialect),
    where: s.where,
    set,
    update: allConstant ? { $set: Object.fromEntries(set.map((a, i) => [a.field, constants[i]?.value])) } : null,
    params,
  };
}
