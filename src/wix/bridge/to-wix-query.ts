/**
 * A MongoDB-style filter and find options as a query on a real `wix-data` module (Velo's, or
 * `@wix/data`'s `items`, or the fake). Nothing runs until the caller calls `find()`.
 *
 * @example
 * toWixQuery(wixData, 'Movies', { year: { $gte: 1970 }, genre: { $in: ['sf', 'horror'] } }, { sort: { year: -1 }, limit: 10 })
 * // -> wixData.query('Movies').ge('year', 1970).hasSome('genre', ['sf', 'horror']).descending('year').limit(10)
 */
import { TissDBLiteError } from '../../core';
import type { WixDataLike, WixQueryBuilder } from './builder';
import { FilterTranslator, type TranslateOptions } from './translate';

export interface ToWixQueryOptions extends TranslateOptions {
  sort?: Record<string, 1 | -1>;
  skip?: number;
  limit?: number;
  /** Inclusion only (`{ title: 1 }`): Wix's fields() can't exclude. */
  projection?: Record<string, 0 | 1 | boolean>;
}

function checkModule(wix: unknown): asserts wix is WixDataLike {
  const ok = typeof wix === 'object' && wix !== null && typeof (wix as WixDataLike).query === 'function' && typeof (wix as WixDataLike).filter === 'function';
  if (!ok) throw new TissDBLiteError('INVALID_ARGUMENT', 'toWixQuery: expected a wix-data module with query() and filter()');
}

export function toWixQuery(wixData: unknown, collection: string, filter: object = {}, options: ToWixQueryOptions = {}): WixQueryBuilder {
  checkModule(wixData);
  if (typeof collection !== 'string' || collection === '') {
    throw new TissDBLiteError('INVALID_ARGUMENT', 'toWixQuery: collection must be a non-empty string');
  }
  let query = new FilterTranslator(wixData, options).apply(wixData.query(collection) as WixQueryBuilder, filter);
  for (const [field, direction] of Object.entries(options.sort ?? {})) {
    query = direction === -1 ? query.descending(field) : query.ascending(field);
  }
  if (options.skip !== undefined && options.skip > 0) query = query.skip(options.skip);
  if (options.limit !== undefined) query = query.limit(options.limit);
  if (options.projection !== undefined) {
    const entries = Object.entries(options.projection);
    if (entries.some(([, keep]) => !keep)) {
      throw new TissDBLiteError('INVALID_QUERY', 'toWixQuery: exclusion projections have no Wix Data equivalent (fields() includes only)', { operator: 'projection' });
    }
    query = query.fields(...entries.map(([field]) => field));
  }
  return query;
}
