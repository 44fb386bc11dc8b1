/**
 * Pure expression evaluation for both dialects, over a plain row object. The executor uses it
 * where a WHERE clause has no Mongo-filter equivalent, and for computed columns, SET values,
 * HAVING and grouping. 'tissdb' follows tissdb-wire.md §5.3 (eval-server.ts); 'tissql' follows
 * SQL's three-valued logic (eval-sql.ts).
 */
import type { Expr } from './ast';
import type { EvalContext } from './eval-context';
import { evalServer } from './eval-server';
import { evalSql } from './eval-sql';

export type { EvalContext } from './eval-context';
export { lookupField } from './eval-context';

/**
 * @example
 * const where = parseCondition('missing > 5');
 * evaluate(where, {}, { dialect: 'tissdb', params: [], now: new Date() }) // -> true ("null" > "5.000000")
 * evaluate(where, {}, { dialect: 'tissql', params: [], now: new Date() }) // -> null (UNKNOWN)
 */
export function evaluate(expr: Expr, row: Record<string, unknown>, ctx: EvalContext): unknown {
  return ctx.dialect === 'tissdb' ? evalServer(expr, row, ctx) : evalSql(expr, row, ctx);
}

/** Whether a row passes a WHERE/HAVING/ON condition: only TRUE does (not FALSE, not UNKNOWN). */
export function matches(expr: Expr, row: Record<string, unknown>, ctx: EvalContext): boolean {
  return evaluate(expr, row, ctx) === true;
}
