// The slice of a real `wix-data` module the bridge calls, typed loosely enough that Velo's module,
// @wix/data's `items`, our fake and a recording test double all fit.

/** A WixDataFilter or WixDataQuery: every method returns a new builder of the same kind. */
export interface WixFilterBuilder {
  eq(field: string, value: unknown): WixFilterBuilder;
  ne(field: string, value: unknown): WixFilterBuilder;
  gt(field: string, value: unknown): WixFilterBuilder;
  ge(field: string, value: unknown): WixFilterBuilder;
  lt(field: string, value: unknown): WixFilterBuilder;
  le(field: string, value: unknown): WixFilterBuilder;
  contains(field: string, text: string): WixFilterBuilder;
  startsWith(field: string, text: string): WixFilterBuilder;
  endsWith(field: string, text: string): WixFilterBuilder;
  hasSome(field: string, values: unknown[]): WixFilterBuilder;
  hasAll(field: string, values: unknown[]): WixFilterBuilder;
  isEmpty(field: string): WixFilterBuilder;
  isNotEmpty(field: string): WixFilterBuilder;
  and(filter: WixFilterBuilder): WixFilterBuilder;
  or(filter: WixFilterBuilder): WixFilterBuilder;
  not(filter: WixFilterBuilder): WixFilterBuilder;
}

export interface WixQueryResultLike {
  items: Record<string, unknown>[];
  hasNext(): boolean;
  next(): Promise<WixQueryResultLike>;
}

export interface WixQueryBuilder extends WixFilterBuilder {
  ascending(...fields: string[]): WixQueryBuilder;
  descending(...fields: string[]): WixQueryBuilder;
  skip(count: number): WixQueryBuilder;
  limit(count: number): WixQueryBuilder;
  fields(...fields: string[]): WixQueryBuilder;
  find(options?: object): Promise<WixQueryResultLike>;
}

/** What the bridge needs of the module: `query(collectionId)` and `filter()`. */
export interface WixDataLike {
  query(collectionId: string): unknown;
  filter(): unknown;
}
