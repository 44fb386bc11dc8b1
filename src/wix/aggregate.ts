/**
 * Mirrors Velo's WixDataAggregate (wix-data `aggregate(collectionId)`): filter (once, WDE0012),
 * group (once, WDE0013), having, sum/avg/min/max (output `<field>Sum|Avg|Min|Max` unless a projected
 * name is given), count (`count`), ascending/descending, skip (0) and limit (50), run().
 *
 * Group keys (the docs leave the shape open): a grouped item carries the group fields flat
 * (`{ state: 'NY', populationMax: 8192000 }`) and also `_id`: the value for one group field, an object
 * of them for several. Without group() the single item holds only the aggregates. Groups come sorted
 * by key when no sort is given, so pages are stable.
 */
import type { Collection, Doc } from '../core';
import { guarded, readOptions, type Kit } from './_kit';
import { wixErrors } from './errors';
import { WixDataFilter } from './filter/wix-filter';
import { DEFAULT_LIMIT, MAX_LIMIT } from './query/wix-query';

type Accumulator = { op: '$sum' | '$avg' | '$min' | '$max'; field: string | null; as: string };

interface AggregateState {
  readonly collection: string;
  readonly filter: WixDataFilter | undefined;
  readonly groupBy: readonly string[] | undefined;
  readonly having: WixDataFilter | undefined;
  readonly accumulators: readonly Accumulator[];
  readonly sort: ReadonlyArray<readonly [string, 1 | -1]>;
  readonly skipCount: number;
  readonly limitCount: number;
  readonly error: Error | undefined;
}

export interface WixDataAggregateRunOptions {
  suppressAuth?: boolean;
  consistentRead?: boolean;
  /** `@wix/data`: add totalCount/totalPages. */
  returnTotalCount?: boolean;
}

export class WixDataAggregateResult {
  readonly items: Record<string, unknown>[];
  readonly totalCount: number | undefined;
  readonly #next: (() => Promise<WixDataAggregateResult>) | undefined;

  /** @internal */
  constructor(items: Record<string, unknown>[], totalCount: number | undefined, next: (() => Promise<WixDataAggregateResult>) | undefined) {
    this.items = items;
    this.totalCount = totalCount;
    this.#next = next;
  }
  get length(): number {
    return this.items.length;
  }
  hasNext(): boolean {
    return this.#next !== undefined;
  }
  next(): Promise<WixDataAggregateResult> {
    return this.#next ? this.#next() : Promise.reject(wixErrors.noNextPage());
  }
}

export class WixDataAggregate {
  readonly #kit: Kit;
  readonly #state: AggregateState;

  /** @internal Use `wixData.aggregate(collectionId)`. */
  constructor(kit: Kit, state: AggregateState) {
    this.#kit = kit;
    this.#state = state;
  }

  /** @internal */
  static create(kit: Kit, collection: string): WixDataAggregate {
    const state: AggregateState = {
      collection, filter: undefined, groupBy: undefined, having: undefined, accumulators: [],
      sort: [], skipCount: 0, limitCount: DEFAULT_LIMIT, error: undefined,
    };
    return new WixDataAggregate(kit, state);
  }

