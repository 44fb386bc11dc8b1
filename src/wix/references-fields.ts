// Reference values as Wix accepts them in items: a referenced item's `_id` string or the item itself
// (`{ _id, ... }`); stored as ids. Multi-reference fields hold an array of either.
import type { Doc } from '../core';
import type { WixStore } from './_store';
import { wixErrors } from './errors';
import { isPlainObject } from './_tree';

/** The id a reference value names, or undefined if it names none. */
export function referenceId(value: unknown): string | undefined {
  if (typeof value === 'string' && value !== '') return value;
  if (isPlainObject(value) && typeof value._id === 'string' && value._id !== '') return value._id;
  return undefined;
}

export function requireReferenceId(value: unknown, which: string): string {
  const id = referenceId(value);
  if (id === undefined) throw wixErrors.referenceArgument(which);
  return id;
}

/** Reference fields of `doc` rewritten to ids, as the CMS stores them. */
export function storeReferences(store: WixStore, collection: string, doc: Record<string, unknown>): Record<string, unknown> {
  const out = { ...doc };
  for (const [field, schema] of Object.entries(store.fields(collection))) {
    const value = out[field];
    if (value === undefined || value === null) continue;
    if (schema.type === 'reference') out[field] = referenceId(value) ?? value;
    if (schema.type === 'multi-reference') {
      const list = Array.isArray(value) ? value : [value];
      out[field] = list.map((entry, i) => {
        const id = referenceId(entry);
        if (id === undefined) throw wixErrors.referenceArgument(`${field}[${i}] reference`);
        return id;
      });
    }
  }
  return out;
}

/** Update/save replace the item but never touch multi-reference fields (Wix keeps them apart). */
export function keepMultiReferences(store: WixStore, collection: string, next: Record<string, unknown>, stored: Doc): Record<string, unknown> {
  const out = { ...next };
  for (const field of store.multiReferenceFields(collection)) {
    if (stored[field] === undefined) delete out[field];
    else out[field] = stored[field];
  }
  return out;
}

/**
 * Removing items clears the reference and multi-reference fields that pointed at them, in every
 * collection the schemas name (Wix remove() docs). `ids` undefined means every item (truncate).
 */
export function dropReferencesTo(store: WixStore, target: string, ids?: string[]): void {
  for (const [name, schema] of Object.entries(store.options.schemas ?? {})) {
    if (!store.db.hasCollection(name)) continue;
    const coll = store.db.collection(name);
    for (const [field, spec] of Object.entries(schema.fields ?? {})) {
      if (spec.referencedCollection !== target) continue;
      if (spec.type === 'multi-reference') {
        const pull = ids === undefined ? { $set: { [field]: [] } } : { $pull: { [field]: { $in: ids } } };
        coll.update({ [field]: { $exists: true } }, pull, { multi: true });
      } else if (spec.type === 'reference') {
        const match = ids === undefined ? { $exists: true } : { $in: ids };
        coll.update({ [field]: match }, { $unset: { [field]: '' } }, { multi: true });
      }
    }
  }
}
