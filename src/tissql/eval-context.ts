/** What expression evaluation needs besides the row, and field lookup for both dialects. */
import type { Dialect, Expr } from './ast';
import { TissDBLiteError } from './errors';

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

/** A bound `?` value; a missing one is INVALID_ARGUMENT (the server: "Parameter index out of bounds."). */
export function param(expr: Extract<Expr, { type: 'param' }>, ctx: EvalContext): unknown {
  if (expr.index >= ctx.params.length) {
    throw new TissDBLiteError('INVALID_ARGUMENT', `TissQL: no value bound for parameter ${expr.index + 1}`, {
      serverMessage: 'Parameter index out of bounds.',
    });
  }
  return ctx.params[expr.index];
}