  #with(patch: Partial<AggregateState>): WixDataAggregate {
    return new WixDataAggregate(this.#kit, { ...this.#state, ...patch });
  }
  #fail(error: Error): WixDataAggregate {
    return this.#state.error ? this : this.#with({ error });
  }

  filter(filter: WixDataFilter): WixDataAggregate {
    if (this.#state.filter) return this.#fail(wixErrors.aggregateTwice('filter'));
    if (!(filter instanceof WixDataFilter)) return this.#fail(wixErrors.invalidArgument('filter', 'expected a WixDataFilter.'));
    return this.#with({ filter });
  }
  group(...fields: Array<string | string[]>): WixDataAggregate {
    if (this.#state.groupBy) return this.#fail(wixErrors.aggregateTwice('group'));
    return this.#with({ groupBy: fields.flat() });
  }
  having(filter: WixDataFilter): WixDataAggregate {
    if (!(filter instanceof WixDataFilter)) return this.#fail(wixErrors.invalidArgument('having', 'expected a WixDataFilter.'));
    return this.#with({ having: filter });
  }
  sum(field: string, projectedName?: string): WixDataAggregate {
    return this.#acc('$sum', field, projectedName ?? `${field}Sum`);
  }
  avg(field: string, projectedName?: string): WixDataAggregate {
    return this.#acc('$avg', field, projectedName ?? `${field}Avg`);
  }
  min(field: string, projectedName?: string): WixDataAggregate {
    return this.#acc('$min', field, projectedName ?? `${field}Min`);
  }
  max(field: string, projectedName?: string): WixDataAggregate {
    return this.#acc('$max', field, projectedName ?? `${field}Max`);
  }
  count(projectedName = 'count'): WixDataAggregate {
    return this.#with({ accumulators: [...this.#state.accumulators, { op: '$sum', field: null, as: projectedName }] });
  }
  #acc(op: Accumulator['op'], field: string, as: string): WixDataAggregate {
    if (typeof field !== 'string' || field === '') return this.#fail(wixErrors.fieldName(field));
    return this.#with({ accumulators: [...this.#state.accumulators, { op, field, as }] });
  }
  ascending(...fields: Array<string | string[]>): WixDataAggregate {
    return this.#with({ sort: [...this.#state.sort, ...fields.flat().map((f) => [f, 1] as const)] });
  }
  descending(...fields: Array<string | string[]>): WixDataAggregate {
    return this.#with({ sort: [...this.#state.sort, ...fields.flat().map((f) => [f, -1] as const)] });
  }
  skip(count: number): WixDataAggregate {
    if (!Number.isInteger(count) || count < 0) return this.#fail(wixErrors.invalidSkip(count));
    return this.#with({ skipCount: count });
  }
  limit(count: number): WixDataAggregate {
    if (!Number.isInteger(count) || count < 0) return this.#fail(wixErrors.invalidLimit(count));
    if (count > MAX_LIMIT) return this.#fail(wixErrors.limitTooLarge(count));
    return this.#with({ limitCount: count });
  }

  async run(options: WixDataAggregateRunOptions = {}): Promise<WixDataAggregateResult> {
    const opts = readOptions('run', options) as WixDataAggregateRunOptions;
    const state = this.#state;
    return guarded(this.#kit, state.collection, {}, async () => {
      if (state.error) throw state.error;
      const all = groupsOf(this.#kit.store.read(state.collection), state);
      const { skipCount: skip, limitCount: limit } = state;
      const items = all.slice(skip, skip + limit);
      const more = limit > 0 && skip + items.length < all.length;
      const next = more ? () => this.skip(skip + limit).run(opts) : undefined;
      return new WixDataAggregateResult(items, opts.returnTotalCount ? all.length : undefined, next);
    });
  }
}

/** Every output group, in order: $match, $group, flattened keys, having, sort. */
function groupsOf(coll: Collection<Doc>, state: AggregateState): Record<string, unknown>[] {
  const keys = state.groupBy ?? [];
  const id = keys.length === 0 ? null : keys.length === 1 ? `$${keys[0]}` : Object.fromEntries(keys.map((k) => [k.replace(/\./g, '_'), `$${k}`]));
  const group: Record<string, unknown> = { _id: id };
  for (const acc of state.accumulators) group[acc.as] = { [acc.op]: acc.field === null ? 1 : `$${acc.field}` };
  const flat: Record<string, unknown> = {};
  keys.forEach((k) => (flat[k.replace(/\./g, '_')] = keys.length === 1 ? '$_id' : `$_id.${k.replace(/\./g, '_')}`));
  const pipeline: object[] = [];
  if (state.filter) pipeline.push({ $match: state.filter.toMongoFilter() });
  pipeline.push({ $group: group });
  if (keys.length > 0) pipeline.push({ $addFields: flat });
  else pipeline.push({ $project: { _id: 0 } });
  if (state.having) pipeline.push({ $match: state.having.toMongoFilter() });
  const sort = state.sort.length > 0 ? Object.fromEntries(state.sort) : keys.length > 0 ? { _id: 1 } : undefined;
  if (sort) pipeline.push({ $sort: sort });
  return coll.aggregate(pipeline) as Record<string, unknown>[];
}
