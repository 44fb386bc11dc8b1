/**
 * toTissQL's promise: for any Mongo filter it accepts, `db.sql(toTissQL(filter))` returns exactly
 * `collection.find(filter)`; and with `target: 'tissdb'`, the server dialect's rows with
 * `clientSide` applied return the same documents.
 */
import fc from 'fast-check';
import { Query } from 'mingo';
import { describe, expect, it } from 'vitest';
import { TissDBLite } from '../../src/core/index';
import { compileTissQL } from '../../src/tissql/compile';
import { matches } from '../../src/tissql/evaluate';
import { isTissDBLiteError } from '../../src/tissql/errors';
import { toTissQL } from '../../src/tissql/to-tissql';
import { docsArb, filterArb } from '../support/tissql-arbitraries';

function seed(docs: Array<Record<string, unknown>>, indexes: boolean): TissDBLite {
  const db = new TissDBLite();
  db.createCollection('t', indexes ? { indexes: ['n', 's', ['m', 'b']] } : undefined);
  docs.forEach((d, i) => db.insert('t', { ...d, _id: `d${String(i).padStart(2, '0')}` }));
  return db;
}

/** `$gte: null`/`$lte: null` are refused (missing vs null); everything else must translate. */
function translatable(filter: Record<string, unknown>): { query: string; params: unknown[] } | undefined {
  try {
    return toTissQL('t', filter);
  } catch (e) {
    if (isTissDBLiteError(e) && /null on/.test(e.message)) return undefined;
    throw e;
  }
}

const ids = (rows: unknown) => (rows as Array<{ _id: string }>).map((r) => r._id);

describe('db.sql(toTissQL(filter)) equals collection.find(filter)', () => {
  it('random filters over mixed-type fields with missing values and nulls', () => {
    fc.assert(
      fc.property(docsArb, filterArb, fc.boolean(), (docs, filter, indexes) => {
        const db = seed(docs, indexes);
        const translated = translatable(filter);
        fc.pre(translated !== undefined);
        const { query, params } = translated as { query: string; params: unknown[] };
        expect(params.every((p) => p !== undefined)).toBe(true);
        // The whole WHERE lowers to a Mongo filter, so the collection's indexes and planner apply.
        const compiled = compileTissQL(query, params);
        expect(compiled.kind === 'select' && compiled.filter !== null).toBe(true);
        expect(db.sql(query, params)).toEqual(db.collection('t').find(filter));
      }),
      { numRuns: 300 },
    );
  });

  it('the evaluator (used when a WHERE has no filter form) agrees with the compiled filter', () => {
    fc.assert(
      fc.property(docsArb, filterArb, (docs, filter) => {
        const translated = translatable(filter);
        fc.pre(translated !== undefined);
        const db = seed(docs, false);
        const compiled = compileTissQL(translated?.query ?? '', translated?.params);
        if (compiled.kind !== 'select') throw new Error('not a select');
        const all = db.collection('t').find();
        const ctx = { dialect: 'tissql' as const, params: compiled.params, now: new Date() };
        const evaluated = all.filter((d) => compiled.where === null || matches(compiled.where, d, ctx));
        expect(ids(evaluated)).toEqual(ids(db.collection('t').find(compiled.filter ?? {})));
      }),
      { numRuns: 300 },
    );
  });

  it('with sort, skip, limit and projection', () => {
    const optionsArb = fc.record(
      {
        sort: fc.constantFrom({ n: 1 as const }, { s: -1 as const, n: 1 as const }, { _id: -1 as const }),
        skip: fc.nat(4),
        limit: fc.integer({ min: 1, max: 5 }),
        projection: fc.constantFrom({ n: 1 as const }, { s: 1 as const, m: 1 as const }),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(docsArb, filterArb, optionsArb, (docs, filter, options) => {
        const db = seed(docs, false);
        fc.pre(translatable(filter) !== undefined);
        const { query, params } = toTissQL('t', filter, options);
        expect(db.sql(query, params)).toEqual(db.collection('t').find(filter, options));
      }),
      { numRuns: 200 },
    );
  });

  it("target 'tissdb': server rows plus clientSide give the same documents", () => {
    fc.assert(
      fc.property(docsArb, filterArb, (docs, filter) => {
        const db = seed(docs, false);
        const { query, params, clientSide } = toTissQL('t', filter, { target: 'tissdb', sort: { _id: 1 } });
        expect(params).toEqual([]);
        let rows = db.sql(query, [], { dialect: 'tissdb' }) as Array<Record<string, unknown>>;
        if (clientSide.filter !== undefined) {
          const q = new Query(clientSide.filter);
          rows = rows.filter((r) => q.test(r));
        }
        expect(ids(rows).sort()).toEqual(ids(db.collection('t').find(filter)).sort());
      }),
      { numRuns: 300 },
    );
  });

  it("target 'tissdb' avoids what the server gets wrong", () => {
    const r = toTissQL('people', { age: { $gte: -1 }, city: { $in: ['Oslo', "O'Hare"] }, zip: '1234', name: { $ne: 'Bob' } }, {
      target: 'tissdb',
      limit: 10,
      skip: 5,
      sort: { age: -1 },
      projection: { name: 1 },
    });
    expect(r.query).toBe("SELECT name, age, zip FROM people WHERE (age >= (0 - 1) AND (city = 'Oslo' OR city = 'O''Hare') AND name != 'Bob')");
    expect(r.clientSide).toEqual({
      filter: { $and: [{ age: { $gte: -1 } }, { zip: '1234' }] },
      sort: { age: -1 },
      skip: 5,
      limit: 10,
      projection: { name: 1 },
    });
  });

  it('refuses what TissQL cannot say, as INVALID_QUERY', () => {
    for (const filter of [{ a: { $exists: true } }, { a: { $elemMatch: { b: 1 } } }, { $where: 'x' }, { a: { $regex: 'a.*b' } }]) {
      try {
        toTissQL('t', filter);
        expect.unreachable();
      } catch (e) {
        expect(isTissDBLiteError(e) && e.code).toBe('INVALID_QUERY');
      }
    }
  });
});
