// Runs WixDataQuery chains on the core: one Mongo filter, sort (default newest `_createdDate`
// first), skip/limit, then include(), fields() and the query hooks. Velo reports totalCount unless
// `omitTotalCount`; @wix/data only with `returnTotalCount`.
import type { Doc, SortSpec } from '../../core';
import { guarded, type Kit } from '../_kit';
import type { WixItem } from '../codec';
import { isCount, isItem } from '../hooks';
import { getPath, isDate } from '../_tree';
import { project, resolveIncludes } from './include';
import { WixDataQueryResult } from './result';
import { WixDataQuery, type QueryRunner, type WixDataQueryOptions } from './wix-query';

export interface RunnerKit extends Kit {
  /** 'velo': totalCount unless omitTotalCount; 'sdk': only with returnTotalCount. */
  readonly totals: 'velo' | 'sdk';
}

const isQuery = (value: unknown): value is WixDataQuery => value instanceof WixDataQuery;

function sortOf(query: WixDataQuery): SortSpec {
  const { sort } = query.plan;
  if (sort.length === 0) return { _createdDate: -1 };
  return Object.fromEntries(sort) as SortSpec;
}

function wantsTotal(kit: RunnerKit, options: WixDataQueryOptions): boolean {
  return kit.totals === 'velo' ? !options.omitTotalCount : options.returnTotalCount === true;
}

/** The query after beforeQuery/beforeCount, with its recorded argument errors raised. */
async function prepared(kit: RunnerKit, query: WixDataQuery, hook: 'beforeQuery' | 'beforeCount', options: WixDataQueryOptions) {
  const collection = query.collectionName;
  const q = await kit.hooks.run(collection, hook, query, isQuery, options.suppressHooks);
  const [firstError] = q.invalidArguments;
  if (firstError) throw firstError;
  return { q, coll: kit.store.read(collection) };
}

export function createQueryRunner(kit: RunnerKit): QueryRunner {
  const runner: QueryRunner = {
    find(query, options) {
      return guarded(kit, query.collectionName, options, async () => {
        const { q, coll } = await prepared(kit, query, 'beforeQuery', options);
        const { skipCount: skip, limitCount: limit, includes, fieldNames } = q.plan;
        const filter = q.toMongoFilter();
        const total = coll.count(filter);
        const docs = limit === 0 ? [] : coll.find(filter, { sort: sortOf(q), skip, limit });
        const collection = q.collectionName;
        let items = docs.map((doc) => kit.store.visible(collection, doc));
        let partialIncludes = false;
        if (includes.length > 0) ({ items, partial: partialIncludes } = resolveIncludes(kit.store, collection, items, includes));
        items = items.map((item) => project(item, fieldNames));
        const hooked: WixItem[] = [];
        for (const item of items) hooked.push(await kit.hooks.run(collection, 'afterQuery', item, isItem, options.suppressHooks));
        return new WixDataQueryResult(
          { items: hooked, totalCount: wantsTotal(kit, options) ? total : undefined, more: limit > 0 && skip + docs.length < total, partialIncludes },
          { skip, pageSize: limit, query: q, fetch: (at) => q.skip(at).find(options) },
        );
      });
    },

    count(query, options) {
      return guarded(kit, query.collectionName, options, async () => {
        const { q, coll } = await prepared(kit, query, 'beforeCount', options);
        return kit.hooks.run(q.collectionName, 'afterCount', coll.count(q.toMongoFilter()), isCount, options.suppressHooks);
      });
    },

    distinct(query, field, options) {
      return guarded(kit, query.collectionName, options, async () => {
        const { q, coll } = await prepared(kit, query, 'beforeQuery', options);
        const values = distinctValues(coll.find(q.toMongoFilter(), { sort: sortOf(q) }), field);
        const { skipCount: skip, limitCount: limit } = q.plan;
        const page = values.slice(skip, skip + limit);
        return new WixDataQueryResult<unknown, WixDataQuery>(
          { items: page, totalCount: wantsTotal(kit, options) ? values.length : undefined, more: limit > 0 && skip + page.length < values.length },
          { skip, pageSize: limit, query: q, fetch: (at) => q.skip(at).distinct(field, options) },
        );
      });
    },
  };
  return runner;
}

/** Unique values of `field` in order of first appearance; array fields contribute their elements. */
function distinctValues(docs: Doc[], field: string): unknown[] {
  const seen = new Set<string>();
  const out: unknown[] = [];
  for (const doc of docs) {
    const value = getPath(doc, field);
    for (const v of Array.isArray(value) ? value : [value]) {
      if (v === undefined) continue;
      const key = isDate(v) ? `d:${v.getTime()}` : `${typeof v}:${JSON.stringify(v)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(v);
    }
  }
  return out;
}
