import { describe, expect, it } from 'vitest';
import { countMatches, findIn, runFind } from '../../../src/core/query';
import type { Filter, SortSpec } from '../../../src/core/types';
import { peopleStore } from '../../support/query-fixtures';

const { store, indexes, docs } = peopleStore(60, [
  { fields: ['age'] },
  { fields: ['city'] },
  { fields: ['tags'] },
  { fields: ['city', 'age'] },
  { fields: ['createdAt'] },
]);

function plan(filter: Filter, options: { sort?: SortSpec; limit?: number; skip?: number } = {}) {
  const result = runFind(store, indexes, filter, options);
  // Whatever the plan, the answer is the scan's.
  expect(result.docs.map((d) => d._id)).toEqual(findIn(docs, filter, options).map((d) => d._id));
  return result;
}

describe('planner', () => {
  it.each<[string, Filter, string]>([
    ['equality', { city: 'Rome' }, 'city_1'],
    ['$eq', { age: { $eq: 25 } }, 'age_1'],
    ['$in', { age: { $in: [25, 32, 39] } }, 'age_1'],
    ['a range', { age: { $gte: 30, $lt: 33 } }, 'age_1'],
    ['a Date range', { createdAt: { $lt: new Date(Date.UTC(2024, 0, 5)) } }, 'createdAt_1'],
    ['a multikey equality', { tags: 'cyan' }, 'tags_1'],
    ['a conjunct inside $and', { $and: [{ name: { $regex: 'person' } }, { age: 20 }] }, 'age_1'],
    ['a compound key', { city: 'Lima', age: 30 }, 'city_1_age_1'],
    ['an _id', { _id: 'p7' }, '_id_'],
  ])('IXSCAN for %s', (_, filter, index) => {
    const result = plan(filter);
    expect(result.plan).toBe('IXSCAN');
    expect(result.index).toBe(index);
    expect(result.scanned).toBeLessThan(docs.length);
  });

  it('prefers the most selective index: equality over a wide range', () => {
    expect(plan({ age: { $gte: 0 }, city: 'Pune' }).index).toBe('city_1');
    expect(plan({ age: 25, city: { $in: ['Pune', 'Rome', 'Oslo'] } }).index).toBe('age_1');
  });

  it('uses a compound prefix with a range on the next field', () => {
    const result = plan({ city: 'Oslo', age: { $gt: 40 }, name: { $exists: true } });
    expect(result.plan).toBe('IXSCAN');
    expect(result.index).toBe('city_1_age_1');
    expect(result.scanned).toBe(result.docs.length);
  });

  it('unions indexes for an $or of indexable branches and dedupes', () => {
    const result = plan({ $or: [{ city: 'Rome' }, { age: { $lt: 22 } }, { tags: 'red' }] });
    expect(result.plan).toBe('IXSCAN');
    expect(result.indexes).toEqual(['city_1', 'age_1', 'tags_1']);
    expect(new Set(result.docs).size).toBe(result.docs.length);
  });

  it('walks an index for a sort and stops at the limit', () => {
    const asc = plan({}, { sort: { age: 1 }, limit: 5 });
    expect(asc).toMatchObject({ plan: 'IXSCAN', index: 'age_1', scanned: 5 });
    const desc = plan({ 'profile.active': true }, { sort: { age: -1 }, skip: 2, limit: 3 });
    expect(desc.plan).toBe('IXSCAN');
    expect(desc.docs).toHaveLength(3);
    expect(plan({ age: { $gte: 40 } }, { sort: { age: 1 }, limit: 4 }).scanned).toBe(4);
    // a multikey index sorts by each document's smallest (ascending) or largest element
    expect(plan({}, { sort: { tags: 1 } }).index).toBe('tags_1');
    expect(plan({}, { sort: { tags: -1 }, limit: 7 }).index).toBe('tags_1');
  });

  it.each<[string, Filter]>([
    ['no condition', {}],
    ['an unindexed field', { name: 'person 3' }],
    ['$ne', { age: { $ne: 30 } }],
    ['$nin', { city: { $nin: ['Rome'] } }],
    ['a regular expression', { city: /^R/ }],
    ['an $or with an unindexed branch', { $or: [{ city: 'Rome' }, { name: 'person 3' }] }],
    ['$not', { age: { $not: { $gt: 30 } } }],
    ['$nor', { $nor: [{ city: 'Rome' }] }],
  ])('COLLSCAN for %s', (_, filter) => {
    const result = plan(filter);
    expect(result.plan).toBe('COLLSCAN');
    expect(result.index).toBeUndefined();
    expect(result.scanned).toBe(docs.length);
  });

  it('scans a large collection when an index would fetch most of it', () => {
    const big = peopleStore(2000, [{ fields: ['age'] }]);
    expect(runFind(big.store, big.indexes, { age: { $gte: 19 } }, {}).plan).toBe('COLLSCAN');
    expect(runFind(big.store, big.indexes, { age: { $gte: 60 } }, {}).plan).toBe('IXSCAN');
  });

  it('returns indexed results in insertion order without a sort', () => {
    const ids = plan({ $or: [{ city: 'Kyiv' }, { age: { $lte: 25 } }] }).docs.map((d) => Number(String(d._id).slice(1)));
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
  });

  it('counts with and without indexes', () => {
    for (const filter of [{ age: { $gte: 30, $lte: 34 } }, { city: 'Oslo' }, { tags: 'blue' }, { name: /1/ }, { $or: [{ city: 'Rome' }, { age: 20 }] }]) {
      expect(countMatches(store, indexes, filter)).toBe(findIn(docs, filter).length);
    }
  });

  it('answers contradictory ranges with nothing', () => {
    expect(plan({ age: { $gt: 30, $lt: 'z' } }).docs).toEqual([]);
    expect(plan({ age: { $gt: 40, $lt: 30 } }).docs).toEqual([]);
  });
});
