// One-pass $group over stored documents, for `Collection.aggregate`. mingo's $group
// (operators/pipeline/group.js) partitions a cloned copy of the whole input into arrays and then
// runs each accumulator over each partition; for the common specs this computes the same output
// (values, group order, key equality) in a single pass over the frozen documents without copying
// them, and copies only the (small) output. Specs it does not cover return undefined: the caller
// runs mingo as before.
import { HashMap } from 'mingo/util';
import type { Doc, Value } from '../types';
import { cloneValue } from '../values';
import { accumulator, type Cell, type CellFactory } from './group-accumulators';
import { isFieldPath, pathReader } from './expr-path';

type KeyFn = (doc: Doc) => unknown;

export interface GroupPlan {
  key: KeyFn;
  /** Output fields in the spec's key order (mingo's order), `_id` excluded. */
  fields: string[];
  cells: CellFactory[];
}

interface Group {
  key: unknown;
  count: number;
  cells: Cell[];
  /** The cells that read documents (`$sum: 1` and `$count` only count): one call per document each. */
  readers: Cell[];
}

/** Compiles a `$group` argument, or undefined when the fast path does not cover it. */
export function planGroup(spec: unknown): GroupPlan | undefined {
  if (typeof spec !== 'object' || spec === null || Array.isArray(spec) || !Object.hasOwn(spec, '_id')) return undefined;
  const record = spec as Record<string, unknown>;
  const key = groupKey(record._id);
  if (!key) return undefined;
  const fields: string[] = [];
  const cells: CellFactory[] = [];
  for (const name of Object.keys(record)) {
    if (name === '_id') continue;
    const cell = accumulator(record[name]);
    if (!cell) return undefined;
    fields.push(name);
    cells.push(cell);
  }
  return { key, fields, cells };
}

/**
 * mingo evaluates `_id` as an expression and groups by `value ?? null`. Covered: a field path,
 * an object of field paths (keys kept even when a value is missing, as mingo keeps them), and
 * constants (null, numbers, booleans, strings that are not paths).
 */
function groupKey(id: unknown): KeyFn | undefined {
  if (id === null || id === undefined) return () => null;
  if (typeof id === 'number' || typeof id === 'boolean') return () => id;
  if (typeof id === 'string') {
    if (!id.startsWith('$')) return () => id;
    if (!isFieldPath(id)) return undefined;
    const read = pathReader(id);
    return (doc) => read(doc) ?? null;
  }
  if (typeof id !== 'object' || Array.isArray(id) || Object.getPrototypeOf(id) !== Object.prototype) return undefined;
  const names = Object.keys(id);
  const readers = names.map((n) => (id as Record<string, unknown>)[n]);
  if (names.some((n) => n.startsWith('$')) || !readers.every(isFieldPath)) return undefined;
  const reads = (readers as string[]).map(pathReader);
  return (doc) => {
    const out: Record<string, unknown> = {};
    for (let i = 0; i < names.length; i++) out[names[i] as string] = (reads[i] as KeyFn)(doc);
    return out;
  };
}

/** Groups `docs` (in input order) and returns mingo's output rows as fresh mutable copies. */
export function runGroup(plan: GroupPlan, docs: Iterable<Doc | undefined>): Record<string, unknown>[] {
  // mingo keys its groups with its HashMap: a native Map for primitives (so -0 becomes 0), isEqual
  // for objects, arrays and Dates. Primitive keys get a plain Map here, the hot case; first
  // occurrences keep the order across both.
  const primitive = new Map<unknown, Group>();
  let objects: HashMap<unknown, Group> | undefined;
  const order: Group[] = [];
  const { key, cells } = plan;
  for (const doc of docs) {
    if (doc === undefined) continue;
    const k = key(doc);
    const isObject = typeof k === 'object' && k !== null;
    let g = isObject ? objects?.get(k) : primitive.get(k);
    if (g === undefined) {
      const made = cells.map((make) => make());
      g = { key: k === 0 ? 0 : k, count: 0, cells: made, readers: made.filter((c) => c.countOnly !== true) };
      order.push(g);
      if (isObject) (objects ??= HashMap.init<unknown, Group>()).set(k, g);
      else primitive.set(k, g);
    }
    g.count++;
    const readers = g.readers;
    for (let i = 0; i < readers.length; i++) (readers[i] as Cell).add(doc);
  }
  return order.map((g) => {
    const row: Record<string, unknown> = { _id: g.key };
    plan.fields.forEach((name, i) => {
      row[name] = (g.cells[i] as Cell).result(g.count);
    });
    // Keys and values may be shared parts of stored documents: hand out copies.
    return cloneValue(row as Value) as Record<string, unknown>;
  });
}
