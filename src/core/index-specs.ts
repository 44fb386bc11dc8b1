import { TissDBLiteError } from './errors';
import type { IndexInfo, IndexSpec } from './types';

export interface NormalizedIndexSpec {
  fields: string[];
  unique: boolean;
  name?: string;
}

/** Accepts the three spellings of `CollectionOptions.indexes`: `'a'`, `['a', 'b']`, `{ fields, unique }`. */
export function normalizeIndexSpec(spec: IndexSpec, context: string): NormalizedIndexSpec {
  const bad = (): never => {
    throw new TissDBLiteError('INVALID_ARGUMENT', `${context}: an index is a field name, an array of field names or { fields, unique? }`);
  };
  if (typeof spec === 'string') return { fields: [spec], unique: false };
  if (Array.isArray(spec)) return { fields: [...spec], unique: false };
  if (typeof spec !== 'object' || spec === null || !Array.isArray(spec.fields)) return bad();
  const out: NormalizedIndexSpec = { fields: [...spec.fields], unique: spec.unique === true };
  if (spec.name !== undefined) out.name = spec.name;
  return out;
}

/** Whether `existing` already holds exactly the indexes `wanted` asks for (names aside). */
export function sameIndexes(existing: readonly IndexInfo[], wanted: readonly NormalizedIndexSpec[]): boolean {
  const key = (s: { fields: string[]; unique: boolean }) => `${s.unique ? 'u' : ''}:${s.fields.join('\u0000')}`;
  const have = new Set(existing.map(key));
  return have.size === new Set(wanted.map(key)).size && wanted.every((w) => have.has(key(w)));
}
