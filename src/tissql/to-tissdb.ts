/**
 * Mongo filter + find options → TissQL for the real TissDB server (tissdb-wire.md §5), which takes
 * no parameters, ignores LIMIT/OFFSET, has no operator precedence, no prefix NOT, no negative
 * literals, no IN, reads some quoted literals as timestamps, and compares null as the text
 * "null". Only predicates it evaluates as a superset of Mongo's answer are sent (values inlined
 * with '' quoting, every group parenthesised, `IN` expanded to `OR`, `-5` as `(0 - 5)`); the
 * conjuncts it can't answer exactly come back in `clientSide.filter`, with sort, skip, limit and
 * any projection it couldn't apply, for the caller to run over the fetched rows.
 *
 * Assumption: the filtered fields hold scalars. The server never matches an array against
 * anything, so Mongo's any-element matching on array fields can't be pushed down.
 */
import { TissDBLiteError } from './errors';
import { isReserved } from './keywords';
import { prefixNumber } from './server-values';
import { timestampFromQuoted } from './temporal';

type Filter = Record<string, unknown>;

export interface ClientSide {
  filter?: Filter;
  sort?: Record<string, 1 | -1>;
  skip?: number;
  limit?: number;
  projection?: Record<string, 0 | 1 | boolean>;
}

export interface ToTissDBResult {
  query: string;
  params: [];
  clientSide: ClientSide;
}

interface Pushed {
  /** `null`: nothing sent (the server returns everything for this part). */
  sql: string | null;
  /** The server's answer equals Mongo's for this part, so the client needn't re-check it. */
  exact: boolean;
}

const NONE: Pushed = { sql: null, exact: false };

function serverName(name: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !isReserved(name, 'tissdb') && name !== 'id';
}

function isPlain(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date) && !(v instanceof RegExp);
}

function numberLiteral(n: number): string | null {
  if (!Number.isFinite(n)) return null;
  const text = String(Math.abs(n));
  if (text.includes('e')) return null;
  return n < 0 ? `(0 - ${text})` : text;
}

/** A string the server compares as plain text against any stored value. */
function textSafe(s: string): boolean {
  return timestampFromQuoted(s) === undefined && prefixNumber(s) === undefined && s !== 'null';
}

