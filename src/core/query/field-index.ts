// One index: a hash map from encoded key to the documents holding it (equality and $in), plus the
// keys in order (ranges and sorts). Documents are named by their insertion position (`seq`, see
// index-manager.ts), so candidates come out in store order by merging sorted numbers. A key held by
// one document costs one map entry (the position itself), which keeps unique indexes small.
// The ordered keys are maintained lazily: new keys wait in `pending` and removed keys stay as
// tombstones until the next ordered read merges them, so a bulk load costs one sort, not one
// array insertion per key.
import type { Doc } from '../types';
import { compareValues } from './compare';
import { fieldKeys, hashKey, tupleHashKey, type HashKey } from './keys';
import { getter, type Getter } from './path';
import { search } from './range';

/** The documents under one key once there are several; a lone document is stored as its position. */
interface Bucket {
  /** Positions, possibly with removed ones (see `removed`) and out of order. */
  seqs: number[];
  removed: Set<number> | null;
  /** Live positions. */
  size: number;
  sorted: boolean;
  /**
   * The documents at `seqs`, built on the first read that wants documents and kept while the
   * bucket only grows at its end or has documents replaced in place: an equality find is then one
   * array copy, as with a hand-made `Map<key, Doc[]>`. Non-null only while `seqs` is sorted with
   * nothing removed, so the two arrays stay aligned.
   */
  docs: Doc[] | null;
}

