/** fast-check generators for TissQL syntax trees, token soups, documents and Mongo filters. */
import fc from 'fast-check';
import type { Expr, SelectStatement, Statement, TableRef } from '../../src/tissql/ast';

const NAMES = ['a', 'b', 'name', 'age', 'city', 'x_1', '_id', 'date', 'count', 'order', 'select', 'two words', 'tick`y', 'Ünï', '9lives', ''];

export const nameArb = fc.constantFrom(...NAMES);
const pathArb = fc.array(nameArb, { minLength: 1, maxLength: 3 });

const literalArb: fc.Arbitrary<Expr> = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 8 }).map((value) => ({ type: 'literal', value, pos: -1 }) as Expr),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((value) => ({ type: 'literal', value, pos: -1 }) as Expr),
  fc.integer({ min: -1000, max: 1000 }).map((value) => ({ type: 'literal', value, pos: -1 }) as Expr),
  fc.constantFrom(true, false, null).map((value) => ({ type: 'literal', value, pos: -1 }) as Expr),
);

const leafArb: fc.Arbitrary<Expr> = fc.oneof(
  { arbitrary: literalArb, weight: 4 },
  { arbitrary: pathArb.map((path) => ({ type: 'field', path, pos: -1 }) as Expr), weight: 4 },
  { arbitrary: fc.constant({ type: 'param', index: 0, pos: -1 } as Expr), weight: 1 },
  {
    arbitrary: fc
      .record({ kind: fc.constantFrom('date', 'time', 'datetime', 'timestamp'), text: fc.string({ maxLength: 12 }) })
      .map(({ kind, text }) => ({ type: 'temporal', kind, text, pos: -1 }) as Expr),
    weight: 1,
  },
  {
    arbitrary: fc
      .record({ amount: fc.nat(1000), unit: fc.constantFrom('microsecond', 'millisecond', 'second', 'minute', 'hour', 'day') })
      .map(({ amount, unit }) => ({ type: 'interval', amount, unit, pos: -1 }) as Expr),
    weight: 1,
  },
  { arbitrary: fc.constant({ type: 'call', name: 'NOW', args: [], pos: -1 } as Expr), weight: 1 },
);

export const exprArb: fc.Arbitrary<Expr> = fc.letrec<{ expr: Expr }>((tie) => {
  const e = tie('expr');
  return {
    expr: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leafArb,
      fc.record({ type: fc.constantFrom('and', 'or'), left: e, right: e }).map((n) => ({ ...n, pos: -1 }) as Expr),
      fc.record({ type: fc.constant('not'), operand: e }).map((n) => ({ ...n, pos: -1 }) as Expr),
      fc.record({ type: fc.constant('neg'), operand: e }).map((n) => ({ ...n, pos: -1 }) as Expr),
      fc
        .record({ op: fc.constantFrom('=', '!=', '<', '<=', '>', '>='), left: e, right: e })
        .map((n) => ({ type: 'compare', ...n, pos: -1 }) as Expr),
      fc.record({ op: fc.constantFrom('+', '-', '*', '/'), left: e, right: e }).map((n) => ({ type: 'arith', ...n, pos: -1 }) as Expr),
      fc.record({ not: fc.boolean(), operand: e, pattern: e }).map((n) => ({ type: 'like', ...n, pos: -1 }) as Expr),
      fc.record({ not: fc.boolean(), operand: e, low: e, high: e }).map((n) => ({ type: 'between', ...n, pos: -1 }) as Expr),
      fc
        .record({ not: fc.boolean(), operand: e, list: fc.array(e, { minLength: 1, maxLength: 3 }) })
        .map((n) => ({ type: 'in', ...n, pos: -1 }) as Expr),
      fc.record({ not: fc.boolean(), operand: e }).map((n) => ({ type: 'isNull', ...n, pos: -1 }) as Expr),
      fc.record({ name: fc.constantFrom('DATE', 'TIME'), arg: e }).map((n) => ({ type: 'call', name: n.name, args: [n.arg], pos: -1 }) as Expr),
      fc
        .record({ part: fc.constantFrom('year', 'month', 'day', 'hour', 'minute', 'second'), from: e })
        .map((n) => ({ type: 'extract', ...n, pos: -1 }) as Expr),
      fc
        .record({ fn: fc.constantFrom('COUNT', 'SUM', 'AVG', 'MIN', 'MAX'), arg: fc.option(e, { nil: null }), distinct: fc.boolean() })
        .map((n) => ({
          type: 'aggregate',
          fn: n.arg === null ? 'COUNT' : n.fn,
          arg: n.arg,
          distinct: n.arg === null ? false : n.distinct,
          pos: -1,
        }) as Expr),
    ),
  };
}).expr;

const tableArb: fc.Arbitrary<TableRef> = fc.record({ name: nameArb, alias: fc.option(nameArb, { nil: null }), pos: fc.constant(-1) });

const selectArb: fc.Arbitrary<SelectStatement> = fc.letrec<{ select: SelectStatement }>((tie) => ({
  select: fc.record({
    type: fc.constant('select' as const),
    distinct: fc.boolean(),
    columns: fc.option(fc.array(fc.record({ expr: exprArb, alias: fc.option(nameArb, { nil: null }) }), { minLength: 1, maxLength: 3 }), { nil: null }),
    from: tableArb,
    joins: fc.array(
      fc.record({ kind: fc.constantFrom('inner', 'left', 'right', 'full', 'cross'), table: tableArb, on: exprArb }).map((j) => ({
        ...j,
        on: j.kind === 'cross' ? null : j.on,
      })),
      { maxLength: 2 },
    ),
    where: fc.option(exprArb, { nil: null }),
    groupBy: fc.array(exprArb, { maxLength: 2 }),
    having: fc.option(exprArb, { nil: null }),
    orderBy: fc.array(fc.record({ expr: exprArb, direction: fc.constantFrom('asc', 'desc') }), { maxLength: 2 }),
    limit: fc.option(exprArb, { nil: null }),
    offset: fc.option(exprArb, { nil: null }),
    union: fc.option(fc.record({ all: fc.boolean(), select: tie('select') }), { nil: null, depthSize: 'small' }),
    pos: fc.constant(-1),
  }),
})).select;

