/** The row key a select-list expression gets when it has no alias. */
import type { Dialect, Expr } from './ast';
import { printExpr } from './printer';

/** A field's dotted path; an aggregate as the server names it (`COUNT(*)`, `SUM(score)`); else the printed expression. */
export function columnKey(expr: Expr, dialect: Dialect): string {
  if (expr.type === 'field') return expr.path.join('.');
  if (expr.type === 'aggregate' && dialect === 'tissdb') {
    return `${expr.fn}(${expr.arg === null ? '*' : printExpr(expr.arg).replace(/`/g, '')})`;
  }
  return printExpr(expr);
}
