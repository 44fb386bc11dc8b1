// MongoDB sort semantics over documents: missing equals null; an array field sorts by its smallest
// element ascending and its largest descending (elements of nested arrays included), an empty
// array before null. Ties keep the input order (stable), so sorting a scan of the store matches
// a stable sort by insertion order.
import { TissDBLiteError } from '../errors';
import { FORBIDDEN_KEYS } from '../values';
import type { Doc, SortSpec } from '../types';
import { compareValues } from './compare';
import { EMPTY_ARRAY } from './keys';
import { getter } from './path';

export interface SortField {
  path: string;
  dir: 1 | -1;
}

export function compileSort(sort: SortSpec | undefined): SortField[] {
  if (sort === undefined) return [];
  if (typeof sort !== 'object' || sort === null || Array.isArray(sort)) {
    throw new TissDBLiteError('INVALID_QUERY', 'find: sort must be an object of field: 1 | -1');
  }
  return Object.keys(sort).map((path) => {
    const dir = sort[path];
    if (dir !== 1 && dir !== -1) {
      throw new TissDBLiteError('INVALID_QUERY', `find: sort direction for "${path}" must be 1 or -1`);
    }
    if (path === '' || path.split('.').some((p) => p === '' || FORBIDDEN_KEYS.has(p))) {
      throw new TissDBLiteError('INVALID_QUERY', `find: bad sort path "${path}"`);
    }
    return { path, dir };
  });
}

/** Every non-array value inside `v`, depth first. */
function leaves(v: unknown, out: unknown[] = []): unknown[] {
  if (Array.isArray(v)) for (const item of v) leaves(item, out);
  else out.push(v);
  return out;
}

/** The value a document sorts by on one field, in one direction. */
export function sortKeyOf(dir: 1 | -1, v: unknown): unknown {
  if (!Array.isArray(v)) return v === undefined ? null : v;
  const all = leaves(v);
  if (all.length === 0) return EMPTY_ARRAY;
  let best = all[0];
  for (let i = 1; i < all.length; i++) {
    const c = compareValues(all[i], best);
    if (dir === 1 ? c < 0 : c > 0) best = all[i];
  }
  return best;
}

export function sortKeyFn(field: SortField): (doc: Doc) => unknown {
  const get = getter(field.path);
  return (doc) => sortKeyOf(field.dir, get(doc));
}

interface Entry {
  key: unknown;
  keys: unknown[] | undefined;
  pos: number;
  doc: Doc;
}

/**
 * Collects documents in input order and hands back the first `count` of them sorted (all when
 * undefined), stable. With a count it is a bounded max-heap selection, O(n log count), so a
 * sort with a small limit never sorts, or even holds, the whole input.
 */
export class SortBuffer {
  private readonly heap: Entry[] = [];
  private pos = 0;
  private readonly keyFns: Array<(doc: Doc) => unknown>;
  private readonly first: (doc: Doc) => unknown;
  private readonly dir0: 1 | -1;
  private readonly multi: boolean;
  private readonly cmp: (a: Entry, b: Entry) => number;

  constructor(
    fields: SortField[],
    private readonly count: number | undefined,
  ) {
    this.keyFns = fields.map(sortKeyFn);
    this.first = this.keyFns[0] as (doc: Doc) => unknown;
    this.dir0 = (fields[0] as SortField).dir;
    this.multi = fields.length > 1;
    const dir0 = this.dir0;
    this.cmp = (a, b) => {
      const c = compareValues(a.key, b.key);
      if (c !== 0) return c * dir0;
      if (this.multi) {
        for (let i = 1; i < fields.length; i++) {
          const d = compareValues((a.keys as unknown[])[i], (b.keys as unknown[])[i]);
          if (d !== 0) return d * (fields[i] as SortField).dir;
        }
      }
      return a.pos - b.pos;
    };
  }

  private entry(doc: Doc, key: unknown): Entry {
    const keys = this.multi ? this.keyFns.map((f, i) => (i === 0 ? key : f(doc))) : undefined;
    return { key, keys, pos: this.pos, doc };
  }

  push(doc: Doc): void {
    const key = this.first(doc);
    const { heap, count } = this;
    if (count === undefined) heap.push(this.entry(doc, key));
    else if (count > 0) {
      if (heap.length < count) {
        heap.push(this.entry(doc, key));
        siftUp(heap, heap.length - 1, this.cmp);
      } else {
        // Cheap rejection on the first key: a later document that ties is worse (stable order).
        const top = heap[0] as Entry;
        const c = compareValues(key, top.key) * this.dir0;
        if (c < 0 || (c === 0 && this.multi)) {
          const e = this.entry(doc, key);
          if (this.cmp(e, top) < 0) {
            heap[0] = e;
            siftDown(heap, 0, this.cmp);
          }
        }
      }
    }
    this.pos++;
  }

  result(): Doc[] {
    return this.heap.sort(this.cmp).map((e) => e.doc);
  }
}

/** Sorts `docs` (stable) and returns the first `count` (all when undefined). */
export function sortDocs(docs: readonly Doc[], fields: SortField[], count?: number): Doc[] {
  if (fields.length === 0) return docs.slice(0, count);
  const buffer = new SortBuffer(fields, count);
  for (const doc of docs) buffer.push(doc);
  return buffer.result();
}

function siftUp<T>(items: T[], i: number, cmp: (a: T, b: T) => number): void {
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (cmp(items[i] as T, items[parent] as T) <= 0) return;
    [items[i], items[parent]] = [items[parent] as T, items[i] as T];
    i = parent;
  }
}

function siftDown<T>(items: T[], i: number, cmp: (a: T, b: T) => number): void {
  for (;;) {
    const l = 2 * i + 1;
    const r = l + 1;
    let top = i;
    if (l < items.length && cmp(items[l] as T, items[top] as T) > 0) top = l;
    if (r < items.length && cmp(items[r] as T, items[top] as T) > 0) top = r;
    if (top === i) return;
    [items[i], items[top]] = [items[top] as T, items[i] as T];
    i = top;
  }
}
