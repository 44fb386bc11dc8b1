// Turns an index plan into candidate positions in store (insertion) order, so an indexed find
// returns exactly what a scan returns, in the same order; and walks an index in key order for
// sorts. Each bucket's positions are sorted, so store order is a merge, not a sort.
import type { FieldIndex } from './field-index';
import type { IndexManager } from './index-manager';
import type { Plan } from './planner';
import { rangeSpan, type Range } from './range';

/** The positions of a plan's candidates: ascending, each once. */
export function candidateSeqs(plan: Plan, indexes: IndexManager): readonly number[] {
  const lists: Array<readonly number[]> = [];
  collect(plan, indexes, lists);
  return mergeSorted(lists, indexes.capacity);
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
      const span = rangeSpan(plan.index, plan.range);
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
 * marking a bitmap and reading it back in order; otherwise by a numeric sort.
 */
export function mergeSorted(lists: ReadonlyArray<readonly number[]>, universe: number): readonly number[] {
  if (lists.length === 0) return [];
  if (lists.length === 1) return lists[0] as readonly number[];
  if (lists.length === 2) return mergeTwo(lists[0] as readonly number[], lists[1] as readonly number[]);
  let total = 0;
  for (const l of lists) total += l.length;
  if (total * 16 >= universe) {
    const marks = new Uint8Array(universe);
    for (const l of lists) for (let i = 0; i < l.length; i++) marks[l[i] as number] = 1;
    const out: number[] = [];
    for (let i = 0; i < universe; i++) if (marks[i] === 1) out.push(i);
    return out;
  }
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
