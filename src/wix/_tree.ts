// Copies Velo item trees. The {"$date"} wire form is the core's encodeDates/decodeDates (one walker
// for snapshots, TissDB and Wix REST); this one keeps Dates as Dates, drops `undefined` like Velo's
// serializer and recognises Dates from other realms (Velo sandboxes).

/** True for Dates from any realm (Velo sandboxes hand us their own `Date`). */
export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

/** A plain object literal (or null-prototype object): something to walk into, not a class instance. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === null || proto === Object.prototype || Object.getPrototypeOf(proto) === null;
}

/** Returned by a `swap` function to say "not mine: copy this node and walk into it". */
export const DESCEND: unique symbol = Symbol('descend');

/**
 * Deep-copies arrays and plain objects, giving `swap` every node first. Keys holding `undefined` are
 * dropped (Velo items may carry them; stored documents cannot). Cycles throw instead of recursing forever.
 */
export function mapTree(value: unknown, swap: (node: unknown) => unknown): unknown {
  const path: object[] = [];
  const visit = (node: unknown): unknown => {
    const swapped = swap(node);
    if (swapped !== DESCEND) return swapped;
    if (typeof node !== 'object' || node === null) return node;
    if (path.includes(node)) throw new TypeError('Cannot copy an item that contains a cycle.');
    path.push(node);
    try {
      if (Array.isArray(node)) return node.map((element) => visit(element === undefined ? null : element));
      if (!isPlainObject(node)) return node;
      const out: Record<string, unknown> = {};
      for (const [key, child] of Object.entries(node)) {
        if (child !== undefined) out[key] = visit(child);
      }
      return out;
    } finally {
      path.pop();
    }
  };
  return visit(value);
}

/** A deep copy in which Dates are new Date objects with the same time. */
export function copyTree<T>(value: T): T {
  return mapTree(value, (node) => (isDate(node) ? new Date(node.getTime()) : DESCEND)) as T;
}

/** The value at a dotted path (`'address.city'`), undefined when any step is missing. */
export function getPath(value: unknown, path: string): unknown {
  let node = value;
  for (const step of path.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[step];
  }
  return node;
}
