import { TissDBLiteError } from './errors';
import type { Doc, Value } from './types';

/** Keys that would reach `Object.prototype` through assignment or path walking. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** True for Dates from any realm (Velo sandboxes and `vm` contexts have their own `Date`). */
export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

/** A `{}` or `Object.create(null)` object, from this realm or another; not arrays or class instances. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto === Object.prototype || proto === null) return true;
  return Object.getPrototypeOf(proto) === null && Object.prototype.toString.call(value) === '[object Object]';
}

/**
 * Where the copier is. The path is only turned into text when something is rejected: building it
 * for every field would make inserts allocate a string per key.
 */
interface Walk {
  readonly context: string;
  readonly trail: Array<string | number>;
  /** The objects above the current one, for cycle detection (documents are shallow, so a list). */
  readonly ancestors: object[];
}

function reject(walk: Walk, what: string): never {
  const path = walk.trail.map((step, i) => (typeof step === 'number' ? `[${step}]` : i === 0 ? step : `.${step}`)).join('');
  throw new TissDBLiteError('INVALID_DOCUMENT', `${walk.context}: ${what} at ${path || 'the top level'}`);
}

/**
 * System fields written around the caller's fields, so a write needs no intermediate object. The
 * Dates are stored as given: they must be private to the store (never a caller's object).
 */
export interface SystemValues {
  _id: string;
  _createdDate: Date;
  _updatedDate: Date;
}

/**
 * Validates `input` as a document and returns a deep, frozen copy of it: the form the store keeps.
 * One pass does both, since every write needs both and documents can be large. `undefined`
 * properties are dropped and `undefined` array slots become `null`, as JSON does. With `system`,
 * `_id` comes first and the two dates last, replacing any the input holds.
 */
export function toStoredDocument(input: unknown, context: string, system?: SystemValues): Doc {
  const walk: Walk = { context, trail: [], ancestors: [] };
  if (!isPlainObject(input)) reject(walk, 'expected a plain object');
  return copyObject(input, walk, system) as Doc;
}

function copyValue(value: unknown, walk: Walk): Value {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      if (!Number.isFinite(value)) reject(walk, `non-finite number ${value}`);
      return value;
    case 'object': {
      if (value === null) return null;
      const proto: unknown = Object.getPrototypeOf(value);
      if (proto === Object.prototype || proto === null) return copyObject(value as Record<string, unknown>, walk, undefined);
      if (Array.isArray(value)) return copyArray(value, walk);
      if (isDate(value)) {
        const time = value.getTime();
        if (Number.isNaN(time)) reject(walk, 'invalid Date');
        // Not frozen: freezing a Date doesn't stop setTime(), so it would promise nothing.
        return new Date(time);
      }
      if (!isPlainObject(value)) reject(walk, `unsupported object ${value.constructor?.name ?? 'value'}`);
      return copyObject(value, walk, undefined);
    }
    default:
      return reject(walk, `unsupported ${typeof value}`);
  }
}

function enter(value: object, walk: Walk): void {
  if (walk.ancestors.includes(value)) reject(walk, 'a cycle');
  if (walk.ancestors.length > 100) reject(walk, 'nesting deeper than 100 levels');
  walk.ancestors.push(value);
}

function copyArray(value: unknown[], walk: Walk): Value[] {
  enter(value, walk);
  const out: Value[] = new Array<Value>(value.length);
  for (let i = 0; i < value.length; i++) {
    const item = value[i];
    walk.trail.push(i);
    out[i] = item === undefined ? null : copyValue(item, walk);
    walk.trail.pop();
  }
  walk.ancestors.pop();
  return Object.freeze(out) as Value[];
}

function copyObject(value: Record<string, unknown>, walk: Walk, system: SystemValues | undefined): Record<string, Value> {
  enter(value, walk);
  if (Object.getOwnPropertySymbols(value).length > 0) reject(walk, 'a symbol key');
  const out: Record<string, Value> = {};
  if (system) out._id = system._id;
  for (const key of Object.keys(value)) {
    const item = value[key];
    if (item === undefined) continue;
    if (system && (key === '_id' || key === '_createdDate' || key === '_updatedDate')) continue;
    walk.trail.push(key);
    if (key.charCodeAt(0) === 36 /* $ */) reject(walk, `key "${key}" (keys may not start with $)`);
    if (FORBIDDEN_KEYS.has(key)) reject(walk, `forbidden key "${key}"`);
    out[key] = copyValue(item, walk);
    walk.trail.pop();
  }
  if (system) {
    // Shared, not copied: callers hand in Dates private to the store, and every document written
    // in one call carries the same instant, so one Date serves them all (about 80 B per document).
    out._createdDate = system._createdDate;
    out._updatedDate = system._updatedDate;
  }
  walk.ancestors.pop();
  return Object.freeze(out);
}

/**
 * A mutable deep copy of a stored (already valid) value. Stored values are plain JSON shapes and
 * Dates, so this needs none of structuredClone's generality and is several times faster.
 */
export function cloneValue<T extends Value>(value: T): T {
  if (typeof value !== 'object' || value === null) return value;
  if (value instanceof Date) return new Date(value.getTime()) as T;
  if (Array.isArray(value)) {
    const out = new Array<Value>(value.length);
    for (let i = 0; i < value.length; i++) out[i] = cloneValue(value[i] as Value);
    return out as T;
  }
  const out: Record<string, Value> = {};
  for (const key in value) out[key] = cloneValue((value as Record<string, Value>)[key] as Value);
  return out as T;
}

export function cloneDoc<T extends Doc>(doc: T): T {
  return cloneValue(doc);
}
