// tissdb-lite/wix: a fake Velo `wix-data` / `@wix/data` on TissDBLite, item codecs, and a bridge
// that runs MongoDB-style filters on the real module. No `node:` imports: runs in Velo and browsers.
export { createWixData } from './wix-data';
export { createWixDataItems } from './wix-data-items';
export { WixDataError, isWixDataError } from './errors';
export { WixDataFilter } from './filter/wix-filter';
export { WixDataQuery } from './query/wix-query';
export { WixDataQueryResult } from './query/result';
export { WixDataAggregate, WixDataAggregateResult } from './aggregate';
export { toWixItem, fromWixItem, toWixRestItem, fromWixRestItem } from './codec';
export { toWixQuery } from './bridge/to-wix-query';
export { executeQuery, withWixExecuteQuery, wixQueryExecutor } from './bridge/execute-query';
export type { WixItem, WixRestDataItem } from './codec';
export type { WixDataModule, WixReference } from './module-types';
export type { WixDataItemsModule } from './wix-data-items';
export type { WixDataQueryOptions } from './query/wix-query';
export type { WixDataAggregateRunOptions } from './aggregate';
export type { QueryReferencedOptions } from './references';
export type { ToWixQueryOptions } from './bridge/to-wix-query';
export type { TranslateOptions } from './bridge/translate';
export type { ExecuteQueryCommand, LegacyQueryCommand } from './bridge/execute-query';
export type { WixDataLike, WixFilterBuilder, WixQueryBuilder, WixQueryResultLike } from './bridge/builder';
export type {
  CreateWixDataOptions,
  DataHooksModule,
  WixDataBulkError,
  WixDataBulkResult,
  WixDataHookContext,
  WixDataOptions,
  WixFieldSchema,
  WixSchemas,
} from './types';
