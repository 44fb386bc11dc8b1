// What an index answers exactly. On a single-field index that is not multikey every document
// has exactly one scalar key, so for a condition that is one equality, one $in or one range on
// that field, the index entries are exactly its matches (mingo's equality is the key equality;
// ranges are bracketed by type like the index order). A filter of that one condition is answered
// from the index alone (counts read bucket sizes, finds skip re-checking candidates, and the
// commonest shapes are planned without compiling the filter); in a larger filter, the conditions
// the indexes answer are left out of the re-check.
import type { Filter } from '../types';
import { isOperatorObject, isRangeValue, type Bound } from './conditions';
import type { IndexManager } from './index-manager';
import type { FieldIndex } from './field-index';
import { hashKey, type HashKey } from './keys';
import { eqKey, type Plan } from './planner';
import { bucketCount, rangeEntries, rangeSpan, tighterBound, type Range } from './range';
import { typeRank } from './compare';
import { isPlainObject } from '../values';

const RANGE_OPS = new Set(['$gt', '$gte', '$lt', '$lte']);

/** Whether the plan's candidates are exactly the filter's matches (no re-check needed). */
export function answersExactly(filter: Filter, plan: Plan): boolean {
  let only: string | undefined;
  for (const key in filter) {
    if (only !== undefined) return false;
    only = key;
  }
  return only !== undefined && Object.hasOwn(filter, only) && covers(plan, only, filter[only]);
}

/** Whether every candidate of `plan` satisfies the condition `expr` on `field` (and only those do). */
function covers(plan: Plan, field: string, expr: unknown): boolean {
  if (plan.kind !== 'keys' && plan.kind !== 'range') return false;
  const { index } = plan;
  if (index.compound || index.multikey || index.fields[0] !== field) return false;
  if (plan.kind === 'keys') return exactEquality(expr);
  if (!isOperatorObject(expr)) return false;
  for (const op in expr) {
    const v = expr[op];
    if (!RANGE_OPS.has(op) || !isRangeValue(v) || Number.isNaN(v)) return false;
  }
  return true;
}

/**
 * `filter` without the top-level conditions that `plans` (a plan and the one narrowing it)
 * already enforce on every candidate, or undefined when there is none. Re-checking only the rest
 * is cheaper, and the rest is often the same text for many queries (`{city: x, active: true}`
 * leaves `{active: true}` for every x), so one compiled predicate serves them all.
 */
export function residualFilter(filter: Filter, plans: ReadonlyArray<Plan | undefined>): Filter | undefined {
  const covered = new Set<string>();
  for (const plan of plans) {
    if (plan?.kind !== 'keys' && plan?.kind !== 'range') continue;
    const field = plan.index.fields[0] as string;
    if (!Object.hasOwn(filter, field) || !covers(plan, field, filter[field])) continue;
    // The plan may have taken its key from another condition on the field (inside $and): a
    // range plan's bounds are the tightest of all, but a lookup must be of this very value.
    if (plan.kind === 'keys' && !isLookupOf(plan.hashes, filter[field])) continue;
    covered.add(field);
  }
  if (covered.size === 0) return undefined;
  const rest: Filter = {};
  for (const key of Object.keys(filter)) if (!covered.has(key)) rest[key] = filter[key];
  return rest;
}

function isLookupOf(hashes: readonly HashKey[], expr: unknown): boolean {
  const value = isOperatorObject(expr) ? expr.$eq : expr;
  return hashes.length === 1 && hashes[0] === hashKey(eqKey(value));
}

export function exactCount(filter: Filter, plan: Plan): number | undefined {
  return answersExactly(filter, plan) ? planCount(plan) : undefined;
}

/** The number of index entries a keys or range plan covers (the matches, for an exact plan). */
export function planCount(plan: Plan): number | undefined {
  if (plan.kind === 'keys') {
    let n = 0;
    for (const hash of plan.hashes) n += bucketCount(plan.index, hash);
    return n;
  }
  if (plan.kind !== 'range') return undefined;
  return plan.range.empty ? 0 : rangeEntries(plan.index, plan.span);
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

/**
 * The plan of the commonest exact filters, `{f: v}`, `{f: {$eq: v}}` and `{f: {$gt/$gte/$lt/$lte}}`
 * with scalar values on a field that has a single-field index which is not multikey, read straight
 * off the filter. Such a filter holds nothing validation could refuse and needs no predicate, so
 * these finds and counts skip compiling (and the filter text that caching a compiled filter
 * needs), which is most of the fixed cost of a call. Anything else: undefined, the general path.
 */
export function exactPlan(filter: Filter, indexes: IndexManager, storeSize: number): Plan | undefined {
  if (indexes.size === 0 || Object.getPrototypeOf(filter) !== Object.prototype) return undefined;
  let field: string | undefined;
  for (const key in filter) {
    if (field !== undefined) return undefined;
    field = key;
  }
  if (field === undefined || field.charCodeAt(0) === 36 /* $ */ || !Object.hasOwn(filter, field)) return undefined;
  const index = indexes.singleField(field);
  if (index === undefined || index.multikey) return undefined;
  const expr = filter[field];
  const plan = isPlainObject(expr) ? operatorPlan(index, expr) : isScalar(expr) ? keysPlan(index, expr) : undefined;
  // The planner's rule (planner.ts): an index fetching most of a large collection loses to a scan.
  if (plan === undefined || (storeSize >= 1000 && plan.estimate > storeSize * 0.6)) return undefined;
  return plan;
}

function isScalar(v: unknown): boolean {
  switch (typeof v) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return !Number.isNaN(v);
    case 'object':
      return v === null || (v instanceof Date && !Number.isNaN(v.getTime()));
    default:
      return false;
  }
}

function keysPlan(index: FieldIndex, value: unknown): Plan {
  const hash = hashKey(value);
  return { kind: 'keys', index, hashes: [hash], estimate: bucketCount(index, hash) };
}

function operatorPlan(index: FieldIndex, ops: Record<string, unknown>): Plan | undefined {
  // chooseBounds (planner.ts) for one field, without its lists: the tightest bound on each side,
  // and nothing matches when the bounds are of different type brackets.
  let lower: Bound | undefined;
  let upper: Bound | undefined;
  let rank = -1;
  let mixed = false;
  let n = 0;
  for (const op in ops) {
    const value = ops[op];
    n++;
    if (!Object.hasOwn(ops, op) || value === null || !isScalar(value)) return undefined;
    if (op === '$eq') continue;
    const bound: Bound = { value, inclusive: op === '$gte' || op === '$lte' };
    const r = typeRank(value);
    if (rank === -1) rank = r;
    else if (r !== rank) mixed = true;
    if (op === '$gt' || op === '$gte') {
      if (lower === undefined || tighterBound(bound, lower, 1)) lower = bound;
    } else if (op === '$lt' || op === '$lte') {
      if (upper === undefined || tighterBound(bound, upper, -1)) upper = bound;
    } else return undefined;
  }
  if (Object.hasOwn(ops, '$eq')) return n === 1 ? keysPlan(index, ops.$eq) : undefined;
  if (rank === -1) return undefined;
  const range: Range = mixed ? { prefix: [], rank, empty: true } : { prefix: [], rank };
  if (!mixed && lower) range.lower = lower;
  if (!mixed && upper) range.upper = upper;
  const span = rangeSpan(index, range);
  return { kind: 'range', index, range, span, estimate: span.estimate };
}
