/** Whatever comes in, the parser answers with a tree or a TISSQL_SYNTAX error, in linear time. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TissDBLiteError } from '../../src/tissql/errors';
import { compileTissQL } from '../../src/tissql/compile';
import { conditionToFilter } from '../../src/tissql/condition';
import { parseTissQL } from '../../src/tissql/parser';
import { tokenSoupArb } from '../support/tissql-arbitraries';

function onlySyntaxErrors(run: () => unknown, allowed: readonly string[] = ['TISSQL_SYNTAX']): void {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(TissDBLiteError);
    expect(allowed).toContain((e as TissDBLiteError).code);
    if ((e as TissDBLiteError).code === 'TISSQL_SYNTAX') {
      const err = e as TissDBLiteError;
      expect(typeof err.position).toBe('number');
      expect(err.line).toBeGreaterThanOrEqual(1);
      expect(err.column).toBeGreaterThanOrEqual(1);
      expect(typeof err.found).toBe('string');
      expect(typeof err.expected).toBe('string');
      expect(err.message).toContain('^');
    }
  }
}

const inputs = fc.oneof(fc.string({ unit: 'binary', maxLength: 80 }), tokenSoupArb, fc.string({ maxLength: 80 }));

describe('parser foolishness', () => {
  it('random strings and token soups: a tree or TISSQL_SYNTAX, both dialects', () => {
    fc.assert(
      fc.property(inputs, (text) => {
        onlySyntaxErrors(() => parseTissQL(text));
        onlySyntaxErrors(() => parseTissQL(text, { dialect: 'tissdb' }));
        onlySyntaxErrors(() => conditionToFilter(text), ['TISSQL_SYNTAX', 'INVALID_QUERY']);
        onlySyntaxErrors(() => compileTissQL(text, [1, 2]), ['TISSQL_SYNTAX', 'INVALID_QUERY', 'INVALID_ARGUMENT']);
      }),
      { numRuns: 300 },
    );
  });

  it('token soups that start like statements', () => {
    const prefixed = fc.tuple(fc.constantFrom('SELECT * FROM t WHERE ', 'UPDATE t SET a = ', 'INSERT INTO t (a) VALUES (', 'SELECT '), tokenSoupArb);
    fc.assert(
      fc.property(prefixed, ([head, soup]) => {
        onlySyntaxErrors(() => parseTissQL(head + soup));
        onlySyntaxErrors(() => parseTissQL(head + soup, { dialect: 'tissdb' }));
      }),
      { numRuns: 300 },
    );
  });

  it.each([
    ['deep parentheses', `SELECT * FROM t WHERE ${'('.repeat(100_000)}a = 1${')'.repeat(100_000)}`],
    ['open parentheses', `SELECT * FROM t WHERE ${'('.repeat(200_000)}`],
    ['NOT chains', `SELECT * FROM t WHERE ${'NOT '.repeat(100_000)}a`],
    ['minus chains', `SELECT * FROM t WHERE a = ${'- '.repeat(100_000)}1`],
    ['long AND chains', `SELECT * FROM t WHERE ${Array.from({ length: 50_000 }, (_, i) => `a${i} = ${i}`).join(' AND ')}`],
    ['UNION chains', Array.from({ length: 20_000 }, () => 'SELECT * FROM t').join(' UNION ')],
    ['function nesting', `SELECT * FROM t WHERE ${'DATE('.repeat(50_000)}a${')'.repeat(50_000)}`],
  ])('%s: a syntax error, not a stack overflow', (_name, text) => {
    for (const dialect of ['tissql', 'tissdb'] as const) {
      expect(() => parseTissQL(text, { dialect })).toThrowError(expect.objectContaining({ code: 'TISSQL_SYNTAX' }));
    }
  });

  it('long flat inputs parse (a million characters)', () => {
    const values = Array.from({ length: 60_000 }, (_, i) => `'v${i}'`).join(', ');
    const stmt = parseTissQL(`SELECT * FROM t WHERE a IN (${values})`);
    expect(stmt.type).toBe('select');
    const long = `SELECT * FROM t WHERE s = '${'x'.repeat(1_000_000)}'`;
    expect(parseTissQL(long).type).toBe('select');
    const cols = Array.from({ length: 50_000 }, (_, i) => `c${i}`).join(', ');
    expect(parseTissQL(`SELECT ${cols} FROM t`, { dialect: 'tissdb' }).type).toBe('select');
  });

  it('unterminated strings, comments and identifiers point at where they start', () => {
    expect(() => parseTissQL("SELECT * FROM t WHERE a = 'oops")).toThrowError(expect.objectContaining({ position: 26, column: 27 }));
    expect(() => parseTissQL('SELECT * FROM t /* never closed')).toThrowError(expect.objectContaining({ position: 16 }));
    expect(() => parseTissQL('SELECT `a FROM t')).toThrowError(expect.objectContaining({ position: 7 }));
  });

  it('non-string input is INVALID_ARGUMENT', () => {
    expect(() => parseTissQL(42 as unknown as string)).toThrowError(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(() => parseTissQL('SELECT * FROM t', { dialect: 'mysql' as 'tissql' })).toThrowError(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
  });
});
