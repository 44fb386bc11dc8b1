/**
 * Typed temporal values as the real server keeps and prints them (tissdb-wire.md §4.3, §5.3):
 * DATE `2024-03-01`, TIME `10:20:30`, DATETIME `2024-03-01 08:00:00`, TIMESTAMP
 * `2024-03-01T10:00:00.500000Z` (six-digit fraction only when non-zero). A quoted literal that
 * starts like a timestamp is read as one with missing parts zero, so a missing day is day 0,
 * which C's `timegm` rolls back to the previous month's last day: `'30'` prints as
 * `29-12-31T00:00:00Z` (seq 247).
 */
import type { TemporalKind } from './ast';

export interface TemporalValue {
  kind: TemporalKind;
  /** Microseconds since 1970-01-01T00:00:00Z; for TIME, since midnight. */
  epochMicros: number;
}

const DAY_MICROS = 86_400_000_000;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** Days since the epoch (Hinnant's days_from_civil); day 0 is the previous month's last day. */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** Strict parse of a typed literal's text; `undefined` when it doesn't fit the kind's form. */
export function parseTemporalText(kind: TemporalKind, text: string): TemporalValue | undefined {
  if (kind === 'time') {
    const m = /^(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,6}))?$/.exec(text);
    if (m === null) return undefined;
    const micros = fractionMicros(m[4]);
    return { kind, epochMicros: ((Number(m[1]) * 60 + Number(m[2])) * 60 + Number(m[3])) * 1_000_000 + micros };
  }
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})?$/.exec(text);
  if (m === null) return undefined;
  if (kind === 'date' && m[4] !== undefined) return undefined;
  const days = daysFromCivil(Number(m[1]), Number(m[2]), Number(m[3]));
  const seconds = m[4] === undefined ? 0 : (Number(m[4]) * 60 + Number(m[5])) * 60 + Number(m[6]);
  let micros = days * DAY_MICROS + seconds * 1_000_000 + fractionMicros(m[7]);
  const zone = m[8];
  if (zone !== undefined && zone !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    micros -= sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6))) * 60_000_000;
  }
  return { kind, epochMicros: micros };
}

function fractionMicros(fraction: string | undefined): number {
  if (fraction === undefined) return 0;
  return Number(fraction.slice(0, 6).padEnd(6, '0'));
}

/**
 * The server's check on quoted literals: text that is a prefix of `YYYY-MM-DDTHH:MM:SS[.f][Z]`
 * becomes a TIMESTAMP, missing parts zero: `'7'`, `'2024'`, `'2024-01-15'`, `'2024-01-15T10'`,
 * `'2024-01-01T00:00:00Z'`; `'12345'`, `'A1'` and `'2024%'` stay strings (seq 231, 236-240).
 */
export function timestampFromQuoted(text: string): TemporalValue | undefined {
  const m = /^(\d{1,4})(?:-(\d{1,2})(?:-(\d{1,2})(?:T(\d{1,2})(?::(\d{1,2})(?::(\d{1,2})(?:\.(\d{1,9}))?)?)?)?)?)?Z?$/.exec(text);
  if (m === null) return undefined;
  const year = Number(m[1]);
  const month = m[2] === undefined ? 1 : Number(m[2]);
  const day = m[3] === undefined ? 0 : Number(m[3]);
  const seconds = (Number(m[4] ?? 0) * 60 + Number(m[5] ?? 0)) * 60 + Number(m[6] ?? 0);
  return { kind: 'timestamp', epochMicros: daysFromCivil(year, month, day) * DAY_MICROS + seconds * 1_000_000 + fractionMicros(m[7]) };
}

/**
 * A stored string in exactly the text form the server prints for a DATE, TIME or DATETIME (what
 * such a value written through TissQL becomes here, see stored-value.ts), read back as one.
 */
export function temporalFromStored(kind: TemporalKind, text: string): TemporalValue | undefined {
  const forms: Record<TemporalKind, RegExp | undefined> = {
    date: /^\d{4}-\d{2}-\d{2}$/,
    time: /^\d{2}:\d{2}:\d{2}$/,
    datetime: /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/,
    timestamp: undefined,
  };
  const form = forms[kind];
  return form !== undefined && form.test(text) ? parseTemporalText(kind, text) : undefined;
}

export function temporalFromDate(date: Date): TemporalValue {
  return { kind: 'timestamp', epochMicros: date.getTime() * 1000 };
}

/** The server's text form, also what gets stored when such a value is written. */
export function formatTemporal(v: TemporalValue): string {
  if (v.kind === 'time') {
    const s = Math.floor(v.epochMicros / 1_000_000);
    return `${pad(Math.floor(s / 3600) % 24)}:${pad(Math.floor(s / 60) % 60)}:${pad(s % 60)}`;
  }
  const ms = Math.floor(v.epochMicros / 1000);
  const d = new Date(ms);
  if (Number.isNaN(d.getTime())) return 'invalid';
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  if (v.kind === 'date') return date;
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  if (v.kind === 'datetime') return `${date} ${time}`;
  const micros = ((v.epochMicros % 1_000_000) + 1_000_000) % 1_000_000;
  return `${date}T${time}${micros === 0 ? '' : `.${pad(micros, 6)}`}Z`;
}

/** EXTRACT(part FROM v). */
export function extractPart(v: TemporalValue, part: string): number {
  const d = new Date(Math.floor(v.epochMicros / 1000));
  switch (part) {
    case 'year':
      return d.getUTCFullYear();
    case 'month':
      return d.getUTCMonth() + 1;
    case 'day':
      return d.getUTCDate();
    case 'hour':
      return d.getUTCHours();
    case 'minute':
      return d.getUTCMinutes();
    default:
      return d.getUTCSeconds();
  }
}
