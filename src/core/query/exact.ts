// Answering from the index alone. On a single-field index that is not multikey every document
// has exactly one scalar key, so for a filter that is one equality, one $in or one range on that
// field, the index entries are exactly the matches (mingo's equality is the key equality;
// ranges are bracketed by type like the index order): counts read bucket sizes, and finds skip
// re-checking the filter on each candidate.
import type { Filter } from '../types';
import { isOperatorObject, isRangeValue } from './conditions';
import type { Plan } from './planner';
import { bucketCount, rangeEntries, rangeSpan } from './range';

const RANGE_OPS = new Set(['$gt', '$gte', '$lt', '$lte']);

/** Whether the plan's candidates are exactly the filter's matches (no re-check needed). */
export function answersExactly(filter: Filter, plan: Plan): boolean {
  if (plan.kind !== 'keys' && plan.kind !== 'range') return false;
  const { index } = plan;
  if (index.compound || index.multikey) return false;
  let only: string | undefined;
  for (const key in filter) {
    if (only !== undefined) return false;
    only = key;
  }
  if (only === undefined || only !== index.fields[0] || !Object.hasOwn(filter, only)) return false;
  const expr = filter[only];
  if (plan.kind === 'keys') return exactEquality(expr);
  if (!isOperatorObject(expr)) return false;
  for (const op in expr) {
    const v = expr[op];
    if (!RANGE_OPS.has(op) || !isRangeValue(v) || Number.isNaN(v)) return false;
  }
  return true;
}

export function exactCount(filter: Filter, plan: Plan): number | undefined {
  if (!answersExactly(filter, plan)) return undefined;
  if (plan.kind === 'keys') {
    let n = 0;
    for (const hash of plan.hashes) n += bucketCount(plan.index, hash);
    return n;
  }
  if (plan.kind !== 'range') return undefined;
  return plan.range.empty ? 0 : rangeEntries(plan.index, rangeSpan(plan.index, plan.range));
}

function plainValue(v: unknown): boolean {
  return !Array.isArray(v) && !(v instanceof RegExp) && !(typeof v === 'number' && Number.isNaN(v)) && !isOperatorObject(v);
}

function exactEquality(expr: unknown): boolean {
  if (!isOperatorObject(expr)) return plainValue(expr);
  const ops = Object.keys(expr);
  if (ops.length !== 1) return false;
  if (ops[0] === '$eq') return plainValue(expr.$eq);
  return ops[0] === '$in' && Array.isArray(expr.$in) && expr.$in.every(plainValue);
}
