// Reading a dotted path the way mingo 7 does (util resolve(doc, path, { unwrapArray: true })),
// with the common cases (plain field, path through plain objects) inlined and everything that
// crosses an array or names an Object.prototype property left to mingo itself.
import { resolve } from 'mingo/util';
import type { Doc } from '../types';

export type Getter = (doc: Doc) => unknown;

export const PROTO_PROPS: ReadonlySet<string> = new Set(Object.getOwnPropertyNames(Object.prototype));

const slow = (path: string): Getter => (doc) => resolve(doc, path, { unwrapArray: true });

export function getter(path: string): Getter {
  if (!path.includes('.')) {
    return PROTO_PROPS.has(path) ? (doc) => (Object.hasOwn(doc, path) ? doc[path] : undefined) : (doc) => doc[path];
  }
  const parts = path.split('.');
  if (parts.some((p) => PROTO_PROPS.has(p) || /^\d+$/.test(p))) return slow(path);
  return plainPath(parts, slow(path));
}

/**
 * Walks `parts` through plain objects inline and hands the whole read to `viaArrays` as soon as
 * an array is on the way (where query and expression semantics differ, so the caller picks).
 */
export function plainPath(parts: readonly string[], viaArrays: Getter): Getter {
  if (parts.length === 2) {
    const [a, b] = parts as [string, string];
    return (doc) => {
      const v = doc[a];
      if (typeof v !== 'object' || v === null) return undefined;
      if (Array.isArray(v)) return viaArrays(doc);
      return (v as Record<string, unknown>)[b];
    };
  }
  return (doc) => {
    let v: unknown = doc;
    for (const part of parts) {
      if (typeof v !== 'object' || v === null) return undefined;
      if (Array.isArray(v)) return viaArrays(doc);
      v = (v as Record<string, unknown>)[part];
    }
    return v;
  };
}
