// One index: a hash map from encoded key to the documents holding it (equality and $in), plus the
// same buckets in key order (ranges and sorts). Documents are named by their insertion position
// (`seq`, see index-manager.ts), so candidates come out in store order by merging sorted numbers.
// The ordered array is maintained lazily: new keys wait in `pending` and emptied buckets stay as
// tombstones until the next ordered read merges them, so a bulk load costs one sort, not one
// array insertion per key.
import type { Doc } from '../types';
import { compareValues } from './compare';
import { fieldKeys, hashKey, tupleHashKey, type HashKey } from './keys';
import { getter, type Getter } from './path';

export interface Bucket {
  /** The indexed value (single field) or tuple of values (compound). */
  readonly key: unknown;
  /** Positions under this key, possibly with removed ones (see `removed`) and out of order. */
  seqs: number[];
  removed: Set<number> | null;
  /** Live positions; 0 once the bucket is dropped. */
  size: number;
  sorted: boolean;
}

export interface KeyEntry {
  hash: HashKey;
  key: unknown;
}

/** Caps the cartesian product of a compound key over array fields. */
const MAX_COMPOUND_KEYS = 10_000;

export class FieldIndex {
  /** Set once any document had an array under an indexed field (MongoDB's "multikey"). */
  multikey = false;
  /** Number of (key, document) entries. */
  entryCount = 0;
  private readonly map = new Map<HashKey, Bucket>();
  private sorted: Bucket[] = [];
  private pending: Bucket[] = [];
  private dead = 0;
  private readonly compareKeys: (a: unknown, b: unknown) => number;
  private readonly getters: Getter[];
  private readonly get1: Getter | undefined;

  constructor(
    readonly name: string,
    readonly fields: readonly string[],
    readonly unique: boolean,
  ) {
    this.compareKeys = fields.length === 1 ? compareValues : compareTuples;
    this.getters = fields.map(getter);
    this.get1 = fields.length === 1 ? this.getters[0] : undefined;
  }

  get compound(): boolean {
    return this.fields.length > 1;
  }

  /** The keys a document is indexed under. */
  keysOf(doc: Doc): KeyEntry[] {
    const flag = { multi: false };
    if (this.fields.length === 1) {
      const keys = fieldKeys((this.get1 as Getter)(doc), flag);
      if (flag.multi) this.multikey = true;
      return keys.map((key) => ({ hash: hashKey(key), key }));
    }
    let tuples: unknown[][] = [[]];
    for (const get of this.getters) {
      const keys = fieldKeys(get(doc), flag);
      const next: unknown[][] = [];
      for (const t of tuples) for (const k of keys) next.push([...t, k]);
      tuples = next.length > MAX_COMPOUND_KEYS ? next.slice(0, MAX_COMPOUND_KEYS) : next;
    }
    if (flag.multi) this.multikey = true;
    return tuples.map((key) => ({ hash: tupleHashKey(key), key }));
  }

  /** The single scalar key of `doc`, or undefined when it needs the general path (arrays, compound). */
  private scalarKey(doc: Doc): unknown {
    if (this.get1 === undefined) return undefined;
    const v = this.get1(doc);
    if (Array.isArray(v)) return undefined;
    return v === undefined ? null : v;
  }

  /** The hash keys of `doc`, without building entries for the common scalar case. */
  hashesOf(doc: Doc): HashKey[] {
    const k = this.scalarKey(doc);
    return k !== undefined ? [hashKey(k)] : this.keysOf(doc).map((e) => e.hash);
  }

  hashOf(key: unknown): HashKey {
    return this.fields.length === 1 ? hashKey(key) : tupleHashKey(key as unknown[]);
  }

  get(hash: HashKey): Bucket | undefined {
    return this.map.get(hash);
  }

  /** Whether two versions of a document have the same keys (an update that needs no index work). */
  sameKeys(a: Doc, b: Doc): boolean {
    const x = this.scalarKey(a);
    const y = this.scalarKey(b);
    if (x !== undefined && y !== undefined) return x === y || hashKey(x) === hashKey(y);
    const ka = this.keysOf(a);
    const kb = this.keysOf(b);
    if (ka.length !== kb.length) return false;
    const set = new Set(ka.map((e) => e.hash));
    return kb.every((e) => set.has(e.hash));
  }

