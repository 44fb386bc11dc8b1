/**
 * COUNT/SUM/AVG/MIN/MAX over a group of rows.
 * 'tissdb' (tissdb-wire.md §5.3): COUNT(f) counts rows that have the field, null included; SUM,
 * AVG, MIN, MAX use values that convert to numbers (strings by prefix); MIN/MAX fall back to text
 * order when nothing numeric was seen; an empty input gives 0, never null.
 * 'tissql' (SQL): COUNT(e) counts non-null values; SUM/AVG over numbers, null when there are none;
 * MIN/MAX by MongoDB's sort order over non-null values; DISTINCT dedupes first.
 */
import type { AggregateSpec } from './compiled';
import type { EvalContext } from './evaluate';
import { evaluate } from './evaluate';
import { compareBytes, prefixNumber } from './server-values';
import type { Row } from './source';
import { mongoOrder } from './sql-values';
import { canonicalKey, uniqueBy } from './canonical';

export function computeAggregate(spec: AggregateSpec, rows: Row[], ctx: EvalContext): unknown {
  return ctx.dialect === 'tissdb' ? serverAggregate(spec, rows) : sqlAggregate(spec, rows, ctx);
}

function serverAggregate(spec: AggregateSpec, rows: Row[]): unknown {
  if (spec.arg === null) return rows.length;
  const key = spec.arg.type === 'field' ? spec.arg.path.join('.') : '';
  const present = rows.filter((r) => Object.hasOwn(r, key) || (key === 'id' && Object.hasOwn(r, '_id')));
  if (spec.fn === 'COUNT') return present.length;
  const values = present.map((r) => r[key === 'id' ? '_id' : key]);
  const numbers: number[] = [];
  for (const v of values) {
    const n = typeof v === 'number' ? v : typeof v === 'string' ? prefixNumber(v) : undefined;
    if (n !== undefined) numbers.push(n);
  }
  if (spec.fn === 'SUM') return numbers.reduce((a, b) => a + b, 0);
  if (spec.fn === 'AVG') return numbers.length === 0 ? 0 : numbers.reduce((a, b) => a + b, 0) / numbers.length;
  const sign = spec.fn === 'MIN' ? -1 : 1;
  if (numbers.length > 0) return numbers.reduce((best, n) => (Math.sign(n - best) === sign ? n : best));
  const strings = values.filter((v): v is string => typeof v === 'string');
  if (strings.length === 0) return 0;
  return strings.reduce((best, s) => (compareBytes(s, best) === sign ? s : best));
}

function sqlAggregate(spec: AggregateSpec, rows: Row[], ctx: EvalContext): unknown {
  if (spec.arg === null) return rows.length;
  const arg = spec.arg;
  let values: unknown[] = rows.map((r) => evaluate(arg, r, ctx)).filter((v) => v !== null && v !== undefined);
  if (spec.distinct) values = uniqueBy(values, canonicalKey);
  if (spec.fn === 'COUNT') return values.length;
  if (spec.fn === 'MIN' || spec.fn === 'MAX') {
    if (values.length === 0) return null;
    const sign = spec.fn === 'MIN' ? -1 : 1;
    return values.reduce((best, v) => (mongoOrder(v, best) === sign ? v : best));
  }
  const numbers = values.filter((v): v is number => typeof v === 'number');
  if (numbers.length === 0) return null;
  const sum = numbers.reduce((a, b) => a + b, 0);
  return spec.fn === 'SUM' ? sum : sum / numbers.length;
}
