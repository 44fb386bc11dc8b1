/** A value a document field can hold: JSON values plus `Date`. */
export type Scalar = string | number | boolean | null | Date;
export type Value = Scalar | Value[] | { [key: string]: Value };

/** A stored document. */
export interface Doc {
  [key: string]: Value;
}

/** Fields the engine sets on every stored document. */
export interface SystemFields {
  _id: string;
  _createdDate: Date;
  _updatedDate: Date;
}

/** What a caller hands to `insert`: any object; `_id` may be given. */
export type NewDoc<T> = T & { _id?: string };

/** A document as stored and returned: the caller's shape plus the system fields. */
export type Stored<T> = T & SystemFields;

/**
 * A MongoDB query filter (`{ age: { $gte: 30 }, city: 'Oslo' }`), evaluated with mingo's semantics.
 * Kept loose on purpose: dotted paths and operators can't be checked against `T` without making
 * ordinary filters fail to compile.
 */
export type Filter = Record<string, unknown>;

/** A MongoDB update: operators (`{ $set: { a: 1 } }`). */
export type UpdateSpec = Record<string, unknown>;

export type SortSpec = Record<string, 1 | -1>;
export type Projection = Record<string, 0 | 1 | boolean>;

export interface FindOptions {
  sort?: SortSpec;
  skip?: number;
  limit?: number;
  projection?: Projection;
  /**
   * `false` returns deep-frozen documents shared with the store instead of copies: no copying cost,
   * and any attempt to mutate them throws. Default `true`.
   */
  clone?: boolean;
}

export type IndexSpec = string | string[] | { fields: string[]; unique?: boolean; name?: string };

export interface CollectionOptions {
  indexes?: IndexSpec[];
}

export interface IndexInfo {
  name: string;
  fields: string[];
  unique: boolean;
}

export interface UpdateOptions {
  multi?: boolean;
  upsert?: boolean;
}

export interface UpdateResult {
  matched: number;
  modified: number;
  upsertedId?: string;
}

export interface RemoveOptions {
  multi?: boolean;
}

export interface ExplainResult {
  plan: 'IXSCAN' | 'COLLSCAN';
  index?: string;
  /** Index names when an `$or` is answered by a union of indexes. */
  indexes?: string[];
  scanned: number;
  returned: number;
}

export type ChangeOp = 'insert' | 'update' | 'replace' | 'remove' | 'clear' | 'drop';

export interface ChangeEvent {
  op: ChangeOp;
  collection: string;
  id?: string;
  /** The document after the write (insert, update, replace) or as it was (remove). */
  doc?: Doc;
}

export type ChangeListener = (event: ChangeEvent) => void;

export type ImportMode = 'insert' | 'upsert' | 'replace';

export interface ImportResult {
  inserted: number;
  updated: number;
}

export interface TissDBLiteOptions {
  generateId?: () => string;
  now?: () => Date;
  /** Default for `FindOptions.clone`. */
  clone?: boolean;
}

/** A JSON-safe image of a database. Dates are encoded as `{ $date: iso }` so they come back as Dates. */
export interface Snapshot {
  format: 'tissdb-lite/snapshot';
  version: 1;
  collections: Array<{
    name: string;
    indexes: IndexInfo[];
    documents: unknown[];
  }>;
}
