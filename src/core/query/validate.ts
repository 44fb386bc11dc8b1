// Checks a filter before anything compiles it: script operators are refused (FORBIDDEN_OPERATOR),
// prototype keys and malformed operator arguments are INVALID_QUERY. mingo reports some of these
// only when a document reaches the operator, which would make errors depend on the data.
import { TissDBLiteError } from '../errors';
import { assertSafeExpression } from '../guard';
import type { Filter } from '../types';

const LOGICAL = new Set(['$and', '$or', '$nor']);
const ARRAY_ARGUMENT = new Set(['$in', '$nin', '$all']);

export function isPlainFilter(value: unknown): value is Filter {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Throws unless `filter` is a filter this engine may run. */
export function validateFilter(filter: unknown, context = 'find'): asserts filter is Filter {
  if (!isPlainFilter(filter)) {
    throw new TissDBLiteError('INVALID_QUERY', `${context}: a filter must be a plain object`);
  }
  assertSafeExpression(filter, context);
  checkShape(filter, context);
}

function checkShape(filter: Filter, context: string): void {
  for (const key of Object.keys(filter)) {
    const value = filter[key];
    if (LOGICAL.has(key)) {
      if (!Array.isArray(value) || !value.every(isPlainFilter)) {
        throw new TissDBLiteError('INVALID_QUERY', `${context}: ${key} takes an array of filters`, { operator: key });
      }
      for (const branch of value as Filter[]) checkShape(branch, context);
    } else if (!key.startsWith('$') && isPlainFilter(value)) {
      checkOperators(value, context);
    }
  }
}

function checkOperators(expr: Filter, context: string): void {
  for (const op of Object.keys(expr)) {
    const arg = expr[op];
    if (ARRAY_ARGUMENT.has(op) && !Array.isArray(arg)) {
      throw new TissDBLiteError('INVALID_QUERY', `${context}: ${op} takes an array`, { operator: op });
    }
    if (op === '$not' && isPlainFilter(arg)) checkOperators(arg, context);
    if (op === '$elemMatch') {
      if (!isPlainFilter(arg)) {
        throw new TissDBLiteError('INVALID_QUERY', `${context}: $elemMatch takes an object`, { operator: op });
      }
      checkShape(arg, context);
    }
  }
}
