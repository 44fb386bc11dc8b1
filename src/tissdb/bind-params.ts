// TissDB's `_query` takes no parameters (a `?` answers 500 "Parameter index out of bounds.",
// tissdb-wire.md §5.1), so the client inlines them as literals the real lexer reads back exactly:
// strings in single quotes with '' for a quote, numbers as plain digits (the lexer has no sign and
// no exponent, so negatives become `(0 - n)`), TRUE/FALSE/NULL, and Dates as the codec's tagged
// string ('$date:<ISO>'), which is how Dates are stored, so `=`, `<` and `>` compare them in time order.
// Strings the server would silently turn into TIMESTAMP literals (1-4 digits, ISO date prefixes,
// §5.3) are refused: they could never equal a stored string.
import { TissDBLiteError } from '../core';

const TIMESTAMP_LOOKING = /^\d{1,4}$|^\d{4}-\d{1,2}(-\d{1,2})?([T ].*)?$/;

function fail(message: string): never {
  throw new TissDBLiteError('INVALID_ARGUMENT', `TissDBClient.query: ${message}`);
}

function numberLiteral(n: number): string {
  if (!Number.isFinite(n)) fail(`parameter ${n} is not a finite number`);
  const abs = Math.abs(n);
  let digits = String(abs);
  if (/e/i.test(digits)) {
    digits = abs.toFixed(20).replace(/\.?0+$/, '');
    if (Number(digits) !== abs) fail(`parameter ${n} has no plain decimal form TissQL can read`);
  }
  return n < 0 || Object.is(n, -0) ? `(0 - ${digits})` : digits;
}

export interface BindOptions {
  /** 'refuse' (default, the real server) or 'allow' (a standard-SQL server reads them as strings). */
  timestampStrings?: 'refuse' | 'allow';
}

export function tissqlLiteral(value: unknown, options: BindOptions = {}): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') return numberLiteral(value);
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) fail('parameter is an invalid Date');
    return `'$date:${value.toISOString()}'`;
  }
  if (typeof value === 'string') {
    if (options.timestampStrings !== 'allow' && TIMESTAMP_LOOKING.test(value)) {
      fail(`string parameter ${JSON.stringify(value)} looks like a timestamp; TissDB would compare it as a TIMESTAMP, never equal to a stored string`);
    }
    return `'${value.replace(/'/g, "''")}'`;
  }
  return fail(`parameter of type ${typeof value} can't be written as a TissQL literal`);
}

/** Replaces each `?` outside string literals with the next parameter's literal. */
export function bindParams(query: string, params: readonly unknown[], options: BindOptions = {}): string {
  let out = '';
  let next = 0;
  let inString = false;
  for (let i = 0; i < query.length; i++) {
    const c = query[i] as string;
    if (c === "'") inString = !inString;
    if (c === '?' && !inString) {
      if (next >= params.length) fail(`the query has more ? placeholders than the ${params.length} parameters given`);
      out += tissqlLiteral(params[next++], options);
    } else {
      out += c;
    }
  }
  if (next < params.length) fail(`${params.length} parameters given but the query has ${next} placeholders`);
  return out;
}
