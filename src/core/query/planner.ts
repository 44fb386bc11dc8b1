// Chooses how a find reaches its candidates. Mirrors MongoDB's planner in spirit: an index for
// one conjunct (top level or inside $and) by equality, $in, compound prefix or range; a union of
// indexes for an $or whose branches are all indexable; the store itself for `_id`; otherwise a
// collection scan. The cheapest plan by estimated candidate count wins (equality before range on
// ties). The caller always re-checks the full filter on the candidates.
import type { Filter } from '../types';
import { typeRank } from './compare';
import { extractConditions, type Bound, type Conditions, type PathConditions } from './conditions';
import type { FieldIndex } from './field-index';
import type { IndexManager } from './index-manager';
import { EMPTY_ARRAY, hashKey, type HashKey } from './keys';
import { bucketCount, rangeSpan, tighterBound, type Range, type Span } from './range';

export type Plan =
  | { kind: 'scan'; estimate: number }
  | { kind: 'ids'; ids: string[]; estimate: number }
  | { kind: 'keys'; index: FieldIndex; hashes: HashKey[]; estimate: number }
  /** `span`: where the range lies in the index's ordered keys, valid until the next write. */
  | { kind: 'range'; index: FieldIndex; range: Range; span: Span; estimate: number }
  | { kind: 'or'; plans: Plan[]; estimate: number };

const MAX_KEY_COMBINATIONS = 1000;

/** The key an equality value is looked up under: see keys.ts for what documents are indexed under. */
export function eqKey(v: unknown): unknown {
  if (v === undefined || v === null) return null;
  if (!Array.isArray(v)) return v;
  const first = firstLeaf(v);
  return first === NO_LEAF ? EMPTY_ARRAY : first;
}

const NO_LEAF = Symbol('no leaf');

function firstLeaf(v: unknown[]): unknown {
  for (const item of v) {
    if (!Array.isArray(item)) return item;
    const inner = firstLeaf(item);
    if (inner !== NO_LEAF) return inner;
  }
  return NO_LEAF;
}

/**
 * `preferScan`: small collections always take the index (the difference is immaterial and
 * explain stays predictable); large ones scan when the index would fetch most documents anyway.
 */
export function planFind(filter: Filter, indexes: IndexManager, storeSize: number, preferScan = true): Plan {
  const best = bestPlan(extractConditions(filter), indexes);
  if (best === undefined) return { kind: 'scan', estimate: storeSize };
  if (preferScan && storeSize >= 1000 && best.estimate > storeSize * 0.6) return { kind: 'scan', estimate: storeSize };
  return best;
}

/**
 * Another index that narrows a keys/range plan: every index plan's candidates include all the
 * matches, so the intersection does too, and intersecting positions is much cheaper than reading
 * (and re-checking) documents that the second index would have ruled out. Worth it when the second
 * index knows each position's key (single-field, not multikey) or its entries are not many more
 * than the documents it saves reading.
 */
export function narrowingPlan(filter: Filter, indexes: IndexManager, primary: Plan): Plan | undefined {
  if ((primary.kind !== 'keys' && primary.kind !== 'range') || primary.estimate < 64 || indexes.size < 2) return undefined;
  const conds = extractConditions(filter);
  let best: Plan | undefined;
  for (const index of indexes.all()) {
    if (index === primary.index) continue;
    const plan = indexPlan(index, conds);
    // An index that knows each position's key costs one read per candidate, whatever its size.
    const cheap = !index.compound && !index.multikey && (plan?.kind === 'keys' || (plan?.kind === 'range' && plan.range.prefix.length === 0));
    if (plan && (cheap || plan.estimate <= primary.estimate * 16) && (!best || plan.estimate < best.estimate)) best = plan;
  }
  return best;
}

function bestPlan(conds: Conditions, indexes: IndexManager): Plan | undefined {
  const options: Plan[] = [];
  const id = conds.paths.get('_id');
  if (id) {
    const plan = idPlan(id, indexes);
    if (plan) options.push(plan);
  }
  for (const index of indexes.all()) {
    const plan = indexPlan(index, conds);
    if (plan) options.push(plan);
  }
  // A union is ordered by positions, which exist only while some index does.
  for (const branches of indexes.size > 0 ? conds.ors : []) {
    const plans: Plan[] = [];
    for (const branch of branches) {
      const plan = bestPlan(extractConditions(branch), indexes);
      if (!plan) break;
      plans.push(plan);
    }
    if (plans.length === branches.length) {
      options.push({ kind: 'or', plans, estimate: plans.reduce((n, p) => n + p.estimate, 0) });
    }
  }
  let best: Plan | undefined;
  for (const plan of options) {
    if (!best || plan.estimate < best.estimate || (plan.estimate === best.estimate && TIE_ORDER[plan.kind] < TIE_ORDER[best.kind])) best = plan;
  }
  return best;
}

