/**
 * Words that can't name a field without backticks. The 'tissdb' list mirrors the real server,
 * where every keyword is reserved (tissdb-wire.md §5.1: `date`, `count`, `time` can't be fields);
 * 'tissql' reserves only the structural words, so `date` or `count` work as field names there.
 */
import type { Dialect } from './ast';

const STRUCTURAL = [
  'SELECT', 'FROM', 'WHERE', 'AND', 'OR', 'NOT', 'IN', 'IS', 'LIKE', 'BETWEEN', 'NULL', 'TRUE',
  'FALSE', 'GROUP', 'BY', 'ORDER', 'HAVING', 'LIMIT', 'OFFSET', 'UNION', 'ALL', 'JOIN', 'ON', 'AS',
  'INNER', 'LEFT', 'RIGHT', 'FULL', 'CROSS', 'OUTER', 'INSERT', 'INTO', 'VALUES', 'UPDATE', 'SET',
  'DELETE', 'DISTINCT', 'ASC', 'DESC',
];

const SERVER_ONLY = [
  'COUNT', 'SUM', 'AVG', 'MIN', 'MAX', 'DATE', 'TIME', 'DATETIME', 'TIMESTAMP', 'INTERVAL', 'NOW',
  'EXTRACT', 'WITH', 'DRILLDOWN',
];

const TISSQL_RESERVED = new Set(STRUCTURAL);
/** Condition strings have no clauses, so only the words an expression itself uses are taken. */
const CONDITION_RESERVED = new Set(['AND', 'OR', 'NOT', 'IN', 'IS', 'LIKE', 'BETWEEN', 'NULL', 'TRUE', 'FALSE']);
const TISSDB_RESERVED = new Set([...STRUCTURAL, ...SERVER_ONLY]);

export function isReserved(word: string, dialect: Dialect | 'condition'): boolean {
  const upper = word.toUpperCase();
  if (dialect === 'condition') return CONDITION_RESERVED.has(upper);
  return dialect === 'tissdb' ? TISSDB_RESERVED.has(upper) : TISSQL_RESERVED.has(upper);
}

export const AGGREGATE_FNS = new Set(['COUNT', 'SUM', 'AVG', 'MIN', 'MAX']);
export const TEMPORAL_KINDS = new Set(['DATE', 'TIME', 'DATETIME', 'TIMESTAMP']);
export const EXTRACT_PARTS = new Set(['YEAR', 'MONTH', 'DAY', 'HOUR', 'MINUTE', 'SECOND']);

const UNITS: Record<string, string> = {
  MICROSECOND: 'microsecond',
  MILLISECOND: 'millisecond',
  SECOND: 'second',
  MINUTE: 'minute',
  HOUR: 'hour',
  DAY: 'day',
};

/** `DAYS`, `day`, `Day` all name the unit `day`. */
export function intervalUnit(word: string): string | undefined {
  const upper = word.toUpperCase();
  return UNITS[upper] ?? (upper.endsWith('S') ? UNITS[upper.slice(0, -1)] : undefined);
}
