// Errors from a TissDB server, with a stable `code` derived from the status and the body text, so
// callers never parse messages. The texts are the real server's (tissdb-wire.md §2-§6) plus the
// fake's corrected-mode texts.

export type TissDBErrorCode =
  | 'DATABASE_NOT_FOUND'
  | 'DATABASE_EXISTS'
  | 'COLLECTION_NOT_FOUND'
  | 'DOCUMENT_NOT_FOUND'
  | 'ENDPOINT_NOT_FOUND'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'TISSQL_SYNTAX'
  | 'QUERY_FAILED'
  | 'INVALID_JSON'
  | 'TRANSACTION_NOT_ACTIVE'
  | 'TRANSACTION_FAILED'
  | 'PAYLOAD_TOO_LARGE'
  | 'CONFLICT'
  | 'BAD_REQUEST'
  | 'SERVER_ERROR'
  | 'INVALID_RESPONSE'
  | 'TIMEOUT'
  | 'NETWORK';

/**
 * @example
 * try { await client.get('ghosts', 'x') } catch (e) {
 *   if (isTissDBError(e) && e.code === 'DATABASE_NOT_FOUND') await client.createDatabase()
 * }
 */
export class TissDBError extends Error {
  override readonly name = 'TissDBError';
  /** HTTP status; 0 when no answer came (TIMEOUT, NETWORK). */
  readonly status: number;
  /** The response body as received (may be invalid JSON: the real server doesn't escape strings). */
  readonly body: string;
  readonly code: TissDBErrorCode;
  readonly method: string;
  readonly url: string;

  constructor(init: { status: number; body: string; code: TissDBErrorCode; method: string; url: string; message?: string; cause?: unknown }) {
    const summary = init.message ?? `${init.status} ${init.body.slice(0, 200)}`;
    super(`TissDB ${init.method} ${init.url}: ${summary} (${init.code})`, init.cause === undefined ? undefined : { cause: init.cause });
    this.status = init.status;
    this.body = init.body;
    this.code = init.code;
    this.method = init.method;
    this.url = init.url;
  }
}

/** `instanceof` fails across realms (Velo sandboxes, vm contexts), so this checks the name and code. */
export function isTissDBError(value: unknown): value is TissDBError {
  return (
    value instanceof TissDBError ||
    (typeof value === 'object' && value !== null && (value as { name?: unknown }).name === 'TissDBError' &&
      typeof (value as { code?: unknown }).code === 'string')
  );
}

const JSON_READER_TEXTS = [
  'Tokenizer error', 'Expected string key', 'Cannot parse empty string', 'Unexpected token when parsing value',
  'Expected end of input', 'Invalid escape sequence', 'stod', 'std::get: wrong index for variant',
  'Invalid JSON', 'Request body', 'map::at', "Expected ':'", "Expected ','",
];

const TISSQL_SYNTAX_TEXTS = [
  'Expected token', 'Unexpected token in expression', 'Unsupported statement type', 'Expected numeric literal',
  'Expected a string literal', 'Parameter index out of bounds', 'Column count does not match', 'TISSQL', 'TissQL syntax',
];

/** Maps a non-2xx answer to its code. `context` disambiguates texts the server reuses (commit's 400). */
export function codeFor(status: number, body: string, context: 'commit' | 'query' | 'other' = 'other'): TissDBErrorCode {
  if (status === 401) return 'UNAUTHORIZED';
  if (status === 403) return 'FORBIDDEN';
  if (status === 413) return 'PAYLOAD_TOO_LARGE';
  if (context === 'commit' && (body === 'Invalid JSON body.' || status === 409)) return 'TRANSACTION_FAILED';
  if (/^(Server error: )?Database '.*' not found\.$/s.test(body)) return 'DATABASE_NOT_FOUND';
  if (/^(Server error: )?Database '.*' already exists\.$/s.test(body)) return 'DATABASE_EXISTS';
  if (/Collection not found: |Collection does not exist: /.test(body)) return 'COLLECTION_NOT_FOUND';
  if (body === 'Document not found.') return 'DOCUMENT_NOT_FOUND';
  if (body === 'Endpoint not found.') return 'ENDPOINT_NOT_FOUND';
  if (/transaction (\d+ )?is not active/.test(body)) return 'TRANSACTION_NOT_ACTIVE';
  if (context === 'query' && TISSQL_SYNTAX_TEXTS.some((t) => body.includes(t))) return 'TISSQL_SYNTAX';
  if (JSON_READER_TEXTS.some((t) => body.includes(t))) return 'INVALID_JSON';
  if (context === 'query' && status >= 400) return 'QUERY_FAILED';
  if (status === 409) return 'CONFLICT';
  return status >= 500 ? 'SERVER_ERROR' : 'BAD_REQUEST';
}
