/** db.sql with the default 'tissql' dialect: SQL semantics over the core engine. */
import { describe, expect, it } from 'vitest';
import { compileTissQL } from '../../src/tissql/compile';
import { peopleDb } from '../support/tissql-fixtures';

const names = (rows: unknown) => (rows as Array<{ name?: string }>).map((r) => r.name);

describe('db.sql (tissql dialect)', () => {
  it('SELECT with WHERE, ORDER BY, LIMIT, OFFSET and parameters', () => {
    const db = peopleDb();
    expect(db.sql('SELECT name FROM people WHERE age > ? ORDER BY age DESC LIMIT 2 OFFSET 1', [26])).toEqual([
      { _id: 'p3', name: 'Carol' },
      { _id: 'p1', name: 'Alice' },
    ]);
    expect(names(db.sql("SELECT * FROM people WHERE city = 'London' OR city = 'Paris' AND age > 32 ORDER BY name"))).toEqual([
      'Bob',
      'Carol',
      'Eve',
    ]);
  });

  it('NULL is unknown: != and NOT exclude missing values, IS NULL finds them', () => {
    const db = peopleDb();
    expect(names(db.sql('SELECT name FROM people WHERE score != 72'))).toEqual(['Alice', 'Carol', 'Dave']);
    expect(names(db.sql('SELECT name FROM people WHERE NOT score > 70'))).toEqual(['Dave']);
    expect(names(db.sql('SELECT name FROM people WHERE score IS NULL'))).toEqual(['Eve']);
    expect(names(db.sql('SELECT name FROM people WHERE nickname IS NULL'))).toEqual(['Alice', 'Bob', 'Carol', 'Dave', 'Eve']);
    expect(names(db.sql('SELECT name FROM people WHERE score = NULL'))).toEqual([]);
    expect(names(db.sql('SELECT name FROM people WHERE city NOT IN (?, NULL)', ['Paris']))).toEqual([]);
  });

  it('IN, LIKE, BETWEEN, dotted paths and arrays', () => {
    const db = peopleDb();
    expect(names(db.sql("SELECT name FROM people WHERE name IN ('Alice', 'Eve')"))).toEqual(['Alice', 'Eve']);
    expect(names(db.sql("SELECT name FROM people WHERE name LIKE '_a%'"))).toEqual(['Carol', 'Dave']);
    expect(names(db.sql('SELECT name FROM people WHERE age NOT BETWEEN 26 AND 35'))).toEqual(['Bob', 'Dave']);
    expect(names(db.sql("SELECT name FROM people WHERE address.city = 'Leeds'"))).toEqual(['Eve']);
    expect(names(db.sql("SELECT name FROM people WHERE tags = 'b'"))).toEqual(['Alice']);
  });

  it('computed columns, aliases and DISTINCT', () => {
    const db = peopleDb();
    expect(db.sql("SELECT name, age + 1 AS next, address.city FROM people WHERE _id = 'p5'")).toEqual([
      { _id: 'p5', name: 'Eve', next: 29, address: { city: 'Leeds' } },
    ]);
    expect(db.sql('SELECT DISTINCT city FROM people ORDER BY city')).toEqual([{ city: 'Berlin' }, { city: 'London' }, { city: 'Paris' }]);
    // Projected by find (plain fields) or by the executor (ORDER BY an expression): same shape.
    expect(db.sql("SELECT address.city FROM people WHERE _id = 'p5'")).toEqual([{ _id: 'p5', address: { city: 'Leeds' } }]);
    expect(db.sql("SELECT address.city FROM people WHERE _id = 'p5' ORDER BY age + 1")).toEqual([{ _id: 'p5', address: { city: 'Leeds' } }]);
  });

  it('GROUP BY with aggregates, HAVING and ORDER BY an aggregate', () => {
    const db = peopleDb();
    expect(db.sql('SELECT city, COUNT(*) AS n, AVG(score) FROM people GROUP BY city HAVING COUNT(*) > 1 ORDER BY n DESC, city')).toEqual([
      { city: 'London', n: 2, 'AVG(score)': 72 },
      { city: 'Paris', n: 2, 'AVG(score)': 91.75 },
    ]);
    expect(db.sql('SELECT COUNT(*), SUM(age), MIN(name), MAX(score), COUNT(DISTINCT city) FROM people WHERE age > 100')).toEqual([
      { 'COUNT(*)': 0, 'SUM(age)': null, 'MIN(name)': null, 'MAX(score)': null, 'COUNT(DISTINCT city)': 0 },
    ]);
  });

  it('joins: inner and left, flat alias.field rows', () => {
    const db = peopleDb();
    expect(db.sql('SELECT o.item, p.name FROM orders o JOIN people p ON o.person = p._id ORDER BY o.item')).toEqual([
      { _id: 'o1_p1', 'o.item': 'book', 'p.name': 'Alice' },
      { _id: 'o2_p3', 'o.item': 'pen', 'p.name': 'Carol' },
    ]);
    expect(db.sql('SELECT o.item, p.name FROM orders o LEFT JOIN people p ON o.person = p._id WHERE o.qty < 5')).toEqual([
      { _id: 'o1_p1', 'o.item': 'book', 'p.name': 'Alice' },
      { _id: 'o3', 'o.item': 'cup' },
    ]);
  });

  it('UNION and UNION ALL', () => {
    const db = peopleDb();
    const q = "SELECT name FROM people WHERE city = 'Paris' UNION SELECT name FROM people WHERE age > 30";
    expect(names(db.sql(q))).toEqual(['Alice', 'Carol', 'Dave']);
    expect(names(db.sql(q.replace('UNION', 'UNION ALL')))).toEqual(['Alice', 'Carol', 'Carol', 'Dave']);
  });

  it('INSERT, UPDATE with expressions and DELETE report { affected }', () => {
    const db = peopleDb();
    expect(db.sql('INSERT INTO people (name, age, born) VALUES (?, ?, DATE(?)), (\'Gus\', 3, NULL)', ['Finn', 7, '2019-05-01'])).toEqual({
      affected: 2,
    });
    const finn = db.collection('people').findOne({ name: 'Finn' });
    expect(finn?.['born']).toEqual(new Date('2019-05-01T00:00:00Z'));
    expect(db.sql("UPDATE people SET age = age + 1, note = 'older' WHERE city = 'London'")).toEqual({ affected: 2 });
    expect(db.collection('people').get('p2')).toMatchObject({ age: 26, note: 'older' });
    expect(db.sql('UPDATE people SET active = ? WHERE age < 10', [false])).toEqual({ affected: 2 });
    expect(db.sql('DELETE FROM people WHERE age < 10')).toEqual({ affected: 2 });
    expect(db.sql('DELETE FROM people WHERE age * 2 > 70')).toEqual({ affected: 1 });
    expect(db.collection('people').size).toBe(4);
  });

  it('a write that fails half-way changes nothing', () => {
    const db = peopleDb();
    db.collection('people').createIndex('name', { unique: true });
    expect(() => db.sql("INSERT INTO people (name) VALUES ('Zed'), ('Alice')")).toThrowError(expect.objectContaining({ code: 'DUPLICATE_KEY' }));
    expect(db.collection('people').size).toBe(5);
    expect(() => db.sql("UPDATE people SET name = 'Same' WHERE age > 20")).toThrowError(expect.objectContaining({ code: 'DUPLICATE_KEY' }));
    expect(names(db.collection('people').find())).toEqual(['Alice', 'Bob', 'Carol', 'Dave', 'Eve']);
  });

  it('WHERE lowers to a Mongo filter, so indexes and explain() apply', () => {
    const db = peopleDb({ indexes: true });
    const q = compileTissQL("SELECT name FROM people WHERE city = 'Paris' AND age >= 30 ORDER BY age", []);
    if (q.kind !== 'select') throw new Error('select expected');
    expect(q.filter).toEqual({ $and: [{ city: 'Paris' }, { age: { $gte: 30 } }] });
    expect(q.sort).toEqual({ age: 1 });
    expect(q.projection).toEqual({ name: 1 });
    expect(db.collection('people').explain(q.filter ?? {})).toMatchObject({ plan: 'IXSCAN' });
  });

  it('parameters are values, never text; missing or extra ones are INVALID_ARGUMENT', () => {
    const db = peopleDb();
    expect(db.sql('SELECT name FROM people WHERE name = ?', ["Alice' OR 1 = 1 --"])).toEqual([]);
    expect(() => db.sql('SELECT * FROM people WHERE age > ?')).toThrowError(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(() => db.sql('SELECT * FROM people', [1])).toThrowError(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(() => db.sql('SELECT * FROM people', 'x' as unknown as unknown[])).toThrowError(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });

  it('errors: missing collections, syntax, misplaced aggregates, bad LIMIT', () => {
    const db = peopleDb();
    for (const q of ['SELECT * FROM ghost', 'DELETE FROM ghost', 'UPDATE ghost SET a = 1', 'INSERT INTO ghost (a) VALUES (1)']) {
      expect(() => db.sql(q)).toThrowError(expect.objectContaining({ code: 'COLLECTION_NOT_FOUND', collection: 'ghost' }));
    }
    expect(() => db.sql('SELECT * FROM people WHERE age >= AND x')).toThrowError(
      expect.objectContaining({ code: 'TISSQL_SYNTAX', position: 34, line: 1, column: 35, found: 'AND' }),
    );
    expect(() => db.sql('SELECT * FROM people WHERE COUNT(*) > 1')).toThrowError(expect.objectContaining({ code: 'INVALID_QUERY' }));
    expect(() => db.sql('SELECT * FROM people LIMIT -1')).toThrowError(expect.objectContaining({ code: 'INVALID_QUERY' }));
    expect(() => db.sql('INSERT INTO people VALUES (1)')).toThrowError(expect.objectContaining({ code: 'INVALID_QUERY' }));
    expect(() => db.sql("UPDATE people SET _id = 'x'")).toThrowError(expect.objectContaining({ code: 'INVALID_QUERY' }));
    expect(() => db.sql('SELECT * FROM people', [], { dialect: 'oracle' as 'tissql' })).toThrowError(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
  });

  it('temporal literals, NOW(), INTERVAL and EXTRACT', () => {
    const db = peopleDb();
    const now = new Date('2026-01-02T03:04:05Z');
    db.sql('INSERT INTO people (name, seen) VALUES (?, NOW() - INTERVAL 1 DAY)', ['Tim'], { now });
    expect(db.collection('people').findOne({ name: 'Tim' })?.['seen']).toEqual(new Date('2026-01-01T03:04:05Z'));
    expect(names(db.sql("SELECT name FROM people WHERE seen > TIMESTAMP '2025-12-31T00:00:00Z'"))).toEqual(['Tim']);
    expect(db.sql("SELECT EXTRACT(MONTH FROM seen) AS m FROM people WHERE name = 'Tim'")).toEqual([
      { _id: expect.any(String), m: 1 },
    ]);
  });
});

describe('db.sql (tissql dialect) corners', () => {
  it('ORDER BY a column alias, HAVING without GROUP BY', () => {
    const db = peopleDb();
    expect(db.sql('SELECT name AS n FROM people ORDER BY n DESC LIMIT 2')).toEqual([
      { _id: 'p5', n: 'Eve' },
      { _id: 'p4', n: 'Dave' },
    ]);
    expect(db.sql('SELECT name, age FROM people ORDER BY 2 DESC LIMIT 1')).toEqual([{ _id: 'p4', name: 'Dave', age: 40 }]);
    expect(db.sql('SELECT COUNT(*) AS c FROM people HAVING COUNT(*) > 10')).toEqual([]);
    expect(db.sql('SELECT COUNT(*) AS c FROM people HAVING 1 = 1')).toEqual([{ c: 5 }]);
  });
});
