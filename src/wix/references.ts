/**
 * Mirrors Velo wix-data's reference methods: queryReferenced (paged like a query, default limit 50),
 * insertReference / removeReference / replaceReferences (multi-reference fields only, WDE0020;
 * an empty array clears), isReferenced. Referring and referenced items may be given as ids or as
 * items with `_id` (WDE0019 otherwise). The fake keeps a multi-reference field as an array of ids
 * on the referring item, hidden from reads unless include()d.
 */
import type { Doc } from '../core';
import { operation, requireCollectionName, type Kit } from './_kit';
import type { WixItem } from './codec';
import { wixErrors } from './errors';
import { WixDataQueryResult } from './query/result';
import { DEFAULT_LIMIT } from './query/wix-query';
import { requireReferenceId } from './references-fields';

export interface QueryReferencedOptions {
  order?: 'asc' | 'desc';
  skip?: number;
  limit?: number;
  suppressHooks?: boolean;
  returnTotalCount?: boolean;
}

type Ref = string | WixItem;

function referencedList(value: Ref | Ref[]): string[] {
  const list = Array.isArray(value) ? value : [value];
  return list.map((entry) => requireReferenceId(entry, 'referenced item'));
}

/** The referring document and the field's referenced ids; multi-reference fields only unless `anyReference`. */
function locate(kit: Kit, collection: string, field: string, referring: Ref, anyReference = false) {
  const coll = kit.store.read(requireCollectionName(collection));
  const schema = kit.store.fields(collection)[field];
  const allowed = schema?.type === 'multi-reference' || (anyReference && schema?.type === 'reference');
  if (!schema || !allowed) throw wixErrors.notMultiReference(collection, field);
  const id = requireReferenceId(referring, 'referring item');
  const doc = coll.get(id);
  if (doc === undefined) throw wixErrors.itemMissing(collection, id);
  const stored = doc[field];
  const ids = (Array.isArray(stored) ? stored : typeof stored === 'string' ? [stored] : []) as string[];
  return { doc, ids, target: schema.referencedCollection ?? '' };
}

function lookup(kit: Kit, target: string, id: string): Doc | undefined {
  return kit.store.db.hasCollection(target) ? kit.store.db.collection(target).get(id) : undefined;
}

function setIds(kit: Kit, collection: string, field: string, doc: Doc, ids: string[]): void {
  kit.store.db.collection(collection).replace(doc._id as string, { ...doc, [field]: ids });
}

function queryReferenced(
  kit: Kit, reportTotal: (o: QueryReferencedOptions) => boolean,
  collection: string, item: Ref, field: string, options: QueryReferencedOptions = {},
): Promise<WixDataQueryResult<WixItem, undefined>> {
  return operation(kit, 'queryReferenced', collection, options, async () => {
    const { ids, target } = locate(kit, collection, field, item, true);
    const found = ids
      .map((id) => lookup(kit, target, id))
      .filter((doc): doc is Doc => doc !== undefined)
      .map((doc) => kit.store.visible(target, doc));
    if (options.order === 'desc') found.reverse();
    const skip = options.skip ?? 0;
    const limit = options.limit ?? DEFAULT_LIMIT;
    const items = found.slice(skip, skip + limit);
    return new WixDataQueryResult(
      { items, totalCount: reportTotal(options) ? found.length : undefined, more: limit > 0 && skip + items.length < found.length },
      { skip, pageSize: limit, query: undefined, fetch: (at) => queryReferenced(kit, reportTotal, collection, item, field, { ...options, skip: at }) },
    );
  });
}

export function createReferenceOps(kit: Kit, reportTotal: (options: QueryReferencedOptions) => boolean) {
  return {
    queryReferenced: (collection: string, item: Ref, field: string, options?: QueryReferencedOptions) =>
      queryReferenced(kit, reportTotal, collection, item, field, options),

    insertReference: (collection: string, field: string, referring: Ref, referenced: Ref | Ref[], options?: object): Promise<void> =>
      operation(kit, 'insertReference', collection, options, async () => {
        const { doc, ids, target } = locate(kit, collection, field, referring);
        const added = referencedList(referenced);
        const missing = kit.store.db.hasCollection(target) ? added.find((id) => lookup(kit, target, id) === undefined) : undefined;
        if (missing !== undefined) throw wixErrors.itemMissing(target, missing);
        setIds(kit, collection, field, doc, [...ids, ...added.filter((id) => !ids.includes(id))]);
      }),

    removeReference: (collection: string, field: string, referring: Ref, referenced: Ref | Ref[], options?: object): Promise<void> =>
      operation(kit, 'removeReference', collection, options, async () => {
        const { doc, ids } = locate(kit, collection, field, referring);
        const removed = new Set(referencedList(referenced));
        setIds(kit, collection, field, doc, ids.filter((id) => !removed.has(id)));
      }),

    replaceReferences: (collection: string, field: string, referring: Ref, referenced: Ref | Ref[], options?: object): Promise<void> =>
      operation(kit, 'replaceReferences', collection, options, async () => {
        const { doc } = locate(kit, collection, field, referring);
        setIds(kit, collection, field, doc, [...new Set(referencedList(referenced))]);
      }),

    isReferenced: (collection: string, field: string, referring: Ref, referenced: Ref, options?: object): Promise<boolean> =>
      operation(kit, 'isReferenced', collection, options, async () => {
        const { ids } = locate(kit, collection, field, referring, true);
        return ids.includes(requireReferenceId(referenced, 'referenced item'));
      }),
  };
}
