import fc from 'fast-check';
import { Aggregator } from 'mingo';
import { describe, expect, it } from 'vitest';
import { TissDBLite } from '../../../src/core';
import { IndexManager, aggregateFast } from '../../../src/core/query';
import type { Doc } from '../../../src/core/types';
import { toStoredDocument } from '../../../src/core/values';
import { qDocs, qIndexSet, qIndexableFilter, qFilter } from '../../support/query-arbitraries';

// The aggregation fast path (query/aggregate.ts, group.ts) against mingo's Aggregator over copies
// of the same documents: same rows, same group order, same values (toStrictEqual tells -0 from 0
// and a missing key from an undefined one).

const PATHS = ['$a', '$b', '$c', '$n', '$n.x', '$n.y', '$arr.x', '$a.0', '$b.x', '$nope', '$_id'];
const path = fc.constantFrom(...PATHS);

const groupId = fc.oneof(
  { weight: 5, arbitrary: path },
  { weight: 1, arbitrary: fc.constantFrom(null, 'all', 7, true) },
  { weight: 2, arbitrary: fc.tuple(path, path).map(([p, q]) => ({ p, q })) },
);

const acc = fc.oneof(
  fc.tuple(fc.constantFrom('$sum', '$avg', '$min', '$max', '$first', '$last', '$push', '$addToSet'), path).map(([op, p]) => ({ [op]: p })),
  fc.constantFrom(1, 0.1, -2, 0).map((n) => ({ $sum: n })),
  fc.constant({ $count: {} }),
);

const groupSpec = fc
  .tuple(groupId, fc.array(acc, { maxLength: 4 }))
  .map(([_id, accs]) => Object.fromEntries([['_id', _id], ...accs.map((a, i) => [`f${i}`, a])]));

const tail = fc.constantFrom<object[]>([], [{ $limit: 2 }], [{ $sort: { _id: -1 } }], [{ $project: { f0: 1 } }]);

const pipeline = fc
  .tuple(fc.option(fc.oneof(qIndexableFilter, qFilter), { nil: undefined }), groupSpec, tail)
  .map(([match, group, rest]) => [...(match ? [{ $match: match }] : []), { $group: group }, ...rest]);

/** Exact shape: key order, -0, undefined-valued keys and Dates all show. */
function shape(v: unknown): string {
  if (v === undefined) return 'u';
  if (typeof v === 'number') return Object.is(v, -0) ? '-0' : String(v);
  if (typeof v !== 'object' || v === null) return JSON.stringify(v);
  if (v instanceof Date) return `D${v.getTime()}`;
  if (Array.isArray(v)) return `[${v.map(shape).join(',')}]`;
  return `{${Object.keys(v).map((k) => `${k}:${shape((v as Record<string, unknown>)[k])}`).join(',')}}`;
}

const reference = (docs: Doc[], stages: object[]) =>
  new Aggregator(stages as Record<string, unknown>[], { scriptEnabled: false }).run(structuredClone(docs));

describe('aggregate fast path equals mingo', () => {
  it('$match + $group with the common accumulators, then more stages', () => {
    let fast = 0;
    let runs = 0;
    fc.assert(
      fc.property(qDocs(), qIndexSet, pipeline, (input, specs, stages) => {
        const docs = input.map((d) => toStoredDocument(d, 'test'));
        const store = new Map(docs.map((d) => [d._id as string, d]));
        const indexes = new IndexManager('things');
        for (const spec of specs) indexes.create(spec, store.values());
        let expected: unknown;
        try {
          expected = reference(docs, stages);
        } catch {
          return; // mingo refuses it (bad $match): the collection falls back to mingo and says so
        }
        runs++;
        const got = aggregateFast(store, indexes, stages, (rest, rows) => reference(rows as Doc[], rest));
        if (got !== undefined) {
          fast++;
          expect(got).toStrictEqual(expected);
          expect(shape(got)).toBe(shape(expected));
        }
      }),
      { numRuns: 300 },
    );
    // Fallbacks are only for $min/$max meeting arrays and filters only mingo evaluates.
    expect(fast).toBeGreaterThan(runs / 2);
  });

  it('through Collection.aggregate, indexes included', () => {
    fc.assert(
      fc.property(qDocs(30), qIndexSet, pipeline, (input, specs, stages) => {
        const db = new TissDBLite();
        const things = db.createCollection('things');
        for (const spec of specs) things.createIndex(spec.fields);
        things.insertMany(input);
        let expected: unknown;
        try {
          expected = reference(things.export() as Doc[], stages);
        } catch {
          expect(() => things.aggregate(stages)).toThrow();
          return;
        }
        const got = things.aggregate(stages);
        expect(got).toStrictEqual(expected);
        expect(shape(got)).toBe(shape(expected));
      }),
      { numRuns: 150 },
    );
  });
});

