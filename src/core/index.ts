// tissdb-lite: the embedded engine. No `node:` imports: this entry runs in Node 18+, browsers,
// workers and Wix Velo.
export { TissDBLite } from './db';
export { Collection } from './collection';
export { TissDBLiteError, isTissDBLiteError } from './errors';
export { findIn } from './query';
export { encodeDates, decodeDates } from './json-codec';
export type { ErrorCode, ErrorDetails } from './errors';
export type { SqlOptions, SqlResult } from './sql';
export type {
  ChangeEvent,
  ChangeListener,
  ChangeOp,
  CollectionOptions,
  Doc,
  ExplainResult,
  Filter,
  FindOptions,
  ImportMode,
  ImportResult,
  IndexInfo,
  IndexSpec,
  NewDoc,
  Projection,
  RemoveOptions,
  Scalar,
  Snapshot,
  SortSpec,
  Stored,
  SystemFields,
  TissDBLiteOptions,
  UpdateOptions,
  UpdateResult,
  UpdateSpec,
  Value,
} from './types';
