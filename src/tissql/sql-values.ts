/**
 * Value rules of the 'tissql' dialect, chosen to agree with the Mongo filters it compiles to:
 * NULL or missing makes a comparison unknown (`null`), and is the only unknown; `=`/`!=` across
 * types is false/true; an order comparison across types (`'x' < 5`) is false, as Mongo's type
 * bracketing never matches it (so `NOT 'x' < 5` is true); an array field matches when any
 * element does. ORDER BY uses MongoDB's sort order
 * (null < numbers < strings < objects < arrays < booleans < dates).
 */
import type { CompareOp } from './ast';

/** Three-valued truth: `null` is UNKNOWN. */
export type Truth = boolean | null;

function bracket(v: unknown): number {
  if (v === null || v === undefined) return 1;
  if (typeof v === 'number') return 2;
  if (typeof v === 'string') return 3;
  if (Array.isArray(v)) return 5;
  if (v instanceof Date) return 9;
  if (typeof v === 'boolean') return 8;
  return 4;
}

/** Total order of MongoDB's sort: by type bracket, then by value. */
export function mongoOrder(a: unknown, b: unknown): number {
  const ba = bracket(a);
  const bb = bracket(b);
  if (ba !== bb) return ba < bb ? -1 : 1;
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  if (a instanceof Date && b instanceof Date) return Math.sign(a.getTime() - b.getTime());
  if (typeof a === 'boolean' && typeof b === 'boolean') return a === b ? 0 : a ? 1 : -1;
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      const c = mongoOrder(a[i], b[i]);
      if (c !== 0) return c;
    }
    return Math.sign(a.length - b.length);
  }
  if (ba === 4) {
    const ea = Object.entries(a as object);
    const eb = Object.entries(b as object);
    for (let i = 0; i < Math.min(ea.length, eb.length); i++) {
      const [ka, va] = ea[i] as [string, unknown];
      const [kb, vb] = eb[i] as [string, unknown];
      if (ka !== kb) return ka < kb ? -1 : 1;
      const c = mongoOrder(va, vb);
      if (c !== 0) return c;
    }
    return Math.sign(ea.length - eb.length);
  }
  return 0;
}

export function sqlEquals(a: unknown, b: unknown): boolean {
  return bracket(a) === bracket(b) && mongoOrder(a, b) === 0;
}

function scalarCompare(op: CompareOp, a: unknown, b: unknown): Truth {
  if (a === null || a === undefined || b === null || b === undefined) return null;
  if (op === '=') return sqlEquals(a, b);
  if (op === '!=') return !sqlEquals(a, b);
  if (bracket(a) !== bracket(b) || bracket(a) === 4 || bracket(a) === 5) return false;
  const c = mongoOrder(a, b);
  if (op === '<') return c < 0;
  if (op === '<=') return c <= 0;
  if (op === '>') return c > 0;
  return c >= 0;
}

/** `a op b`; an array on the left matches when any element does (for `!=`: when none is equal). */
export function sqlCompare(op: CompareOp, a: unknown, b: unknown): Truth {
  if (b === null || b === undefined) return null;
  if (Array.isArray(a) && !Array.isArray(b)) {
    if (op === '!=') return !a.some((x) => sqlEquals(x, b));
    let sawUnknown = false;
    for (const x of a) {
      const t = scalarCompare(op, x, b);
      if (t === true) return true;
      if (t === null) sawUnknown = true;
    }
    return sawUnknown ? null : false;
  }
  if (Array.isArray(b) && !Array.isArray(a) && a !== null && a !== undefined) {
    const flipped: Record<CompareOp, CompareOp> = { '=': '=', '!=': '!=', '<': '>', '<=': '>=', '>': '<', '>=': '<=' };
    return sqlCompare(flipped[op], b, a);
  }
  return scalarCompare(op, a, b);
}

export function and3(a: Truth, b: Truth): Truth {
  if (a === false || b === false) return false;
  return a === null || b === null ? null : true;
}

export function or3(a: Truth, b: Truth): Truth {
  if (a === true || b === true) return true;
  return a === null || b === null ? null : false;
}

export function not3(a: Truth): Truth {
  return a === null ? null : !a;
}

export function toTruth(v: unknown): Truth {
  if (v === null || v === undefined) return null;
  return v === true;
}
