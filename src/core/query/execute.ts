// Runs a find against a collection's store: plan, fetch candidates, re-check the full filter,
// sort (top-k when limited), skip and limit. Projection and cloning are the caller's.
import { TissDBLiteError } from '../errors';
import type { Doc, Filter, FindOptions, SortSpec } from '../types';
import { compareValues } from './compare';
import { candidateDocs, candidateSeqs, intersectSeqs, walkInOrder } from './candidates';
import { answersExactly, exactCount, exactPlan, planCount, residualFilter } from './exact';
import { compileFilter, type DocPredicate } from './compile';
import { filterKey } from './filter-cache';
import type { FieldIndex } from './field-index';
import type { IndexManager } from './index-manager';
import type { HashKey } from './keys';
import { narrowingPlan, planFind, type Plan } from './planner';
import { projector } from './projection';
import { compileSort, SortBuffer, sortKeyFn, type SortField } from './sort';

export interface FindResult {
  /** Stored objects (not cloned), in result order, after sort/skip/limit, before projection. */
  docs: Doc[];
  plan: 'IXSCAN' | 'COLLSCAN';
  index?: string;
  indexes?: string[];
  scanned: number;
}

export interface RunOptions {
  sort?: SortSpec;
  skip?: number;
  limit?: number;
}

interface Window {
  skip: number;
  /** undefined: no limit (MongoDB reads limit 0 the same way). */
  limit: number | undefined;
}

export function checkWindow(options: RunOptions): Window {
  const { skip = 0, limit } = options;
  if (!Number.isInteger(skip) || skip < 0) {
    throw new TissDBLiteError('INVALID_QUERY', `find: skip must be a non-negative integer, got ${String(skip)}`);
  }
  if (limit !== undefined && (!Number.isInteger(limit) || limit < 0)) {
    throw new TissDBLiteError('INVALID_QUERY', `find: limit must be a non-negative integer, got ${String(limit)}`);
  }
  return { skip, limit: limit === 0 ? undefined : limit };
}

/** How many matches the result needs before sorting/skipping: skip + limit, or all. */
function wanted(w: Window): number {
  return w.limit === undefined ? Infinity : w.skip + w.limit;
}

export function runFind(store: ReadonlyMap<string, Doc>, indexes: IndexManager, filter: Filter, options: RunOptions): FindResult {
  const byId = lookupById(store, filter, options);
  if (byId) return byId;
  const direct = options.sort === undefined ? exactPlan(filter, indexes, store.size) : undefined;
  if (direct) return exactFind(direct, indexes, checkWindow(options));
  const test = compileFilter(filter);
  const fields = compileSort(options.sort);
  const w = checkWindow(options);
  const plan = planFind(filter, indexes, store.size);
  const walk = sortWalkIndex(plan, fields, indexes);
  if (walk) return walkSorted(indexes, walk, fields[0] as SortField, test, w, plan);
  if (plan.kind === 'scan') return scan(indexes.size > 0 ? indexes.byPosition : store.values(), test, fields, w);
  if (fields.length === 0 && answersExactly(filter, plan)) return exactFind(plan, indexes, w);
  const out = new Collector(fields, w);
  if (plan.kind === 'ids') {
    const ids = plan.ids.length > 1 ? [...plan.ids].sort((a, b) => (indexes.positionOf(a) ?? 0) - (indexes.positionOf(b) ?? 0)) : plan.ids;
    for (const id of ids) if (!out.offer(store.get(id), test)) break;
  } else {
    const narrow = narrowingPlan(filter, indexes, plan);
    const residual = residualFilter(filter, [plan, narrow]);
    const check = residual === undefined ? test : compileFilter(residual);
    if (narrow === undefined && plan.kind === 'keys' && plan.hashes.length === 1) {
      const docs = plan.index.docsOf(plan.hashes[0] as HashKey, indexes.byPosition);
      for (let i = 0; i < docs.length; i++) if (!out.offer(docs[i], check)) break;
    } else {
      const seqs = narrow ? intersectSeqs(plan, narrow, indexes) : candidateSeqs(plan, indexes);
      for (let i = 0; i < seqs.length; i++) if (!out.offer(indexes.docAt(seqs[i] as number), check)) break;
    }
  }
  return { docs: out.result(), plan: 'IXSCAN', ...describe(plan), scanned: out.scanned };
}

/**
 * The index's candidates are exactly the matches (exact.ts): read them in store order
 * without touching the documents to re-check, which is most of the time of a large indexed find.
 * One key is a copy of its bucket's document list; several are merged, and cached when repeated.
 */
