/**
 * Mirrors Velo wix-data bulkInsert/bulkSave/bulkUpdate/bulkRemove: at most 1000 items (WDE0006 /
 * WDE0069), per-item hooks, per-item failures reported in `errors` with `originalIndex` and `item`
 * (Velo's BulkError) while the other items go through. bulkInsert skips ids that exist (replaces
 * them with `overrideExisting`); bulkUpdate and bulkRemove skip ids that don't exist.
 */
import { MAX_BULK } from '../_store';
import { asWixError } from '../_store';
import { operation, requireCollectionName, type Kit } from '../_kit';
import type { WixItem } from '../codec';
import { WixDataError, wixErrors } from '../errors';
import { isId, isItem } from '../hooks';
import { isPlainObject } from '../_tree';
import type { WixDataBulkResult } from '../types';
import { dropReferencesTo } from '../references-fields';
import { insertOne, replaceOne } from './single';

type Mode = 'insert' | 'save' | 'update';

function emptyResult(): WixDataBulkResult {
  return { inserted: 0, updated: 0, skipped: 0, insertedItemIds: [], updatedItemIds: [], errors: [] };
}

function recordError(result: WixDataBulkResult, error: unknown, collection: string, originalIndex: number, item: unknown): void {
  const wix = asWixError(error, collection);
  const code = wix instanceof WixDataError ? wix.code : 'WDE0075';
  const message = wix instanceof Error ? wix.message : String(wix);
  result.errors.push({ code, message, originalIndex, item });
}

function checkItems(collection: string, items: unknown): WixItem[] {
  const valid = Array.isArray(items) && items.every((item) => isPlainObject(item) && (item._id === undefined || typeof item._id === 'string'));
  if (!valid) throw wixErrors.bulkItems(collection);
  if (items.length > MAX_BULK) throw wixErrors.bulkTooMany(collection);
  return items as WixItem[];
}

async function writeEach(kit: Kit, mode: Mode, collection: string, items: WixItem[], suppress: boolean | undefined) {
  const coll = mode === 'update' ? kit.store.read(collection) : kit.store.write(collection);
  const result = emptyResult();
  for (const [index, item] of items.entries()) {
    try {
      const current = typeof item._id === 'string' ? coll.get(item._id) : undefined;
      if (mode === 'update' && typeof item._id !== 'string') throw wixErrors.updateWithoutId(collection);
      if ((mode === 'insert' && current) || (mode === 'update' && !current)) {
        result.skipped++;
      } else if (current) {
        const saved = await replaceOne(kit, collection, item, current, coll, suppress);
        result.updated++;
        result.updatedItemIds.push(saved._id as string);
      } else {
        const saved = await insertOne(kit, collection, item, suppress);
        result.inserted++;
        result.insertedItemIds.push(saved._id as string);
      }
    } catch (error) {
      recordError(result, await kit.hooks.failed(collection, error, suppress), collection, index, item);
    }
  }
  return result;
}

async function removeEach(kit: Kit, collection: string, itemIds: unknown, suppress: boolean | undefined) {
  const coll = kit.store.read(collection);
  if (!Array.isArray(itemIds) || !itemIds.every((id) => typeof id === 'string')) throw wixErrors.bulkRemoveIds(collection);
  if (itemIds.length > MAX_BULK) throw wixErrors.bulkRemoveTooMany(collection);
  const result = emptyResult();
  const removedItemIds: string[] = [];
  for (const [index, itemId] of (itemIds as string[]).entries()) {
    try {
      const id = await kit.hooks.run(collection, 'beforeRemove', itemId, isId, suppress);
      const doc = coll.get(id);
      if (doc === undefined) {
        result.skipped++;
        continue;
      }
      coll.remove(id);
      dropReferencesTo(kit.store, collection, [id]);
      removedItemIds.push(id);
      await kit.hooks.run(collection, 'afterRemove', kit.store.visible(collection, doc), isItem, suppress);
    } catch (error) {
      recordError(result, await kit.hooks.failed(collection, error, suppress), collection, index, itemId);
    }
  }
  return { ...result, removed: removedItemIds.length, removedItemIds };
}

export function createBulkOps(kit: Kit) {
  const bulkWrite = (mode: Mode, method: string) =>
    (collection: string, items: WixItem[], options?: object): Promise<WixDataBulkResult> =>
      operation(kit, method, collection, options, async ({ suppressHooks, overrideExisting }) => {
        const effective = mode === 'insert' && overrideExisting ? 'save' : mode;
        return writeEach(kit, effective, collection, checkItems(requireCollectionName(collection), items), suppressHooks);
      });

  return {
    bulkInsert: bulkWrite('insert', 'bulkInsert'),
    bulkSave: bulkWrite('save', 'bulkSave'),
    bulkUpdate: bulkWrite('update', 'bulkUpdate'),
    bulkRemove: (collection: string, itemIds: string[], options?: object): Promise<WixDataBulkResult> =>
      operation(kit, 'bulkRemove', collection, options, async ({ suppressHooks }) =>
        removeEach(kit, requireCollectionName(collection), itemIds, suppressHooks)),
  };
}
