// Counting from the index alone. On a single-field index that is not multikey every document
// has exactly one scalar key, so for a filter that is one equality, one $in or one range on that
// field, the index entries are exactly the matches (mingo's equality is the key equality;
// ranges are bracketed by type like the index order).
import type { Filter } from '../types';
import { isOperatorObject, isRangeValue } from './conditions';
import type { Plan } from './planner';
import { bucketCount, rangeEntries, rangeSpan } from './range';

const RANGE_OPS = new Set(['$gt', '$gte', '$lt', '$lte']);

export function exactCount(filter: Filter, plan: Plan): number | undefined {
  if (plan.kind !== 'keys' && plan.kind !== 'range') return undefined;
  const { index } = plan;
  if (index.compound || index.multikey) return undefined;
  const keys = Object.keys(filter);
  if (keys.length !== 1 || keys[0] !== index.fields[0]) return undefined;
  const expr = filter[keys[0] as string];
  if (plan.kind === 'keys') {
    if (!exactEquality(expr)) return undefined;
    let n = 0;
    for (const hash of plan.hashes) n += bucketCount(index, hash);
    return n;
  }
  if (!isOperatorObject(expr)) return undefined;
  const ops = Object.keys(expr);
  if (!ops.every((op) => RANGE_OPS.has(op) && isRangeValue(expr[op]) && !Number.isNaN(expr[op]))) return undefined;
  return plan.range.empty ? 0 : rangeEntries(index, rangeSpan(index, plan.range));
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
