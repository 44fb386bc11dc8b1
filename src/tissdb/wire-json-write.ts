// Mirrors how the real TissDB server writes JSON (tissdb-wire.md §4.2-§4.4): object keys sorted
// bytewise at every level (an ordered std::map), numbers through C++ stream formatting, and
// strings written raw. Both data-losing parts are switchable so the fake can also speak valid JSON.
import { formatCppDouble } from './wire-number';

export interface WireWriteOptions {
  /** Print numbers with 6 significant digits as the real server does (default true). */
  sixDigitNumbers?: boolean;
  /** Write strings and keys without escaping, as the real server does (default true). */
  unescapedStrings?: boolean;
}

/** UTF-8 byte order equals code point order; JS `<` compares UTF-16 units, which differs above U+FFFF. */
export function compareBytewise(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.codePointAt(i) as number;
    const y = b.codePointAt(i) as number;
    if (x !== y) return x < y ? -1 : 1;
    if (x > 0xffff) i++;
  }
  return a.length - b.length;
}

function writeString(value: string, raw: boolean): string {
  return raw ? `"${value}"` : JSON.stringify(value);
}

function writeValue(value: unknown, opts: Required<WireWriteOptions>): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return writeString(value, opts.unescapedStrings);
  if (typeof value === 'number') {
    if (opts.sixDigitNumbers) return formatCppDouble(value);
    return Number.isFinite(value) ? JSON.stringify(value) : 'null';
  }
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) return writeString(value.toISOString(), opts.unescapedStrings);
  if (Array.isArray(value)) return `[${value.map((v) => writeValue(v, opts)).join(',')}]`;
  if (typeof value === 'object') {
    const keys = Object.keys(value).sort(compareBytewise);
    const record = value as Record<string, unknown>;
    const parts = keys.map((k) => `${writeString(k, opts.unescapedStrings)}:${writeValue(record[k], opts)}`);
    return `{${parts.join(',')}}`;
  }
  return 'null';
}

/**
 * @example writeTissDBJson({ b: 1234567, a: 'x' }) // -> '{"a":"x","b":1.23457e+06}'
 */
export function writeTissDBJson(value: unknown, options: WireWriteOptions = {}): string {
  return writeValue(value, {
    sixDigitNumbers: options.sixDigitNumbers ?? true,
    unescapedStrings: options.unescapedStrings ?? true,
  });
}
