// Turns an index plan into candidate positions in store (insertion) order, so an indexed find
// returns exactly what a scan returns, in the same order; and walks an index in key order for
// sorts. Each bucket's positions are sorted, so store order is a merge, not a sort.
import type { FieldIndex } from './field-index';
import type { IndexManager } from './index-manager';
import type { Plan } from './planner';
import type { Doc } from '../types';
import { hashKey, type HashKey } from './keys';
import { rangeSpan, rangeTester, type Range } from './range';

/** The positions of a plan's candidates: ascending, each once. */
export function candidateSeqs(plan: Plan, indexes: IndexManager): ArrayLike<number> {
  const lists: Array<readonly number[]> = [];
  collect(plan, indexes, lists);
  return mergeSorted(lists, indexes.capacity);
}

/**
 * The documents of a plan's candidates in store order: candidateSeqs() mapped through `docAt`,
 * except that a large merge reads its bitmap straight into documents (no array of positions).
 */
export function candidateDocs(plan: Plan, indexes: IndexManager): Doc[] {
  const lists: Array<readonly number[]> = [];
  collect(plan, indexes, lists);
  const docs = indexes.byPosition;
  if (lists.length > 2) {
    let total = 0;
    for (const l of lists) total += l.length;
    if (total * 64 >= indexes.capacity) return viaBitmap(lists, indexes.capacity, total, (p) => docs[p] as Doc);
  }
  const seqs = mergeSorted(lists, indexes.capacity);
  const out = new Array<Doc>(seqs.length);
  for (let i = 0; i < seqs.length; i++) out[i] = docs[seqs[i] as number] as Doc;
  return out;
}

/**
 * The positions of `plan` that `other` also yields, ascending: `plan`'s marked in the scratch
 * bitmap, then `other`'s entries tested against it (sequential reads of index arrays, no documents).
 */
export function intersectSeqs(plan: Plan, other: Plan, indexes: IndexManager): ArrayLike<number> {
  const first = candidateSeqs(plan, indexes);
  const keys = other.kind === 'keys' || other.kind === 'range' ? other.index.keysByPosition(indexes.byPosition) : undefined;
  if (keys) return filterByKey(first, other, keys);
  const lists: Array<readonly number[]> = [];
  collect(other, indexes, lists);
  const words = bitmap(indexes.capacity);
  for (let i = 0; i < first.length; i++) {
    const p = first[i] as number;
    words[p >>> 5] = (words[p >>> 5] as number) | (1 << (p & 31));
  }
  const hits: number[] = [];
  for (const l of lists) {
    for (let i = 0; i < l.length; i++) {
      const p = l[i] as number;
      if (((words[p >>> 5] as number) & (1 << (p & 31))) !== 0) hits.push(p);
    }
  }
  for (let i = 0; i < first.length; i++) words[(first[i] as number) >>> 5] = 0;
  if (lists.length === 1) return hits;
  // Several keys (or a multikey index): restore position order, each position once.
  hits.sort((x, y) => x - y);
  let n = 0;
  for (let i = 0; i < hits.length; i++) if (i === 0 || hits[i] !== hits[n - 1]) hits[n++] = hits[i] as number;
  hits.length = n;
  return hits;
}

/**
 * intersectSeqs() when the second index knows each position's key (single-field, not multikey):
 * one array read per candidate instead of a walk over all of the second index's entries.
 */
function filterByKey(first: ArrayLike<number>, other: Plan, keys: readonly unknown[]): number[] {
  const out: number[] = [];
  if (other.kind === 'keys') {
    const hashes = new Set<HashKey>(other.hashes);
    for (let i = 0; i < first.length; i++) {
      const p = first[i] as number;
      if (hashes.has(hashKey(keys[p]))) out.push(p);
    }
  } else if (other.kind === 'range' && !other.range.empty) {
    const inRange = rangeTester(other.range);
    for (let i = 0; i < first.length; i++) {
      const p = first[i] as number;
      if (inRange(keys[p])) out.push(p);
    }
  }
  return out;
}

