// Index keys. A document's keys for a field are the non-array values found there (every element
// of an array, at any depth: multikey), `null` when the field is missing or null, and EMPTY_ARRAY
// when an empty array is there. Keys that mingo's equality (`isEqual`) treats as equal encode to
// the same hash key, and keys of different types never do (1 vs '1', a Date vs its time).

/** Stands for "an empty array here"; compareValues puts it below null, as MongoDB sorts []. */
export const EMPTY_ARRAY: readonly unknown[] = Object.freeze([]);

export type HashKey = number | string;

const TAG = '\u0000';

/** The keys for the value `v` read from a document's field (path.ts getter), deduplicated; `out.multi` is set for arrays. */
export function fieldKeys(v: unknown, out: { multi: boolean }): unknown[] {
  if (!Array.isArray(v)) return [v === undefined ? null : v];
  out.multi = true;
  const found = new Map<HashKey, unknown>();
  collect(v, found);
  return Array.from(found.values());
}

function collect(v: unknown[], found: Map<HashKey, unknown>): void {
  if (v.length === 0) found.set(hashKey(EMPTY_ARRAY), EMPTY_ARRAY);
  for (const item of v) {
    if (Array.isArray(item)) collect(item, found);
    else found.set(hashKey(item), item);
  }
}

/** The hash key of a single indexed value (numbers and strings stay themselves: no allocation). */
export function hashKey(v: unknown): HashKey {
  switch (typeof v) {
    case 'number':
      return v === 0 ? 0 : v; // -0 and 0 are equal
    case 'string':
      return v.charCodeAt(0) === 0 ? TAG + 's' + v : v;
    default:
      return TAG + canonical(v);
  }
}

/** The hash key of a compound key (one value per indexed field). */
export function tupleHashKey(values: readonly unknown[]): string {
  let out = '';
  for (const v of values) out += canonical(v) + '\u0001';
  return out;
}

/** A string that is equal for two values exactly when mingo's isEqual says they are. */
export function canonical(v: unknown): string {
  switch (typeof v) {
    case 'number':
      return 'n' + String(v === 0 ? 0 : v);
    case 'string':
      return JSON.stringify(v);
    case 'boolean':
      return v ? 't' : 'f';
    case 'undefined':
      return 'z';
    case 'object': {
      if (v === null) return 'z';
      if (v === EMPTY_ARRAY) return 'e';
      if (v instanceof Date) return 'd' + String(v.getTime());
      if (v instanceof RegExp) return 'r' + String(v);
      if (Array.isArray(v)) return '[' + v.map(canonical).join(',') + ']';
      const o = v as Record<string, unknown>;
      return '{' + Object.keys(o).sort().map((k) => JSON.stringify(k) + ':' + canonical(o[k])).join(',') + '}';
    }
    default:
      return '?' + String(v);
  }
}
