/**
 * What the TissQL executor needs from a database. The core adapts its collections to this
 * (src/core/sql.ts), so `src/tissql` stays free of core imports and runs over any store.
 */
import type { Filter } from './to-filter';

export type Row = Record<string, unknown>;

export interface SourceFindOptions {
  sort?: Record<string, 1 | -1>;
  skip?: number;
  limit?: number;
  projection?: Record<string, 1>;
}

export interface DataSource {
  hasCollection(name: string): boolean;
  /** Copies of the matching documents: insertion order unless `sort` is given. */
  find(collection: string, filter: Filter, options?: SourceFindOptions): Row[];
  /** Inserts one document (an `_id` in it is kept); returns the stored `_id`. */
  insert(collection: string, doc: Row): string;
  /** `$set` on every document matching `filter`; returns how many matched. */
  updateMany(collection: string, filter: Filter, set: Record<string, unknown>): number;
  /** `$set` (and `$unset` for `undefined`) on one document by `_id`. */
  setFields(collection: string, id: string, fields: Record<string, unknown>): void;
  /** Removes every document matching `filter`; returns how many. */
  removeMany(collection: string, filter: Filter): number;
}

/** Statement results: rows for SELECT (and for writes in 'tissdb', its summary row). */
export type SqlResult = Row[] | { affected: number };
