/**
 * `db.sql()`: TissQL over this database's collections. The language lives in src/tissql (pure,
 * over a DataSource); this file adapts the collections to that interface, so SQL reads go through
 * `Collection.find` (indexes, planner, explain) and writes through `update`/`insert`/`remove`.
 * Every statement runs inside `db.transaction`: a write that fails half-way changes nothing.
 */
import { runTissQL } from '../tissql/run';
import type { DataSource, Row } from '../tissql/source';
import type { TissDBLite } from './db';
import { TissDBLiteError } from './errors';
import type { Doc } from './types';

export interface SqlOptions {
  /**
   * 'tissql' (default): SQL semantics (AND over OR, NULL unknown, LIMIT/OFFSET honoured); SELECT
   * returns rows, INSERT/UPDATE/DELETE `{ affected }`. 'tissdb': exactly what the real TissDB
   * server answers, including its quirks and the `{"_id":"summary",...}` rows for writes.
   */
  dialect?: 'tissql' | 'tissdb';
  /** 'tissdb' INSERT ids (default: a random unsigned 64-bit integer, as the server). */
  randomId?: () => string;
  /** The statement's clock for NOW() (default: now). */
  now?: Date;
}

export type SqlResult = Doc[] | { affected: number };

function dataSource(db: TissDBLite): DataSource {
  return {
    hasCollection: (name) => db.hasCollection(name),
    find: (name, filter, options) => db.collection(name).find(filter, options ?? {}) as Row[],
    insert: (name, doc) => db.collection(name).insert(doc as Doc)._id,
    updateMany: (name, filter, set) => {
      if (Object.keys(set).length === 0) return db.collection(name).count(filter);
      return db.collection(name).update(filter, { $set: set }, { multi: true }).matched;
    },
    setFields: (name, id, fields) => {
      // Keys come from statement text: defineProperty keeps `__proto__` a key the core then refuses.
      const set: Record<string, unknown> = {};
      const unset: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(fields)) {
        Object.defineProperty(v === undefined ? unset : set, k, { value: v === undefined ? '' : v, enumerable: true, writable: true, configurable: true });
      }
      const spec: Record<string, unknown> = {};
      if (Object.keys(set).length > 0) spec['$set'] = set;
      if (Object.keys(unset).length > 0) spec['$unset'] = unset;
      if (Object.keys(spec).length > 0) db.collection(name).update({ _id: id }, spec);
    },
    removeMany: (name, filter) => db.collection(name).remove(filter, { multi: true }),
  };
}

/**
 * @example
 * db.sql('SELECT name FROM users WHERE age > ? ORDER BY name LIMIT 2', [30])
 * // -> [{ _id: 'u1', name: 'Ada' }, { _id: 'u3', name: 'Cy' }]
 */
export function executeSql(
  db: TissDBLite,
  sql: string,
  params: readonly unknown[] | undefined,
  options: SqlOptions | undefined,
): SqlResult {
  if (params !== undefined && !Array.isArray(params)) {
    throw new TissDBLiteError('INVALID_ARGUMENT', 'db.sql: params must be an array of values');
  }
  const opts = options ?? {};
  const run = {
    dialect: opts.dialect ?? 'tissql',
    ...(opts.randomId === undefined ? {} : { randomId: opts.randomId }),
    ...(opts.now === undefined ? {} : { now: opts.now }),
  };
  const source = dataSource(db);
  return db.transaction(() => runTissQL(source, sql, params, run) as SqlResult);
}
