/**
 * The real TissDB server's JSON writer, for comparing rows byte for byte with the transcripts
 * (tissdb-wire.md §4.2-4.4): keys sorted bytewise at every level, strings written raw (no
 * escaping), numbers in C++ default stream format (6 significant digits, `%g`).
 */

export function formatG(n: number): string {
  if (n === 0) return Object.is(n, -0) ? '-0' : '0';
  if (!Number.isFinite(n)) return Number.isNaN(n) ? 'nan' : n > 0 ? 'inf' : '-inf';
  const [mantissa, expText] = n.toExponential(5).split('e') as [string, string];
  const exp = Number(expText);
  const strip = (s: string) => (s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s);
  if (exp < -4 || exp >= 6) {
    const e = Math.abs(exp);
    return `${strip(mantissa)}e${exp < 0 ? '-' : '+'}${e < 10 ? `0${e}` : e}`;
  }
  return strip(n.toFixed(Math.max(0, 5 - exp)));
}

function compareBytes(a: string, b: string): number {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return Buffer.compare(x, y);
}

export function serverJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return `"${value}"`;
  if (typeof value === 'number') return formatG(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) return `"${value.toISOString()}"`;
  if (Array.isArray(value)) return `[${value.map(serverJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => compareBytes(a, b));
  return `{${entries.map(([k, v]) => `"${k}":${serverJson(v)}`).join(',')}}`;
}
