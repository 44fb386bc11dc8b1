/**
 * How the real server compares and combines values (tissdb-wire.md §5.3): temporal values of the
 * same kind compare as time; otherwise numerically when both sides convert to numbers (strings by
 * prefix, `"12abc"` is 12); otherwise as text, where numbers read `30.000000`, booleans
 * `true`/`false` and null (or a missing field) `null`. Arrays and objects never compare.
 * A string in the exact printed form of a DATE, TIME or DATETIME counts as one when compared with
 * one: that is how typed values written through TissQL are stored here (stored-value.ts).
 */
import type { CompareOp } from './ast';
import { TissDBLiteError } from './errors';
import type { TemporalValue } from './temporal';
import { formatTemporal, temporalFromStored } from './temporal';

/** A value as the server's evaluator holds it. */
export type ServerValue = string | number | boolean | null | TemporalValue | IntervalValue | unknown[] | Record<string, unknown>;

export interface IntervalValue {
  kind: 'interval';
  micros: number;
}

export function isTemporal(v: unknown): v is TemporalValue {
  return typeof v === 'object' && v !== null && 'epochMicros' in v && 'kind' in v;
}

export function isInterval(v: unknown): v is IntervalValue {
  return typeof v === 'object' && v !== null && (v as { kind?: unknown }).kind === 'interval' && 'micros' in v;
}

/** `std::stod` on a prefix: optional sign, digits, fraction, exponent; `undefined` if none. */
export function prefixNumber(text: string): number | undefined {
  const m = /^\s*([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)/.exec(text);
  return m === null || m[1] === undefined ? undefined : Number.parseFloat(m[1]);
}

function asNumber(v: ServerValue): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v === 'string') return prefixNumber(v);
  return undefined;
}

/** C++ `std::to_string(double)`: fixed, six decimals. */
function cppToString(n: number): string {
  if (Number.isNaN(n)) return n < 0 ? '-nan' : 'nan';
  if (!Number.isFinite(n)) return n > 0 ? 'inf' : '-inf';
  if (Math.abs(n) >= 1e21) return BigInt(Math.trunc(n)).toString() + '.000000';
  return n.toFixed(6);
}

export function serverText(v: ServerValue): string {
  if (v === null) return 'null';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return cppToString(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (isTemporal(v)) return formatTemporal(v);
  return '';
}

/** Byte order of the UTF-8 encodings, which is code point order. */
export function compareBytes(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.codePointAt(i) ?? 0;
    const y = b.codePointAt(i) ?? 0;
    if (x !== y) return x < y ? -1 : 1;
    if (x > 0xffff) i++;
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}

/** -1, 0, 1, or `undefined` when the server would say "no" to every comparison. */
export function serverCompare(a: ServerValue, b: ServerValue): number | undefined {
  const structured = (v: ServerValue) => typeof v === 'object' && v !== null && !isTemporal(v);
  if (structured(a) || structured(b)) return undefined;
  if (isTemporal(a) || isTemporal(b)) {
    const x = isTemporal(a) ? a : typeof a === 'string' && isTemporal(b) ? temporalFromStored(b.kind, a) : undefined;
    const y = isTemporal(b) ? b : typeof b === 'string' && isTemporal(a) ? temporalFromStored(a.kind, b) : undefined;
    if (x !== undefined && y !== undefined) return x.kind === y.kind ? Math.sign(x.epochMicros - y.epochMicros) : undefined;
    // A TIMESTAMP against anything else compares as text (seq 231: a missing field, "null", is
    // greater than '2024-01-01T00:00:00Z'); DATE, TIME and DATETIME only compare with their own
    // kind (seq 248: a missing field is not > DATE '2024-01-01').
    const t = (x ?? y) as TemporalValue;
    if (t.kind !== 'timestamp') return undefined;
    return compareBytes(serverText(a), serverText(b));
  }
  const x = asNumber(a);
  const y = asNumber(b);
  if (x !== undefined && y !== undefined) return x < y ? -1 : x > y ? 1 : 0;
  return compareBytes(serverText(a), serverText(b));
}

export function serverCompareOp(op: CompareOp, a: ServerValue, b: ServerValue): boolean {
  const c = serverCompare(a, b);
  if (c === undefined) return false;
  switch (op) {
    case '=':
      return c === 0;
    case '!=':
      return c !== 0;
    case '<':
      return c < 0;
    case '<=':
      return c <= 0;
    case '>':
      return c > 0;
    default:
      return c >= 0;
  }
}

export function arithmeticError(): TissDBLiteError {
  return new TissDBLiteError('INVALID_QUERY', 'TissQL (tissdb dialect): unsupported arithmetic operation or type mismatch', {
    serverMessage: 'Unsupported arithmetic operation or type mismatch.',
  });
}

/** `+ - * /` on numbers, and a temporal value plus or minus an INTERVAL; anything else throws. */
export function serverArith(op: string, a: ServerValue, b: ServerValue): ServerValue {
  if (typeof a === 'number' && typeof b === 'number') {
    if (op === '+') return a + b;
    if (op === '-') return a - b;
    if (op === '*') return a * b;
    if (b === 0) {
      throw new TissDBLiteError('INVALID_QUERY', 'TissQL (tissdb dialect): division by zero', { serverMessage: 'Division by zero.' });
    }
    return a / b;
  }
  if (isTemporal(a) && isInterval(b) && (op === '+' || op === '-')) {
    return { kind: a.kind, epochMicros: a.epochMicros + (op === '+' ? b.micros : -b.micros) };
  }
  if (isInterval(a) && isTemporal(b) && op === '+') return { kind: b.kind, epochMicros: b.epochMicros + a.micros };
  throw arithmeticError();
}