  add(seq: number, doc: Doc): void {
    const k = this.scalarKey(doc);
    if (k !== undefined) this.addEntry(seq, hashKey(k), k);
    else for (const { hash, key } of this.keysOf(doc)) this.addEntry(seq, hash, key);
  }

  remove(seq: number, doc: Doc): void {
    const k = this.scalarKey(doc);
    if (k !== undefined) this.removeEntry(seq, hashKey(k));
    else for (const { hash } of this.keysOf(doc)) this.removeEntry(seq, hash);
  }

  private addEntry(seq: number, hash: HashKey, key: unknown): void {
    let b = this.map.get(hash);
    if (b === undefined) {
      b = { key, seqs: [seq], removed: null, size: 1, sorted: true };
      this.map.set(hash, b);
      this.pending.push(b);
    } else if (b.removed?.delete(seq)) {
      b.size++; // still in `seqs` from before its removal
    } else {
      const last = b.seqs[b.seqs.length - 1] as number;
      if (seq === last) return;
      if (seq < last) b.sorted = false;
      b.seqs.push(seq);
      b.size++;
    }
    this.entryCount++;
  }

  private removeEntry(seq: number, hash: HashKey): void {
    const b = this.map.get(hash);
    if (b === undefined) return;
    (b.removed ??= new Set()).add(seq);
    b.size--;
    this.entryCount--;
    if (b.size === 0) {
      this.map.delete(hash);
      this.dead++;
    } else if (b.removed.size > 16 && b.removed.size * 2 > b.seqs.length) compact(b);
  }

  /** The live positions under a bucket, ascending. The array is shared: do not modify it. */
  seqsOf(b: Bucket): readonly number[] {
    if (b.removed !== null && b.removed.size > 0) compact(b);
    if (!b.sorted) {
      b.seqs.sort((x, y) => x - y);
      b.sorted = true;
    }
    return b.seqs;
  }

  clear(): void {
    this.map.clear();
    this.sorted = [];
    this.pending = [];
    this.dead = 0;
    this.entryCount = 0;
    this.multikey = false;
  }

  /** Number of distinct keys. */
  get keyCount(): number {
    return this.map.size;
  }

  /** Buckets in key order. Tombstones (size 0) may remain: callers skip them. */
  ordered(): readonly Bucket[] {
    if (this.pending.length > 0 || this.dead > 64 + (this.sorted.length >> 1)) this.rebuild();
    return this.sorted;
  }

  /** Every live (hash, ids) pair, ids sorted: for consistency checks in tests. */
  dump(idOf: (seq: number) => string): Array<[HashKey, string[]]> {
    const out: Array<[HashKey, string[]]> = [];
    for (const [hash, b] of this.map) out.push([hash, this.seqsOf(b).map(idOf).sort()]);
    const label = (h: HashKey) => `${typeof h}:${String(h)}`;
    return out.sort((x, y) => (label(x[0]) < label(y[0]) ? -1 : label(x[0]) > label(y[0]) ? 1 : 0));
  }

  compare(a: unknown, b: unknown): number {
    return this.compareKeys(a, b);
  }

  private rebuild(): void {
    const cmp = (a: Bucket, b: Bucket) => this.compareKeys(a.key, b.key);
    const pending = this.pending.filter((b) => b.size > 0).sort(cmp);
    const live = this.dead > 0 ? this.sorted.filter((b) => b.size > 0) : this.sorted;
    const merged: Bucket[] = new Array<Bucket>(live.length + pending.length);
    let i = 0;
    let j = 0;
    let k = 0;
    while (i < live.length && j < pending.length) {
      merged[k++] = cmp(live[i] as Bucket, pending[j] as Bucket) <= 0 ? (live[i++] as Bucket) : (pending[j++] as Bucket);
    }
    while (i < live.length) merged[k++] = live[i++] as Bucket;
    while (j < pending.length) merged[k++] = pending[j++] as Bucket;
    this.sorted = merged;
    this.pending = [];
    this.dead = 0;
  }
}

function compact(b: Bucket): void {
  const removed = b.removed;
  if (removed === null) return;
  b.seqs = b.seqs.filter((s) => !removed.has(s));
  b.removed = null;
}

function compareTuples(a: unknown, b: unknown): number {
  const x = a as unknown[];
  const y = b as unknown[];
  for (let i = 0; i < x.length; i++) {
    const c = compareValues(x[i], y[i]);
    if (c !== 0) return c;
  }
  return 0;
}
