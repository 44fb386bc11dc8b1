// The fake standing in for the real module, used only through the builder API: a translated
// query must return exactly what the core returns for the MongoDB filter.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { TissDBLite } from '../../src/core';
import { createWixData, executeQuery } from '../../src/wix';
import { mixedDoc, translatableFilter } from '../support/wix-arbitraries';

const ids = (docs: Array<Record<string, unknown>>) => docs.map((d) => d._id as string).sort();

describe('executeQuery(createWixData(db)) ≡ db.collection().find()', () => {
  it('gives the same ids for random documents and translatable filters', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(mixedDoc, { maxLength: 25 }), translatableFilter, async (docs, filter) => {
        const db = new TissDBLite();
        const coll = db.createCollection('C');
        coll.insertMany(docs);
        const viaWix = await executeQuery(createWixData(db), { collection: 'C', filter });
        expect(ids(viaWix)).toEqual(ids(coll.find(filter)));
      }),
      { numRuns: 250 },
    );
  });

  it('keeps sort, skip and limit', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.record({ n: fc.integer({ min: 0, max: 1000 }) }), { maxLength: 30 }), fc.nat(10), fc.integer({ min: 1, max: 10 }), async (docs, skip, limit) => {
        const db = new TissDBLite();
        const coll = db.createCollection('C');
        coll.insertMany(docs);
        const options = { sort: { n: 1 as const }, skip, limit };
        const viaWix = await executeQuery(createWixData(db), { collection: 'C', filter: {}, ...options });
        expect(viaWix.map((d) => d.n)).toEqual(coll.find({}, options).map((d) => d.n));
      }),
      { numRuns: 100 },
    );
  });
});
