/**
 * `runTissQL(source, sql, params, options)`: compile and execute one statement against any
 * DataSource. The core's `db.sql` is this over its collections (src/core/sql.ts).
 */
import type { Dialect } from './ast';
import { compileTissQL } from './compile';
import type { CompiledQuery } from './compiled';
import { TissDBLiteError } from './errors';
import type { RunContext } from './run-context';
import { randomUint64String } from './run-context';
import { runSelect } from './run-select';
import { runDelete, runInsert, runUpdate } from './run-write';
import type { DataSource, SqlResult } from './source';

export interface RunOptions {
  /** 'tissql' (default) or 'tissdb' (the real server's semantics and result rows). */
  dialect?: Dialect;
  /** The statement's clock (NOW()). */
  now?: Date;
  /** 'tissdb' INSERT ids; default: a random unsigned 64-bit integer in decimal, as the server. */
  randomId?: () => string;
}

export function runCompiled(q: CompiledQuery, source: DataSource, options: RunOptions = {}): SqlResult {
  const ctx: RunContext = {
    source,
    dialect: q.dialect,
    params: 'params' in q ? q.params : [],
    now: options.now ?? new Date(),
    randomId: options.randomId ?? randomUint64String,
  };
  switch (q.kind) {
    case 'select':
      return runSelect(q, ctx);
    case 'insert':
      return runInsert(q, ctx);
    case 'update':
      return runUpdate(q, ctx);
    case 'delete':
      return runDelete(q, ctx);
  }
}

export function runTissQL(source: DataSource, sql: string, params?: readonly unknown[], options: RunOptions = {}): SqlResult {
  const dialect = options.dialect ?? 'tissql';
  if (dialect !== 'tissql' && dialect !== 'tissdb') {
    throw new TissDBLiteError('INVALID_ARGUMENT', `db.sql: unknown dialect '${String(dialect)}' (use 'tissql' or 'tissdb')`);
  }
  const now = options.now ?? new Date();
  const compiled = compileTissQL(sql, params, { dialect, now });
  return runCompiled(compiled, source, { ...options, now });
}