/** On equal estimates: `_id` first, then equality lookups, then ranges, then unions. */
const TIE_ORDER: Record<Plan['kind'], number> = { ids: 0, keys: 1, range: 2, or: 3, scan: 4 };

function idPlan(c: PathConditions, indexes: IndexManager): Plan | undefined {
  let values: unknown[] | undefined;
  if (c.eq.length > 0) values = [c.eq[0]];
  else if (c.in.length > 0) values = c.in[0];
  if (!values) return undefined;
  const ids = [...new Set(values.filter((v): v is string => typeof v === 'string'))];
  // Ordering several ids by insertion needs the positions the index manager tracks.
  if (ids.length > 1 && indexes.size === 0) return undefined;
  return { kind: 'ids', ids, estimate: ids.length };
}

function indexPlan(index: FieldIndex, conds: Conditions): Plan | undefined {
  const perField: unknown[][] = [];
  for (const field of index.fields) {
    const c = conds.paths.get(field);
    if (c?.eq.length) perField.push([eqKey(c.eq[0])]);
    else if (c?.in.length) perField.push(dedupe((c.in[0] as unknown[]).map(eqKey)));
    else break;
  }
  if (perField.length === index.fields.length) {
    const combos = perField.reduce((n, keys) => n * keys.length, 1);
    if (combos <= MAX_KEY_COMBINATIONS) {
      const hashes = product(perField).map((t) => index.hashOf(index.compound ? t : t[0]));
      return { kind: 'keys', index, hashes, estimate: hashes.reduce<number>((n, h) => n + bucketCount(index, h), 0) };
    }
  }
  const prefix: unknown[] = [];
  for (const keys of perField) {
    if (keys.length !== 1) break;
    prefix.push(keys[0]);
  }
  const next = index.fields[prefix.length];
  const c = next === undefined ? undefined : conds.paths.get(next);
  const bounds = c ? chooseBounds(c, index.multikey) : undefined;
  if (prefix.length === 0 && !bounds) return undefined;
  const range: Range = { prefix, ...bounds };
  const span = rangeSpan(index, range);
  return { kind: 'range', index, range, span, estimate: span.estimate };
}

function dedupe(keys: unknown[]): unknown[] {
  const seen = new Map<HashKey, unknown>();
  for (const k of keys) seen.set(hashKey(k), k);
  return [...seen.values()];
}

function product(lists: unknown[][]): unknown[][] {
  let out: unknown[][] = [[]];
  for (const list of lists) out = out.flatMap((t) => list.map((k) => [...t, k]));
  return out;
}

/**
 * The bounds to scan. On a multikey index each range operator may be satisfied by a different
 * array element ({a: {$gt: 5, $lt: 3}} matches [1, 10]), so only one bound is usable. Otherwise
 * the tightest bounds of one type bracket; bounds of different brackets match nothing.
 */
function chooseBounds(c: PathConditions, multikey: boolean): Omit<Range, 'prefix'> | undefined {
  const first = c.lower[0] ?? c.upper[0];
  if (!first) return undefined;
  const rank = typeRank(first.value);
  if (multikey) return c.lower[0] ? { rank, lower: first } : { rank, upper: first };
  const all = [...c.lower, ...c.upper];
  if (all.some((b) => typeRank(b.value) !== rank)) return { rank, empty: true };
  const out: Omit<Range, 'prefix'> = { rank };
  const lower = tightest(c.lower, 1);
  const upper = tightest(c.upper, -1);
  if (lower) out.lower = lower;
  if (upper) out.upper = upper;
  return out;
}

function tightest(bounds: Bound[], dir: 1 | -1): Bound | undefined {
  let best: Bound | undefined;
  for (const b of bounds) if (!best || tighterBound(b, best, dir)) best = b;
  return best;
}
