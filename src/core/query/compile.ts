// Filters compile once per call into a predicate: validated, then compiled into specialised
// closures (fast-filter.ts) that fall back to mingo, the reference semantics, for the less common
// operators. Fallback leaves build their mingo Query at compile time, so mingo's errors (unknown
// operators, bad arguments) surface before any document is read.
import type { Doc, Filter } from '../types';
import { compileFast } from './fast-filter';
import { FilterCache, copyFilter, filterKey } from './filter-cache';
import { invalidQuery, mingoQuery } from './mingo';
import { validateFilter } from './validate';

export type DocPredicate = (doc: Doc) => boolean;

const compiled = new FilterCache<DocPredicate>();

/** Validates `filter` (FORBIDDEN_OPERATOR, INVALID_QUERY) and compiles it into a predicate. */
export function compileFilter(filter: Filter): DocPredicate {
  const key = filterKey(filter);
  if (key === undefined) {
    validateFilter(filter);
    return compileFast(filter);
  }
  const hit = compiled.get(key);
  if (hit) return hit;
  validateFilter(filter);
  const test = compileFast(copyFilter(filter));
  compiled.set(key, test);
  return test;
}

/** A predicate evaluated by mingo; errors raised while testing a document become INVALID_QUERY. */
export function mingoPredicate(filter: Filter): DocPredicate {
  const query = mingoQuery(filter);
  return (doc) => {
    try {
      return query.test(doc);
    } catch (cause) {
      throw invalidQuery(cause);
    }
  };
}
