/**
 * Mirrors WixDataQuery.include(): reference fields' ids replaced by the referenced items. A
 * multi-reference field holds at most 50 included items per item; when more exist the result's
 * `partialIncludes` is true (Velo docs, include()). Multi-references to missing items are dropped;
 * a single reference to a missing item keeps its id.
 */
import type { WixStore } from '../_store';
import type { WixItem } from '../codec';
import { wixErrors } from '../errors';

export const MAX_INCLUDED_PER_ITEM = 50;

export function resolveIncludes(
  store: WixStore,
  collection: string,
  items: WixItem[],
  includes: readonly string[],
): { items: WixItem[]; partial: boolean } {
  let partial = false;
  const fields = store.fields(collection);
  const out = items.map((item) => ({ ...item }));
  for (const field of new Set(includes)) {
    const schema = fields[field];
    const target = schema?.referencedCollection;
    if (!schema || !target || (schema.type !== 'reference' && schema.type !== 'multi-reference')) {
      throw wixErrors.notReference(collection, field);
    }
    const lookup = (id: unknown): WixItem | undefined => {
      if (typeof id !== 'string' || !store.db.hasCollection(target)) return undefined;
      const doc = store.db.collection(target).get(id);
      return doc === undefined ? undefined : store.visible(target, doc);
    };
    for (const item of out) {
      if (schema.type === 'reference') {
        const found = lookup(item[field]);
        if (found) item[field] = found;
        continue;
      }
      const stored = store.db.collection(collection).get(item._id as string)?.[field];
      const ids = Array.isArray(stored) ? stored : [];
      if (ids.length > MAX_INCLUDED_PER_ITEM) partial = true;
      item[field] = ids
        .slice(0, MAX_INCLUDED_PER_ITEM)
        .map(lookup)
        .filter((found): found is WixItem => found !== undefined);
    }
  }
  return { items: out, partial };
}

/** WixDataQuery.fields(): `_id` and the named top-level fields. */
export function project(item: WixItem, fields: readonly string[] | undefined): WixItem {
  if (fields === undefined) return item;
  const keep = new Set(['_id', ...fields.map((f) => f.split('.')[0] as string)]);
  return Object.fromEntries(Object.entries(item).filter(([key]) => keep.has(key))) as WixItem;
}
