// Compiled filters, kept per filter text. Compiling creates fresh closures, and V8 runs a fresh
// set of closures much slower than ones it has already seen and optimised (a full scan with a
// cached predicate takes about half the time), while applications repeat the same few filters.
// Only plain data is cached (primitives, arrays, plain objects, Dates, stateless RegExps; no
// `$expr`), and the predicate is compiled from a private copy, so a caller mutating its filter
// later cannot change it.

const MAX_ENTRIES = 128;
const MAX_DEPTH = 32;

/** A text equal for two filters exactly when they are the same data, or undefined when not cacheable. */
export function filterKey(filter: unknown): string | undefined {
  try {
    return keyOf(filter, 0);
  } catch {
    return undefined; // getters that throw and the like: not ours to cache
  }
}

function keyOf(v: unknown, depth: number): string | undefined {
  switch (typeof v) {
    case 'string':
      // Length-prefixed rather than JSON-quoted: as unambiguous, and much cheaper per call.
      return `s${v.length}:${v}`;
    case 'number':
      return Object.is(v, -0) ? 'n-0' : `n${v}`;
    case 'boolean':
      return v ? 't' : 'f';
    case 'undefined':
      return 'u';
    case 'object':
      break;
    default:
      return undefined;
  }
  if (v === null) return 'z';
  if (depth > MAX_DEPTH) return undefined;
  const proto: unknown = Object.getPrototypeOf(v);
  if (proto === Date.prototype) return `D${(v as Date).getTime()}`;
  if (proto === RegExp.prototype) {
    const r = v as RegExp;
    return r.global || r.sticky ? undefined : `R${r.source.length}:${r.source}/${r.flags}`;
  }
  if (Array.isArray(v)) {
    if (proto !== Array.prototype) return undefined;
    let out = '[';
    for (let i = 0; i < v.length; i++) {
      const k = keyOf(v[i], depth + 1);
      if (k === undefined) return undefined;
      out += k + ',';
    }
    return out + ']';
  }
  if (proto !== Object.prototype && proto !== null) return undefined;
  let out = '{';
  for (const name in v) {
    // for-in (no key array per object) also walks inherited enumerable keys: skip those.
    if (!Object.hasOwn(v, name)) continue;
    // mingo fixes `$$NOW` when it builds the query: an `$expr` compiled once would keep its time.
    if (name === '$expr') return undefined;
    const k = keyOf((v as Record<string, unknown>)[name], depth + 1);
    if (k === undefined) return undefined;
    out += `${name.length}:${name}=${k},`;
  }
  return out + '}';
}

/** A private deep copy of a filter filterKey accepted. */
export function copyFilter<T>(v: T): T {
  if (typeof v !== 'object' || v === null) return v;
  if (v instanceof Date) return new Date(v.getTime()) as T;
  if (v instanceof RegExp) return new RegExp(v.source, v.flags) as T;
  if (Array.isArray(v)) return v.map(copyFilter) as T;
  const out: Record<string, unknown> = {};
  for (const name of Object.keys(v)) out[name] = copyFilter((v as Record<string, unknown>)[name]);
  return out as T;
}

/** A small map in insertion order: the oldest entry goes first when it is full. */
export class FilterCache<V> {
  private readonly entries = new Map<string, V>();

  constructor(private readonly maxEntries = MAX_ENTRIES) {}

  get(key: string): V | undefined {
    return this.entries.get(key);
  }

  clear(): void {
    if (this.entries.size > 0) this.entries.clear();
  }

  set(key: string, value: V): void {
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(key, value);
  }
}
