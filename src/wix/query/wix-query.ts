/**
 * Mirrors Velo's WixDataQuery (wix-data `query(collectionId)`): WixDataFilter's conditions plus
 * sort, paging, projection, include and the terminal find()/count()/distinct(). Defaults as the docs
 * state: skip 0, limit 50 (at most 1000, WDE0036), sorted by `_createdDate` newest first when no
 * sort is given.
 */
import { WixDataFilter, type FilterState } from '../filter/wix-filter';
import { wixErrors } from '../errors';
import type { WixItem } from '../codec';
import type { WixDataQueryResult } from './result';

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 1000;

export type SortDirection = 1 | -1;

/** Options of find()/count()/distinct(), as Velo takes them (unknown keys are ignored). */
export interface WixDataQueryOptions {
  suppressHooks?: boolean;
  suppressAuth?: boolean;
  consistentRead?: boolean;
  /** Velo: skip computing totalCount. */
  omitTotalCount?: boolean;
  /** `@wix/data`: compute totalCount (off by default there). */
  returnTotalCount?: boolean;
}

/** Who runs a built query: the fake module (with its hooks) provides this. */
export interface QueryRunner {
  find(query: WixDataQuery, options: WixDataQueryOptions): Promise<WixDataQueryResult<WixItem, WixDataQuery>>;
  count(query: WixDataQuery, options: WixDataQueryOptions): Promise<number>;
  distinct(query: WixDataQuery, field: string, options: WixDataQueryOptions): Promise<WixDataQueryResult<unknown, WixDataQuery>>;
}

export interface QueryState extends FilterState {
  readonly collection: string;
  readonly runner: QueryRunner;
  readonly sort: ReadonlyArray<readonly [string, SortDirection]>;
  readonly skipCount: number;
  readonly limitCount: number;
  readonly fieldNames: readonly string[] | undefined;
  readonly includes: readonly string[];
}

export class WixDataQuery extends WixDataFilter {
  /** @internal */
  declare protected readonly state: QueryState;

  /** @internal Use `wixData.query(collectionId)`. */
  constructor(state: QueryState) {
    super(state);
  }

  /** @internal A new query on `collection`, with Velo's defaults. */
  static create(collection: string, runner: QueryRunner): WixDataQuery {
    return new WixDataQuery({
      collection,
      runner,
      conditions: [],
      errors: [],
      sort: [],
      skipCount: 0,
      limitCount: DEFAULT_LIMIT,
      fieldNames: undefined,
      includes: [],
    });
  }

  /** The collection this query reads. */
  get collectionName(): string {
    return this.state.collection;
  }
  /** @internal Read by the runner. */
  get plan(): Readonly<QueryState> {
    return this.state;
  }

  ascending(...fields: Array<string | string[]>): this {
    return this.addSort('ascending', fields, 1);
  }
  descending(...fields: Array<string | string[]>): this {
    return this.addSort('descending', fields, -1);
  }

  private addSort(method: string, fields: Array<string | string[]>, direction: SortDirection): this {
    const names = fields.flat();
    if (!names.every((f) => typeof f === 'string' && f !== '')) {
      return this.derive({ errors: [...this.state.errors, wixErrors.invalidArgument(method, 'field names must be strings.')] });
    }
    const kept = this.state.sort.filter(([f]) => !names.includes(f));
    return this.derive({ sort: [...kept, ...names.map((f) => [f, direction] as const)] } as Partial<QueryState>);
  }

  skip(count: number): this {
    if (!Number.isInteger(count) || count < 0) return this.derive({ errors: [...this.state.errors, wixErrors.invalidSkip(count)] });
    return this.derive({ skipCount: count } as Partial<QueryState>);
  }

  limit(count: number): this {
    if (!Number.isInteger(count) || count < 0) return this.derive({ errors: [...this.state.errors, wixErrors.invalidLimit(count)] });
    if (count > MAX_LIMIT) return this.derive({ errors: [...this.state.errors, wixErrors.limitTooLarge(count)] });
    return this.derive({ limitCount: count } as Partial<QueryState>);
  }

  /** Only these fields (and `_id`) in the returned items. */
  fields(...fields: Array<string | string[]>): this {
    return this.derive({ fieldNames: [...(this.state.fieldNames ?? []), ...fields.flat()] } as Partial<QueryState>);
  }

  /** Replace these reference fields' ids with the referenced items (schemas decide which fields are references). */
  include(...fields: Array<string | string[]>): this {
    return this.derive({ includes: [...this.state.includes, ...fields.flat()] } as Partial<QueryState>);
  }

  find(options: WixDataQueryOptions = {}): Promise<WixDataQueryResult<WixItem, WixDataQuery>> {
    return this.state.runner.find(this, options);
  }

  count(options: WixDataQueryOptions = {}): Promise<number> {
    return this.state.runner.count(this, options);
  }

  /** The distinct values of `field` among matching items, paged like find(). */
  distinct(field: string, options: WixDataQueryOptions = {}): Promise<WixDataQueryResult<unknown, WixDataQuery>> {
    return this.state.runner.distinct(this, field, options);
  }
}
