/**
 * A string that is equal for two values exactly when `mongoOrder` calls them equal, so DISTINCT,
 * UNION and GROUP BY can hash instead of comparing every pair.
 */
export function canonicalKey(value: unknown): string {
  if (value === null || value === undefined) return 'z';
  if (typeof value === 'number') return `n${Object.is(value, -0) ? 0 : value}`;
  if (typeof value === 'string') return `s${JSON.stringify(value)}`;
  if (typeof value === 'boolean') return value ? 'T' : 'F';
  if (value instanceof Date) return `d${value.getTime()}`;
  if (Array.isArray(value)) return `[${value.map(canonicalKey).join(',')}]`;
  if (typeof value === 'object') {
    return `{${Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}:${canonicalKey(v)}`).join(',')}}`;
  }
  return `?${String(value)}`;
}

/** The first of each group of equal values, in order. */
export function uniqueBy<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  const out: T[] = [];
  for (const item of items) {
    const k = key(item);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(item);
  }
  return out;
}
