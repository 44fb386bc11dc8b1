// The fake module's view of a TissDBLite: Wix collection rules (WDE0025, auto-create), the 500 kb
// item limit, `_owner`, hidden multi-reference fields, and core errors recast as WixDataErrors.
import { encodeDates, isTissDBLiteError, type Collection, type Doc, type TissDBLite } from '../core';
import { WixDataError, isWixDataError, wixErrors } from './errors';
import type { WixItem } from './codec';
import type { CreateWixDataOptions, WixFieldSchema } from './types';

export const MAX_ITEM_BYTES = 500 * 1024;
export const MAX_BULK = 1000;

export class WixStore {
  readonly db: TissDBLite;
  readonly options: CreateWixDataOptions;

  constructor(db: TissDBLite, options: CreateWixDataOptions) {
    this.db = db;
    this.options = options;
    for (const name of Object.keys(options.schemas ?? {})) db.createCollection(name);
  }

  /** The collection for reading: WDE0025 when it doesn't exist. */
  read(name: unknown): Collection<Doc> {
    if (typeof name !== 'string') throw wixErrors.collectionName(name);
    if (!this.db.hasCollection(name)) throw wixErrors.collectionMissing(name);
    return this.db.collection(name);
  }

  /** The collection for writing: created on first write unless `strictCollections`. */
  write(name: unknown): Collection<Doc> {
    if (typeof name !== 'string') throw wixErrors.collectionName(name);
    if (!this.db.hasCollection(name)) {
      if (this.options.strictCollections) throw wixErrors.collectionMissing(name);
      return this.db.createCollection(name);
    }
    return this.db.collection(name);
  }

  fields(collection: string): Record<string, WixFieldSchema> {
    return this.options.schemas?.[collection]?.fields ?? {};
  }

  multiReferenceFields(collection: string): string[] {
    return Object.entries(this.fields(collection))
      .filter(([, schema]) => schema.type === 'multi-reference')
      .map(([name]) => name);
  }

  /** As Wix returns items: multi-reference fields only appear through include()/queryReferenced(). */
  visible(collection: string, doc: Doc): WixItem {
    const item: WixItem = { ...doc };
    for (const field of this.multiReferenceFields(collection)) delete item[field];
    return item;
  }

  checkSize(collection: string, item: WixItem): void {
    const json = JSON.stringify(encodeDates(item)) ?? '';
    const bytes = new TextEncoder().encode(json).length;
    if (bytes > MAX_ITEM_BYTES) throw wixErrors.tooLarge(collection, item._id, bytes);
  }
}

/** A core error as the WixDataError Wix would raise for the same failure; others pass through. */
export function asWixError(error: unknown, collection: string): unknown {
  if (isWixDataError(error) || !isTissDBLiteError(error)) return error;
  switch (error.code) {
    case 'DUPLICATE_KEY':
      return error.index === '_id' && error.id !== undefined
        ? wixErrors.itemExists(collection, error.id)
        : new WixDataError('WDE0123', `Unique index conflict in [${collection}]: ${error.message}`, { collection });
    case 'DOCUMENT_NOT_FOUND':
      return wixErrors.itemMissing(collection, error.id ?? '');
    case 'COLLECTION_NOT_FOUND':
      return wixErrors.collectionMissing(collection);
    default:
      return new WixDataError('WDE0075', `Invalid item for [${collection}]: ${error.message}`, { collection, cause: error.code });
  }
}
