import type { Value } from './types';
import { isDate } from './values';

/**
 * JSON-safe encoding of document values: a Date becomes `{ "$date": "<ISO 8601>" }`, the form Wix's
 * REST API uses. Documents may not hold keys starting with `$`, so the tag can't collide with data.
 */
export function encodeDates(value: unknown): unknown {
  if (isDate(value)) return { $date: value.toISOString() };
  if (Array.isArray(value)) return value.map(encodeDates);
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = encodeDates(item);
    return out;
  }
  return value;
}

/** The inverse of {@link encodeDates}: every `{ "$date": string }` object becomes a Date. */
export function decodeDates(value: unknown): Value {
  if (Array.isArray(value)) return value.map(decodeDates);
  if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record);
    if (keys.length === 1 && keys[0] === '$date' && typeof record.$date === 'string') {
      return new Date(record.$date);
    }
    const out: Record<string, Value> = {};
    for (const key of keys) out[key] = decodeDates(record[key]);
    return out;
  }
  return value as Value;
}