export const statementArb: fc.Arbitrary<Statement> = fc.oneof(
  selectArb,
  fc.record({
    type: fc.constant('insert' as const),
    table: tableArb,
    columns: fc.option(fc.array(nameArb, { minLength: 1, maxLength: 3 }), { nil: null }),
    rows: fc.array(fc.array(exprArb, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 2 }),
    pos: fc.constant(-1),
  }),
  fc.record({
    type: fc.constant('update' as const),
    table: tableArb,
    set: fc.array(fc.record({ field: pathArb, value: exprArb }), { minLength: 1, maxLength: 3 }),
    where: fc.option(exprArb, { nil: null }),
    pos: fc.constant(-1),
  }),
  fc.record({ type: fc.constant('delete' as const), table: tableArb, where: fc.option(exprArb, { nil: null }), pos: fc.constant(-1) }),
);

/** Drops source positions and parameter numbers, which printing can't preserve. */
export function stripPositions(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripPositions);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (k === 'pos') continue;
    if (k === 'index' && (value as { type?: unknown }).type === 'param') continue;
    out[k] = stripPositions(v);
  }
  return out;
}

const TOKENS = [
  'SELECT', 'select', 'FROM', 'WHERE', 'AND', 'OR', 'NOT', 'IN', 'IS', 'NULL', 'LIKE', 'BETWEEN', 'GROUP', 'BY', 'ORDER',
  'HAVING', 'LIMIT', 'OFFSET', 'UNION', 'ALL', 'JOIN', 'LEFT', 'ON', 'AS', 'INSERT', 'INTO', 'VALUES', 'UPDATE', 'SET',
  'DELETE', 'DISTINCT', 'COUNT', 'SUM', 'DATE', 'TIMESTAMP', 'INTERVAL', 'DAY', 'NOW', 'EXTRACT', 'YEAR', 'WITH', 'DRILLDOWN',
  '(', ')', ',', '.', '*', '+', '-', '/', '=', '!=', '<>', '<', '<=', '>', '>=', '==', '?', ';', "'x'", "'2024-01-01'", '"q"',
  '`b`', '42', '-1', '3.5e2', 'a', 'b', 'people', 'age', "'", '`', '/*', '--', '\n', '%',
];

export const tokenSoupArb = fc.array(fc.constantFrom(...TOKENS), { maxLength: 40 }).map((t) => t.join(' '));

/** Documents with scalar fields of mixed types, some missing or null, for filter equivalence. */
export const docsArb = fc.array(
  fc.record(
    {
      n: fc.oneof(fc.integer({ min: -5, max: 5 }), fc.constantFrom(null, 2.5)),
      s: fc.oneof(fc.constantFrom('a', 'b', 'ab', 'B', '', '10', '9', 'null', '2024-01-01'), fc.constant(null)),
      m: fc.oneof(fc.integer({ min: -3, max: 3 }), fc.constantFrom('a', 'b', '3', true, false, null)),
      b: fc.boolean(),
    },
    { requiredKeys: [] },
  ),
  { maxLength: 15 },
);

const fieldValue = (field: string): fc.Arbitrary<unknown> =>
  field === 'n'
    ? fc.oneof(fc.integer({ min: -5, max: 5 }), fc.constant(null), fc.constant(2.5))
    : field === 's'
      ? fc.oneof(fc.constantFrom('a', 'b', 'ab', '', '10', '9', 'null', '2024-01-01'), fc.constant(null))
      : field === 'b'
        ? fc.boolean()
        : fc.oneof(fc.integer({ min: -3, max: 3 }), fc.constantFrom('a', '3', true, null));

const fieldCondArb: fc.Arbitrary<[string, unknown]> = fc.constantFrom('n', 's', 'm', 'b').chain((field) => {
  const v = fieldValue(field);
  const op = fc.oneof(
    v,
    v.map((x) => ({ $eq: x })),
    v.map((x) => ({ $ne: x })),
    fc.record({ op: fc.constantFrom('$gt', '$gte', '$lt', '$lte'), x: v }).map(({ op: o, x }) => ({ [o]: x })),
    fc.array(v, { maxLength: 3 }).map((xs) => ({ $in: xs })),
    fc.array(v, { maxLength: 3 }).map((xs) => ({ $nin: xs })),
    fc.record({ op: fc.constantFrom('$gt', '$lte', '$eq'), x: v }).map(({ op: o, x }) => ({ $not: { [o]: x } })),
    fc.constantFrom({ $regex: '^a' }, { $regex: 'b' }, { $regex: 'a$' }),
  );
  return op.map((cond) => [field, cond] as [string, unknown]);
});

export const filterArb: fc.Arbitrary<Record<string, unknown>> = fc.letrec<{ filter: Record<string, unknown> }>((tie) => ({
  filter: fc.oneof(
    { depthSize: 'small' },
    fc.array(fieldCondArb, { maxLength: 2 }).map((pairs) => Object.fromEntries(pairs)),
    fc.array(tie('filter'), { minLength: 1, maxLength: 3 }).map((fs) => ({ $and: fs })),
    fc.array(tie('filter'), { minLength: 1, maxLength: 3 }).map((fs) => ({ $or: fs })),
    fc.array(tie('filter'), { minLength: 1, maxLength: 2 }).map((fs) => ({ $nor: fs })),
  ),
})).filter;
