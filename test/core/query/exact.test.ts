import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TissDBLite } from '../../../src/core';
import { IndexManager } from '../../../src/core/query';
import { exactPlan, residualFilter } from '../../../src/core/query/exact';
import { narrowingPlan, planFind } from '../../../src/core/query/planner';
import { boundsPosition, rangeTester, type Range } from '../../../src/core/query/range';
import type { Doc, Filter } from '../../../src/core/types';
import { toStoredDocument } from '../../../src/core/values';

function people(n: number) {
  const docs = Array.from({ length: n }, (_, i) => toStoredDocument({ _id: `p${i}`, city: ['A', 'B', 'C'][i % 3], age: i % 40, active: i % 2 === 0 }, 'test'));
  const indexes = new IndexManager('people');
  indexes.create({ fields: ['city'], unique: false }, docs);
  indexes.create({ fields: ['age'], unique: false }, docs);
  return { docs, indexes };
}

describe('exactPlan: the filters answered from an index without compiling them', () => {
  const { indexes } = people(300);

  it.each<[string, Filter]>([
    ['equality', { city: 'A' }],
    ['$eq', { city: { $eq: 'A' } }],
    ['a range', { age: { $gte: 3, $lt: 9 } }],
    ['one bound', { age: { $gt: 30 } }],
    ['null (missing or null)', { city: null }],
    ['a Date', { age: new Date(0) }],
  ])('takes %s', (_, filter) => {
    expect(exactPlan(filter, indexes, 300)).toBeDefined();
  });

  it.each<[string, Filter]>([
    ['two fields', { city: 'A', age: 3 }],
    ['an unindexed field', { name: 'x' }],
    ['$in (the planner dedupes and merges)', { city: { $in: ['A'] } }],
    ['$eq with a bound', { age: { $eq: 3, $gt: 1 } }],
    ['an object value', { city: { x: 1 } }],
    ['an array value', { city: ['A'] }],
    ['NaN', { age: Number.NaN }],
    ['an operator it does not know', { age: { $ne: 3 } }],
    ['a top-level operator', { $or: [{ city: 'A' }] }],
    ['an inherited key', Object.create({ city: 'A' }) as Filter],
  ])('leaves %s to the general path', (_, filter) => {
    expect(exactPlan(filter, indexes, 300)).toBeUndefined();
  });

  it('leaves a range over most of a large collection to the planner (a scan is as cheap)', () => {
    const large = people(1200).indexes;
    expect(exactPlan({ age: { $gte: 0 } }, large, 1200)).toBeUndefined();
    expect(exactPlan({ age: { $gte: 35 } }, large, 1200)).toBeDefined();
  });

  it('mixed type brackets in one range match nothing, as mingo says', () => {
    const db = new TissDBLite();
    const c = db.createCollection('c', { indexes: ['v'] });
    c.insertMany([{ v: 1 }, { v: 'a' }, { v: 5 }]);
    expect(c.find({ v: { $gte: 1, $lte: 'z' } })).toEqual([]);
    expect(c.count({ v: { $gte: 1, $lte: 'z' } })).toBe(0);
    expect(c.count({ v: { $gte: 1, $lte: 5 } })).toBe(2);
  });
});

describe('residualFilter: what is left to check once the indexes have answered', () => {
  const { docs, indexes } = people(300);
  const residual = (filter: Filter) => {
    const plan = planFind(filter, indexes, docs.length);
    return residualFilter(filter, [plan, narrowingPlan(filter, indexes, plan)]);
  };

  it('drops the conditions the chosen and the narrowing index enforce exactly', () => {
    // city (100 documents) is chosen and the age range narrows it.
    expect(residual({ city: 'A', age: { $gte: 5, $lt: 30 }, active: true })).toEqual({ active: true });
    expect(residual({ city: 'A', active: true })).toEqual({ active: true });
  });

  it('keeps a condition when the lookup was of another value for the same field', () => {
    // The planner takes the first equality it meets, here the one inside $and.
    const filter: Filter = { $and: [{ city: 'B' }], city: 'A', active: true };
    expect(residual(filter)).toBeUndefined();
    const c = new TissDBLite().createCollection('c', { indexes: ['city'] });
    c.insertMany([{ city: 'A', active: true }, { city: 'B', active: true }]);
    expect(c.find(filter)).toEqual([]);
  });

  it('keeps conditions an index cannot answer exactly (multikey, $in on several keys)', () => {
    const tagged = new IndexManager('t');
    const list: Doc[] = [toStoredDocument({ _id: '1', tags: ['a', 'b'], n: 1 }, 't')];
    tagged.create({ fields: ['tags'], unique: false }, list);
    const filter: Filter = { tags: 'a', n: 1 };
    expect(residualFilter(filter, [planFind(filter, tagged, 1)])).toBeUndefined();
    expect(residual({ city: { $in: ['A', 'B'] }, active: true })).toBeUndefined();
  });
});

describe('rangeTester', () => {
  const bound = fc.record({ value: fc.oneof(fc.integer({ min: -5, max: 5 }), fc.double({ noNaN: true }), fc.constant(Number.NaN), fc.constantFrom('a', 'b')), inclusive: fc.boolean() });
  const value = fc.oneof(fc.integer({ min: -6, max: 6 }), fc.double({ noNaN: true }), fc.constantFrom('a', 'b', null, true), fc.constant(new Date(0)));

  it('agrees with boundsPosition(range, v) === 0 for number and other bounds', () => {
    fc.assert(
      fc.property(fc.option(bound, { nil: undefined }), fc.option(bound, { nil: undefined }), fc.array(value, { maxLength: 20 }), (lower, upper, values) => {
        // Bounds of two type brackets make an empty range (planner.ts), never a tested one.
        fc.pre(lower === undefined || upper === undefined || typeof lower.value === typeof upper.value);
        const first = lower ?? upper;
        const rank = first === undefined ? undefined : typeof first.value === 'number' ? 2 : 3;
        const range: Range = { prefix: [] };
        if (rank !== undefined) range.rank = rank;
        if (lower) range.lower = lower;
        if (upper) range.upper = upper;
        const test = rangeTester(range);
        for (const v of values) expect(test(v)).toBe(boundsPosition(range, v) === 0);
      }),
    );
  });
});
