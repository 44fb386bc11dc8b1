/**
 * Mongo filter + find options → a parameterised TissQL SELECT that the 'tissql' dialect answers
 * exactly as `collection.find(filter, options)` does. Negation is pushed down to the leaves in
 * Mongo terms and each leaf is written so NULL can't turn it unknown (`$ne: 5` becomes
 * `(f != ? OR f IS NULL)`), because SQL's NOT is three-valued and Mongo's is not.
 */
import { TissDBLiteError } from './errors';
import { quoteName } from './printer';
import { toServerTissQL } from './to-tissdb';
import type { ToTissDBResult } from './to-tissdb';
import { regexToLike } from './regex-like';

export interface ToTissQLOptions {
  sort?: Record<string, 1 | -1>;
  skip?: number;
  limit?: number;
  projection?: Record<string, 0 | 1 | boolean>;
  /** 'tissql' (default): parameterised, for `db.sql`. 'tissdb': for the real server, see to-tissdb.ts. */
  target?: 'tissql' | 'tissdb';
}

export interface ToTissQLResult {
  query: string;
  params: unknown[];
}

type Filter = Record<string, unknown>;

function fail(message: string): TissDBLiteError {
  return new TissDBLiteError('INVALID_QUERY', `toTissQL: ${message}`);
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date) && !(v instanceof RegExp);
}

export function fieldSql(path: string): string {
  return path.split('.').map(quoteName).join('.');
}

class Writer {
  readonly params: unknown[] = [];
  bind(value: unknown): string {
    this.params.push(value);
    return '?';
  }
}

function join(op: 'AND' | 'OR', parts: string[], empty: string): string {
  if (parts.length === 0) return empty;
  return parts.length === 1 ? (parts[0] as string) : `(${parts.join(` ${op} `)})`;
}

function filterSql(filter: unknown, w: Writer, negate: boolean): string {
  if (!isPlainObject(filter)) throw fail('a filter must be an object');
  const parts: string[] = [];
  for (const [key, cond] of Object.entries(filter)) {
    if (key === '$and' || key === '$or' || key === '$nor') {
      if (!Array.isArray(cond)) throw fail(`${key} takes an array of filters`);
      const inner = cond.map((f) => filterSql(f, w, key === '$nor' ? !negate : negate));
      const isAnd = key === '$and' || key === '$nor';
      parts.push(join(isAnd !== negate ? 'AND' : 'OR', inner, isAnd !== negate ? 'TRUE' : 'FALSE'));
    } else if (key.startsWith('$')) {
      throw fail(`${key} has no TissQL equivalent`);
    } else {
      parts.push(fieldSqlCondition(key, cond, w, negate));
    }
  }
  return negate ? join('OR', parts, 'FALSE') : join('AND', parts, 'TRUE');
}

function isOperatorObject(v: unknown): v is Record<string, unknown> {
  return isPlainObject(v) && Object.keys(v).length > 0 && Object.keys(v).every((k) => k.startsWith('$'));
}

function fieldSqlCondition(path: string, cond: unknown, w: Writer, negate: boolean): string {
  if (cond instanceof RegExp) return leaf(path, '$regex', cond, w, negate, cond.flags);
  if (!isOperatorObject(cond)) return leaf(path, '$eq', cond, w, negate);
  const parts: string[] = [];
  const flags = typeof cond['$options'] === 'string' ? cond['$options'] : '';
  for (const [op, value] of Object.entries(cond)) {
    if (op === '$options') continue;
    if (op === '$not') {
      const inner = value instanceof RegExp ? { $regex: value } : value;
      if (!isOperatorObject(inner)) throw fail(`$not on ${path} takes an operator object or a regex`);
      parts.push(fieldSqlCondition(path, inner, w, !negate));
    } else {
      parts.push(leaf(path, op, value, w, negate, flags));
    }
  }
  return negate ? join('OR', parts, 'FALSE') : join('AND', parts, 'TRUE');
}

const ORDER_OPS: Record<string, string> = { $gt: '>', $gte: '>=', $lt: '<', $lte: '<=' };

