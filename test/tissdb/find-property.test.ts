// Property: for random documents and random Mongo filters and options, client.find over HTTP gives
// exactly what collection.find gives on a TissDBLite holding the same documents, against the fake
// in parity mode (the real server's query semantics) and in 'none' mode.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TissDBLite } from '../../src/core';
import type { Doc, Filter, FindOptions } from '../../src/core';
import { uniqueDatabase, useFakeTissDB } from '../support/tissdb-fake';

const scalar = fc.oneof(
  fc.integer({ min: -3, max: 12 }),
  fc.constantFrom(1.5, 2.25, 0, -0.5),
  fc.constantFrom('x', 'y', 'Ab', '10', '7', '2024-01-15', 'null', 'a b', "it's", ''),
  fc.boolean(),
  fc.constant(null),
);

const FIELDS = ['a', 'b', 'c'] as const;

const docs = fc
  .array(fc.record({ a: scalar, b: scalar, c: scalar, tags: fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 2 }) }, { requiredKeys: [] }), { maxLength: 9 })
  .map((list) => list.map((d, i) => ({ _id: `d${String(i).padStart(2, '0')}`, ...d })));

const leaf: fc.Arbitrary<Filter> = fc.oneof(
  fc.record({ f: fc.constantFrom(...FIELDS), v: scalar }).map(({ f, v }) => ({ [f]: v })),
  fc
    .record({ f: fc.constantFrom(...FIELDS), op: fc.constantFrom('$eq', '$ne', '$gt', '$gte', '$lt', '$lte'), v: scalar })
    .map(({ f, op, v }) => ({ [f]: { [op]: v } })),
  fc.record({ f: fc.constantFrom(...FIELDS), op: fc.constantFrom('$in', '$nin'), v: fc.array(scalar, { maxLength: 3 }) }).map(({ f, op, v }) => ({ [f]: { [op]: v } })),
  fc.record({ f: fc.constantFrom(...FIELDS), v: fc.boolean() }).map(({ f, v }) => ({ [f]: { $exists: v } })),
);

const filter: fc.Arbitrary<Filter> = fc.oneof(
  { weight: 3, arbitrary: leaf },
  { weight: 1, arbitrary: fc.array(leaf, { minLength: 1, maxLength: 3 }).map((list) => ({ $or: list })) },
  { weight: 1, arbitrary: fc.array(leaf, { minLength: 1, maxLength: 3 }).map((list) => Object.assign({}, ...list) as Filter) },
  { weight: 1, arbitrary: fc.array(leaf, { minLength: 1, maxLength: 3 }).map((list) => ({ $and: list })) },
);

const options: fc.Arbitrary<FindOptions> = fc.record(
  {
    sort: fc.constantFrom<Record<string, 1 | -1>>({ a: 1 }, { b: -1 }, { a: -1, b: 1 }),
    skip: fc.integer({ min: 0, max: 3 }),
    limit: fc.integer({ min: 1, max: 5 }),
    projection: fc.constantFrom<Record<string, 0 | 1>>({ a: 1 }, { b: 0, tags: 0 }),
  },
  { requiredKeys: [] },
);

function withoutSystemFields(doc: Doc): Doc {
  const { _createdDate: _c, _updatedDate: _u, ...rest } = doc;
  return rest;
}

for (const quirks of ['tissdb', 'none'] as const) {
  describe(`client.find equals collection.find (fake, quirks: ${quirks})`, () => {
    const fake = useFakeTissDB({ quirks });

    it('for random documents, filters and options', async () => {
      await fc.assert(
        fc.asyncProperty(docs, filter, options, async (list, f, o) => {
          const client = fake.client({ database: uniqueDatabase('prop'), maxConcurrentWrites: 8 });
          await client.createDatabase();
          await client.createCollection('items');
          await client.bulkInsert('items', list, { concurrency: 8 });
          const lite = new TissDBLite();
          lite.createCollection('items').insertMany(list);
          const expected = lite.collection('items').find(f, o).map(withoutSystemFields);
          const actual = await client.find('items', f, o);
          expect(actual).toEqual(expected);
          await client.deleteDatabase();
        }),
        { numRuns: 60 },
      );
    });
  });
}