function collect(plan: Plan, indexes: IndexManager, lists: Array<readonly number[]>): void {
  switch (plan.kind) {
    case 'ids': {
      const seqs: number[] = [];
      for (const id of plan.ids) {
        const seq = indexes.positionOf(id);
        if (seq !== undefined) seqs.push(seq);
      }
      lists.push(seqs.sort((a, b) => a - b));
      return;
    }
    case 'keys':
      for (const hash of plan.hashes) {
        const seqs = plan.index.seqsOf(hash);
        if (seqs.length > 0) lists.push(seqs);
      }
      return;
    case 'range': {
      const { span } = plan;
      for (let i = span.start; i < span.end; i++) {
        const seqs = plan.index.seqsOf(plan.index.hashOf(span.keys[i]));
        if (seqs.length > 0) lists.push(seqs);
      }
      return;
    }
    case 'or':
      for (const p of plan.plans) collect(p, indexes, lists);
      return;
    case 'scan':
      return;
  }
}

/**
 * Merges ascending lists of positions (all below `universe`) into one ascending list without
 * repeats: two lists by a linear merge; many lists covering a good part of the collection by
 * setting bits in a bitmap of 32-bit words and reading them back in order (a range over an index
 * on a low-cardinality field is many large lists); otherwise by a numeric sort.
 */
export function mergeSorted(lists: ReadonlyArray<readonly number[]>, universe: number): ArrayLike<number> {
  if (lists.length === 0) return [];
  if (lists.length === 1) return lists[0] as readonly number[];
  if (lists.length === 2) return mergeTwo(lists[0] as readonly number[], lists[1] as readonly number[]);
  let total = 0;
  for (const l of lists) total += l.length;
  if (total * 64 >= universe) return viaBitmap(lists, universe, total, (p) => p);
  const all = new Float64Array(total);
  let k = 0;
  for (const l of lists) for (let i = 0; i < l.length; i++) all[k++] = l[i] as number;
  all.sort();
  const out: number[] = [];
  let prev = -1;
  for (let i = 0; i < total; i++) {
    const v = all[i] as number;
    if (v !== prev) out.push(v);
    prev = v;
  }
  return out;
}

/** Reused between calls (and left all zero): allocating and zeroing a bitmap per find costs more than the marking. */
let scratch = new Int32Array(1024);

/** The all-zero scratch bitmap, big enough for `universe` positions. Callers leave it all zero. */
function bitmap(universe: number): Int32Array {
  const size = (universe + 31) >>> 5;
  if (scratch.length < size) scratch = new Int32Array(Math.max(size, scratch.length * 2));
  return scratch;
}

/** The bitmap merge; `pick` maps each position as it is read back (to itself, or to its document). */
function viaBitmap<T>(lists: ReadonlyArray<readonly number[]>, universe: number, total: number, pick: (position: number) => T): T[] {
  const size = (universe + 31) >>> 5;
  const words = bitmap(universe);
  for (const l of lists) {
    for (let i = 0; i < l.length; i++) {
      const p = l[i] as number;
      words[p >>> 5] = (words[p >>> 5] as number) | (1 << (p & 31));
    }
  }
  // `total` bounds the count (lists may overlap): one allocation, trimmed at the end.
  const out = new Array<T>(total);
  let n = 0;
  for (let w = 0; w < size; w++) {
    let bits = words[w] as number;
    if (bits === 0) continue;
    words[w] = 0;
    while (bits !== 0) {
      const low = bits & -bits;
      out[n++] = pick((w << 5) + 31 - Math.clz32(low));
      bits ^= low;
    }
  }
  out.length = n;
  return out;
}

function mergeTwo(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as number;
    const y = b[j] as number;
    if (x < y) {
      out.push(x);
      i++;
    } else if (y < x) {
      out.push(y);
      j++;
    } else {
      out.push(x);
      i++;
      j++;
    }
  }
  while (i < a.length) out.push(a[i++] as number);
  while (j < b.length) out.push(b[j++] as number);
  return out;
}

/** Buckets of an index (optionally within a range) in sort order, each with its positions ascending. */
export function* walkInOrder(index: FieldIndex, dir: 1 | -1, range?: Range): Generator<{ key: unknown; seqs: readonly number[] }> {
  const span = range ? rangeSpan(index, range) : { keys: index.ordered(), start: 0, end: Infinity };
  const keys = span.keys;
  const start = span.start;
  const end = Math.min(span.end, keys.length);
  for (let i = dir === 1 ? start : end - 1; dir === 1 ? i < end : i >= start; i += dir) {
    const key = keys[i];
    const seqs = index.seqsOf(index.hashOf(key));
    if (seqs.length > 0) yield { key, seqs };
  }
}