function exactFind(plan: Plan, indexes: IndexManager, w: Window): FindResult {
  if (plan.kind === 'keys' && plan.hashes.length === 1) {
    const docs = plan.index.docsOf(plan.hashes[0] as HashKey, indexes.byPosition);
    const end = w.limit === undefined ? docs.length : Math.min(docs.length, w.skip + w.limit);
    return { docs: docs.slice(w.skip, end), plan: 'IXSCAN', index: plan.index.name, scanned: end };
  }
  if (w.limit === undefined) {
    const key = exactKey(plan);
    const cached = key === undefined ? undefined : indexes.results.get(key);
    if (cached) return { docs: cached.slice(w.skip), plan: 'IXSCAN', ...describe(plan), scanned: cached.length };
    const all = candidateDocs(plan, indexes);
    // A kept array is the cache's own: callers get a copy.
    const kept = key !== undefined && indexes.results.admit(key);
    if (kept) indexes.results.set(key, all, indexes.capacity);
    return { docs: kept || w.skip > 0 ? all.slice(w.skip) : all, plan: 'IXSCAN', ...describe(plan), scanned: all.length };
  }
  // A window: only the documents in it are read.
  const seqs = candidateSeqs(plan, indexes);
  const end = Math.min(seqs.length, w.skip + w.limit);
  const docs: Doc[] = new Array<Doc>(Math.max(0, end - w.skip));
  for (let i = w.skip; i < end; i++) docs[i - w.skip] = indexes.docAt(seqs[i] as number) as Doc;
  return { docs, plan: 'IXSCAN', ...describe(plan), scanned: end };
}

/**
 * What identifies an exact plan's result until the next write (which empties the cache): the
 * index and its keys, or its span of ordered keys (positions in that array are stable between writes).
 */
function exactKey(plan: Plan): string | undefined {
  if (plan.kind === 'keys') return `k\u0000${plan.index.name}\u0000${JSON.stringify(plan.hashes)}`;
  if (plan.kind !== 'range') return undefined;
  const { span } = plan;
  return `r\u0000${plan.index.name}\u0000${span.start}\u0000${span.end}`;
}

/** `{ _id: 'x' }` alone, the hottest query there is: one map read, nothing to compile. */
function lookupById(store: ReadonlyMap<string, Doc>, filter: Filter, options: RunOptions): FindResult | undefined {
  const id = filter._id;
  if (typeof id !== 'string' || (options.skip !== undefined && options.skip !== 0)) return undefined;
  for (const key in filter) if (key !== '_id') return undefined;
  if (Object.getPrototypeOf(filter) !== Object.prototype) return undefined;
  checkWindow(options);
  compileSort(options.sort);
  const doc = store.get(id);
  return { docs: doc ? [doc] : [], plan: 'IXSCAN', index: '_id_', scanned: doc ? 1 : 0 };
}

/** Gathers matches in input order: straight into a top-k buffer when sorting, else up to skip + limit. */
class Collector {
  scanned = 0;
  private readonly matched: Doc[] = [];
  private readonly sorter: SortBuffer | undefined;
  private readonly need: number;

  constructor(
    fields: SortField[],
    private readonly w: Window,
  ) {
    this.sorter = fields.length > 0 ? new SortBuffer(fields, w.limit === undefined ? undefined : w.skip + w.limit) : undefined;
    this.need = this.sorter ? Infinity : wanted(w);
  }

  /** Tests one candidate; false once enough documents are collected. */
  offer(doc: Doc | undefined, test: DocPredicate): boolean {
    if (doc === undefined) return true;
    this.scanned++;
    if (test(doc)) {
      if (this.sorter) this.sorter.push(doc);
      else this.matched.push(doc);
    }
    return this.matched.length < this.need;
  }

  result(): Doc[] {
    const all = this.sorter ? this.sorter.result() : this.matched;
    const { skip, limit } = this.w;
    if (skip === 0 && (limit === undefined || all.length <= limit)) return all;
    return all.slice(skip, limit === undefined ? undefined : skip + limit);
  }
}

/** `docs` may have holes (the index manager's positions): they are skipped. */
function scan(docs: Iterable<Doc | undefined>, test: DocPredicate, fields: SortField[], w: Window): FindResult {
  if (fields.length === 0 && w.skip === 0 && w.limit === undefined) {
    // The common full scan, without the collector's bookkeeping; arrays walk faster than Maps.
    return Array.isArray(docs) ? scanArray(docs as ReadonlyArray<Doc | undefined>, test) : scanAll(docs, test);
  }
  const out = new Collector(fields, w);
  for (const doc of docs) if (!out.offer(doc, test)) break;
  return { docs: out.result(), plan: 'COLLSCAN', scanned: out.scanned };
}

