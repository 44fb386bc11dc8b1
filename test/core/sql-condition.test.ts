/** Condition strings through db.find: the original tissdb-lite syntax, sharing TissQL's parser. */
import { describe, expect, it } from 'vitest';
import { peopleDb } from '../support/tissql-fixtures';

const names = (rows: Array<{ name?: unknown }>) => rows.map((r) => r.name);

describe('db.find with a condition string', () => {
  it.each([
    ["age >= 30 AND (city = 'Paris' OR city != 'Berlin')", ['Alice', 'Carol']],
    ['city = "London" or city = "Paris" and age > 32', ['Bob', 'Carol', 'Eve']],
    ['30 < age', ['Carol', 'Dave']],
    ['score != 72', ['Alice', 'Carol', 'Dave', 'Eve']],
    ['nickname = null', ['Alice', 'Bob', 'Carol', 'Dave', 'Eve']],
    ["NOT name LIKE 'A%' AND NOT active = false", ['Carol', 'Eve']],
    ["address.city = 'Leeds'", ['Eve']],
    ["name IN ('Bob', 'Eve') OR age BETWEEN 39 AND 41", ['Bob', 'Dave', 'Eve']],
    ['score IS NULL', ['Eve']],
    ['score > age', ['Alice', 'Bob', 'Carol', 'Dave']],
    ['', ['Alice', 'Bob', 'Carol', 'Dave', 'Eve']],
  ])('%s', (condition, expected) => {
    expect(names(peopleDb().find('people', condition))).toEqual(expected);
  });

  it('uses indexes like any filter', () => {
    const db = peopleDb({ indexes: true });
    expect(names(db.find('people', "city = 'Paris'"))).toEqual(['Alice', 'Carol']);
  });

  it('arithmetic has no filter form: INVALID_QUERY', () => {
    expect(() => peopleDb().find('people', 'score > age * 2')).toThrowError(expect.objectContaining({ code: 'INVALID_QUERY' }));
  });

  it('malformed conditions are TISSQL_SYNTAX with the position', () => {
    expect(() => peopleDb().find('people', 'age >= AND x = 1')).toThrowError(
      expect.objectContaining({ code: 'TISSQL_SYNTAX', position: 7, found: 'AND' }),
    );
  });
});
