// Fast paths for `Collection.aggregate`. mingo runs a pipeline over a deep copy of every document;
// here a leading `$match` is answered by the planner (indexes apply) and a `$group` right after it
// (or first) is computed in one pass over the stored documents (group.ts). Later stages run in
// mingo on copies of what is left, so results equal running mingo over the whole collection.
import type { Doc, Filter } from '../types';
import { cloneValue } from '../values';
import { runFind } from './execute';
import { planGroup, runGroup } from './group';
import type { IndexManager } from './index-manager';

/** Runs stages in mingo (the caller's Aggregator, with its options and error handling). */
export type StageRunner = (stages: object[], input: unknown[]) => unknown[];

/**
 * The pipeline's result, or undefined when no fast path applies (the caller then runs mingo over
 * copies of every document, as before). Expects a pipeline the caller has already checked
 * (assertSafeExpression, one operator per stage).
 */
export function aggregateFast(store: ReadonlyMap<string, Doc>, indexes: IndexManager, pipeline: readonly object[], run: StageRunner): unknown[] | undefined {
  const first = stageArg(pipeline[0], '$match');
  const filter = first !== undefined && isFilter(first) ? first : undefined;
  const groupAt = filter === undefined ? 0 : 1;
  const spec = stageArg(pipeline[groupAt], '$group');
  const plan = spec === undefined ? undefined : planGroup(spec);
  if (filter === undefined && plan === undefined) return undefined;
  let docs: Iterable<Doc | undefined>;
  try {
    docs = filter !== undefined ? matchDocs(store, indexes, filter) : indexes.size > 0 ? indexes.byPosition : store.values();
  } catch {
    return undefined; // let mingo report it, in its words
  }
  if (plan === undefined) {
    const matched = Array.from(docs as Doc[], (doc) => cloneValue(doc));
    return pipeline.length === 1 ? matched : run(pipeline.slice(1) as object[], matched);
  }
  let rows: unknown[];
  try {
    rows = runGroup(plan, docs);
  } catch {
    // NeedsMingo (an array reached $min/$max) or anything unforeseen: mingo gives the answer, or the error.
    return undefined;
  }
  const rest = pipeline.slice(groupAt + 1) as object[];
  return rest.length === 0 ? rows : run(rest, rows);
}

function stageArg(stage: object | undefined, name: string): unknown {
  if (stage === undefined || !Object.hasOwn(stage, name)) return undefined;
  return (stage as Record<string, unknown>)[name];
}

/**
 * Filters the planner may answer. `$expr` is left to mingo's aggregation context, which knows
 * operators (accumulators inside expressions) that find's does not.
 */
function isFilter(v: unknown): v is Filter {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !mentions(v, '$expr', 0);
}

function mentions(v: unknown, key: string, depth: number): boolean {
  if (typeof v !== 'object' || v === null || depth > 64) return depth > 64;
  if (Array.isArray(v)) return v.some((x) => mentions(x, key, depth + 1));
  if (v instanceof Date || v instanceof RegExp) return false;
  for (const k of Object.keys(v)) if (k === key || mentions((v as Record<string, unknown>)[k], key, depth + 1)) return true;
  return false;
}

/** The documents a `$match` keeps, in store order (what mingo's $match yields from the store). */
function matchDocs(store: ReadonlyMap<string, Doc>, indexes: IndexManager, filter: Filter): Doc[] {
  return runFind(store, indexes, filter, {}).docs;
}
