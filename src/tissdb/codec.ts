// Documents ↔ what a real TissDB stores and gives back intact (tissdb-wire.md §4.3, §4.4).
// - `_id` travels in the URL, never in the body (the server drops a body `_id` anyway).
// - A Date becomes the tagged string "$date:<ISO 8601>" (the server has no JSON date type, and its
//   typed temporals can only be made by TissQL INSERT literals).
// - Values the server can't return intact are refused with INVALID_DOCUMENT, or, with
//   `{ reversible: true }`, tagged: numbers that don't survive 6-significant-digit output become
//   "$num:<decimal>", strings (and keys) with `"`, `\` or control characters become
//   "$str:<percent-encoded>", keys with them "~key:<percent-encoded>". Any string or key that already
//   starts with a tag is tagged too, so decoding is exact. Tagged values are opaque to server-side TissQL (a "$num:" compares as text).
import { TissDBLiteError } from '../core';
import type { Doc, Value } from '../core';
import { survivesCppDouble } from './wire-number';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export interface TissDBCodecOptions {
  /** Tag values the server would corrupt instead of refusing them. Default false. */
  reversible?: boolean;
}

const TAG = /^\$(date|num|str):/;
// Keys get their own tag without a `$`: many stores (and TissDBLite) refuse keys starting with `$`.
const KEY_TAG = '~key:';
// Quote, backslash and C0 controls are written raw by the server; lone surrogates can't be sent.
const UNSAFE_TEXT = /["\\\u0000-\u001f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function refuse(what: string, path: string): never {
  throw new TissDBLiteError(
    'INVALID_DOCUMENT',
    `encodeTissDBDocument: ${what} at ${path || 'the top level'} would not come back intact from TissDB; ` +
      'pass { reversible: true } to store it in a tagged form',
  );
}

function encodeText(text: string, path: string, reversible: boolean, tag: 'str' | 'key'): string {
  const tagged = tag === 'key' ? text.startsWith(KEY_TAG) : TAG.test(text);
  if (!UNSAFE_TEXT.test(text) && !tagged) return text;
  if (!reversible) refuse(tag === 'key' ? `the key ${JSON.stringify(text)}` : `the string ${JSON.stringify(text.slice(0, 40))}`, path);
  try {
    return `${tag === 'key' ? KEY_TAG : '$str:'}${encodeURIComponent(text)}`;
  } catch {
    return refuse('a string with a lone surrogate', path);
  }
}

function encodeValue(value: unknown, path: string, reversible: boolean): JsonValue {
  if (value === null) return null;
  if (typeof value === 'string') return encodeText(value, path, reversible, 'str');
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) refuse(`the number ${value}`, path);
    if (survivesCppDouble(value)) return value;
    if (!reversible) refuse(`the number ${value} (the server prints 6 significant digits)`, path);
    return `$num:${value}`;
  }
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) refuse('an invalid Date', path);
    return `$date:${value.toISOString()}`;
  }
  if (Array.isArray(value)) return value.map((item, i) => encodeValue(item ?? null, `${path}[${i}]`, reversible));
  if (typeof value === 'object') return encodeObject(value as Record<string, unknown>, path, reversible);
  return refuse(`a value of type ${typeof value}`, path);
}

function encodeObject(value: Record<string, unknown>, path: string, reversible: boolean): JsonObject {
  const out: JsonObject = {};
  for (const [key, item] of Object.entries(value)) {
    if (item === undefined) continue;
    const at = path ? `${path}.${key}` : key;
    Object.defineProperty(out, encodeText(key, at, reversible, 'key'), {
      value: encodeValue(item, at, reversible), enumerable: true, writable: true, configurable: true,
    });
  }
  return out;
}

/**
 * The body to send for `doc` (without `_id`, which goes in the URL).
 * @example encodeTissDBDocument({ _id: 'a', at: new Date(0) }) // -> { at: '$date:1970-01-01T00:00:00.000Z' }
 */
export function encodeTissDBDocument(doc: object, options: TissDBCodecOptions = {}): JsonObject {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) refuse('a non-object document', '');
  const { _id: _ignored, ...fields } = doc as Record<string, unknown>;
  return encodeObject(fields, '', options.reversible ?? false);
}

function decodeText(text: string): Value {
  const tag = TAG.exec(text);
  if (tag === null) return text;
  const rest = text.slice(tag[0].length);
  if (tag[1] === 'date') {
    const date = new Date(rest);
    return Number.isNaN(date.getTime()) ? text : date;
  }
  if (tag[1] === 'num') {
    const n = Number(rest);
    return Number.isNaN(n) ? text : n;
  }
  try {
    return decodeURIComponent(rest);
  } catch {
    return text;
  }
}

function safeDecodeURIComponent(text: string, fallback: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return fallback;
  }
}

function decodeValue(value: unknown): Value {
  if (typeof value === 'string') return decodeText(value);
  if (Array.isArray(value)) return value.map(decodeValue);
  if (typeof value === 'object' && value !== null) {
    const out: Doc = {};
    for (const [key, item] of Object.entries(value)) {
      const plainKey = key.startsWith(KEY_TAG) ? safeDecodeURIComponent(key.slice(KEY_TAG.length), key) : key;
      Object.defineProperty(out, plainKey, { value: decodeValue(item), enumerable: true, writable: true, configurable: true });
    }
    return out;
  }
  return value as Value;
}

/**
 * A document as the client returns it: tags decoded, `_id` kept.
 * @example decodeTissDBDocument({ _id: 'a', at: '$date:1970-01-01T00:00:00.000Z' }) // -> { _id: 'a', at: Date(0) }
 */
export function decodeTissDBDocument(json: unknown): Doc {
  const decoded = decodeValue(json);
  if (typeof decoded !== 'object' || decoded === null || Array.isArray(decoded) || decoded instanceof Date) {
    throw new TissDBLiteError('INVALID_DOCUMENT', 'decodeTissDBDocument: expected a JSON object');
  }
  return decoded as Doc;
}
