/** Constant folding for the filter translator: literals, bound parameters, `-5`, typed dates. */
import type { Expr } from './ast';
import { parseTemporalText } from './temporal';

/** `{ value }` for a constant (so a constant `undefined` can't be confused with "not constant"). */
export function constantValue(expr: Expr, params: readonly unknown[]): { value: unknown } | undefined {
  switch (expr.type) {
    case 'literal':
      return { value: expr.value };
    case 'param':
      return expr.index < params.length ? { value: params[expr.index] } : undefined;
    case 'neg': {
      const inner = constantValue(expr.operand, params);
      return typeof inner?.value === 'number' ? { value: -inner.value } : undefined;
    }
    case 'temporal': {
      if (expr.kind === 'time') return undefined;
      const parsed = parseTemporalText(expr.kind, expr.text);
      return parsed === undefined ? undefined : { value: new Date(parsed.epochMicros / 1000) };
    }
    default:
      return undefined;
  }
}

/** The dotted field name of a field reference, else `undefined`. */
export function fieldName(expr: Expr): string | undefined {
  return expr.type === 'field' ? expr.path.join('.') : undefined;
}
