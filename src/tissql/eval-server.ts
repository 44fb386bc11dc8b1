/** Evaluation with the real server's rules (tissdb-wire.md §5.3, server-values.ts). */
import type { Expr } from './ast';
import { evalCommon } from './eval-common';
import type { EvalContext } from './eval-context';
import { lookupField, param } from './eval-context';
import { likeMatch } from './like';
import type { ServerValue } from './server-values';
import { serverArith, serverCompare, serverCompareOp } from './server-values';
import { temporalFromDate, timestampFromQuoted } from './temporal';

export function evalServer(expr: Expr, row: Record<string, unknown>, ctx: EvalContext): ServerValue {
  const ev = (e: Expr) => evalServer(e, row, ctx);
  switch (expr.type) {
    case 'literal':
      return typeof expr.value === 'string' ? (timestampFromQuoted(expr.value) ?? expr.value) : expr.value;
    case 'param':
      return toServerValue(param(expr, ctx));
    case 'field':
      return toServerValue(ctx.field ? ctx.field(expr.path, row) : lookupField(expr.path, row, 'tissdb'));
    case 'and':
      return ev(expr.left) === true && ev(expr.right) === true;
    case 'or':
      return ev(expr.left) === true || ev(expr.right) === true;
    case 'not':
      return ev(expr.operand) !== true;
    case 'compare':
      return serverCompareOp(expr.op, ev(expr.left), ev(expr.right));
    case 'arith':
      return serverArith(expr.op, ev(expr.left), ev(expr.right));
    case 'neg':
      return serverArith('-', 0, ev(expr.operand));
    case 'like': {
      const value = ev(expr.operand);
      const pattern = expr.pattern.type === 'literal' ? expr.pattern.value : ev(expr.pattern);
      const hit = typeof value === 'string' && typeof pattern === 'string' && likeMatch(value, pattern);
      return hit !== expr.not;
    }
    case 'between': {
      const v = ev(expr.operand);
      const lo = serverCompare(v, ev(expr.low));
      const hi = serverCompare(v, ev(expr.high));
      const inside = lo !== undefined && hi !== undefined && lo >= 0 && hi <= 0;
      return inside !== expr.not;
    }
    case 'in': {
      const v = ev(expr.operand);
      return expr.list.some((e) => serverCompareOp('=', v, ev(e))) !== expr.not;
    }
    case 'isNull':
      return (ev(expr.operand) === null) !== expr.not;
    default:
      return evalCommon(expr, ctx, ev) as ServerValue;
  }
}

/** Stored values as the server's evaluator sees them: Dates (system fields) as timestamps. */
export function toServerValue(v: unknown): ServerValue {
  if (v === undefined) return null;
  if (v instanceof Date) return temporalFromDate(v);
  return v as ServerValue;
}

