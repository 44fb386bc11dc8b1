/** Evaluation with the 'tissql' dialect's SQL rules (three-valued logic, sql-values.ts). */
import type { Expr } from './ast';
import { evalCommon } from './eval-common';
import type { EvalContext } from './eval-context';
import { lookupField, param } from './eval-context';
import { likeMatch } from './like';
import { isInterval, isTemporal } from './server-values';
import { and3, not3, or3, sqlCompare, sqlEquals, toTruth } from './sql-values';
import type { Truth } from './sql-values';
import { formatTemporal, temporalFromDate } from './temporal';

export function evalSql(expr: Expr, row: Record<string, unknown>, ctx: EvalContext): unknown {
  const ev = (e: Expr) => evalSql(e, row, ctx);
  switch (expr.type) {
    case 'literal':
      return expr.value;
    case 'param':
      return param(expr, ctx);
    case 'field':
      return ctx.field ? ctx.field(expr.path, row) : lookupField(expr.path, row, 'tissql');
    case 'and':
      return and3(toTruth(ev(expr.left)), toTruth(ev(expr.right)));
    case 'or':
      return or3(toTruth(ev(expr.left)), toTruth(ev(expr.right)));
    case 'not':
      return not3(toTruth(ev(expr.operand)));
    case 'compare':
      return sqlCompare(expr.op, ev(expr.left), ev(expr.right));
    case 'arith':
      return sqlArith(expr.op, ev(expr.left), ev(expr.right));
    case 'neg': {
      const v = ev(expr.operand);
      return typeof v === 'number' ? -v : null;
    }
    case 'like':
      return sqlLike(ev(expr.operand), ev(expr.pattern), expr.not);
    case 'between': {
      const v = ev(expr.operand);
      const inside = and3(sqlCompare('>=', v, ev(expr.low)), sqlCompare('<=', v, ev(expr.high)));
      return expr.not ? not3(inside) : inside;
    }
    case 'in':
      return sqlIn(ev(expr.operand), expr.list.map(ev), expr.not);
    case 'isNull': {
      const v = ev(expr.operand);
      return (v === null || v === undefined) !== expr.not;
    }
    default:
      return fromTemporal(evalCommon(expr, ctx, (e) => toTemporalish(ev(e))));
  }
}

function sqlLike(value: unknown, pattern: unknown, not: boolean): Truth {
  if (typeof pattern !== 'string') return null;
  if (value === null || value === undefined) return null;
  let hit: Truth;
  if (Array.isArray(value)) hit = value.some((v) => typeof v === 'string' && likeMatch(v, pattern));
  else hit = typeof value === 'string' && likeMatch(value, pattern);
  return not ? not3(hit) : hit;
}

function sqlIn(value: unknown, list: unknown[], not: boolean): Truth {
  if (value === null || value === undefined) return null;
  let result: Truth = false;
  for (const item of list) {
    const t = sqlCompare('=', value, item);
    if (t === true) {
      result = true;
      break;
    }
    if (t === null) result = null;
  }
  if (!not) return result;
  if (result === true) return false;
  if (result === null) return null;
  return Array.isArray(value) ? !value.some((v) => list.some((x) => sqlEquals(v, x))) : true;
}

function sqlArith(op: string, a: unknown, b: unknown): unknown {
  if (typeof a === 'number' && typeof b === 'number') {
    if (op === '+') return a + b;
    if (op === '-') return a - b;
    if (op === '*') return a * b;
    return b === 0 ? null : a / b;
  }
  if (a instanceof Date && isInterval(b) && (op === '+' || op === '-')) {
    return new Date(a.getTime() + (op === '+' ? b.micros : -b.micros) / 1000);
  }
  if (a instanceof Date && b instanceof Date && op === '-') return a.getTime() - b.getTime();
  return null;
}

function toTemporalish(v: unknown): unknown {
  return v instanceof Date ? temporalFromDate(v) : v;
}

function fromTemporal(v: unknown): unknown {
  if (!isTemporal(v)) return v;
  if (v.kind === 'time') return formatTemporal(v);
  return new Date(Math.floor(v.epochMicros / 1000));
}

