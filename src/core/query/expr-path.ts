// Reading a `'$a.b'` field path the way mingo 7's aggregation expressions do
// (core/_internal computeExpression -> util resolve(root, 'a.b') without unwrapArray). Objects are
// walked inline (resolve's getValue is `obj[key]` for any non-array object once Object.prototype
// names are excluded); arrays on the way, array-index and Object.prototype segment names are
// handed to mingo's own resolve, so the result is always mingo's.
import { resolve } from 'mingo/util';
import type { Doc } from '../types';
import { PROTO_PROPS, plainPath } from './path';

export type Reader = (doc: Doc) => unknown;


/** A field path expression we can read: `$` then non-empty dot-separated segments, not a `$$` variable. */
export function isFieldPath(expr: unknown): expr is string {
  return typeof expr === 'string' && /^\$[^$.][^.]*(\.[^.]+)*$/.test(expr);
}

/** A reader for a field path accepted by isFieldPath. */
export function pathReader(expr: string): Reader {
  const path = expr.slice(1);
  const parts = path.split('.');
  const viaMingo: Reader = (doc) => resolve(doc, path);
  if (parts.some((p) => PROTO_PROPS.has(p) || /^\d+$/.test(p))) return viaMingo;
  if (parts.length === 1) return (doc) => doc[path];
  return plainPath(parts, viaMingo);
}
