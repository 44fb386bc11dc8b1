/** Temporal literals, INTERVAL, NOW(), DATE(), TIME(), EXTRACT() and aggregates: both dialects. */
import type { Expr } from './ast';
import type { EvalContext } from './eval-context';
import { TissDBLiteError } from './errors';
import { isTemporal } from './server-values';
import type { TemporalValue } from './temporal';
import { extractPart, parseTemporalText, temporalFromDate } from './temporal';

const UNIT_MICROS: Record<string, number> = {
  microsecond: 1,
  millisecond: 1_000,
  second: 1_000_000,
  minute: 60_000_000,
  hour: 3_600_000_000,
  day: 86_400_000_000,
};

export function evalCommon(expr: Expr, ctx: EvalContext, ev: (e: Expr) => unknown): unknown {
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
