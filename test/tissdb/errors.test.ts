// Error codes derived from the real server's answers (texts from the transcripts) and the fake's
// corrected-mode answers.
import { describe, expect, it } from 'vitest';
import { tissDBErrorCode } from '../../src/tissdb';
import { loadTranscripts } from '../support/transcripts';

describe('TissDBError codes', () => {
  it.each([
    [401, 'Authorization header missing.', 'other', 'UNAUTHORIZED'],
    [401, 'Invalid or missing bearer token.', 'other', 'UNAUTHORIZED'],
    [403, 'You do not have permission to delete a database.', 'other', 'FORBIDDEN'],
    [500, "Server error: Database 'nodb' not found.", 'other', 'DATABASE_NOT_FOUND'],
    [404, "Database 'nodb' not found.", 'other', 'DATABASE_NOT_FOUND'],
    [500, "Server error: Database 'testdb' already exists.", 'other', 'DATABASE_EXISTS'],
    [409, "Database 'testdb' already exists.", 'other', 'DATABASE_EXISTS'],
    [500, 'Server error: Collection not found: ghost', 'other', 'COLLECTION_NOT_FOUND'],
    [404, 'Collection does not exist: products', 'other', 'COLLECTION_NOT_FOUND'],
    [404, 'Document not found.', 'other', 'DOCUMENT_NOT_FOUND'],
    [404, 'Endpoint not found.', 'other', 'ENDPOINT_NOT_FOUND'],
    [500, 'Server error: Expected token FROM but got AS', 'query', 'TISSQL_SYNTAX'],
    [500, 'Server error: Unsupported statement type', 'query', 'TISSQL_SYNTAX'],
    [500, 'Server error: Unsupported arithmetic operation or type mismatch.', 'query', 'QUERY_FAILED'],
    [500, 'Server error: Tokenizer error: Unexpected character.', 'other', 'INVALID_JSON'],
    [500, 'Server error: Cannot add operation: transaction is not active.', 'other', 'TRANSACTION_NOT_ACTIVE'],
    [400, 'Invalid JSON body.', 'commit', 'TRANSACTION_FAILED'],
    [413, 'Request body too large.', 'other', 'PAYLOAD_TOO_LARGE'],
  ] as const)('%i %s (%s) -> %s', (status, body, context, code) => {
    expect(tissDBErrorCode(status, body, context)).toBe(code);
  });

  it('gives every error answer in the transcripts a specific code', () => {
    const generic = loadTranscripts()
      .filter((x) => x.status >= 400)
      .map((x) => ({ seq: x.seq, code: tissDBErrorCode(x.status, x.response, x.path.includes('_query') ? 'query' : x.path.includes('_commit') ? 'commit' : 'other') }))
      .filter((x) => x.code === 'SERVER_ERROR' || x.code === 'BAD_REQUEST');
    // Left BAD_REQUEST on purpose: "Collection name missing from URL." (31, 32) and
    // "Missing transaction_id in request body." (332, 334) are malformed requests, nothing more.
    expect(generic.map((x) => x.seq)).toEqual([31, 32, 332, 334]);
  });
});
