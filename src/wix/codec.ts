/**
 * Item codecs. Velo `wix-data` items are plain objects whose Date-and-Time fields are `Date`s; Wix
 * Data REST v2 wraps items as `DataItem { id, dataCollectionId, data }` and writes dates as
 * `{"$date": "<ISO 8601>"}` at any depth (REST "Data types in Wix Data").
 */
import { decodeDates, encodeDates } from '../core';
import { copyTree, isPlainObject } from './_tree';

/** A Velo item: any plain object; `_id`, `_owner`, `_createdDate`, `_updatedDate` are Wix's system fields. */
export type WixItem = Record<string, unknown> & { _id?: string };

/** Wix Data REST v2 `DataItem`. */
export interface WixRestDataItem {
  id: string;
  dataCollectionId: string;
  data: Record<string, unknown>;
}

function requireObject(value: unknown, what: string): Record<string, unknown> {
  if (!isPlainObject(value)) throw new TypeError(`${what} must be a plain object, got ${typeof value}.`);
  return value;
}

/**
 * A tissdb-lite document as a Velo item: a deep copy, Dates kept as Dates.
 * @example toWixItem({ _id: 'a', at: new Date(0) }) // -> { _id: 'a', at: Date(1970-01-01T00:00:00.000Z) }
 */
export function toWixItem<T extends object>(doc: T): T & WixItem {
  return copyTree(requireObject(doc, 'toWixItem: the document')) as T & WixItem;
}

/** A Velo item as a tissdb-lite document: a deep copy without `undefined` fields. */
export function fromWixItem<T extends object>(item: T): T {
  return copyTree(requireObject(item, 'fromWixItem: the item')) as T;
}

/**
 * A document as a REST `DataItem`; `data` keeps `_id` as Wix does, dates become `{"$date": iso}`.
 * @example toWixRestItem({ _id: 'a', at: new Date(0) }, 'Events')
 * // -> { id: 'a', dataCollectionId: 'Events', data: { _id: 'a', at: { $date: '1970-01-01T00:00:00.000Z' } } }
 */
export function toWixRestItem(doc: object, dataCollectionId: string): WixRestDataItem {
  const data = encodeDates(requireObject(doc, 'toWixRestItem: the document')) as Record<string, unknown>;
  const id = data._id;
  if (typeof id !== 'string') throw new TypeError('toWixRestItem: the document needs a string _id.');
  return { id, dataCollectionId, data };
}

/** A REST `DataItem` (or its `data`) as a document: `{"$date"}` objects become Dates, `id` fills `_id`. */
export function fromWixRestItem<T extends object = Record<string, unknown>>(
  dataItem: WixRestDataItem | { id?: string; data?: Record<string, unknown> },
): T {
  const wrapper = requireObject(dataItem, 'fromWixRestItem: the data item');
  const data = requireObject(wrapper.data ?? {}, 'fromWixRestItem: data');
  const doc = decodeDates(data) as Record<string, unknown>;
  if (doc._id === undefined && typeof wrapper.id === 'string') doc._id = wrapper.id;
  return doc as T;
}
