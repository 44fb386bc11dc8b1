/**
 * The original tissdb-lite condition strings (reference-wix-and-original.md §2.2), fixed as its
 * compatibility notes recommend: SQL precedence (AND over OR), case-insensitive keywords with
 * word boundaries, single or double quotes, signed numbers, true/false/null, dotted paths, and a
 * literal on the left flips the operator (`30 < age` is `age > 30`). The result is a Mongo filter
 * with Mongo's meaning (`!=` also matches a missing field, as the original's loose `!=` did).
 * The grammar is TissQL's WHERE expression, lexed and parsed by the same code.
 */
import type { Expr } from './ast';
import { Cursor } from './cursor';
import { TissDBLiteError } from './errors';
import { parseExpr } from './parse-expr';
import type { Filter } from './to-filter';
import { exprToFilter } from './to-filter';

/** Parses a condition string to its expression tree; `null` for an empty or blank string. */
export function parseCondition(text: string): Expr | null {
  const c = new Cursor(text, 'tissql', true);
  if (c.atEnd()) return null;
  const expr = parseExpr(c);
  if (!c.atEnd()) throw c.fail('unexpected token after the condition', 'AND, OR or the end');
  if (c.paramCount > 0) {
    throw c.fail('parameters are not allowed in a condition string', 'a value', undefined, c.tokens.find((t) => t.value === '?'));
  }
  return expr;
}

/**
 * @example
 * conditionToFilter("age >= 30 AND (city = 'Oslo' OR city != 'Rome')")
 * // -> { $and: [{ age: { $gte: 30 } }, { $or: [{ city: 'Oslo' }, { city: { $ne: 'Rome' } }] }] }
 */
export function conditionToFilter(text: string): Filter {
  if (typeof text !== 'string') {
    throw new TissDBLiteError('INVALID_ARGUMENT', `condition string: expected a string, got ${typeof text}`);
  }
  const expr = parseCondition(text);
  if (expr === null) return {};
  const filter = exprToFilter(expr, { semantics: 'mongo', params: [] });
  if (filter === undefined) {
    throw new TissDBLiteError(
      'INVALID_QUERY',
      `condition string "${text}": each comparison needs a field on one side and a value or a field on the other (no arithmetic)`,
    );
  }
  return filter;
}
