// The $group accumulators the fast path computes in one pass, each reproducing mingo 7's
// (operators/accumulator/*.js) result exactly: $sum and $avg add numbers in document order and
// ignore everything else; $min/$max keep the first/last of the values mingo's stable sort would
// put at the front/back; $push/$addToSet collect `value ?? null` (the set keyed by mingo's own
// HashMap); $first/$last read their document's value `?? null`; $count counts.
import { HashMap, compare } from 'mingo/util';
import type { Doc } from '../types';
import { isFieldPath, pathReader, type Reader } from './expr-path';

/** One accumulator's running state for one group. */
export interface Cell {
  /** Set when the result depends on the count alone: `add` is a no-op the caller may skip. */
  readonly countOnly?: true;
  add(doc: Doc): void;
  /** `count`: documents in the group. */
  result(count: number): unknown;
}

export type CellFactory = () => Cell;

/**
 * Thrown when a value makes one-pass evaluation differ from mingo's: $min/$max over arrays, where
 * mingo sorts with a comparator that is not a consistent order, so only its own sort gives its answer.
 */
export class NeedsMingo extends Error {}

const isNum = (v: unknown): v is number => typeof v === 'number' && v === v;

/** The cell factory for `{ op: arg }`, or undefined when the fast path does not cover it. */
export function accumulator(spec: unknown): CellFactory | undefined {
  if (typeof spec !== 'object' || spec === null || Array.isArray(spec)) return undefined;
  const keys = Object.keys(spec);
  if (keys.length !== 1) return undefined;
  const op = keys[0] as string;
  const arg = (spec as Record<string, unknown>)[op];
  if (op === '$count') return isEmptyObject(arg) ? () => new CountCell() : undefined;
  if (op === '$sum' && isNum(arg)) return () => new ConstSumCell(arg);
  if (!isFieldPath(arg)) return undefined;
  const read = pathReader(arg);
  switch (op) {
    case '$sum':
      return () => new SumCell(read);
    case '$avg':
      return () => new AvgCell(read);
    case '$min':
      return () => new ExtremeCell(read, keepsSmaller);
    case '$max':
      return () => new ExtremeCell(read, keepsLargerOrEqual);
    case '$first':
      return () => new FirstCell(read);
    case '$last':
      return () => new LastCell(read);
    case '$push':
      return () => new PushCell(read);
    case '$addToSet':
      return () => new SetCell(read);
    default:
      return undefined;
  }
}

function isEmptyObject(v: unknown): boolean {
  return typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype && Object.keys(v).length === 0;
}

class CountCell implements Cell {
  readonly countOnly = true;
  add(): void {}
  result(count: number): unknown {
    return count;
  }
}

/** `$sum: n` is `count * n` in mingo, not n added count times (they differ for fractions). */
class ConstSumCell implements Cell {
  readonly countOnly = true;
  constructor(private readonly n: number) {}
  add(): void {}
  result(count: number): unknown {
    return count * this.n;
  }
}

class SumCell implements Cell {
  private total = 0;
  constructor(private readonly read: Reader) {}
  add(doc: Doc): void {
    const v = this.read(doc);
    if (isNum(v)) this.total += v;
  }
  result(): unknown {
    return this.total;
  }
}

class AvgCell implements Cell {
  private total = 0;
  private n = 0;
  constructor(private readonly read: Reader) {}
  add(doc: Doc): void {
    const v = this.read(doc);
    if (isNum(v)) {
      this.total += v;
      this.n++;
    }
  }
  result(): unknown {
    return this.n === 0 ? null : this.total / this.n;
  }
}

/** mingo's compare for two values, with the same-type primitive case inline. */
function cmp(a: unknown, b: unknown): number {
  const t = typeof a;
  if (t === typeof b && (t === 'number' || t === 'string')) return (a as number) < (b as number) ? -1 : (a as number) > (b as number) ? 1 : 0;
  return compare(a, b);
}

/**
 * `$min` / `$max`: the smallest (largest) non-nil value, null if all are nil. Ties go to the
 * earliest for `$min` and the latest for `$max`, since mingo sorts stably and takes the first or
 * the last.
 */
class ExtremeCell implements Cell {
  private best: unknown = undefined;
  private has = false;
  constructor(
    private readonly read: Reader,
    private readonly keeps: (order: number) => boolean,
  ) {}
  add(doc: Doc): void {
    const v = this.read(doc);
    if (v === null || v === undefined) return;
    if (Array.isArray(v)) throw new NeedsMingo();
    if (!this.has || this.keeps(cmp(v, this.best))) {
      this.best = v;
      this.has = true;
    }
  }
  result(): unknown {
    return this.has ? this.best : null;
  }
}

const keepsSmaller = (order: number): boolean => order < 0;
const keepsLargerOrEqual = (order: number): boolean => order >= 0;

class FirstCell implements Cell {
  private doc: Doc | undefined;
  constructor(private readonly read: Reader) {}
  add(doc: Doc): void {
    if (this.doc === undefined) this.doc = doc;
  }
  result(): unknown {
    return this.doc === undefined ? null : (this.read(this.doc) ?? null);
  }
}

class LastCell implements Cell {
  private doc: Doc | undefined;
  constructor(private readonly read: Reader) {}
  add(doc: Doc): void {
    this.doc = doc;
  }
  result(): unknown {
    return this.doc === undefined ? null : (this.read(this.doc) ?? null);
  }
}

class PushCell implements Cell {
  private readonly values: unknown[] = [];
  constructor(private readonly read: Reader) {}
  add(doc: Doc): void {
    this.values.push(this.read(doc) ?? null);
  }
  result(): unknown {
    return this.values;
  }
}

/** First occurrences in order, equal by mingo's isEqual (its HashMap is what its unique() uses). */
class SetCell implements Cell {
  private readonly seen = HashMap.init<unknown, boolean>();
  constructor(private readonly read: Reader) {}
  add(doc: Doc): void {
    this.seen.set(this.read(doc) ?? null, true);
  }
  result(): unknown {
    return Array.from(this.seen.keys());
  }
}
