/**
 * Expressions. 'tissql': SQL precedence (OR < AND < NOT < predicates < + - < * / < unary).
 * 'tissdb' mirrors the server's parser (tissdb-wire.md §5.1): AND and OR share one level folded
 * left to right, comparisons and LIKE fold left, no prefix NOT, no unary minus, no IN or IS; the
 * expression simply ends at a token it doesn't know, and the statement ignores the rest.
 */
import type { CompareOp, Expr } from './ast';
import type { Cursor } from './cursor';
import { parsePrimaryTail } from './parse-primary';

const COMPARE_OPS: Record<string, CompareOp> = {
  '=': '=', '==': '=', '!=': '!=', '<>': '!=', '<': '<', '<=': '<=', '>': '>', '>=': '>=',
};

/** A nested expression costs 5 of the depth budget: it is a dozen stack frames deep. */
const NESTED_WEIGHT = 5;

export function parseExpr(c: Cursor): Expr {
  c.enter(NESTED_WEIGHT);
  try {
    return c.dialect === 'tissdb' ? parseServerLogic(c) : parseOr(c);
  } finally {
    c.leave(NESTED_WEIGHT);
  }
}

function parseOr(c: Cursor): Expr {
  return c.fold(
    () => parseAnd(c),
    (left) => (c.isWord('OR') ? { type: 'or', left, pos: c.next().start, right: parseAnd(c) } : undefined),
  );
}

function parseAnd(c: Cursor): Expr {
  return c.fold(
    () => parseNot(c),
    (left) => (c.isWord('AND') ? { type: 'and', left, pos: c.next().start, right: parseNot(c) } : undefined),
  );
}

function parseNot(c: Cursor): Expr {
  if (!c.isWord('NOT')) return parsePredicate(c);
  const pos = c.next().start;
  c.enter();
  try {
    return { type: 'not', operand: parseNot(c), pos };
  } finally {
    c.leave();
  }
}

/** One predicate at most: `a = b = c` is a syntax error, as in SQL. */
function parsePredicate(c: Cursor): Expr {
  const operand = parseAdditive(c);
  const t = c.peek();
  if (t.kind === 'op' && COMPARE_OPS[t.value] !== undefined) {
    c.next();
    return { type: 'compare', op: COMPARE_OPS[t.value] as CompareOp, left: operand, right: parseAdditive(c), pos: t.start };
  }
  if (c.isWord('IS')) {
    c.next();
    const not = c.acceptWord('NOT');
    c.expectWord('NULL');
    return { type: 'isNull', not, operand, pos: t.start };
  }
  const not = c.isWord('NOT') && (c.isWord('LIKE', 1) || c.isWord('BETWEEN', 1) || c.isWord('IN', 1));
  if (not) c.next();
  if (c.acceptWord('LIKE')) return { type: 'like', not, operand, pattern: parseAdditive(c), pos: t.start };
  if (c.acceptWord('BETWEEN')) return parseBetweenTail(c, operand, not, t.start);
  if (c.acceptWord('IN')) {
    c.expectOp('(');
    const list: Expr[] = [parseAdditive(c)];
    while (c.acceptOp(',')) list.push(parseAdditive(c));
    c.expectOp(')');
    return { type: 'in', not, operand, list, pos: t.start };
  }
  return operand;
}

function parseBetweenTail(c: Cursor, operand: Expr, not: boolean, pos: number): Expr {
  const low = parseAdditive(c);
  c.expectWord('AND');
  return { type: 'between', not, operand, low, high: parseAdditive(c), pos };
}

function parseServerLogic(c: Cursor): Expr {
  return c.fold(
    () => parseServerComparison(c),
    (left) => {
      if (!c.isWord('AND') && !c.isWord('OR')) return undefined;
      const t = c.next();
      const type = t.value.toUpperCase() === 'AND' ? 'and' : 'or';
      return { type, left, right: parseServerComparison(c), pos: t.start };
    },
  );
}

function parseServerComparison(c: Cursor): Expr {
  return c.fold(
    () => parseAdditive(c),
    (left) => {
      const t = c.peek();
      if (t.kind === 'op' && COMPARE_OPS[t.value] !== undefined && t.value !== '==') {
        c.next();
        return { type: 'compare', op: COMPARE_OPS[t.value] as CompareOp, left, right: parseAdditive(c), pos: t.start };
      }
      if (c.isWord('LIKE')) {
        c.next();
        return { type: 'like', not: false, operand: left, pattern: parseAdditive(c), pos: t.start };
      }
      if (c.isWord('BETWEEN') || (c.isWord('NOT') && c.isWord('BETWEEN', 1))) {
        const not = c.acceptWord('NOT');
        c.next();
        return parseBetweenTail(c, left, not, t.start);
      }
      return undefined;
    },
  );
}

export function parseAdditive(c: Cursor): Expr {
  return c.fold(
    () => parseMultiplicative(c),
    (left) => {
      if (!c.isOp('+') && !c.isOp('-')) return undefined;
      const t = c.next();
      return { type: 'arith', op: t.value as '+' | '-', left, right: parseMultiplicative(c), pos: t.start };
    },
  );
}

function parseMultiplicative(c: Cursor): Expr {
  return c.fold(
    () => parseUnary(c),
    (left) => {
      if (!c.isOp('*') && !c.isOp('/')) return undefined;
      const t = c.next();
      return { type: 'arith', op: t.value as '*' | '/', left, right: parseUnary(c), pos: t.start };
    },
  );
}

/** `-5` is the literal -5; `-(5)` and `-x` are negations. The server has no unary minus. */
function parseUnary(c: Cursor): Expr {
  if (c.dialect === 'tissdb' || !(c.isOp('-') || c.isOp('+'))) return parsePrimary(c);
  const sign = c.next();
  const t = c.peek();
  if (t.kind === 'number' && t.start === sign.end) {
    c.next();
    const n = t.num ?? Number.NaN;
    return { type: 'literal', value: sign.value === '-' ? -n : n, pos: sign.start };
  }
  c.enter();
  try {
    const operand = parseUnary(c);
    return sign.value === '-' ? { type: 'neg', operand, pos: sign.start } : operand;
  } finally {
    c.leave();
  }
}

export function parsePrimary(c: Cursor): Expr {
  const t = c.peek();
  if (t.kind === 'number') {
    c.next();
    return { type: 'literal', value: t.num ?? Number.NaN, pos: t.start };
  }
  if (t.kind === 'string') {
    c.next();
    return { type: 'literal', value: t.value, pos: t.start };
  }
  if (t.kind === 'op' && t.value === '?') {
    c.next();
    return { type: 'param', index: c.paramCount++, pos: t.start };
  }
  if (t.kind === 'op' && t.value === '(') {
    c.next();
    const inner = parseExpr(c);
    c.expectOp(')', c.serverExpected(')'));
    return inner;
  }
  const tail = parsePrimaryTail(c);
  if (tail !== undefined) return tail;
  throw c.fail('expected an expression', 'an expression', 'Unexpected token in expression');
}
