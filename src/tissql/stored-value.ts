/**
 * What the real server stores for an evaluated value (tissdb-wire.md §4.3): typed temporal
 * values become their text form (`"2024-03-01"`, `"2024-03-01T10:00:00.500000Z"`), which is also
 * what GET and SELECT return for them; plain JSON values are kept.
 */
import { isInterval, isTemporal } from './server-values';
import { formatTemporal } from './temporal';

export function toStoredValue(value: unknown): unknown {
  if (isTemporal(value)) return formatTemporal(value);
  if (isInterval(value)) return null;
  return value === undefined ? null : value;
}
