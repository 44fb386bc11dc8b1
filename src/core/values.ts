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

function reject(what: string, path: string, context: string): never {
  throw new TissDBLiteError(
    'INVALID_DOCUMENT',
    `${context}: ${what} at ${path || 'the top level'}`,
  );
}

/**
 * Validates `input` as a document and returns a deep, frozen copy of it: the form the store keeps.
 * One pass does both, since every write needs both and documents can be large. `undefined`
 * properties are dropped and `undefined` array slots become `null`, as JSON does.
 */
export function toStoredDocument(input: unknown, context: string): Doc {
  if (!isPlainObject(input)) {
    reject('expected a plain object', '', context);
  }
  return copyObject(input as Record<string, unknown>, '', context, new Set()) as Doc;
}

function copyValue(value: unknown, path: string, context: string, seen: Set<object>): Value {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      if (!Number.isFinite(value)) reject(`non-finite number ${value}`, path, context);
      return value;
    case 'object': {
      if (value === null) return null;
      if (isDate(value)) {
        if (Number.isNaN(value.getTime())) reject('invalid Date', path, context);
        return Object.freeze(new Date(value.getTime()));
      }
      if (seen.has(value)) reject('a cycle', path, context);
      if (Array.isArray(value)) return copyArray(value, path, context, seen);
      if (!isPlainObject(value)) {
        reject(`unsupported object ${value.constructor?.name ?? 'value'}`, path, context);
      }
      return copyObject(value as Record<string, unknown>, path, context, seen);
    }
    default:
      return reject(`unsupported ${typeof value}`, path, context);
  }
}

function copyArray(value: unknown[], path: string, context: string, seen: Set<object>): Value[] {
  seen.add(value);
  const out: Value[] = new Array<Value>(value.length);
  for (let i = 0; i < value.length; i++) {
    const item = value[i];
    out[i] = item === undefined ? null : copyValue(item, `${path}[${i}]`, context, seen);
  }
  seen.delete(value);
  return Object.freeze(out) as Value[];
}

function copyObject(
  value: Record<string, unknown>,
  path: string,
  context: string,
  seen: Set<object>,
): Record<string, Value> {
  seen.add(value);
  if (Object.getOwnPropertySymbols(value).length > 0) reject('a symbol key', path, context);
  const out: Record<string, Value> = {};
  for (const key of Object.keys(value)) {
    const item = value[key];
    if (item === undefined) continue;
    const at = path ? `${path}.${key}` : key;
    if (key.startsWith('$')) reject(`key "${key}" (keys may not start with $)`, at, context);
    if (FORBIDDEN_KEYS.has(key)) reject(`forbidden key "${key}"`, at, context);
    out[key] = copyValue(item, at, context, seen);
  }
  seen.delete(value);
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
