/**
 * Mirrors Velo's WixDataQueryResult: one page of items plus paging. `currentPage` is 0-based and
 * undefined when the page is empty; next()/prev() re-run the query one page over and reject with
 * WDE0165 / WDE0159 at the ends. Data changed between pages shifts what the next page holds, as on Wix.
 */
import { wixErrors } from '../errors';

/** What a result needs to fetch its neighbours: the same query at another offset. */
export interface PageSource<T, Q> {
  readonly skip: number;
  readonly pageSize: number;
  readonly query: Q;
  fetch(skip: number): Promise<WixDataQueryResult<T, Q>>;
}

export interface ResultPage<T> {
  items: T[];
  /** Undefined when the caller didn't ask for it (`@wix/data` without `returnTotalCount`). */
  totalCount: number | undefined;
  /** Whether items exist past this page (known even when the total isn't reported). */
  more: boolean;
  partialIncludes?: boolean;
}

export class WixDataQueryResult<T = Record<string, unknown>, Q = unknown> {
  readonly items: T[];
  readonly totalCount: number | undefined;
  readonly partialIncludes: boolean;
  readonly #source: PageSource<T, Q>;
  readonly #more: boolean;

  /** @internal Results come from `find()` and `distinct()`. */
  constructor(page: ResultPage<T>, source: PageSource<T, Q>) {
    this.items = page.items;
    this.totalCount = page.totalCount;
    this.partialIncludes = page.partialIncludes ?? false;
    this.#more = page.more;
    this.#source = source;
  }

  /** Items on this page. */
  get length(): number {
    return this.items.length;
  }
  /** The query's limit: items per page. */
  get pageSize(): number {
    return this.#source.pageSize;
  }
  /** 0-based page index, or undefined when nothing matched. */
  get currentPage(): number | undefined {
    return this.items.length === 0 ? undefined : Math.floor(this.#source.skip / Math.max(1, this.pageSize));
  }
  get totalPages(): number | undefined {
    if (this.totalCount === undefined) return undefined;
    return this.pageSize === 0 ? 0 : Math.ceil(this.totalCount / this.pageSize);
  }
  /** The query that produced this page. */
  get query(): Q {
    return this.#source.query;
  }

  hasNext(): boolean {
    return this.#more;
  }
  hasPrev(): boolean {
    return this.#source.skip > 0;
  }

  next(): Promise<WixDataQueryResult<T, Q>> {
    if (!this.hasNext()) return Promise.reject(wixErrors.noNextPage());
    return this.#source.fetch(this.#source.skip + this.pageSize);
  }

  prev(): Promise<WixDataQueryResult<T, Q>> {
    if (!this.hasPrev()) return Promise.reject(wixErrors.noPrevPage());
    return this.#source.fetch(Math.max(0, this.#source.skip - this.pageSize));
  }
}