describe('aggregate fast path, examples', () => {
  const db = new TissDBLite({ clone: false });
  const users = db.createCollection('users', { indexes: ['city'] });
  users.insertMany([
    { _id: 'u1', city: 'Oslo', score: 3, at: new Date(5), tags: ['x'] },
    { _id: 'u2', city: 'Rome', score: 'high' },
    { _id: 'u3', city: 'Oslo', score: 4.5, at: new Date(1) },
    { _id: 'u4', score: 1 },
  ]);

  it('groups by a path with sums, counts, averages and extremes', () => {
    const rows = users.aggregate([
      { $group: { _id: '$city', total: { $sum: '$score' }, n: { $sum: 1 }, avg: { $avg: '$score' }, first: { $min: '$at' }, c: { $count: {} } } },
    ]);
    expect(rows).toStrictEqual([
      { _id: 'Oslo', total: 7.5, n: 2, avg: 3.75, first: new Date(1), c: 2 },
      { _id: 'Rome', total: 0, n: 1, avg: null, first: null, c: 1 },
      { _id: null, total: 1, n: 1, avg: 1, first: null, c: 1 },
    ]);
  });

  it('returns copies that do not reach the stored documents', () => {
    const [row] = users.aggregate([{ $match: { city: 'Oslo' } }, { $group: { _id: null, tags: { $push: '$tags' }, at: { $first: '$at' } } }]) as Array<{
      tags: unknown[][];
      at: Date;
    }>;
    expect(row?.tags).toStrictEqual([['x'], null]);
    (row?.tags[0] as unknown[]).push('y');
    row?.at.setTime(99);
    expect(users.get('u1')).toMatchObject({ tags: ['x'], at: new Date(5) });
  });

  it('ties in $min/$max, $addToSet and group keys resolve as in mingo (-0 vs 0, key order)', () => {
    const docs = [
      { _id: 'a', v: 0, o: { x: 1, y: 2 }, g: { k: -0 } },
      { _id: 'b', v: -0, o: { y: 2, x: 1 }, g: { k: 0 } },
      { _id: 'c', v: -0, o: { x: 1, y: 2 }, g: { k: -0 } },
    ].map((d) => toStoredDocument(d, 'test'));
    const store = new Map(docs.map((d) => [d._id as string, d]));
    const spec = { _id: '$g', mn: { $min: '$v' }, mx: { $max: '$v' }, omin: { $min: '$o' }, omax: { $max: '$o' }, set: { $addToSet: '$o' }, vs: { $addToSet: '$v' } };
    for (const stages of [[{ $group: spec }], [{ $group: { ...spec, _id: '$o' } }], [{ $group: { ...spec, _id: '$v' } }]]) {
      const got = aggregateFast(store, new IndexManager('t'), stages, () => []);
      expect(shape(got)).toBe(shape(reference(docs, stages)));
    }
  });

  it('a leading $match alone, then mingo stages on the matches', () => {
    expect(users.aggregate([{ $match: { city: 'Oslo' } }, { $project: { _id: 1 } }])).toStrictEqual([{ _id: 'u1' }, { _id: 'u3' }]);
  });
});
