// MongoDB find() projections: inclusion ({a: 1, 'b.c': 1}) or exclusion ({a: 0}), never mixed
// except for `_id: 0`; `_id` is kept unless excluded; dotted paths reach into arrays of objects.
import { TissDBLiteError } from '../errors';
import { FORBIDDEN_KEYS } from '../values';
import type { Doc, Projection, Value } from '../types';

interface PathTree {
  [key: string]: PathTree | true;
}

interface CompiledProjection {
  include: boolean;
  tree: PathTree;
  keepId: boolean;
}

function fail(message: string): never {
  throw new TissDBLiteError('INVALID_QUERY', `find: invalid projection: ${message}`);
}

export function compileProjection(projection: Projection): CompiledProjection {
  if (typeof projection !== 'object' || projection === null || Array.isArray(projection)) {
    fail('expected an object of field: 0 | 1');
  }
  let include: boolean | undefined;
  let keepId = true;
  const tree: PathTree = {};
  for (const path of Object.keys(projection)) {
    const flag = projection[path];
    if (flag !== 0 && flag !== 1 && flag !== true && flag !== false) fail(`"${path}" must be 0 or 1`);
    const on = flag === 1 || flag === true;
    if (path === '_id') {
      keepId = on;
      if (!on) continue;
    } else if (include === undefined) include = on;
    else if (include !== on) fail('cannot mix inclusion and exclusion');
    addPath(tree, path);
  }
  // Only `_id` listed: {_id: 1} is an inclusion of _id, {_id: 0} an exclusion of it.
  const compiled: CompiledProjection = { include: include ?? keepId, tree, keepId };
  if (include === undefined && !keepId) {
    compiled.include = false;
    compiled.tree = { _id: true };
  }
  return compiled;
}

function addPath(tree: PathTree, path: string): void {
  const parts = path.split('.');
  if (parts.some((p) => p === '' || FORBIDDEN_KEYS.has(p) || p.startsWith('$'))) fail(`bad path "${path}"`);
  let node = tree;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] as string;
    const last = i === parts.length - 1;
    const existing = node[part];
    if (existing === true || (last && existing !== undefined)) fail(`path collision at "${path}"`);
    if (last) node[part] = true;
    else node = (node[part] ??= {}) as PathTree;
  }
}

/**
 * Compiles a projection once into a function over documents. The result shares sub-values with
 * its input (no deep copy): callers that hand documents out clone after projecting.
 */
export function projector(projection: Projection): (doc: Doc) => Doc {
  const p = compileProjection(projection);
  if (Object.keys(projection).length === 0) return (doc) => doc;
  if (!p.include) return (doc) => exclude(doc, p.tree) as Doc;
  const addId = p.keepId && !Object.hasOwn(p.tree, '_id');
  return (doc) => {
    const out = include(doc, p.tree) as Doc;
    return addId && doc._id !== undefined ? { _id: doc._id, ...out } : out;
  };
}

export function applyProjection(doc: Doc, projection: Projection): Doc {
  return projector(projection)(doc);
}

function include(value: Record<string, Value>, tree: PathTree): Record<string, Value> {
  const out: Record<string, Value> = {};
  for (const key of Object.keys(value)) {
    const sub = tree[key];
    if (sub === undefined || !Object.hasOwn(tree, key)) continue;
    const v = value[key] as Value;
    if (sub === true) out[key] = v;
    else {
      const projected = includeNested(v, sub);
      if (projected !== undefined) out[key] = projected;
    }
  }
  return out;
}

function includeNested(v: Value, tree: PathTree): Value | undefined {
  if (Array.isArray(v)) {
    const items: Value[] = [];
    for (const item of v) {
      const projected = includeNested(item, tree);
      if (projected !== undefined) items.push(projected);
    }
    return items;
  }
  if (isObject(v)) return include(v, tree);
  return undefined;
}

function exclude(value: Record<string, Value>, tree: PathTree): Record<string, Value> {
  const out: Record<string, Value> = {};
  for (const key of Object.keys(value)) {
    const sub = Object.hasOwn(tree, key) ? tree[key] : undefined;
    const v = value[key] as Value;
    if (sub === true) continue;
    out[key] = sub === undefined ? v : excludeNested(v, sub);
  }
  return out;
}

function excludeNested(v: Value, tree: PathTree): Value {
  if (Array.isArray(v)) return v.map((item) => excludeNested(item, tree));
  if (isObject(v)) return exclude(v, tree);
  return v;
}

function isObject(v: Value): v is Record<string, Value> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);
}
