import { TissDBLiteError } from './errors';
import type { FindOptions } from './types';

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

/** Rejects malformed find options up front, so a typo fails loudly instead of being ignored. */
export function checkFindOptions(options: FindOptions | undefined, context: string): FindOptions {
  if (options === undefined) return {};
  const fail = (message: string): never => {
    throw new TissDBLiteError('INVALID_ARGUMENT', `${context}: ${message}`);
  };
  if (typeof options !== 'object' || options === null || Array.isArray(options)) fail('options must be an object');
  const { sort, skip, limit, projection, clone } = options;
  if (skip !== undefined && !isCount(skip)) fail('skip must be a non-negative integer');
  if (limit !== undefined && !isCount(limit)) fail('limit must be a non-negative integer');
  if (clone !== undefined && typeof clone !== 'boolean') fail('clone must be a boolean');
  if (sort !== undefined) {
    if (typeof sort !== 'object' || sort === null || Array.isArray(sort)) fail('sort must be an object like { field: 1 }');
    for (const [field, direction] of Object.entries(sort)) {
      if (direction !== 1 && direction !== -1) fail(`sort direction for "${field}" must be 1 or -1`);
    }
  }
  if (projection !== undefined && (typeof projection !== 'object' || projection === null || Array.isArray(projection))) {
    fail('projection must be an object like { field: 1 }');
  }
  return options;
}
