import type { WixItem } from './codec';

/** Field types the CMS would hold; only references matter to the fake. */
export interface WixFieldSchema {
  type: 'reference' | 'multi-reference' | string;
  /** The collection a (multi-)reference field points into. */
  referencedCollection?: string;
}

/**
 * Collections' schemas, keyed by collection name. Named collections are created up front.
 * @example
 * { Movies: { fields: { actors: { type: 'multi-reference', referencedCollection: 'People' },
 *                       director: { type: 'reference', referencedCollection: 'People' } } } }
 */
export type WixSchemas = Record<string, { fields?: Record<string, WixFieldSchema> }>;

/**
 * The site's `backend/data.js` module as imported: functions named `<Collection>_<hook>`, e.g.
 * `Movies_beforeInsert(item, context)`. Other exports are ignored.
 */
export type DataHooksModule = Record<string, unknown>;

/** The `context` argument data hooks receive. */
export interface WixDataHookContext {
  collectionName: string;
  userId: string | null;
  userRole: string;
  /** beforeUpdate / afterUpdate: the stored item before the update. */
  currentItem?: WixItem;
}

/** Velo WixDataOptions (the fake reads `suppressHooks`; the others are accepted). */
export interface WixDataOptions {
  suppressHooks?: boolean;
  suppressAuth?: boolean;
  consistentRead?: boolean;
  showDrafts?: boolean;
  language?: string;
  /** bulkInsert: replace items whose `_id` exists instead of skipping them. */
  overrideExisting?: boolean;
}

export interface CreateWixDataOptions {
  /** `_owner` of inserted items and `context.userId` in hooks. Default null (no `_owner`). */
  ownerId?: string;
  /** `context.userRole` in hooks. Default 'siteOwner' (backend code). */
  userRole?: string;
  hooks?: DataHooksModule;
  schemas?: WixSchemas;
  /**
   * When true, writes to a collection that doesn't exist fail with WDE0025 as on Wix, where
   * collections are made in the CMS. Default false: writes create it (reads always need it).
   */
  strictCollections?: boolean;
}

/** A failed item in a bulk operation: Velo's BulkError fields. */
export interface WixDataBulkError {
  code: string;
  message: string;
  originalIndex: number;
  item: unknown;
}

/** Velo WixDataBulkResult. `removed`/`removedItemIds` only from bulkRemove. */
export interface WixDataBulkResult {
  inserted: number;
  updated: number;
  skipped: number;
  insertedItemIds: string[];
  updatedItemIds: string[];
  removed?: number;
  removedItemIds?: string[];
  errors: WixDataBulkError[];
}
