/**
 * Every TissQL statement the real server answered in ../shared/tissdb/transcripts.jsonl, replayed
 * through `db.sql(..., { dialect: 'tissdb' })` on TissDBLite databases rebuilt from the same
 * exchanges, and compared byte for byte with the server's response (rows serialised the way the
 * server writes JSON; errors as `Server error: <message>`).
 */
import { describe, expect, it } from 'vitest';
import { parseTissQL } from '../../src/tissql/parser';
import { isTissDBLiteError } from '../../src/tissql/errors';
import { replayTranscripts } from '../support/tissql-transcripts';
import { loadTranscripts } from '../support/transcripts';

const outcomes = replayTranscripts();

describe('transcript replay (dialect tissdb)', () => {
  it('finds the statements', () => {
    // Seq 131-349; four more `_query` requests fail before TissQL (bad JSON, no "query"), and
    // 365/366 come after the restart, whose lost writes a fake need not copy.
    expect(outcomes.length).toBe(133);
    expect(outcomes.filter((o) => o.expectedStatus === 200)).toHaveLength(104);
  });

  it.each(outcomes.map((o) => [o.seq, o.query, o] as const))('seq %i: %s', (_seq, _query, o) => {
    expect({ status: o.status, body: o.actual }).toEqual({ status: o.expectedStatus, body: o.expected });
  });

  it('parses every statement the server accepted', () => {
    const accepted = outcomes.filter((o) => o.expectedStatus === 200);
    for (const o of accepted) {
      try {
        parseTissQL(o.query, { dialect: 'tissdb' });
      } catch (e) {
        expect.fail(`seq ${o.seq} did not parse: ${String(e)}`);
      }
    }
    expect(accepted.length).toBeGreaterThan(60);
  });

  it('parses every accepted SELECT/UPDATE/DELETE/INSERT with standard SQL too (where it is SQL)', () => {
    const sqlish = outcomes.filter(
      (o) => o.expectedStatus === 200 && !/==|"|;|garbage|HAVING|OFFSET|'Ali$|\), \(/.test(o.query),
    );
    for (const o of sqlish) {
      try {
        parseTissQL(o.query);
      } catch (e) {
        if (!isTissDBLiteError(e)) throw e;
        expect.fail(`seq ${o.seq} did not parse as tissql: ${e.message}`);
      }
    }
    expect(sqlish.length).toBeGreaterThan(50);
  });

  it('covers the transcript file', () => {
    expect(loadTranscripts().length).toBe(366);
  });
});