function leaf(path: string, op: string, value: unknown, w: Writer, negate: boolean, flags = ''): string {
  const f = fieldSql(path);
  switch (op) {
    case '$eq':
      if (value === null) return negate ? `${f} IS NOT NULL` : `${f} IS NULL`;
      return negate ? `(${f} != ${w.bind(value)} OR ${f} IS NULL)` : `${f} = ${w.bind(value)}`;
    case '$ne':
      return leaf(path, '$eq', value, w, !negate);
    case '$gt':
    case '$gte':
    case '$lt':
    case '$lte': {
      const sqlOp = ORDER_OPS[op] as string;
      if (value === null) {
        // $gt/$lt null match nothing; $gte/$lte null match a null but not a missing field, a
        // difference SQL can't express.
        if (op === '$gt' || op === '$lt') return negate ? 'TRUE' : 'FALSE';
        throw fail(`${op}: null on ${path}: TissQL can't tell a missing field from a null one`);
      }
      return negate ? `(NOT ${f} ${sqlOp} ${w.bind(value)} OR ${f} IS NULL)` : `${f} ${sqlOp} ${w.bind(value)}`;
    }
    case '$in':
    case '$nin':
      return inLeaf(f, op === '$nin' ? !negate : negate, value, w);
    case '$regex': {
      if (flags !== '' && flags !== 's') throw fail(`regex flags '${flags}' on ${path} have no LIKE equivalent`);
      const like = regexToLike(value);
      if (like === undefined) throw fail(`the regex on ${path} has no LIKE equivalent`);
      return negate ? `(${f} NOT LIKE ${w.bind(like)} OR ${f} IS NULL)` : `${f} LIKE ${w.bind(like)}`;
    }
    case '$exists':
      throw fail(`$exists on ${path}: TissQL can't tell a missing field from a null one (use IS NULL)`);
    default:
      throw fail(`${op} on ${path} has no TissQL equivalent`);
  }
}

function inLeaf(f: string, negate: boolean, value: unknown, w: Writer): string {
  if (!Array.isArray(value)) throw fail('$in/$nin take an array');
  if (value.some((v) => v instanceof RegExp)) throw fail('regexes inside $in/$nin have no TissQL equivalent');
  const values = value.filter((v) => v !== null);
  const withNull = values.length !== value.length;
  const list = values.length === 0 ? '' : `${f} ${negate ? 'NOT IN' : 'IN'} (${values.map((v) => w.bind(v)).join(', ')})`;
  if (!negate) {
    if (list === '') return withNull ? `${f} IS NULL` : 'FALSE';
    return withNull ? `(${list} OR ${f} IS NULL)` : list;
  }
  if (list === '') return withNull ? `${f} IS NOT NULL` : 'TRUE';
  return withNull ? `(${f} IS NOT NULL AND ${list})` : `(${list} OR ${f} IS NULL)`;
}

function selectList(projection: ToTissQLOptions['projection']): string {
  if (projection === undefined || Object.keys(projection).length === 0) return '*';
  const entries = Object.entries(projection);
  const included = entries.filter(([, v]) => v === 1 || v === true).map(([k]) => k);
  const excluded = entries.filter(([, v]) => v === 0 || v === false).map(([k]) => k);
  if (excluded.length > 0 || included.length === 0) {
    throw fail('only inclusion projections ({ a: 1, b: 1 }) have a TissQL select list');
  }
  return included.map(fieldSql).join(', ');
}

/**
 * @example
 * toTissQL('users', { age: { $gte: 30 }, city: { $in: ['Oslo', 'Rome'] } }, { sort: { age: -1 }, limit: 10 })
 * // -> { query: 'SELECT * FROM users WHERE (age >= ? AND city IN (?, ?)) ORDER BY age DESC LIMIT ?',
 * //      params: [30, 'Oslo', 'Rome', 10] }
 */
export function toTissQL(collection: string, filter?: Filter, options?: ToTissQLOptions & { target?: 'tissql' }): ToTissQLResult;
export function toTissQL(collection: string, filter: Filter | undefined, options: ToTissQLOptions & { target: 'tissdb' }): ToTissDBResult;
export function toTissQL(collection: string, filter: Filter = {}, options: ToTissQLOptions = {}): ToTissQLResult | ToTissDBResult {
  if (typeof collection !== 'string' || collection === '') throw new TissDBLiteError('INVALID_ARGUMENT', 'toTissQL: collection must be a non-empty string');
  if (options.target === 'tissdb') return toServerTissQL(collection, filter, options);
  const w = new Writer();
  const where = filterSql(filter, w, false);
  let query = `SELECT ${selectList(options.projection)} FROM ${quoteName(collection)}`;
  if (where !== 'TRUE') query += ` WHERE ${where}`;
  const sort = Object.entries(options.sort ?? {});
  if (sort.length > 0) query += ` ORDER BY ${sort.map(([k, d]) => `${fieldSql(k)} ${d === -1 ? 'DESC' : 'ASC'}`).join(', ')}`;
  if (options.limit !== undefined) query += ` LIMIT ${w.bind(options.limit)}`;
  if (options.skip !== undefined) query += ` OFFSET ${w.bind(options.skip)}`;
  return { query, params: w.params };
}
