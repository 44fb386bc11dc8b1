/**
 * Runs a MongoDB-style filter (or an original tissdb-lite condition string) on a real `wix-data`
 * module and returns every matching item: with no limit it follows next() through all pages, so
 * more than Wix's 1000-per-page maximum comes back complete. Items come back as documents (Dates
 * stay Dates). Data changed between pages can shift what later pages hold, as on Wix itself.
 */
import { TissDBLiteError, type Doc, type TissDBLite } from '../../core';
import { conditionToFilter } from '../../tissql';
import { fromWixItem } from '../codec';
import type { WixQueryBuilder, WixQueryResultLike } from './builder';
import { toWixQuery, type ToWixQueryOptions } from './to-wix-query';

const PAGE = 1000;

export interface ExecuteQueryCommand extends Omit<ToWixQueryOptions, 'limit'> {
  collection: string;
  /** A MongoDB-style filter. */
  filter?: object;
  /** An original tissdb-lite condition string (`"age > 30 AND role = 'admin'"`), instead of `filter`. */
  condition?: string;
  limit?: number;
  /** Passed to find() (e.g. `{ suppressAuth: true }`). */
  findOptions?: object;
}

export async function executeQuery(wixData: unknown, command: ExecuteQueryCommand): Promise<Doc[]> {
  const { collection, filter, condition, limit, findOptions, ...options } = command;
  if (filter !== undefined && condition !== undefined) {
    throw new TissDBLiteError('INVALID_ARGUMENT', 'executeQuery: give either filter or condition, not both');
  }
  if (limit !== undefined && (!Number.isInteger(limit) || limit < 0)) {
    throw new TissDBLiteError('INVALID_ARGUMENT', `executeQuery: limit must be a non-negative integer, got ${String(limit)}`);
  }
  const mongo = condition !== undefined ? conditionToFilter(condition) : (filter ?? {});
  if (limit === 0) return [];
  const query = toWixQuery(wixData, collection, mongo, { ...options, limit: Math.min(limit ?? PAGE, PAGE) });
  const items: Doc[] = [];
  let page: WixQueryResultLike = await (query as WixQueryBuilder).find(findOptions);
  for (;;) {
    for (const item of page.items) {
      if (limit !== undefined && items.length >= limit) return items;
      items.push(fromWixItem(item) as Doc);
    }
    if ((limit !== undefined && items.length >= limit) || !page.hasNext()) return items;
    page = await page.next();
  }
}

/** The original tissdb-lite `executeQuery` command shape. */
export interface LegacyQueryCommand {
  collection: string;
  condition_string?: string;
}

/**
 * The original tissdb-lite `executeQuery(command)` as a function on `wixData` (or, when none is
 * passed, the global `wixData` the original read). The original called `query(c).filter(f)`, which
 * Velo's WixDataQuery lacks; this builds the conditions with the real builder methods instead.
 */
export function wixQueryExecutor(wixData?: unknown): (command: LegacyQueryCommand) => Promise<Doc[]> {
  return async (command) => {
    const module = wixData ?? (globalThis as { wixData?: unknown }).wixData;
    if (module === undefined) {
      throw new TissDBLiteError('INVALID_ARGUMENT', 'executeQuery: no wix-data module (pass one to withWixExecuteQuery or set globalThis.wixData)');
    }
    if (typeof command !== 'object' || command === null) {
      throw new TissDBLiteError('INVALID_ARGUMENT', 'executeQuery: expected a { collection, condition_string } command');
    }
    const condition = command.condition_string;
    return executeQuery(module, { collection: command.collection, ...(condition ? { condition } : {}) });
  };
}

/**
 * Gives `db` the original tissdb-lite method `executeQuery({ collection, condition_string })`, run on
 * `wixData` (see {@link wixQueryExecutor}).
 *
 * @example
 * import wixData from 'wix-data';
 * const db = withWixExecuteQuery(new TissDBLite(), wixData);
 * await db.executeQuery({ collection: 'Users', condition_string: 'age > 30' }) // -> the matching items
 */
export function withWixExecuteQuery<D extends TissDBLite>(
  db: D,
  wixData?: unknown,
): D & { executeQuery(command: LegacyQueryCommand): Promise<Doc[]> } {
  Object.defineProperty(db, 'executeQuery', { value: wixQueryExecutor(wixData), configurable: true, writable: true });
  return db as D & { executeQuery(command: LegacyQueryCommand): Promise<Doc[]> };
}
