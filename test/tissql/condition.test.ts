import { describe, expect, it } from 'vitest';
import { Query } from 'mingo';
import { conditionToFilter } from '../../src/tissql/condition';
import { isTissDBLiteError } from '../../src/tissql/errors';

const cases: Array<[string, Record<string, unknown>]> = [
  ['', {}],
  ['   \n ', {}],
  ['age >= 30', { age: { $gte: 30 } }],
  ["age >= 30 AND (city = 'Oslo' OR city != 'Rome')", { $and: [{ age: { $gte: 30 } }, { $or: [{ city: 'Oslo' }, { city: { $ne: 'Rome' } }] }] }],
  ['a = 1 OR b = 2 AND c = 3', { $or: [{ a: 1 }, { $and: [{ b: 2 }, { c: 3 }] }] }],
  ['a = 1 and b = 2 or c = 3', { $or: [{ $and: [{ a: 1 }, { b: 2 }] }, { c: 3 }] }],
  ['30 < age', { age: { $gt: 30 } }],
  ['-5.5 >= t', { t: { $lte: -5.5 } }],
  ['name = "Bob"', { name: 'Bob' }],
  ["name = 'O''Brien'", { name: "O'Brien" }],
  ['x = null', { x: null }],
  ['x != null', { x: { $ne: null } }],
  ['ok = true AND bad = FALSE', { $and: [{ ok: true }, { bad: false }] }],
  ['address.city = "Leeds"', { 'address.city': 'Leeds' }],
  ['NOT age > 5', { age: { $not: { $gt: 5 } } }],
  ['NOT (a = 1 OR b = 2)', { $nor: [{ $or: [{ a: 1 }, { b: 2 }] }] }],
  ['NOT a = 1', { a: { $ne: 1 } }],
  ['ORDER = 1 AND android = 2', { $and: [{ ORDER: 1 }, { android: 2 }] }],
  ['n = 1e3', { n: 1000 }],
  ['n > -.5', { n: { $gt: -0.5 } }],
  ['a < b', { $expr: { $lt: ['$a', '$b'] } }],
  ["name LIKE 'A%' AND tag IN (1, 'x') AND z IS NOT NULL", { $and: [{ name: { $regex: '^A.*$', $options: 's' } }, { tag: { $in: [1, 'x'] } }, { z: { $ne: null } }] }],
];

describe('conditionToFilter', () => {
  it.each(cases)('%s', (text, filter) => {
    expect(conditionToFilter(text)).toEqual(filter);
  });

  it('means what the original meant on its own test data', () => {
    const users = [
      { name: 'Alice', age: 30, role: 'developer' },
      { name: 'Bob', age: 40, role: 'admin' },
      { name: 'Charlie', age: 30, status: 'active' },
      { name: 'David', age: 25, status: 'inactive' },
    ];
    const run = (c: string) => users.filter((u) => new Query(conditionToFilter(c)).test(u)).map((u) => u.name);
    expect(run("role != 'admin'")).toEqual(['Alice', 'Charlie', 'David']);
    expect(run('age >= 30 AND (role = "admin" OR status = "active")')).toEqual(['Bob', 'Charlie']);
  });

  const bad: Array<[string, number]> = [
    ['age >=', 6],
    ['age >= AND x = 1', 7],
    ['(a = 1', 6],
    ['a = 1)', 5],
    ["name = 'unterminated", 7],
    ['a = 1 b = 2', 6],
    ['a # 1', 2],
    ['a = ?', 4],
  ];
  it.each(bad)('rejects %s with TISSQL_SYNTAX at %i', (text, position) => {
    try {
      conditionToFilter(text);
      expect.unreachable();
    } catch (e) {
      expect(isTissDBLiteError(e)).toBe(true);
      expect(e).toMatchObject({ code: 'TISSQL_SYNTAX', position, line: 1, column: position + 1 });
      expect((e as Error).message).toContain('^');
    }
  });

  it('points at the spot with a caret excerpt', () => {
    expect(() => conditionToFilter('age >= AND x = 1')).toThrowError(/age >= AND x = 1\n {7}\^/);
  });

  it('refuses comparisons without a field as INVALID_QUERY', () => {
    expect(() => conditionToFilter('1 = 1')).toThrowError(expect.objectContaining({ code: 'INVALID_QUERY' }));
  });
});
