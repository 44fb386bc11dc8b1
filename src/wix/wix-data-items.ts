/**
 * The same fake through `@wix/data`'s `items` names (`import { items } from '@wix/data'`): query,
 * get, insert, update, save, remove, truncate, bulk*, aggregate, queryReferenced and the other
 * reference calls. Differences from the Velo flavour, as the SDK documents them: results report
 * `totalCount`/`totalPages` only with `find({ returnTotalCount: true })`, and insert/save/update
 * never write onto the object passed in.
 *
 * @example
 * const items = createWixDataItems(db);
 * const page = await items.query('Movies').find({ returnTotalCount: true });
 */
import type { TissDBLite } from '../core';
import type { CreateWixDataOptions } from './types';
import type { WixDataModule } from './module-types';
import { buildModule } from './wix-data';

export type WixDataItemsModule = WixDataModule;

export function createWixDataItems(db?: TissDBLite, options: CreateWixDataOptions = {}): WixDataItemsModule {
  return buildModule(db, options, 'sdk');
}
