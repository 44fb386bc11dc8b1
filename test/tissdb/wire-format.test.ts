// The real server's JSON reader and writer (tissdb-wire.md §4.3-§4.5), from the transcripts' bytes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCppDouble, readTissDBJson, survivesCppDouble, writeTissDBJson } from '../../src/tissdb';

describe('formatCppDouble (printf %.6g)', () => {
  it.each([
    [42, '42'], [-5, '-5'], [0, '0'], [88.5, '88.5'], [3.14159265358979, '3.14159'], [1234567, '1.23457e+06'],
    [12345678901, '1.23457e+10'], [1.5e10, '1.5e+10'], [0.000012345, '1.2345e-05'], [31.6, '31.6'], [78.875, '78.875'],
    [100000, '100000'], [999999.5, '1e+06'], [0.0001, '0.0001'], [123456.5, '123456'], [1234565, '1.23456e+06'],
    [-0.5, '-0.5'], [1e100, '1e+100'],
  ])('%s prints as %s', (value, text) => {
    expect(formatCppDouble(value)).toBe(text);
  });

  it('agrees with toPrecision(6) away from exact ties', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (v) => {
        const ours = Number(formatCppDouble(v));
        const reference = Number(v.toPrecision(6));
        // Ties to even can differ from toPrecision's ties away from zero by one unit in the 6th digit.
        return ours === reference || Math.abs(ours - reference) <= Math.abs(reference) * 1e-5;
      }),
      { numRuns: 300 },
    );
  });

  it('survivesCppDouble is true exactly when the printed number reads back equal', () => {
    expect(survivesCppDouble(88.5)).toBe(true);
    expect(survivesCppDouble(1234567)).toBe(false);
    fc.assert(fc.property(fc.integer({ min: -999999, max: 999999 }), (n) => survivesCppDouble(n)), { numRuns: 200 });
  });
});

describe('readTissDBJson (the server reader)', () => {
  it.each([
    ['[1, 2, 3]', { ok: true, value: [1, 2, 3] }],
    ['{"name": "x",', { ok: false, error: 'Expected string key.' }],
    ['{bad json}', { ok: false, error: 'Tokenizer error: Unexpected character.' }],
    ['{"a": 1,}', { ok: false, error: 'Expected string key.' }],
    ["{'a': 1}", { ok: false, error: 'Tokenizer error: Unexpected character.' }],
    ['{"a": 1} xyz', { ok: false, error: 'Tokenizer error: Unexpected character.' }],
    ['', { ok: false, error: 'Cannot parse empty string.' }],
    ['{"a": 007, "b": 1.2.3, "c": --1}', { ok: false, error: 'stod' }],
    ['{"a": 007, "b": 1.2.3}', { ok: true, value: { a: 7, b: 1.2 } }],
    ['{"a":', { ok: false, error: 'Unexpected token when parsing value.' }],
    ['{"u": "caf\\u00e9"}', { ok: false, error: 'Invalid escape sequence.' }],
    ['{"k": 1, "k": 2}', { ok: true, value: { k: 2 } }],
    ['{"a":1}{"b":2}', { ok: false, error: 'Expected end of input.' }],
  ])('%j', (input, expected) => {
    expect(readTissDBJson(input)).toEqual(expected);
  });

  it('keeps __proto__ as data', () => {
    const read = readTissDBJson('{"__proto__": {"polluted": true}}');
    expect(read.ok && Object.getPrototypeOf(read.value)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('reads what JSON.stringify writes for escape-free values', () => {
    const safe = fc.string({ unit: fc.constantFrom(...'abc xyz019-_:é☕'.split('')) });
    const json = fc.jsonValue().filter((v) => !JSON.stringify(v).includes('\\'));
    fc.assert(fc.property(fc.dictionary(safe, json), (obj) => {
      const read = readTissDBJson(JSON.stringify(obj));
      return read.ok && JSON.stringify(read.value) === JSON.stringify(JSON.parse(JSON.stringify(obj)));
    }), { numRuns: 200 });
  });
});

describe('writeTissDBJson (the server writer)', () => {
  it('sorts keys bytewise at every level and writes strings raw', () => {
    expect(writeTissDBJson({ zeta: 1, Alpha: 2, _meta: 3, beta: 4, Zed: 5, n: { b: 1, a: [{ d: 1, c: 2 }] } })).toBe(
      '{"Alpha":2,"Zed":5,"_meta":3,"beta":4,"n":{"a":[{"c":2,"d":1}],"b":1},"zeta":1}',
    );
    expect(writeTissDBJson({ q: 'He said "hi"', bs: 'back\\slash', nl: 'a\nb' })).toBe('{"bs":"back\\slash","nl":"a\nb","q":"He said "hi""}');
    expect(writeTissDBJson({ q: 'a"b', n: 1234567 }, { sixDigitNumbers: false, unescapedStrings: false })).toBe('{"n":1234567,"q":"a\\"b"}');
  });
});
