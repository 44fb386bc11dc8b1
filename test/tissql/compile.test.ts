import { describe, expect, it } from 'vitest';
import { compileTissQL } from '../../src/tissql/compile';
import { toTissQL } from '../../src/tissql/to-tissql';

describe('compileTissQL', () => {
  it('a plain SELECT lowers to find(filter, { sort, skip, limit, projection })', () => {
    const q = compileTissQL('SELECT name, age FROM people WHERE age >= ? AND NOT city = ? ORDER BY age DESC, name LIMIT ? OFFSET 5', [30, 'Oslo', 10]);
    expect(q).toMatchObject({
      kind: 'select',
      collection: 'people',
      filter: { $and: [{ age: { $gte: 30 } }, { city: { $nin: ['Oslo', null] } }] },
      sort: { age: -1, name: 1 },
      skip: 5,
      limit: 10,
      projection: { name: 1, age: 1 },
      joins: [],
      groupBy: [],
      aggregates: [],
    });
  });

  it('NOT is pushed down with NULL excluded', () => {
    const filter = (where: string) => (compileTissQL(`SELECT * FROM t WHERE ${where}`) as { filter: unknown }).filter;
    expect(filter('NOT (a > 1 OR b LIKE \'x%\')')).toEqual({
      $and: [{ a: { $not: { $gt: 1 }, $ne: null } }, { b: { $not: { $regex: '^x.*$', $options: 's' }, $ne: null } }],
    });
    expect(filter('NOT a IS NULL')).toEqual({ a: { $ne: null } });
    expect(filter('a NOT IN (1, 2)')).toEqual({ a: { $nin: [1, 2, null] } });
    expect(filter('a BETWEEN 1 AND 5')).toEqual({ a: { $gte: 1, $lte: 5 } });
    expect(filter('5 < a')).toEqual({ a: { $gt: 5 } });
    expect(filter('a = NULL')).toEqual({ _id: { $in: [] } });
    expect(filter('a + 1 > 2')).toBeNull();
  });

  it('grouping, aggregates, joins and unions are described as data', () => {
    const q = compileTissQL('SELECT city, COUNT(*), AVG(age) AS a FROM people p JOIN orders o ON o.person = p._id GROUP BY city HAVING COUNT(*) > 1 UNION SELECT city FROM x');
    expect(q).toMatchObject({
      filter: null,
      alias: 'p',
      groupBy: [{ key: 'city' }],
      aggregates: [
        { key: 'COUNT(*)', fn: 'COUNT', arg: null },
        { key: 'AVG(age)', fn: 'AVG' },
      ],
      joins: [{ kind: 'inner', collection: 'orders', alias: 'o' }],
      union: { all: false, query: { collection: 'x' } },
    });
  });

  it('writes: INSERT rows evaluated, UPDATE as $set when constant', () => {
    expect(compileTissQL("INSERT INTO t (a, b) VALUES (?, 'x'), (2 * 3, NULL)", [1])).toEqual({
      kind: 'insert',
      dialect: 'tissql',
      collection: 't',
      rows: [{ a: 1, b: 'x' }, { a: 6, b: null }],
    });
    expect(compileTissQL('UPDATE t SET a.b = ?, c = 1 WHERE d = 2', ['v'])).toMatchObject({ filter: { d: 2 }, update: { $set: { 'a.b': 'v', c: 1 } } });
    expect(compileTissQL('UPDATE t SET c = c + 1')).toMatchObject({ filter: {}, update: null });
    expect(compileTissQL('DELETE FROM t WHERE a LIKE ?', ['%x'])).toMatchObject({ filter: { a: { $regex: '^.*x$', $options: 's' } } });
  });

  it("'tissdb' compiles without filters (the server's evaluator decides) and drops LIMIT", () => {
    expect(compileTissQL('SELECT * FROM t WHERE a = 1 LIMIT 3', [], { dialect: 'tissdb' })).toMatchObject({ filter: null, limit: null, skip: null });
  });
});

describe('toTissQL (tissql target)', () => {
  it.each([
    [{}, 'SELECT * FROM t', []],
    [{ a: 1, b: null }, 'SELECT * FROM t WHERE (a = ? AND b IS NULL)', [1]],
    [{ a: { $ne: 'x' } }, 'SELECT * FROM t WHERE (a != ? OR a IS NULL)', ['x']],
    [{ a: { $in: [1, null] } }, 'SELECT * FROM t WHERE (a IN (?) OR a IS NULL)', [1]],
    [{ a: { $nin: [1] } }, 'SELECT * FROM t WHERE (a NOT IN (?) OR a IS NULL)', [1]],
    [{ $nor: [{ a: { $gt: 1 } }] }, 'SELECT * FROM t WHERE (NOT a > ? OR a IS NULL)', [1]],
    [{ $or: [{ 'x.y': /^A/ }, { date: true }] }, 'SELECT * FROM t WHERE (x.y LIKE ? OR `date` = ?)', ['A%', true]],
  ])('%j', (filter, query, params) => {
    expect(toTissQL('t', filter)).toEqual({ query, params });
  });

  it('options become ORDER BY, LIMIT, OFFSET and a select list', () => {
    expect(toTissQL('my coll', { a: 1 }, { sort: { a: -1, b: 1 }, skip: 2, limit: 3, projection: { a: 1, 'b.c': 1 } })).toEqual({
      query: 'SELECT a, b.c FROM `my coll` WHERE a = ? ORDER BY a DESC, b ASC LIMIT ? OFFSET ?',
      params: [1, 3, 2],
    });
  });
});
