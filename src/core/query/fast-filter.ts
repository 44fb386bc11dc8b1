// Specialised closures for the common operators ($eq, implicit equality, $ne, $gt/$gte/$lt/$lte,
// $in, $nin, $exists, $regex, $and, $or, $nor) that reproduce mingo 7's predicates exactly
// (mingo/src/operators/_predicates.ts: processQuery, $eq, $in, compare): same path resolution,
// same array rules, same type bracketing. Anything else is evaluated by mingo itself, one leaf at
// a time. A property test checks these against mingo on random documents and filters.
import { flatten, isEqual, normalize } from 'mingo/util';
import type { Filter } from '../types';
import type { DocPredicate } from './compile';
import { mingoPredicate } from './compile';
import { getter, type Getter } from './path';

type ValueTest = (v: unknown) => boolean;

/** Compiles a validated filter. */
export function compileFast(filter: Filter): DocPredicate {
  const parts: DocPredicate[] = [];
  for (const key of Object.keys(filter)) {
    const expr = filter[key];
    if (key === '$and') parts.push(every((expr as Filter[]).map(compileFast)));
    else if (key === '$or') parts.push(some((expr as Filter[]).map(compileFast)));
    else if (key === '$nor') {
      const any = some((expr as Filter[]).map(compileFast));
      parts.push((doc) => !any(doc));
    } else if (key.startsWith('$')) parts.push(mingoPredicate({ [key]: expr }));
    else parts.push(...compileField(key, expr));
  }
  return every(parts);
}

function every(parts: DocPredicate[]): DocPredicate {
  // One literal per arity: call sites in a shared literal would see every filter's closures.
  switch (parts.length) {
    case 0:
      return () => true;
    case 1:
      return parts[0] as DocPredicate;
    case 2: {
      const [a, b] = parts as [DocPredicate, DocPredicate];
      return (doc) => a(doc) && b(doc);
    }
    case 3: {
      const [a, b, c] = parts as [DocPredicate, DocPredicate, DocPredicate];
      return (doc) => a(doc) && b(doc) && c(doc);
    }
    case 4: {
      const [a, b, c, d] = parts as [DocPredicate, DocPredicate, DocPredicate, DocPredicate];
      return (doc) => a(doc) && b(doc) && c(doc) && d(doc);
    }
    default:
      return (doc) => {
        for (let i = 0; i < parts.length; i++) if (!(parts[i] as DocPredicate)(doc)) return false;
        return true;
      };
  }
}

function some(parts: DocPredicate[]): DocPredicate {
  if (parts.length === 1) return parts[0] as DocPredicate;
  return (doc) => {
    for (const p of parts) if (p(doc)) return true;
    return false;
  };
}

function compileField(path: string, expr: unknown): DocPredicate[] {
  let normalized: Record<string, unknown>;
  try {
    normalized = normalize(expr) as Record<string, unknown>;
  } catch {
    return [mingoPredicate({ [path]: expr })]; // let mingo report it
  }
  const get = getter(path);
  const depth = path.split('.').length - 1;
  return Object.keys(normalized).map(
    (op) => leaf(op, normalized[op], get, path, depth) ?? mingoPredicate({ [path]: { [op]: normalized[op] } }),
  );
}

function leaf(op: string, b: unknown, get: Getter, path: string, depth: number): DocPredicate | undefined {
  switch (op) {
    case '$eq':
      return equality(b, depth, get, false);
    case '$ne':
      return equality(b, depth, get, true);
    case '$gt':
    case '$gte':
    case '$lt':
    case '$lte':
      return comparison(op, b, get);
    case '$in':
      return membership(b, get, false);
    case '$nin':
      return membership(b, get, true);
    case '$exists':
      if (path.includes('.')) return undefined;
      return b ? (doc) => get(doc) !== undefined : (doc) => get(doc) === undefined;
    case '$regex':
      return pattern(b, get);
    default:
      return undefined;
  }
}

/** A test equivalent to mingo's isEqual(v, b). */
function sameAs(b: unknown): ValueTest {
  switch (typeof b) {
    case 'string':
    case 'boolean':
    case 'undefined':
      return (v) => v === b;
    case 'number':
      return Number.isNaN(b) ? (v) => Number.isNaN(v) : (v) => v === b;
    default:
      if (b === null) return (v) => v === null;
      if (b instanceof Date) {
        const t = b.getTime();
        return (v) => v instanceof Date && v.getTime() === t;
      }
      return (v) => isEqual(v, b);
  }
}

/** mingo's $eq (or its negation, $ne): equal, both nil, or an element or flattened element equal. */
function equality(b: unknown, depth: number, get: Getter, negate: boolean): DocPredicate {
  let test: ValueTest;
  if ((typeof b === 'string' || typeof b === 'boolean' || typeof b === 'number') && !Number.isNaN(b)) {
    // For these, isEqual(v, b) is v === b, which is what includes() tests (holes never match).
    if (!negate) {
      return (doc) => {
        const a = get(doc);
        return a === b || (Array.isArray(a) && (a.includes(b) || (depth > 0 && hasArray(a) && flatten(a, depth).includes(b))));
      };
    }
    test = (a) => a === b || (Array.isArray(a) && (a.includes(b) || (depth > 0 && hasArray(a) && flatten(a, depth).includes(b))));
  } else {
    const same = sameAs(b);
    const nil = b === null || b === undefined;
    test = (a) => {
      if (same(a)) return true;
      if (a === null || a === undefined) return nil;
      if (!Array.isArray(a)) return false;
      return a.some(same) || (depth > 0 && flatten(a, depth).some(same));
    };
  }
  return negate ? (doc) => !test(get(doc)) : (doc) => test(get(doc));
}

