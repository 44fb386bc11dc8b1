/**
 * Pure expression evaluation for both dialects, over a plain row object. The executor uses it
 * where a WHERE clause has no Mongo-filter equivalent, and for computed columns, SET values,
 * HAVING and grouping. 'tissdb' follows tissdb-wire.md §5.3 (see server-values.ts); 'tissql'
 * follows sql-values.ts.
 */
import type { Dialect, Expr } from './ast';
import { TissDBLiteError } from './errors';
import { likeMatch } from './like';
import type { ServerValue } from './server-values';
import { isInterval, isTemporal, serverArith, serverCompare, serverCompareOp } from './server-values';
import { and3, not3, or3, sqlCompare, sqlEquals, toTruth } from './sql-values';
import type { Truth } from './sql-values';
import type { TemporalValue } from './temporal';
import { extractPart, formatTemporal, parseTemporalText, temporalFromDate, timestampFromQuoted } from './temporal';

export interface EvalContext {
  dialect: Dialect;
  params: readonly unknown[];
  /** The statement's clock: NOW() is the same for every row. */
  now: Date;
  /** Values of aggregate nodes for a grouped row, keyed by the node's printed form. */
  aggregate?: (node: Extract<Expr, { type: 'aggregate' }>) => unknown;
  /** Field lookup; defaults to the dialect's own (see `lookupField`). */
  field?: (path: string[], row: Record<string, unknown>) => unknown;
}

const UNIT_MICROS: Record<string, number> = {
  microsecond: 1,
  millisecond: 1_000,
  second: 1_000_000,
  minute: 60_000_000,
  hour: 3_600_000_000,
  day: 86_400_000_000,
};

/** 'tissql': nested path, arrays fan out over their elements. 'tissdb': one flat key, `id` = `_id`. */
export function lookupField(path: string[], row: Record<string, unknown>, dialect: Dialect): unknown {
  if (dialect === 'tissdb') {
    const key = path.join('.');
    const value = key === 'id' ? row['_id'] : Object.hasOwn(row, key) ? row[key] : undefined;
    return value === undefined ? null : value;
  }
  let current: unknown = row;
  for (const part of path) current = step(current, part);
  return current;
}

function step(value: unknown, part: string): unknown {
  if (Array.isArray(value)) {
    if (/^\d+$/.test(part)) return value[Number(part)];
    const out: unknown[] = [];
    for (const el of value) {
      const v = step(el, part);
      if (Array.isArray(v)) out.push(...v);
      else if (v !== undefined) out.push(v);
    }
    return out.length === 0 ? undefined : out;
  }
  if (typeof value === 'object' && value !== null && !(value instanceof Date) && Object.hasOwn(value, part)) {
    return (value as Record<string, unknown>)[part];
  }
  return undefined;
}

/** Whether a row passes a WHERE/HAVING/ON condition. */
export function matches(expr: Expr, row: Record<string, unknown>, ctx: EvalContext): boolean {
  const v = evaluate(expr, row, ctx);
  return v === true;
}

export function evaluate(expr: Expr, row: Record<string, unknown>, ctx: EvalContext): unknown {
  return ctx.dialect === 'tissdb' ? evalServer(expr, row, ctx) : evalSql(expr, row, ctx);
}

function param(expr: Extract<Expr, { type: 'param' }>, ctx: EvalContext): unknown {
  if (expr.index >= ctx.params.length) {
    throw new TissDBLiteError('INVALID_ARGUMENT', `TissQL: no value bound for parameter ${expr.index + 1}`, {
      serverMessage: 'Parameter index out of bounds.',
    });
  }
  return ctx.params[expr.index];
}

function evalServer(expr: Expr, row: Record<string, unknown>, ctx: EvalContext): ServerValue {
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
      return evalCommon(expr, row, ctx, ev) as ServerValue;
  }
}

/** Stored values as the server's evaluator sees them: Dates (system fields) as timestamps. */
function toServerValue(v: unknown): ServerValue {
  if (v === undefined) return null;
  if (v instanceof Date) return temporalFromDate(v);
  return v as ServerValue;
}

function evalSql(expr: Expr, row: Record<string, unknown>, ctx: EvalContext): unknown {
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
      return fromTemporal(evalCommon(expr, row, ctx, (e) => toTemporalish(ev(e))));
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

/** Temporal literals and functions, shared by both dialects (they differ only in how they look). */
function evalCommon(expr: Expr, row: Record<string, unknown>, ctx: EvalContext, ev: (e: Expr) => unknown): unknown {
  switch (expr.type) {
    case 'temporal': {
      const v = parseTemporalText(expr.kind, expr.text);
      if (v === undefined) {
        throw new TissDBLiteError('INVALID_QUERY', `TissQL: '${expr.text}' is not a valid ${expr.kind.toUpperCase()}`, {
          serverMessage: `Invalid ${expr.kind} format`,
        });
      }
      return v;
    }
    case 'interval':
      return { kind: 'interval', micros: expr.amount * (UNIT_MICROS[expr.unit] ?? 0) };
    case 'call':
      return evalCall(expr, ctx, ev);
    case 'extract': {
      const v = asTemporal(ev(expr.from));
      return v === undefined ? null : extractPart(v, expr.part);
    }
    case 'aggregate':
      if (ctx.aggregate === undefined) {
        throw new TissDBLiteError('INVALID_QUERY', `TissQL: ${expr.fn}() is only allowed in the select list, HAVING and ORDER BY`);
      }
      return ctx.aggregate(expr);
    default:
      return null;
  }
}

function asTemporal(v: unknown): TemporalValue | undefined {
  if (isTemporal(v)) return v;
  if (v instanceof Date) return temporalFromDate(v);
  if (typeof v === 'string') return parseTemporalText('timestamp', v) ?? parseTemporalText('time', v);
  return undefined;
}

function evalCall(expr: Extract<Expr, { type: 'call' }>, ctx: EvalContext, ev: (e: Expr) => unknown): unknown {
  if (expr.name === 'NOW') return temporalFromDate(ctx.now);
  const arg = expr.args[0];
  const v = arg === undefined ? undefined : asTemporal(ev(arg));
  if (v === undefined) return null;
  if (expr.name === 'DATE') {
    if (v.kind === 'time') return null;
    const day = 86_400_000_000;
    return { kind: 'date', epochMicros: Math.floor(v.epochMicros / day) * day };
  }
  const day = 86_400_000_000;
  return { kind: 'time', epochMicros: ((v.epochMicros % day) + day) % day };
}
