// How `client.find` stays exact against a server with TissDB's query semantics: the server query
// (TissQL's `toTissQL(…, { target: 'tissdb' })`, which sends only predicates the server answers as a
// superset of Mongo's) is a pre-filter, and the full Mongo filter, sort, skip, limit and projection
// always run again on the client over the fetched rows, which are first put in `_id` order (the
// server's scan order; an index scan may return another order, §5.4). Re-running the whole filter
// costs little and keeps the answer exact even where the server's part was already exact.
import { isTissDBLiteError } from '../core';
import type { Filter, FindOptions } from '../core';
import { toTissQL } from '../tissql';
import { bindParams } from './bind-params';
import { urlSegment } from './url-segment';
import { survivesCppDouble } from './wire-number';

export interface FindPlan {
  /** TissQL sent to `_query`: always `SELECT *`, so the client-side filter sees whole documents. */
  query: string;
  clientSide: { filter: Filter; options: FindOptions };
}

/**
 * Filter values the server can't compare the way the engine does once documents went through the
 * codec: Dates (stored as tagged strings) and values the codec would tag (numbers beyond 6
 * significant digits, strings with quotes, backslashes, control characters or a tag prefix).
 */
function hasUnsafeValue(value: unknown, depth = 0): boolean {
  if (depth > 64) return true;
  if (value instanceof Date || value instanceof RegExp) return true;
  if (typeof value === 'number') return !survivesCppDouble(value);
  if (typeof value === 'string') return /["\\\u0000-\u001f]|^\$(date|num|str):/.test(value);
  if (Array.isArray(value)) return value.some((v) => hasUnsafeValue(v, depth + 1));
  if (typeof value === 'object' && value !== null) return Object.values(value).some((v) => hasUnsafeValue(v, depth + 1));
  return false;
}

export interface FindPlanOptions {
  /** The server's TissQL semantics: the real server's, or standard SQL (the fake with quirks 'none'). */
  dialect: 'tissdb' | 'tissql';
  /** Send a WHERE to the server at all (false: fetch everything, filter here). */
  pushdown: boolean;
  /** The client stores tagged values ({ reversible: true }), which server comparisons misread. */
  reversible: boolean;
}

export function planFind(collection: string, filter: Filter, options: FindOptions, plan: FindPlanOptions): FindPlan {
  const name = urlSegment(collection, 'collection', 'find');
  const clientSide = { filter, options };
  const everything = { query: `SELECT * FROM ${name}`, clientSide };
  if (!plan.pushdown || plan.reversible || hasUnsafeValue(filter)) return everything;
  try {
    // Only the WHERE is taken from toTissQL: sort, window and projection all run on the client.
    if (plan.dialect === 'tissdb') return { query: toTissQL(name, filter, { target: 'tissdb' }).query, clientSide };
    const standard = toTissQL(name, filter);
    return { query: bindParams(standard.query, standard.params, { timestampStrings: 'allow' }), clientSide };
  } catch (e) {
    // A filter toTissQL can't translate is still one findIn can run (or will reject clearly).
    if (isTissDBLiteError(e) && e.code === 'INVALID_QUERY') return everything;
    throw e;
  }
}
