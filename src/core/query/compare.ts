// MongoDB's BSON comparison order ("Comparison/Sort Order" in the MongoDB manual), with mingo's
// tie-breaking inside a type so sorts agree with mingo: missing and null first, then numbers,
// strings, objects, arrays, booleans, Dates, regular expressions. An empty array sorts before null,
// as MongoDB specifies for sorts.

const RANK_EMPTY_ARRAY = 0;
const RANK_NULL = 1;

/** The type bracket of a value: values of different brackets never compare equal. */
export function typeRank(v: unknown): number {
  switch (typeof v) {
    case 'undefined':
      return RANK_NULL;
    case 'number':
      return 2;
    case 'string':
      return 3;
    case 'boolean':
      return 6;
    case 'object':
      if (v === null) return RANK_NULL;
      if (Array.isArray(v)) return v.length === 0 ? RANK_EMPTY_ARRAY : 5;
      if (v instanceof Date) return 7;
      if (v instanceof RegExp) return 8;
      return 4;
    default:
      return 9;
  }
}

function simple(a: number | string | boolean, b: number | string | boolean): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Total order over document values. Arrays compare element by element (MongoDB), objects by their
 * sorted keys and then values (mingo), Dates by time.
 */
export function compareValues(a: unknown, b: unknown): number {
  // Kept small so it inlines: the same-type primitive case is nearly every comparison.
  const ta = typeof a;
  if (ta === typeof b && (ta === 'number' || ta === 'string' || ta === 'boolean')) {
    return (a as number) < (b as number) ? -1 : (a as number) > (b as number) ? 1 : 0;
  }
  return a === b ? 0 : compareMixed(a, b);
}

function compareMixed(a: unknown, b: unknown): number {
  const ra = typeRank(a);
  const rb = typeRank(b);
  if (ra !== rb) return ra < rb ? -1 : 1;
  switch (ra) {
    case 7:
      return simple((a as Date).getTime(), (b as Date).getTime());
    case 5:
      return compareArrays(a as unknown[], b as unknown[]);
    case 4:
      return compareObjects(a as Record<string, unknown>, b as Record<string, unknown>);
    case 8:
      return simple(String(a), String(b));
    default:
      return 0;
  }
}

function compareArrays(a: unknown[], b: unknown[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const c = compareValues(a[i], b[i]);
    if (c !== 0) return c;
  }
  return simple(a.length, b.length);
}

function compareObjects(a: Record<string, unknown>, b: Record<string, unknown>): number {
  const ka = Object.keys(a).sort();
  const kb = Object.keys(b).sort();
  const c = compareArrays(ka, kb);
  if (c !== 0) return c;
  for (const k of ka) {
    const d = compareValues(a[k], b[k]);
    if (d !== 0) return d;
  }
  return 0;
}
