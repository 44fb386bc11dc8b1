/**
 * Word-led primaries: TRUE/FALSE/NULL, typed temporal literals, INTERVAL, NOW(), DATE(e), TIME(e),
 * EXTRACT(part FROM e), aggregates and field paths. In 'tissdb' every keyword is reserved, so
 * `date = ...` fails the way the server does ("Expected a string literal after DATE").
 */
import type { AggregateFn, Expr, ExtractPart, IntervalUnit, TemporalKind } from './ast';
import type { Cursor } from './cursor';
import { AGGREGATE_FNS, EXTRACT_PARTS, TEMPORAL_KINDS, intervalUnit, isReserved } from './keywords';
import { parseExpr } from './parse-expr';

export function parsePrimaryTail(c: Cursor): Expr | undefined {
  const t = c.peek();
  if (t.kind === 'qident') return parseField(c);
  if (t.kind !== 'word') return undefined;
  const upper = t.value.toUpperCase();
  if (upper === 'TRUE' || upper === 'FALSE' || upper === 'NULL') {
    c.next();
    return { type: 'literal', value: upper === 'NULL' ? null : upper === 'TRUE', pos: t.start };
  }
  const server = c.dialect === 'tissdb';
  if (TEMPORAL_KINDS.has(upper)) {
    const temporal = parseTemporal(c, upper);
    if (temporal !== undefined) return temporal;
  }
  if (upper === 'INTERVAL' && (server || c.peek(1).kind === 'number' || c.peek(1).kind === 'string')) {
    return parseInterval(c);
  }
  if (upper === 'NOW' && (server || c.isOp('(', 1))) {
    c.next();
    c.expectOp('(');
    c.expectOp(')');
    return { type: 'call', name: 'NOW', args: [], pos: t.start };
  }
  if (upper === 'EXTRACT' && (server || c.isOp('(', 1))) return parseExtract(c);
  if (AGGREGATE_FNS.has(upper) && c.isOp('(', 1) && !server) return parseAggregate(c);
  if (isReserved(t.value, c.words)) return undefined;
  return parseField(c);
}

function parseTemporal(c: Cursor, upper: string): Expr | undefined {
  const t = c.peek();
  const after = c.peek(1);
  if (after.kind === 'string') {
    c.next();
    c.next();
    return { type: 'temporal', kind: upper.toLowerCase() as TemporalKind, text: after.value, pos: t.start };
  }
  if ((upper === 'DATE' || upper === 'TIME') && after.kind === 'op' && after.value === '(') {
    c.next();
    c.next();
    const arg = parseExpr(c);
    c.expectOp(')');
    return { type: 'call', name: upper, args: [arg], pos: t.start };
  }
  if (c.dialect === 'tissdb') {
    throw c.fail(`expected a string literal after ${upper}`, 'a string', `Expected a string literal after ${upper}`, after);
  }
  return undefined;
}

function parseInterval(c: Cursor): Expr {
  const start = c.next().start;
  const amount = c.peek();
  const value = amount.kind === 'number' ? amount.num : amount.kind === 'string' ? Number(amount.value) : Number.NaN;
  if (value === undefined || !Number.isFinite(value)) {
    throw c.fail('expected the INTERVAL amount', 'a number', 'Expected numeric literal for INTERVAL');
  }
  c.next();
  const unitToken = c.peek();
  const unit = unitToken.kind === 'word' ? intervalUnit(unitToken.value) : undefined;
  if (unit === undefined) {
    throw c.fail('expected an INTERVAL unit', 'MICROSECOND, MILLISECOND, SECOND, MINUTE, HOUR or DAY', 'Unknown interval unit');
  }
  c.next();
  return { type: 'interval', amount: value, unit: unit as IntervalUnit, pos: start };
}

function parseExtract(c: Cursor): Expr {
  const start = c.next().start;
  c.expectOp('(');
  const partToken = c.peek();
  const upper = partToken.kind === 'word' ? partToken.value.toUpperCase() : '';
  if (!EXTRACT_PARTS.has(upper)) {
    throw c.fail('expected a date part', 'YEAR, MONTH, DAY, HOUR, MINUTE or SECOND', 'Unsupported EXTRACT part');
  }
  c.next();
  c.expectWord('FROM');
  const from = parseExpr(c);
  c.expectOp(')');
  return { type: 'extract', part: upper.toLowerCase() as ExtractPart, from, pos: start };
}

/** `COUNT(*)`, `COUNT(DISTINCT f)`, `SUM(expr)`; the server's narrower form is in parse-select. */
export function parseAggregate(c: Cursor): Expr {
  const t = c.next();
  const fn = t.value.toUpperCase() as AggregateFn;
  c.expectOp('(');
  const distinct = c.dialect === 'tissql' && c.acceptWord('DISTINCT');
  let arg: Expr | null = null;
  if (fn === 'COUNT' && !distinct && c.acceptOp('*')) arg = null;
  else arg = c.dialect === 'tissdb' ? parseField(c) : parseExpr(c);
  c.expectOp(')');
  return { type: 'aggregate', fn, arg, distinct, pos: t.start };
}

/** `a`, `a.b.c`, `` `odd name`.b ``. The server takes at most `name.name`. */
export function parseField(c: Cursor): Expr {
  const first = c.peek();
  const path = [fieldPart(c)];
  const max = c.dialect === 'tissdb' ? 2 : Number.POSITIVE_INFINITY;
  while (path.length < max && c.isOp('.') && (c.peek(1).kind === 'word' || c.peek(1).kind === 'qident')) {
    c.next();
    path.push(fieldPart(c));
  }
  return { type: 'field', path, pos: first.start };
}

function fieldPart(c: Cursor): string {
  const t = c.peek();
  if (t.kind === 'qident') return c.next().value;
  if (t.kind !== 'word' || isReserved(t.value, c.words)) {
    throw c.fail('expected a field name', 'a field name', 'Unexpected token in expression');
  }
  return c.next().value;
}
