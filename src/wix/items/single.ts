/**
 * Mirrors Velo wix-data get/insert/save/update/remove/truncate: insert fails on an existing `_id`
 * (WDE0074); update replaces the whole item and needs a string `_id` (WDE0007) that exists
 * (WDE0073); save inserts or replaces; get resolves null when missing; remove resolves the removed
 * item (null when missing); remove and truncate clear the references other items held to what
 * they removed.
 */
import type { Collection, Doc } from '../../core';
import { operation, requireCollectionName, type Kit } from '../_kit';
import type { WixItem } from '../codec';
import { wixErrors } from '../errors';
import { isId, isItem } from '../hooks';
import { dropReferencesTo } from '../references-fields';
import { checkItem, forInsert, forReplace, writeBack } from './prepare';

export async function insertOne(kit: Kit, collection: string, given: WixItem, suppress: boolean | undefined): Promise<WixItem> {
  const item = checkItem(collection, await kit.hooks.run(collection, 'beforeInsert', given, isItem, suppress));
  const stored = kit.store.write(collection).insert(forInsert(kit, collection, item) as Doc);
  writeBack(kit, given, stored);
  return kit.hooks.run(collection, 'afterInsert', kit.store.visible(collection, stored), isItem, suppress);
}

export async function replaceOne(
  kit: Kit, collection: string, given: WixItem, current: Doc, coll: Collection<Doc>, suppress: boolean | undefined,
): Promise<WixItem> {
  const context = kit.hooks.context(collection, { currentItem: kit.store.visible(collection, current) });
  const item = checkItem(collection, await kit.hooks.run(collection, 'beforeUpdate', given, isItem, suppress, context));
  const stored = coll.replace(current._id as string, forReplace(kit, collection, item, current) as Doc);
  writeBack(kit, given, stored);
  return kit.hooks.run(collection, 'afterUpdate', kit.store.visible(collection, stored), isItem, suppress, context);
}

export function createSingleItemOps(kit: Kit) {
  return {
    get: (collection: string, itemId: string, options?: object): Promise<WixItem | null> =>
      operation(kit, 'get', collection, options, async ({ suppressHooks }) => {
        const coll = kit.store.read(requireCollectionName(collection));
        if (typeof itemId !== 'string') throw wixErrors.itemId(itemId);
        const doc = coll.get(await kit.hooks.run(collection, 'beforeGet', itemId, isId, suppressHooks));
        if (doc === undefined) return null;
        return kit.hooks.run(collection, 'afterGet', kit.store.visible(collection, doc), isItem, suppressHooks);
      }),

    insert: (collection: string, item: WixItem, options?: object): Promise<WixItem> =>
      operation(kit, 'insert', collection, options, async ({ suppressHooks }) => {
        checkItem(requireCollectionName(collection), item);
        return insertOne(kit, collection, item, suppressHooks);
      }),

    update: (collection: string, item: WixItem, options?: object): Promise<WixItem> =>
      operation(kit, 'update', collection, options, async ({ suppressHooks }) => {
        const coll = kit.store.read(requireCollectionName(collection));
        checkItem(collection, item);
        if (typeof item._id !== 'string') throw wixErrors.updateWithoutId(collection);
        const current = coll.get(item._id);
        if (current === undefined) throw wixErrors.itemMissing(collection, item._id);
        return replaceOne(kit, collection, item, current, coll, suppressHooks);
      }),

    save: (collection: string, item: WixItem, options?: object): Promise<WixItem> =>
      operation(kit, 'save', collection, options, async ({ suppressHooks }) => {
        checkItem(requireCollectionName(collection), item);
        const coll = kit.store.write(collection);
        const current = typeof item._id === 'string' ? coll.get(item._id) : undefined;
        if (current === undefined) return insertOne(kit, collection, item, suppressHooks);
        return replaceOne(kit, collection, item, current, coll, suppressHooks);
      }),

    remove: (collection: string, itemId: string, options?: object): Promise<WixItem | null> =>
      operation(kit, 'remove', collection, options, async ({ suppressHooks }) => {
        const coll = kit.store.read(requireCollectionName(collection));
        if (typeof itemId !== 'string') throw wixErrors.itemId(itemId);
        const id = await kit.hooks.run(collection, 'beforeRemove', itemId, isId, suppressHooks);
        const doc = coll.get(id);
        if (doc === undefined) return null;
        coll.remove(id);
        dropReferencesTo(kit.store, collection, [id]);
        return kit.hooks.run(collection, 'afterRemove', kit.store.visible(collection, doc), isItem, suppressHooks);
      }),

    truncate: (collection: string, options?: object): Promise<null> =>
      operation(kit, 'truncate', collection, options, async () => {
        kit.store.read(requireCollectionName(collection)).clear();
        dropReferencesTo(kit.store, collection);
        return null;
      }),
  };
}
