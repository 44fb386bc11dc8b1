import type { TissDBLite } from '../core';
import type { WixDataAggregate } from './aggregate';
import type { WixItem } from './codec';
import type { WixDataFilter } from './filter/wix-filter';
import type { WixDataQueryResult } from './query/result';
import type { WixDataQuery } from './query/wix-query';
import type { QueryReferencedOptions } from './references';
import type { WixDataBulkResult, WixDataOptions } from './types';

/** A reference argument: an item's `_id` or the item itself. */
export type WixReference = string | WixItem;

/**
 * The fake module's surface: Velo `wix-data` names and signatures (`createWixData`), also served
 * under `@wix/data`'s `items` names (`createWixDataItems`).
 */
export interface WixDataModule {
  /** The TissDBLite behind this module (not part of Wix's API). */
  readonly db: TissDBLite;
  query(collectionId: string): WixDataQuery;
  filter(): WixDataFilter;
  aggregate(collectionId: string): WixDataAggregate;
  /** The item, or null when there is none. */
  get(collectionId: string, itemId: string, options?: WixDataOptions): Promise<WixItem | null>;
  /** Adds `_id` (unless given), `_owner`, `_createdDate`, `_updatedDate`; WDE0074 for an existing `_id`. */
  insert(collectionId: string, item: WixItem, options?: WixDataOptions): Promise<WixItem>;
  /** Replaces the whole item; WDE0007 without a string `_id`, WDE0073 when it doesn't exist. */
  update(collectionId: string, item: WixItem, options?: WixDataOptions): Promise<WixItem>;
  /** Insert, or replace the item with that `_id`. */
  save(collectionId: string, item: WixItem, options?: WixDataOptions): Promise<WixItem>;
  /** The removed item, or null when there was none. */
  remove(collectionId: string, itemId: string, options?: WixDataOptions): Promise<WixItem | null>;
  truncate(collectionId: string, options?: WixDataOptions): Promise<null>;
  bulkInsert(collectionId: string, items: WixItem[], options?: WixDataOptions): Promise<WixDataBulkResult>;
  bulkSave(collectionId: string, items: WixItem[], options?: WixDataOptions): Promise<WixDataBulkResult>;
  bulkUpdate(collectionId: string, items: WixItem[], options?: WixDataOptions): Promise<WixDataBulkResult>;
  bulkRemove(collectionId: string, itemIds: string[], options?: WixDataOptions): Promise<WixDataBulkResult>;
  queryReferenced(collectionId: string, item: WixReference, field: string, options?: QueryReferencedOptions): Promise<WixDataQueryResult<WixItem, undefined>>;
  insertReference(collectionId: string, field: string, referring: WixReference, referenced: WixReference | WixReference[], options?: WixDataOptions): Promise<void>;
  removeReference(collectionId: string, field: string, referring: WixReference, referenced: WixReference | WixReference[], options?: WixDataOptions): Promise<void>;
  replaceReferences(collectionId: string, field: string, referring: WixReference, referenced: WixReference | WixReference[], options?: WixDataOptions): Promise<void>;
  isReferenced(collectionId: string, field: string, referring: WixReference, referenced: WixReference, options?: WixDataOptions): Promise<boolean>;
}
