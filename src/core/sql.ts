// Placeholder until the TissQL executor lands (owned by the TissQL work): db.sql is wired to this.
import { TissDBLiteError } from './errors';
import type { Doc } from './types';
import type { TissDBLite } from './db';

export interface SqlOptions {
  dialect?: 'tissql' | 'tissdb';
}
export type SqlResult = Doc[] | { affected: number };

export function executeSql(
  _db: TissDBLite,
  _sql: string,
  _params: readonly unknown[] | undefined,
  _options: SqlOptions | undefined,
): SqlResult {
  throw new TissDBLiteError('INVALID_QUERY', 'db.sql: the TissQL executor is not built yet');
}
