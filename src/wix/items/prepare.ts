// Turning a caller's item into what gets stored, shared by the single and bulk operations.
import type { Doc } from '../../core';
import type { Kit } from '../_kit';
import type { WixItem } from '../codec';
import { fromWixItem } from '../codec';
import { wixErrors } from '../errors';
import { isPlainObject } from '../_tree';
import { keepMultiReferences, storeReferences } from '../references-fields';

/** WDE0004 unless a plain object; WDE0002 if `_id` is present but not a non-empty string. */
export function checkItem(collection: string, item: unknown): WixItem {
  if (!isPlainObject(item)) throw wixErrors.notAnObject(collection, item);
  const id = item._id;
  if (id !== undefined && typeof id !== 'string') throw wixErrors.itemId(id);
  if (id === '') throw wixErrors.emptyId(collection);
  return item as WixItem;
}

function copyOf(collection: string, item: WixItem): Record<string, unknown> {
  try {
    return fromWixItem(item);
  } catch {
    throw wixErrors.notAnObject(collection, '[item with a cycle]');
  }
}

/** The document to insert: a copy, references as ids, `_owner` set, within 500 kb. */
export function forInsert(kit: Kit, collection: string, item: WixItem): Record<string, unknown> {
  const doc = storeReferences(kit.store, collection, copyOf(collection, item));
  delete doc._createdDate;
  delete doc._updatedDate;
  const owner = kit.store.options.ownerId;
  if (owner !== undefined) doc._owner = owner;
  kit.store.checkSize(collection, doc);
  return doc;
}

/** The replacement for a stored item: system fields and multi-references kept from `stored`. */
export function forReplace(kit: Kit, collection: string, item: WixItem, stored: Doc): Record<string, unknown> {
  const doc = keepMultiReferences(kit.store, collection, storeReferences(kit.store, collection, copyOf(collection, item)), stored);
  delete doc._createdDate;
  delete doc._updatedDate;
  if (stored._owner !== undefined) doc._owner = stored._owner;
  else delete doc._owner;
  kit.store.checkSize(collection, doc);
  return doc;
}

/** Velo writes the system fields back onto the object it was given; @wix/data leaves it alone. */
export function writeBack(kit: Kit, target: WixItem, stored: Doc): void {
  if (!kit.mutateInput) return;
  for (const key of ['_id', '_owner', '_createdDate', '_updatedDate'] as const) {
    const value = stored[key];
    if (value !== undefined) (target as Record<string, unknown>)[key] = value instanceof Date ? new Date(value.getTime()) : value;
  }
}