type Slot = number | Bucket;

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
  private readonly map = new Map<HashKey, Slot>();
  /** Keys in order; may hold keys whose slot is gone (tombstones) until the next rebuild. */
  private sorted: unknown[] = [];
  private pending: unknown[] = [];
  private dead = 0;
  /**
   * The key at each position, built on first use (narrowing another index's candidates without
   * reading documents) and kept up to date from then on; only while the index is single-field and
   * not multikey, where every document has exactly one key.
   */
  private keyAt: unknown[] | undefined;
  /** Entries under the ordered keys before each one (counts of wide ranges), for `countedFor`. */
  private cumulative: Int32Array | undefined;
  private countedFor: readonly unknown[] | undefined;
  /** Bumped by every change of entries: the cumulative counts are valid for one version. */
  private version = 0;
  private countedAt = -1;
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

  /** The keys a document is indexed under. Only indexing it (`mark`) can make the index multikey. */
  keysOf(doc: Doc, mark = false): KeyEntry[] {
    const flag = { multi: false };
    if (this.fields.length === 1) {
      const keys = fieldKeys((this.get1 as Getter)(doc), flag);
      if (mark && flag.multi) this.multikey = true;
      return keys.map((key) => ({ hash: hashKey(key), key }));
    }
    let tuples: unknown[][] = [[]];
    for (const get of this.getters) {
      const keys = fieldKeys(get(doc), flag);
      const next: unknown[][] = [];
      for (const t of tuples) for (const k of keys) next.push([...t, k]);
      tuples = next.length > MAX_COMPOUND_KEYS ? next.slice(0, MAX_COMPOUND_KEYS) : next;
    }
    if (mark && flag.multi) this.multikey = true;
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

  /** How many documents are under a key. */
  sizeOf(hash: HashKey): number {
    const slot = this.map.get(hash);
    return slot === undefined ? 0 : typeof slot === 'number' ? 1 : slot.size;
  }

  /** The positions under a key, ascending. The array may be shared: do not modify it. */
  seqsOf(hash: HashKey): readonly number[] {
    const slot = this.map.get(hash);
    if (slot === undefined) return [];
    if (typeof slot === 'number') return [slot];
    if (slot.removed !== null && slot.removed.size > 0) compact(slot);
    if (!slot.sorted) {
      slot.seqs.sort((x, y) => x - y);
      slot.sorted = true;
    }
    return slot.seqs;
  }

  /**
   * The documents under a key in position order (see Bucket.docs). `byPosition` is the index
   * manager's array of stored documents. The array may be shared: do not modify it.
   */
  docsOf(hash: HashKey, byPosition: ReadonlyArray<Doc | undefined>): readonly Doc[] {
    const slot = this.map.get(hash);
    if (slot === undefined) return [];
    if (typeof slot === 'number') return [byPosition[slot] as Doc];
    if (slot.docs === null) {
      const seqs = this.seqsOf(hash);
      const docs = new Array<Doc>(seqs.length);
      for (let i = 0; i < seqs.length; i++) docs[i] = byPosition[seqs[i] as number] as Doc;
      slot.docs = docs;
    }
    return slot.docs;
  }

  /** A document changed without changing its keys: the materialised bucket lists follow it. */
  replace(seq: number, doc: Doc): void {
    const k = this.scalarKey(doc);
    if (k !== undefined) this.replaceIn(this.map.get(hashKey(k)), seq, doc);
    else for (const { hash } of this.keysOf(doc)) this.replaceIn(this.map.get(hash), seq, doc);
  }

  private replaceIn(slot: Slot | undefined, seq: number, doc: Doc): void {
    if (slot === undefined || typeof slot === 'number' || slot.docs === null) return;
    const at = search(slot.seqs, 0, (s) => (s as number) < seq ? -1 : 0);
    if (slot.seqs[at] === seq) slot.docs[at] = doc;
    else slot.docs = null;
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
    if (k !== undefined) {
      this.addEntry(seq, hashKey(k), k, doc);
      if (this.keyAt !== undefined) this.keyAt[seq] = k;
    } else {
      for (const { hash, key } of this.keysOf(doc, true)) this.addEntry(seq, hash, key, doc);
      if (this.multikey) this.keyAt = undefined;
    }
  }

  /** Each position's key (see `keyAt`), or undefined for compound and multikey indexes. */
  keysByPosition(docs: ReadonlyArray<Doc | undefined>): readonly unknown[] | undefined {
    if (this.compound || this.multikey) return undefined;
    if (this.keyAt === undefined) this.keyAt = docs.map((doc) => (doc === undefined ? undefined : this.scalarKey(doc)));
    return this.keyAt;
  }

  remove(seq: number, doc: Doc): void {
    const k = this.scalarKey(doc);
    if (k !== undefined) this.removeEntry(seq, hashKey(k));
    else for (const { hash } of this.keysOf(doc)) this.removeEntry(seq, hash);
  }

  private addEntry(seq: number, hash: HashKey, key: unknown, doc: Doc): void {
    const slot = this.map.get(hash);
    if (slot === undefined) {
      this.map.set(hash, seq);
      this.pending.push(key);
    } else if (typeof slot === 'number') {
      if (slot === seq) return;
      this.map.set(hash, { seqs: [slot, seq], removed: null, size: 2, sorted: slot < seq, docs: null });
    } else if (slot.removed?.delete(seq)) {
      slot.size++; // still in `seqs` from before its removal
      slot.docs = null;
    } else {
      const last = slot.seqs[slot.seqs.length - 1] as number;
      if (seq === last) return;
      if (seq < last) {
        slot.sorted = false;
        slot.docs = null;
      }
      slot.seqs.push(seq);
      slot.docs?.push(doc);
      slot.size++;
    }
    this.entryCount++;
    this.version++;
  }

  private removeEntry(seq: number, hash: HashKey): void {
    const slot = this.map.get(hash);
    if (slot === undefined) return;
    if (typeof slot === 'number') {
      if (slot !== seq) return;
      this.map.delete(hash);
      this.dead++;
    } else {
      (slot.removed ??= new Set()).add(seq);
      slot.size--;
      slot.docs = null;
      if (slot.size === 1) {
        const removed = slot.removed;
        this.map.set(hash, slot.seqs.find((s) => !removed.has(s)) as number);
      } else if (slot.removed.size > 16 && slot.removed.size * 2 > slot.seqs.length) compact(slot);
    }
    this.entryCount--;
    this.version++;
  }

  clear(): void {
    this.map.clear();
    this.sorted = [];
    this.pending = [];
    this.dead = 0;
    this.entryCount = 0;
    this.multikey = false;
    this.keyAt = undefined;
    this.cumulative = undefined;
    this.version++;
  }

  /**
   * Entries under ordered keys [start, end) of `keys` (this index's `ordered()`): a difference of
   * cumulative counts, rebuilt in one pass after writes, so counting a range with many distinct
   * keys (timestamps, ids) does not look up every bucket on every call.
   */
  entriesBetween(keys: readonly unknown[], start: number, end: number): number {
    if (this.cumulative === undefined || this.countedFor !== keys || this.countedAt !== this.version) {
      const sums = new Int32Array(keys.length + 1);
      for (let i = 0; i < keys.length; i++) sums[i + 1] = (sums[i] as number) + this.sizeOf(this.hashOf(keys[i]));
      this.cumulative = sums;
      this.countedFor = keys;
      this.countedAt = this.version;
    }
    return (this.cumulative[end] as number) - (this.cumulative[start] as number);
  }

  /** Number of distinct keys. */
  get keyCount(): number {
    return this.map.size;
  }

  /** Keys in order, each once. Tombstones (sizeOf 0) may remain: callers skip them. */
  ordered(): readonly unknown[] {
    if (this.pending.length > 0 || this.dead > 64 + (this.sorted.length >> 1)) this.rebuild();
    return this.sorted;
  }

  /** Every live (hash, ids) pair, ids sorted: for consistency checks in tests. */
  dump(idOf: (seq: number) => string): Array<[HashKey, string[]]> {
    const out: Array<[HashKey, string[]]> = [];
    for (const hash of this.map.keys()) out.push([hash, this.seqsOf(hash).map(idOf).sort()]);
    const label = (h: HashKey) => `${typeof h}:${String(h)}`;
    return out.sort((x, y) => (label(x[0]) < label(y[0]) ? -1 : label(x[0]) > label(y[0]) ? 1 : 0));
  }

  compare(a: unknown, b: unknown): number {
    return this.compareKeys(a, b);
  }

  private rebuild(): void {
    const cmp = this.compareKeys;
    const alive = (k: unknown) => this.map.has(this.hashOf(k));
    const pending = this.pending.filter(alive).sort(cmp);
    const live = this.dead > 0 ? this.sorted.filter(alive) : this.sorted;
    // A key removed and added again is both in `sorted` and in `pending`: keep it once.
    const merged: unknown[] = [];
    const push = (k: unknown) => {
      if (merged.length === 0 || cmp(merged[merged.length - 1], k) !== 0) merged.push(k);
    };
    let i = 0;
    let j = 0;
    while (i < live.length && j < pending.length) push(cmp(live[i], pending[j]) <= 0 ? live[i++] : pending[j++]);
    while (i < live.length) push(live[i++]);
    while (j < pending.length) push(pending[j++]);
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
