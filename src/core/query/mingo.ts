// The reference semantics: mingo 7's query engine, loaded through an explicit Context (no global
// operator registration) and with script operators switched off.
import { Context } from 'mingo';
import { Query } from 'mingo/query';
import * as expressionOperators from 'mingo/operators/expression';
import * as queryOperators from 'mingo/operators/query';
import { TissDBLiteError } from '../errors';
import type { Doc, Filter } from '../types';

const context = Context.init({ query: queryOperators, expression: expressionOperators });

/** Options every mingo Query of ours is built with. */
export const MINGO_OPTIONS = { context, scriptEnabled: false } as const;

/** Builds a mingo Query, turning its errors into INVALID_QUERY. The filter must be validated first. */
export function mingoQuery(filter: Filter): Query<Doc> {
  try {
    return new Query<Doc>(filter, MINGO_OPTIONS);
  } catch (cause) {
    throw invalidQuery(cause);
  }
}

export function invalidQuery(cause: unknown): TissDBLiteError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new TissDBLiteError('INVALID_QUERY', `find: invalid filter: ${reason}`, { cause });
}
