// Extracts the index-usable conditions of a filter: the conjuncts at the top level and inside
// $and (equality, $in, ranges per path) and the $or clauses. Everything else is left to the full
// filter re-check, so what is extracted only has to describe a superset of the matches.
import type { Filter } from '../types';

export interface Bound {
  value: unknown;
  inclusive: boolean;
}

export interface PathConditions {
  /** Values the path must equal (each one a separate conjunct). */
  eq: unknown[];
  /** `$in` lists the path must match (each one a separate conjunct). */
  in: unknown[][];
  lower: Bound[];
  upper: Bound[];
}

export interface Conditions {
  paths: Map<string, PathConditions>;
  /** Branches of each `$or` conjunct. */
  ors: Filter[][];
}

const OPERATOR = /^\$[a-zA-Z0-9_]+$/;

export function isOperatorObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v) || v instanceof Date || v instanceof RegExp) return false;
  return Object.keys(v).some((k) => OPERATOR.test(k));
}

/** Range bounds an index can serve: mingo brackets ranges by type, and these types sort simply. */
export function isRangeValue(v: unknown): boolean {
  return typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean' || v instanceof Date;
}

export function extractConditions(filter: Filter): Conditions {
  const out: Conditions = { paths: new Map(), ors: [] };
  collect(filter, out);
  return out;
}

function collect(filter: Filter, out: Conditions): void {
  for (const key of Object.keys(filter)) {
    const expr = filter[key];
    if (key === '$and' && Array.isArray(expr)) {
      for (const branch of expr) collect(branch as Filter, out);
    } else if (key === '$or' && Array.isArray(expr)) {
      out.ors.push(expr as Filter[]);
    } else if (!key.startsWith('$')) {
      addPath(key, expr, out);
    }
  }
}

function conditionsFor(path: string, out: Conditions): PathConditions {
  let c = out.paths.get(path);
  if (!c) {
    c = { eq: [], in: [], lower: [], upper: [] };
    out.paths.set(path, c);
  }
  return c;
}

function addPath(path: string, expr: unknown, out: Conditions): void {
  if (expr instanceof RegExp) return;
  if (!isOperatorObject(expr)) {
    conditionsFor(path, out).eq.push(expr);
    return;
  }
  if ('$regex' in expr) return; // normalised by mingo into a pattern match: nothing to look up
  for (const op of Object.keys(expr)) {
    const v = expr[op];
    switch (op) {
      case '$eq':
        if (!(v instanceof RegExp)) conditionsFor(path, out).eq.push(v);
        break;
      case '$in':
        if (Array.isArray(v) && !v.some((x) => x instanceof RegExp)) conditionsFor(path, out).in.push(v);
        break;
      case '$gt':
      case '$gte':
        if (isRangeValue(v)) conditionsFor(path, out).lower.push({ value: v, inclusive: op === '$gte' });
        break;
      case '$lt':
      case '$lte':
        if (isRangeValue(v)) conditionsFor(path, out).upper.push({ value: v, inclusive: op === '$lte' });
        break;
      default:
        break;
    }
  }
}
