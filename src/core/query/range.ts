// Contiguous stretches of an index's ordered keys: an equality prefix (compound indexes) and
// optional bounds on the next field within one type bracket, as mingo brackets ranges by type.
import { compareValues, typeRank } from './compare';
import type { FieldIndex } from './field-index';
import type { Bound } from './conditions';
import type { HashKey } from './keys';

export interface Range {
  /** Keys of the leading fields, which must be equal. */
  prefix: unknown[];
  /** Type bracket of the bounds (compare.ts typeRank). */
  rank?: number;
  lower?: Bound;
  upper?: Bound;
  /** Bounds that nothing satisfies (different type brackets on a non-multikey index). */
  empty?: boolean;
}

export function bucketCount(index: FieldIndex, hash: HashKey): number {
  return index.sizeOf(hash);
}

/** -1: the key sorts before the range, 0: inside, 1: after. */
function locate(index: FieldIndex, range: Range, key: unknown): number {
  if (!index.compound) return boundsPosition(range, key);
  const t = key as unknown[];
  const { prefix } = range;
  for (let i = 0; i < prefix.length; i++) {
    const c = compareValues(t[i], prefix[i]);
    if (c !== 0) return c < 0 ? -1 : 1;
  }
  return boundsPosition(range, t[prefix.length]);
}

/** locate() for the field after the prefix: -1 below the bounds, 0 inside, 1 above. */
export function boundsPosition(range: Range, v: unknown): number {
  if (range.rank === undefined) return 0;
  const r = typeRank(v);
  if (r !== range.rank) return r < range.rank ? -1 : 1;
  if (range.lower) {
    const c = compareValues(v, range.lower.value);
    if (c < 0 || (c === 0 && !range.lower.inclusive)) return -1;
  }
  if (range.upper) {
    const c = compareValues(v, range.upper.value);
    if (c > 0 || (c === 0 && !range.upper.inclusive)) return 1;
  }
  return 0;
}

/**
 * boundsPosition(range, v) === 0 as a predicate, specialised for number bounds (the common case:
 * one typeof test and two comparisons instead of a general comparison per bound).
 */
export function rangeTester(range: Range): (v: unknown) => boolean {
  if (range.empty) return () => false;
  if (!isNumberRange(range)) return (v) => boundsPosition(range, v) === 0;
  const lo = lowNumber(range);
  const hi = highNumber(range);
  const loIn = range.lower?.inclusive ?? true;
  const hiIn = range.upper?.inclusive ?? true;
  return (v) => typeof v === 'number' && (loIn ? v >= lo : v > lo) && (hiIn ? v <= hi : v < hi);
}

/**
 * Whether a range's bounds are numbers that compare as plain numbers, an absent bound being an
 * infinite one (so the fast tests have no branches on it). A NaN bound keeps the general
 * comparison, whose notion of NaN is the index order's.
 */
function isNumberRange(range: Range): boolean {
  return range.rank === 2 && !Number.isNaN(range.lower?.value) && !Number.isNaN(range.upper?.value);
}

const lowNumber = (range: Range): number => (range.lower === undefined ? -Infinity : (range.lower.value as number));
const highNumber = (range: Range): number => (range.upper === undefined ? Infinity : (range.upper.value as number));

/** Whether `bound` is tighter than `than` on its side (`dir` 1: lower bounds, -1: upper). */
export function tighterBound(bound: Bound, than: Bound, dir: 1 | -1): boolean {
  const c = compareValues(bound.value, than.value) * dir;
  return c > 0 || (c === 0 && !bound.inclusive);
}

/** First position in `sorted` whose location is >= `at`. */
export function search(sorted: readonly unknown[], at: number, where: (key: unknown) => number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (where(sorted[mid]) < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export interface Span {
  /** The index's ordered keys; the span is keys[start..end). */
  keys: readonly unknown[];
  start: number;
  end: number;
  estimate: number;
}

/** The ordered buckets a range covers, [start, end), with an estimate of the ids under them. */
export function rangeSpan(index: FieldIndex, range: Range): Span {
  const keys = index.ordered();
  if (range.empty) return { keys, start: 0, end: 0, estimate: 0 };
  let start: number;
  let end: number;
  if (!index.compound && isNumberRange(range)) {
    start = numberStart(keys, range);
    end = numberEnd(keys, range, start);
  } else {
    const where = (key: unknown) => locate(index, range, key);
    start = search(keys, 0, where);
    end = search(keys, 1, where);
  }
  const perKey = index.keyCount === 0 ? 0 : index.entryCount / index.keyCount;
  return { keys, start, end, estimate: Math.ceil((end - start) * perKey) };
}

// rangeSpan's two searches for a number range, without a comparison closure per step: the hottest
// path of counts and range finds. Keys sort by type bracket first; numbers are the second bracket.

function numberStart(keys: readonly unknown[], range: Range): number {
  const lo = lowNumber(range);
  const loIn = range.lower?.inclusive ?? true;
  let a = 0;
  let b = keys.length;
  while (a < b) {
    const m = (a + b) >>> 1;
    const k = keys[m];
    if (typeof k === 'number' ? (loIn ? k < lo : k <= lo) : typeRank(k) < 2) a = m + 1;
    else b = m;
  }
  return a;
}

/** From `start` on every key is a number or of a later bracket: in the range or above it. */
function numberEnd(keys: readonly unknown[], range: Range, start: number): number {
  const hi = highNumber(range);
  const hiIn = range.upper?.inclusive ?? true;
  let a = start;
  let b = keys.length;
  while (a < b) {
    const m = (a + b) >>> 1;
    const k = keys[m];
    if (typeof k === 'number' && (hiIn ? k <= hi : k < hi)) a = m + 1;
    else b = m;
  }
  return a;
}

/** Exact number of index entries in a range (ids under several keys count once per key). */
export function rangeEntries(index: FieldIndex, span: Span): number {
  return span.end <= span.start ? 0 : index.entriesBetween(span.keys, span.start, span.end);
}
