import { TissDBLiteError } from './errors';
import { FORBIDDEN_KEYS } from './values';

/**
 * Operators that run caller-supplied JavaScript. A query is data; these would turn it into code, so
 * they are refused wherever they appear (filters, update conditions, pipelines).
 */
const SCRIPT_OPERATORS: ReadonlySet<string> = new Set(['$where', '$function', '$accumulator']);

/**
 * Walks a query, update or pipeline and throws FORBIDDEN_OPERATOR for script operators and
 * INVALID_QUERY for prototype keys, before anything is compiled or run.
 */
export function assertSafeExpression(value: unknown, context: string, depth = 0): void {
  if (depth > 200) {
    throw new TissDBLiteError('INVALID_QUERY', `${context}: expression nested too deeply`);
  }
  if (typeof value === 'function') {
    throw new TissDBLiteError('FORBIDDEN_OPERATOR', `${context}: functions are not allowed in queries`);
  }
  if (typeof value !== 'object' || value === null) return;
  if (Array.isArray(value)) {
    for (const item of value) assertSafeExpression(item, context, depth + 1);
    return;
  }
  if (value instanceof Date || value instanceof RegExp) return;
  for (const key of Object.keys(value)) {
    if (SCRIPT_OPERATORS.has(key)) {
      throw new TissDBLiteError('FORBIDDEN_OPERATOR', `${context}: operator ${key} runs code and is not allowed`, {
        operator: key,
      });
    }
    if (key.split('.').some((segment) => FORBIDDEN_KEYS.has(segment))) {
      throw new TissDBLiteError('INVALID_QUERY', `${context}: forbidden key "${key}"`);
    }
    assertSafeExpression((value as Record<string, unknown>)[key], context, depth + 1);
  }
}
