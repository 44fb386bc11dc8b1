// encodeTissDBDocument / decodeTissDBDocument and the raw response reader.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeTissDBDocument, encodeTissDBDocument, readResponseJson, writeTissDBJson } from '../../src/tissdb';
import { bindParams } from '../../src/tissdb';

const anyDoc = fc.dictionary(
  fc.string({ maxLength: 8 }).filter((k) => k !== '_id' && k !== '__proto__'),
  fc.oneof(
    fc.string(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.date({ noInvalidDate: true }),
    fc.array(fc.oneof(fc.string(), fc.integer())),
  ),
  { maxKeys: 6 },
);

describe('encodeTissDBDocument / decodeTissDBDocument', () => {
  it('moves _id to the URL and tags Dates', () => {
    expect(encodeTissDBDocument({ _id: 'a', at: new Date(0), n: 1 })).toEqual({ at: '$date:1970-01-01T00:00:00.000Z', n: 1 });
    expect(decodeTissDBDocument({ _id: 'a', at: '$date:1970-01-01T00:00:00.000Z' })).toEqual({ _id: 'a', at: new Date(0) });
  });

  it('refuses what the real server corrupts, naming the field', () => {
    expect(() => encodeTissDBDocument({ n: 1234567 })).toThrow(/the number 1234567 .* at n/);
    expect(() => encodeTissDBDocument({ a: { s: 'x"y' } })).toThrow(/at a\.s/);
    expect(() => encodeTissDBDocument({ s: 'back\\slash' })).toThrow(/INVALID|intact/);
    expect(() => encodeTissDBDocument({ s: 'line\nbreak' })).toThrow(/intact/);
    expect(() => encodeTissDBDocument({ s: '$date:2020' })).toThrow(/intact/);
  });

  it('round-trips any document through the real server bytes with { reversible: true }', () => {
    fc.assert(
      fc.property(anyDoc, (doc) => {
        const wire = writeTissDBJson(encodeTissDBDocument(doc, { reversible: true })); // what a GET returns
        const back = decodeTissDBDocument(readResponseJson(wire));
        expect(back).toEqual(doc);
      }),
      { numRuns: 300 },
    );
  });
});

describe('readResponseJson (raw server strings)', () => {
  it('reads the transcripts\' invalid JSON (seq 73)', () => {
    const body = '{"_id":"esc","bs":"back\\slash","nl":"line1\nline2","q":"He said "hi"","slash":"a/b","tab":"a\tb"}';
    expect(readResponseJson(body)).toEqual({ _id: 'esc', bs: 'back\\slash', nl: 'line1\nline2', q: 'He said "hi"', slash: 'a/b', tab: 'a\tb' });
  });

  it('reads escaped JSON in json mode', () => {
    expect(readResponseJson('{"q":"a\\"b"}', 'json')).toEqual({ q: 'a"b' });
  });
});

describe('bindParams', () => {
  it('inlines literals the TissDB lexer reads back', () => {
    expect(bindParams("SELECT * FROM t WHERE a = ? AND b > ? AND c = ? AND d = ? AND e = '?'", ["O'Brien", -2.5, true, null])).toBe(
      "SELECT * FROM t WHERE a = 'O''Brien' AND b > (0 - 2.5) AND c = TRUE AND d = NULL AND e = '?'",
    );
    expect(() => bindParams('SELECT * FROM t WHERE a = ?', [])).toThrow(/placeholders/);
    expect(() => bindParams('SELECT * FROM t WHERE a = ?', ['2024-01-15'])).toThrow(/looks like a timestamp/);
  });
});