function stringLiteral(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

function and(parts: Pushed[]): Pushed {
  const sent = parts.filter((p) => p.sql !== null).map((p) => p.sql as string);
  const exact = parts.every((p) => p.exact);
  if (sent.length === 0) return { sql: null, exact };
  return { sql: sent.length === 1 ? (sent[0] as string) : `(${sent.join(' AND ')})`, exact };
}

function or(parts: Pushed[]): Pushed {
  if (parts.length === 0 || parts.some((p) => p.sql === null)) return NONE;
  const sql = parts.length === 1 ? (parts[0]?.sql as string) : `(${parts.map((p) => p.sql).join(' OR ')})`;
  return { sql, exact: parts.every((p) => p.exact) };
}

function eq(f: string, v: unknown): Pushed {
  if (typeof v === 'string') {
    if (timestampFromQuoted(v) !== undefined) return NONE;
    return { sql: `${f} = ${stringLiteral(v)}`, exact: textSafe(v) };
  }
  if (typeof v === 'number') {
    const lit = numberLiteral(v);
    return lit === null ? NONE : { sql: `${f} = ${lit}`, exact: false };
  }
  if (typeof v === 'boolean') return { sql: `${f} = ${v ? 'TRUE' : 'FALSE'}`, exact: false };
  if (v === null) return { sql: `${f} = NULL`, exact: false };
  return NONE;
}

function leaf(f: string, op: string, v: unknown): Pushed {
  switch (op) {
    case '$eq':
      return eq(f, v);
    case '$ne':
      return typeof v === 'string' && textSafe(v) ? { sql: `${f} != ${stringLiteral(v)}`, exact: true } : NONE;
    case '$gt':
    case '$gte':
    case '$lt':
    case '$lte': {
      const sqlOp = { $gt: '>', $gte: '>=', $lt: '<', $lte: '<=' }[op];
      if (typeof v === 'number') {
        const lit = numberLiteral(v);
        return lit === null ? NONE : { sql: `${f} ${sqlOp} ${lit}`, exact: false };
      }
      if (typeof v === 'string' && textSafe(v)) return { sql: `${f} ${sqlOp} ${stringLiteral(v)}`, exact: false };
      return NONE;
    }
    case '$in':
      return Array.isArray(v) ? or(v.map((x) => eq(f, x))) : NONE;
    case '$nin':
      return Array.isArray(v) ? and(v.map((x) => leaf(f, '$ne', x))) : NONE;
    default:
      return NONE;
  }
}

function pushField(name: string, cond: unknown): Pushed {
  if (!serverName(name)) return NONE;
  if (!isPlain(cond) || !Object.keys(cond).every((k) => k.startsWith('$')) || Object.keys(cond).length === 0) {
    return eq(name, cond);
  }
  return and(Object.entries(cond).map(([op, v]) => leaf(name, op, v)));
}

function pushConjunct(key: string, cond: unknown): Pushed {
  if (key === '$and') return Array.isArray(cond) ? and(cond.map(pushFilter)) : NONE;
  if (key === '$or') return Array.isArray(cond) ? or(cond.map(pushFilter)) : NONE;
  if (key.startsWith('$')) return NONE;
  return pushField(key, cond);
}

function pushFilter(filter: unknown): Pushed {
  if (!isPlain(filter)) return NONE;
  return and(Object.entries(filter).map(([k, v]) => pushConjunct(k, v)));
}

/** Top-level field names a filter reads (through $and/$or/$nor). */
function fieldsOf(filter: Filter, out: Set<string>): void {
  for (const [k, v] of Object.entries(filter)) {
    if (k === '$and' || k === '$or' || k === '$nor') {
      if (Array.isArray(v)) for (const f of v) if (isPlain(f)) fieldsOf(f, out);
    } else if (!k.startsWith('$')) {
      out.add(k.split('.')[0] as string);
    }
  }
}

export function toServerTissQL(collection: string, filter: Filter, options: {
  sort?: Record<string, 1 | -1>;
  skip?: number;
  limit?: number;
  projection?: Record<string, 0 | 1 | boolean>;
}): ToTissDBResult {
  if (!serverName(collection)) {
    throw new TissDBLiteError('INVALID_ARGUMENT', `toTissQL: '${collection}' can't be named in a TissDB query`);
  }
  const residual: Filter[] = [];
  const sent: string[] = [];
  for (const [key, cond] of Object.entries(filter)) {
    const pushed = pushConjunct(key, cond);
    if (pushed.sql !== null) sent.push(pushed.sql);
    if (!pushed.exact) residual.push({ [key]: cond });
  }
  const clientSide: ClientSide = {};
  if (residual.length > 0) clientSide.filter = residual.length === 1 ? (residual[0] as Filter) : { $and: residual };
  if (options.sort !== undefined && Object.keys(options.sort).length > 0) clientSide.sort = options.sort;
  if (options.skip !== undefined && options.skip > 0) clientSide.skip = options.skip;
  if (options.limit !== undefined && options.limit > 0) clientSide.limit = options.limit;
  const columns = selectColumns(options.projection, clientSide);
  let query = `SELECT ${columns} FROM ${collection}`;
  if (sent.length > 0) query += ` WHERE ${sent.length === 1 ? sent[0] : `(${sent.join(' AND ')})`}`;
  return { query, params: [], clientSide };
}

/** Pushes an inclusion projection when the server can apply it; keeps what the client still needs. */
function selectColumns(projection: Record<string, 0 | 1 | boolean> | undefined, clientSide: ClientSide): string {
  if (projection === undefined || Object.keys(projection).length === 0) return '*';
  const entries = Object.entries(projection);
  const inclusion = entries.every(([, v]) => v === 1 || v === true);
  const names = entries.map(([k]) => k);
  if (!inclusion || !names.every((n) => n === '_id' || serverName(n))) {
    clientSide.projection = projection;
    return '*';
  }
  const needed = new Set(names.filter((n) => n !== '_id'));
  const before = needed.size;
  if (clientSide.filter !== undefined) fieldsOf(clientSide.filter, needed);
  for (const k of Object.keys(clientSide.sort ?? {})) needed.add(k.split('.')[0] as string);
  if (![...needed].every(serverName)) {
    clientSide.projection = projection;
    return '*';
  }
  if (needed.size !== before) clientSide.projection = projection;
  return needed.size === 0 ? '_id' : [...needed].join(', ');
}