function scanArray(docs: ReadonlyArray<Doc | undefined>, test: DocPredicate): FindResult {
  const matched: Doc[] = [];
  let scanned = 0;
  for (let i = 0; i < docs.length; i++) {
    const doc = docs[i];
    if (doc === undefined) continue;
    scanned++;
    if (test(doc)) matched.push(doc);
  }
  return { docs: matched, plan: 'COLLSCAN', scanned };
}

function scanAll(docs: Iterable<Doc | undefined>, test: DocPredicate): FindResult {
  const matched: Doc[] = [];
  let scanned = 0;
  for (const doc of docs) {
    if (doc === undefined) continue;
    scanned++;
    if (test(doc)) matched.push(doc);
  }
  return { docs: matched, plan: 'COLLSCAN', scanned };
}

function describe(plan: Plan): { index?: string; indexes?: string[] } {
  const names: string[] = [];
  const visit = (p: Plan): void => {
    if (p.kind === 'keys' || p.kind === 'range') names.push(p.index.name);
    else if (p.kind === 'ids') names.push('_id_');
    else if (p.kind === 'or') p.plans.forEach(visit);
  };
  visit(plan);
  const unique = [...new Set(names)];
  if (plan.kind === 'or') return { indexes: unique };
  return unique[0] === undefined ? {} : { index: unique[0] };
}

interface SortWalk {
  index: FieldIndex;
  /** The filter's range on the same index, when walking it alone is enough. */
  plan: Plan | undefined;
}

/**
 * An index that yields documents already in sort order: a single-field index on the (single)
 * sort field, used when the filter has no index of its own, or when the filter's index range is
 * on that same field and the index is not multikey (a multikey document may sort by an element
 * outside the range).
 */
function sortWalkIndex(plan: Plan, fields: SortField[], indexes: IndexManager): SortWalk | undefined {
  if (fields.length !== 1) return undefined;
  const path = (fields[0] as SortField).path;
  if (plan.kind === 'range' && !plan.index.compound && plan.index.fields[0] === path && !plan.index.multikey) {
    return { index: plan.index, plan };
  }
  if (plan.kind !== 'scan') return undefined;
  const index = indexes.all().find((i) => !i.compound && i.fields[0] === path);
  return index ? { index, plan: undefined } : undefined;
}

function walkSorted(indexes: IndexManager, walk: SortWalk, field: SortField, test: DocPredicate, w: Window, plan: Plan): FindResult {
  const range = walk.plan?.kind === 'range' ? walk.plan.range : undefined;
  const keyOf = sortKeyFn(field);
  const need = wanted(w);
  const matched: Doc[] = [];
  let scanned = 0;
  outer: for (const { key, seqs } of walkInOrder(walk.index, field.dir, range)) {
    for (const seq of seqs) {
      const doc = indexes.docAt(seq);
      if (doc === undefined) continue;
      // A multikey document sits under each of its elements; it belongs where its sort key is.
      if (walk.index.multikey && compareValues(keyOf(doc), key) !== 0) continue;
      scanned++;
      if (test(doc)) {
        matched.push(doc);
        if (matched.length >= need) break outer;
      }
    }
  }
  const docs = matched.slice(w.skip, w.limit === undefined ? undefined : w.skip + w.limit);
  const info = plan.kind === 'scan' ? { index: walk.index.name } : describe(plan);
  return { docs, plan: 'IXSCAN', ...info, scanned };
}

/** Counts without fetching documents when the index answers the whole filter exactly. */
export function countMatches(store: ReadonlyMap<string, Doc>, indexes: IndexManager, filter: Filter): number {
  const direct = exactPlan(filter, indexes, Infinity);
  if (direct) return planCount(direct) as number;
  // A filter with the same text was validated and counted exactly since the last write.
  const key = indexes.size > 0 ? filterKey(filter) : undefined;
  const cached = key === undefined ? undefined : indexes.results.count(key);
  if (cached !== undefined) return cached;
  compileFilter(filter);
  const exact = exactCount(filter, planFind(filter, indexes, store.size, false));
  if (exact === undefined) return runFind(store, indexes, filter, {}).docs.length;
  if (key !== undefined) indexes.results.setCount(key, exact);
  return exact;
}

/** The same semantics over a plain array: filter, sort, skip, limit, projection. Does not clone. */
export function findIn(docs: readonly Doc[], filter: Filter, options: FindOptions = {}): Doc[] {
  const test = compileFilter(filter);
  const fields = compileSort(options.sort);
  const w = checkWindow(options);
  const out = scan(docs, test, fields, w).docs;
  return options.projection ? out.map(projector(options.projection)) : out;
}