function hasArray(a: readonly unknown[]): boolean {
  for (let i = 0; i < a.length; i++) if (Array.isArray(a[i])) return true;
  return false;
}

/**
 * mingo's compare(): any element (one level) of the same type satisfying the comparison, where
 * the comparison is mingo's simpleCmp (so NaN compares as equal: `!(v < b)` for $gte).
 */
function comparison(op: string, b: unknown, get: Getter): DocPredicate | undefined {
  if (typeof b === 'number' && !Number.isNaN(b)) return numberComparison(op, b, get);
  let one: ValueTest;
  if (typeof b === 'number' || typeof b === 'string' || typeof b === 'boolean') {
    const type = typeof b;
    const x = b as number;
    if (op === '$gt') one = (v) => typeof v === type && (v as number) > x;
    else if (op === '$gte') one = (v) => typeof v === type && !((v as number) < x);
    else if (op === '$lt') one = (v) => typeof v === type && (v as number) < x;
    else one = (v) => typeof v === type && !((v as number) > x);
  } else if (b instanceof Date) {
    const t = b.getTime();
    if (op === '$gt') one = (v) => v instanceof Date && v.getTime() > t;
    else if (op === '$gte') one = (v) => v instanceof Date && !(v.getTime() < t);
    else if (op === '$lt') one = (v) => v instanceof Date && v.getTime() < t;
    else one = (v) => v instanceof Date && !(v.getTime() > t);
  } else return undefined;
  return (doc) => {
    const a = get(doc);
    if (!Array.isArray(a)) return one(a);
    for (let i = 0; i < a.length; i++) if (one(a[i])) return true;
    return false;
  };
}

/**
 * comparison() for a number bound, the commonest range: one closure per operator with the
 * scalar case inline (a shared `one` test would be a polymorphic call on every document).
 */
function numberComparison(op: string, x: number, get: Getter): DocPredicate {
  const anyOf = (a: unknown[], one: ValueTest): boolean => {
    for (let i = 0; i < a.length; i++) if (one(a[i])) return true;
    return false;
  };
  switch (op) {
    case '$gt': {
      const one: ValueTest = (v) => typeof v === 'number' && v > x;
      return (doc) => {
        const a = get(doc);
        return typeof a === 'number' ? a > x : Array.isArray(a) && anyOf(a, one);
      };
    }
    case '$gte': {
      const one: ValueTest = (v) => typeof v === 'number' && !(v < x);
      return (doc) => {
        const a = get(doc);
        return typeof a === 'number' ? !(a < x) : Array.isArray(a) && anyOf(a, one);
      };
    }
    case '$lt': {
      const one: ValueTest = (v) => typeof v === 'number' && v < x;
      return (doc) => {
        const a = get(doc);
        return typeof a === 'number' ? a < x : Array.isArray(a) && anyOf(a, one);
      };
    }
    default: {
      const one: ValueTest = (v) => typeof v === 'number' && !(v > x);
      return (doc) => {
        const a = get(doc);
        return typeof a === 'number' ? !(a > x) : Array.isArray(a) && anyOf(a, one);
      };
    }
  }
}

/** mingo's $in: nil matches a null member; else any element (one level) equal to a member. */
function membership(b: unknown, get: Getter, negate: boolean): DocPredicate | undefined {
  if (!Array.isArray(b) || b.some((x) => x instanceof RegExp)) return undefined;
  const primitives = new Set<unknown>();
  const others: ValueTest[] = [];
  for (const x of b) {
    if (typeof x !== 'object' || x === null) primitives.add(x);
    else others.push(sameAs(x));
  }
  const hasNull = b.some((x) => x === null);
  const one: ValueTest = others.length === 0 ? primitiveTest(primitives) : (v) => primitives.has(v) || others.some((t) => t(v));
  const test = (a: unknown): boolean => {
    if (a === null || a === undefined) return hasNull;
    if (!Array.isArray(a)) return one(a);
    for (let i = 0; i < a.length; i++) if (one(a[i])) return true;
    return false;
  };
  return negate ? (doc) => !test(get(doc)) : (doc) => test(get(doc));
}

/**
 * Set.has for a few primitives, as `===` comparisons: the same answers (SameValueZero and `===`
 * differ only on NaN, which keeps the Set) without hashing on every element of every document.
 */
function primitiveTest(members: Set<unknown>): ValueTest {
  const list = [...members];
  if (list.length > 4 || list.some((m) => Number.isNaN(m))) return (v) => members.has(v);
  const [m0, m1, m2, m3] = list;
  switch (list.length) {
    case 0:
      return () => false;
    case 1:
      return (v) => v === m0;
    case 2:
      return (v) => v === m0 || v === m1;
    case 3:
      return (v) => v === m0 || v === m1 || v === m2;
    default:
      return (v) => v === m0 || v === m1 || v === m2 || v === m3;
  }
}

/** mingo's $regex for patterns without state (no g or y flag). */
function pattern(b: unknown, get: Getter): DocPredicate | undefined {
  if (!(b instanceof RegExp) || b.global || b.sticky) return undefined;
  const match = (x: unknown) => typeof x === 'string' && b.test(x);
  return (doc) => {
    const a = get(doc);
    if (typeof a === 'string') return b.test(a);
    if (!Array.isArray(a)) return false;
    return a.some(match) || flatten(a, 1).some(match);
  };
}
