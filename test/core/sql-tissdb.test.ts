/**
 * db.sql with dialect 'tissdb': the real server's answers (tissdb-wire.md §5). The transcript
 * replay (test/tissql/transcripts.test.ts) checks every captured statement byte for byte; these
 * pin the rules one at a time.
 */
import { describe, expect, it } from 'vitest';
import { TissDBLite } from '../../src/core/index';
import { peopleDb } from '../support/tissql-fixtures';

const tissdb = { dialect: 'tissdb' } as const;
const ids = (rows: unknown) => (rows as Array<{ _id: string }>).map((r) => r._id);

describe('db.sql (tissdb dialect)', () => {
  it('AND and OR fold left to right with equal precedence', () => {
    const db = peopleDb();
    expect(ids(db.sql("SELECT name FROM people WHERE city = 'London' OR city = 'Paris' AND age > 32", [], tissdb))).toEqual(['p3']);
  });

  it('missing fields compare as the text "null"; LIMIT and OFFSET are ignored', () => {
    const db = peopleDb();
    expect(ids(db.sql('SELECT _id FROM people WHERE nosuch > 5', [], tissdb))).toHaveLength(5);
    expect(ids(db.sql('SELECT name FROM people WHERE score = NULL', [], tissdb))).toEqual(['p5']);
    expect(ids(db.sql('SELECT name FROM people ORDER BY age LIMIT 2 OFFSET 1', [], tissdb))).toEqual(['p2', 'p5', 'p1', 'p3', 'p4']);
  });

  it('quoted digit-only and date-like literals are timestamps', () => {
    const db = new TissDBLite();
    db.createCollection('misc');
    db.insert('misc', { _id: 'm1', zip: '12345', short: '1234', n: 7, day: '2024-01-15' });
    const q = (where: string) => ids(db.sql(`SELECT _id FROM misc WHERE ${where}`, [], tissdb));
    expect(q("zip = '12345'")).toEqual(['m1']);
    expect(q("short = '1234'")).toEqual([]);
    expect(q("n = '7'")).toEqual([]);
    expect(q("day = '2024-01-15'")).toEqual([]);
    expect(q("day LIKE '2024%'")).toEqual(['m1']);
  });

  it('hides the engine\'s _createdDate/_updatedDate, ids as strings, rows ordered by _id bytewise', () => {
    const db = new TissDBLite();
    db.createCollection('c');
    for (const id of ['b', 'B', 'a', '_x', '10', '9']) db.insert('c', { _id: id, v: 1 });
    const rows = db.sql('SELECT * FROM c', [], tissdb) as Array<Record<string, unknown>>;
    expect(ids(rows)).toEqual(['10', '9', 'B', '_x', 'a', 'b']);
    expect(rows[0]).toEqual({ _id: '10', v: 1 });
    expect(db.sql("SELECT v FROM c WHERE id = 'a'", [], tissdb)).toEqual([{ _id: 'a', v: 1 }]);
  });

  it('reserved words are refused as field names, with the server\'s messages', () => {
    const db = peopleDb();
    expect(() => db.sql("SELECT _id FROM people WHERE date = '2024-01-15'", [], tissdb)).toThrowError(
      expect.objectContaining({ code: 'TISSQL_SYNTAX', serverMessage: 'Expected a string literal after DATE' }),
    );
    expect(() => db.sql('SELECT count FROM people', [], tissdb)).toThrowError(
      expect.objectContaining({ serverMessage: 'Expected token ( but got FROM' }),
    );
    expect(() => db.sql('SELECT name AS n FROM people', [], tissdb)).toThrowError(
      expect.objectContaining({ serverMessage: 'Expected token FROM but got AS' }),
    );
    expect(() => db.sql('SELECT * FROM people WHERE age > -1', [], tissdb)).toThrowError(
      expect.objectContaining({ serverMessage: 'Unexpected token in expression' }),
    );
  });

  it('aggregates, GROUP BY keys and summary rows for writes', () => {
    const db = peopleDb();
    expect(db.sql('select count(*), avg(age) from people', [], tissdb)).toEqual([{ 'AVG(age)': 31.6, 'COUNT(*)': 5, _id: 'aggregate' }]);
    expect(db.sql('SELECT nickname, COUNT(*) FROM people GROUP BY nickname', [], tissdb)).toEqual([
      { 'COUNT(*)': 4, _id: 'NULL' },
      { 'COUNT(*)': 1, _id: 'null', nickname: null },
    ]);
    expect(db.sql("INSERT INTO people (name, d) VALUES ('Zoe', DATE '2024-03-01')", [], { ...tissdb, randomId: () => '42' })).toEqual([
      { _id: 'summary', inserted_count: 1, inserted_id: '42' },
    ]);
    expect(db.collection('people').get('42')).toMatchObject({ name: 'Zoe', d: '2024-03-01' });
    expect(ids(db.sql("SELECT _id FROM people WHERE d > DATE '2024-01-01'", [], tissdb))).toEqual(['42']);
    // Zoe has no age, and a missing field is "null" > "30.000000": the arithmetic then fails.
    expect(() => db.sql('UPDATE people SET age = age + 1 WHERE age > 30', [], tissdb)).toThrowError(/arithmetic/);
    expect(db.sql('UPDATE people SET age = age + 1 WHERE age BETWEEN 31 AND 100', [], tissdb)).toEqual([
      { _id: 'summary', updated_count: 2 },
    ]);
    expect(db.sql('DELETE FROM ghost', [], tissdb)).toEqual([{ _id: 'summary', deleted_count: 0 }]);
    expect(db.sql('SELECT * FROM ghost', [], tissdb)).toEqual([]);
  });

  it('runtime errors carry the server text and change nothing', () => {
    const db = peopleDb();
    expect(() => db.sql('UPDATE people SET score = score / 2', [], tissdb)).toThrowError(
      expect.objectContaining({ code: 'INVALID_QUERY', serverMessage: 'Unsupported arithmetic operation or type mismatch.' }),
    );
    expect(db.collection('people').get('p1')).toMatchObject({ score: 88.5 });
    expect(() => db.sql('INSERT INTO ghost (a) VALUES (1)', [], tissdb)).toThrowError(
      expect.objectContaining({ code: 'COLLECTION_NOT_FOUND', serverMessage: 'Collection not found: ghost' }),
    );
    expect(() => db.sql('SELECT * FROM people WHERE name = ?', [], tissdb)).toThrowError(
      expect.objectContaining({ code: 'INVALID_ARGUMENT', serverMessage: 'Parameter index out of bounds.' }),
    );
  });
});
