/**
 * Every error tissdb-lite throws. `code` is stable and meant for programs; `message` names the
 * operation and its target for people.
 */
export type ErrorCode =
  | 'COLLECTION_NOT_FOUND'
  | 'COLLECTION_EXISTS'
  | 'DUPLICATE_KEY'
  | 'DOCUMENT_NOT_FOUND'
  | 'INVALID_DOCUMENT'
  | 'INVALID_QUERY'
  | 'INVALID_ARGUMENT'
  | 'TISSQL_SYNTAX'
  | 'FORBIDDEN_OPERATOR';

/** Extra facts an error carries, depending on its code. */
export interface ErrorDetails {
  collection?: string;
  id?: string;
  index?: string;
  /** TISSQL_SYNTAX: 0-based character offset, and 1-based line and column. */
  position?: number;
  line?: number;
  column?: number;
  /** TISSQL_SYNTAX: the token found and what the parser expected there. */
  found?: string;
  expected?: string;
  operator?: string;
  /**
   * TissQL run with the 'tissdb' dialect: the text the real server puts after `Server error: ` in
   * its 500 body for the same mistake (tissdb-wire.md §5.1), so a fake server can answer alike.
   */
  serverMessage?: string;
  cause?: unknown;
}

/**
 * @example
 * try { db.collection('ghosts') } catch (e) {
 *   if (isTissDBLiteError(e)) console.log(e.code) // -> COLLECTION_NOT_FOUND
 * }
 */
export class TissDBLiteError extends Error {
  override readonly name = 'TissDBLiteError';
  readonly code: ErrorCode;
  readonly collection?: string;
  readonly id?: string;
  readonly index?: string;
  readonly position?: number;
  readonly line?: number;
  readonly column?: number;
  readonly found?: string;
  readonly expected?: string;
  readonly operator?: string;
  readonly serverMessage?: string;

  constructor(code: ErrorCode, message: string, details: ErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.code = code;
    const { cause: _cause, ...facts } = details;
    Object.assign(this, facts);
  }
}

/** `instanceof` fails across realms (Velo sandboxes, vm contexts), so this checks the name and code. */
export function isTissDBLiteError(value: unknown): value is TissDBLiteError {
  return (
    value instanceof TissDBLiteError ||
    (typeof value === 'object' &&
      value !== null &&
      (value as { name?: unknown }).name === 'TissDBLiteError' &&
      typeof (value as { code?: unknown }).code === 'string')
  );
}
