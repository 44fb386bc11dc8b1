/** Random statements run against a real database: rows, a count, or a TissDBLiteError, nothing else. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TissDBLite } from '../../src/core/index';
import { isTissDBLiteError } from '../../src/tissql/errors';
import { parseStatement } from '../../src/tissql/parser';
import { printTissQL } from '../../src/tissql/printer';
import { nameArb, statementArb, tokenSoupArb } from '../support/tissql-arbitraries';

function freshDb(): TissDBLite {
  const db = new TissDBLite();
  for (const name of ['a', 'b', 'name', 'date', 'two words']) db.createCollection(name);
  db.bulkInsert('a', [{ a: 1, b: 'x', name: 'n', date: '2024-01-01' }, { a: null, b: [1, 2], c: { d: 2 } }, {}]);
  db.bulkInsert('b', [{ a: 2, name: 'm' }, { a: 'text', _id: 'b2' }]);
  return db;
}

const paramsArb = fc.array(fc.oneof(fc.integer(), fc.string({ maxLength: 4 }), fc.constant(null), fc.boolean()), { maxLength: 0 });

function attempt(run: () => unknown): void {
  try {
    const out = run();
    expect(Array.isArray(out) || (typeof out === 'object' && out !== null && 'affected' in out)).toBe(true);
  } catch (e) {
    if (!isTissDBLiteError(e)) throw e;
  }
}

describe('db.sql foolishness', () => {
  it('random syntax trees, printed and run in both dialects', () => {
    fc.assert(
      fc.property(statementArb, paramsArb, fc.array(fc.integer(), { maxLength: 6 }), (ast, _p, values) => {
        const db = freshDb();
        const text = printTissQL(ast);
        const { paramCount } = parseStatement(text);
        const params = Array.from({ length: paramCount }, (_, i) => values[i] ?? i);
        attempt(() => db.sql(text, params));
        attempt(() => db.sql(text, params, { dialect: 'tissdb' }));
      }),
      { numRuns: 300 },
    );
  });

  it('token soups and names', () => {
    fc.assert(
      fc.property(tokenSoupArb, nameArb, (soup, name) => {
        const db = freshDb();
        attempt(() => db.sql(soup));
        attempt(() => db.sql(`SELECT * FROM a WHERE ${soup}`, [], { dialect: 'tissdb' }));
        attempt(() => db.sql(`UPDATE a SET \`${name.replace(/`/g, '``')}\` = 1`));
      }),
      { numRuns: 300 },
    );
  });
});

describe('db.sql and prototype keys', () => {
  it('__proto__ and constructor in statements never reach a prototype', () => {
    const db = freshDb();
    const statements = [
      'SELECT a AS __proto__, b AS constructor FROM a',
      'SELECT __proto__.polluted FROM a',
      'SELECT `__proto__`, COUNT(*) FROM a GROUP BY `__proto__`',
      'INSERT INTO a (__proto__) VALUES (1)',
      "UPDATE a SET __proto__ = 'x'",
      'UPDATE a SET constructor.prototype.polluted = 1',
      'SELECT * FROM a o JOIN b __proto__ ON o.a = __proto__.a',
    ];
    for (const sql of statements) {
      for (const dialect of ['tissql', 'tissdb'] as const) {
        try {
          const rows = db.sql(sql, [], { dialect });
          if (Array.isArray(rows)) for (const r of rows) expect(Object.getPrototypeOf(r)).toBe(Object.prototype);
        } catch (e) {
          expect(isTissDBLiteError(e), String(e)).toBe(true);
        }
      }
    }
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(db.collection('a').find().every((d) => Object.getPrototypeOf(d) === Object.prototype)).toBe(true);
  });
});

describe('db.sql on larger collections', () => {
  it('GROUP BY, DISTINCT, UNION, COUNT(DISTINCT) and an equi-join over 20,000 documents hash rather than compare pairs', () => {
    const db = new TissDBLite();
    const docs = Array.from({ length: 20_000 }, (_, i) => ({ k: i % 5000, g: `g${i % 7}`, v: i }));
    db.createCollection('big').insertMany(docs);
    expect(db.sql('SELECT COUNT(DISTINCT k) AS n FROM big')).toEqual([{ n: 5000 }]);
    expect((db.sql('SELECT DISTINCT k FROM big') as unknown[]).length).toBe(5000);
    expect((db.sql('SELECT k, COUNT(*) FROM big GROUP BY k') as unknown[]).length).toBe(5000);
    expect((db.sql('SELECT k FROM big WHERE v < 10000 UNION SELECT k FROM big WHERE v >= 10000') as unknown[]).length).toBe(20_000);
    expect((db.sql('SELECT g, COUNT(*) FROM big GROUP BY g', [], { dialect: 'tissdb' }) as unknown[]).length).toBe(7);
    db.createCollection('keys').insertMany(Array.from({ length: 5000 }, (_, i) => ({ _id: `k${i}`, k: i })));
    const joined = db.sql('SELECT COUNT(*) AS n FROM big b JOIN keys k ON b.k = k.k');
    expect(joined).toEqual([{ n: 20_000 }]);
  });
});
