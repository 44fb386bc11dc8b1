import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { likeMatch, likeToRegexSource } from '../../src/tissql/like';
import { regexToLike } from '../../src/tissql/regex-like';
import { serverCompareOp, prefixNumber, serverText } from '../../src/tissql/server-values';
import { and3, mongoOrder, not3, or3, sqlCompare } from '../../src/tissql/sql-values';
import { formatTemporal, parseTemporalText, timestampFromQuoted } from '../../src/tissql/temporal';

describe('server comparison rules (tissdb-wire.md §5.3)', () => {
  it.each([
    ['=', true, true, true],
    ['=', true, 'true', true],
    ['=', false, 'false', true],
    ['=', null, 'null', true],
    ['>', null, 5, true],
    ['>', 28, null, false],
    ['=', '12abc', 12, true],
    ['=', '12345', '12345', true],
    ['<', 'Bob', 'alice', true],
    ['=', ['a'], 'a', false],
    ['!=', { a: 1 }, 1, false],
  ] as const)('%s %j %j → %s', (op, a, b, result) => {
    expect(serverCompareOp(op, a as never, b as never)).toBe(result);
  });

  it('numbers as text are six-decimal fixed, like std::to_string', () => {
    expect(serverText(30)).toBe('30.000000');
    expect(serverText(-2.5)).toBe('-2.500000');
    expect(prefixNumber('  -12.5e1xyz')).toBe(-125);
    expect(prefixNumber('abc')).toBeUndefined();
  });

  it('quoted literals that start like a timestamp are timestamps', () => {
    for (const t of ['7', '30', '2024', '2024-01-15', '2024-01-15T10', '2024-01-01T00:00:00Z']) expect(timestampFromQuoted(t), t).toBeDefined();
    for (const t of ['12345', 'A1', '2024%', '2024-01-15 10:00', '']) expect(timestampFromQuoted(t), t).toBeUndefined();
    expect(formatTemporal(timestampFromQuoted('30') as never)).toBe('29-12-31T00:00:00Z');
    expect(formatTemporal(timestampFromQuoted('2024-03') as never)).toBe('2024-02-29T00:00:00Z');
  });

  it('typed literals print as the server stores them', () => {
    expect(formatTemporal(parseTemporalText('date', '2024-03-01') as never)).toBe('2024-03-01');
    expect(formatTemporal(parseTemporalText('time', '10:20:30') as never)).toBe('10:20:30');
    expect(formatTemporal(parseTemporalText('datetime', '2024-03-01 08:00:00') as never)).toBe('2024-03-01 08:00:00');
    expect(formatTemporal(parseTemporalText('timestamp', '2024-03-01T10:00:00.5Z') as never)).toBe('2024-03-01T10:00:00.500000Z');
    expect(formatTemporal(parseTemporalText('timestamp', '2024-03-01T12:00:00+02:00') as never)).toBe('2024-03-01T10:00:00Z');
    expect(parseTemporalText('date', '2024-03-01T00:00:00')).toBeUndefined();
  });
});

describe('tissql value rules', () => {
  it('NULL is unknown; cross-type order comparisons are false; arrays match any element', () => {
    expect(sqlCompare('=', null, 1)).toBeNull();
    expect(sqlCompare('!=', undefined, 1)).toBeNull();
    expect(sqlCompare('<', 'x', 5)).toBe(false);
    expect(sqlCompare('!=', 'x', 5)).toBe(true);
    expect(sqlCompare('>', [1, 10], 5)).toBe(true);
    expect(sqlCompare('!=', [1, 5], 5)).toBe(false);
    expect(sqlCompare('=', new Date(5), new Date(5))).toBe(true);
  });

  it('three-valued logic', () => {
    expect(and3(null, false)).toBe(false);
    expect(and3(null, true)).toBeNull();
    expect(or3(null, true)).toBe(true);
    expect(or3(null, false)).toBeNull();
    expect(not3(null)).toBeNull();
  });

  it("Mongo's sort order across types", () => {
    const sorted = [true, 'b', new Date(0), 2, null, [1], { a: 1 }, 'a', 1].sort(mongoOrder);
    expect(sorted).toEqual([null, 1, 2, 'a', 'b', { a: 1 }, [1], true, new Date(0)]);
  });
});

describe('LIKE', () => {
  it('% and _ wildcards, case-sensitive, whole string', () => {
    expect(likeMatch('Alice', 'A%')).toBe(true);
    expect(likeMatch('Alice', 'a%')).toBe(false);
    expect(likeMatch('Eve', '_ve')).toBe(true);
    expect(likeMatch('Bob', '%o%')).toBe(true);
    expect(likeMatch('a.b', 'a_b')).toBe(true);
    expect(likeMatch('', '%')).toBe(true);
  });

  it('the linear matcher agrees with the regex form', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'b', '%', '_', '.', '*'), maxLength: 8 });
    fc.assert(
      fc.property(text, text, (s, p) => {
        expect(likeMatch(s, p)).toBe(new RegExp(likeToRegexSource(p), 's').test(s));
      }),
      { numRuns: 300 },
    );
  });

  it('a pathological pattern stays fast', () => {
    expect(likeMatch('a'.repeat(5000), `${'%a'.repeat(50)}b`)).toBe(false);
  });

  it('literal regexes become LIKE patterns; real regexes do not', () => {
    expect(regexToLike('^Al')).toBe('Al%');
    expect(regexToLike(/son$/)).toBe('%son');
    expect(regexToLike('^a\\.b$')).toBe('a.b');
    expect(regexToLike('x')).toBe('%x%');
    expect(regexToLike('a.*b')).toBeUndefined();
    expect(regexToLike('50%')).toBeUndefined();
  });
});

describe('evaluate (the @example)', () => {
  it('a missing field is "null" on the server and UNKNOWN in SQL', async () => {
    const { evaluate } = await import('../../src/tissql/evaluate');
    const { parseCondition } = await import('../../src/tissql/condition');
    const where = parseCondition('missing > 5');
    if (where === null) throw new Error('parsed to nothing');
    expect(evaluate(where, {}, { dialect: 'tissdb', params: [], now: new Date() })).toBe(true);
    expect(evaluate(where, {}, { dialect: 'tissql', params: [], now: new Date() })).toBeNull();
  });
});
