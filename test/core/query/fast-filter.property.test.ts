import fc from 'fast-check';
import { Query } from 'mingo/query';
import { describe, expect, it } from 'vitest';
import { compileFilter } from '../../../src/core/query';
import { MINGO_OPTIONS } from '../../../src/core/query/mingo';
import type { Doc } from '../../../src/core/types';
import { qDocs, qFilter, qIndexableFilter } from '../../support/query-arbitraries';

describe('compiled filters agree with mingo', () => {
  it('on random documents (arrays, nulls, missing fields, mixed types, Dates, nested objects) and filters', () => {
    fc.assert(
      fc.property(qDocs(20), fc.oneof(qFilter, qIndexableFilter), (docs, filter) => {
        const compiled = compileFilter(filter);
        const reference = new Query<Doc>(filter, MINGO_OPTIONS);
        for (const doc of docs) expect([doc._id, compiled(doc)]).toEqual([doc._id, reference.test(doc)]);
      }),
      { numRuns: 1000 },
    );
  });

  it.each([
    [{ a: { $regex: 'B', $options: 'i' } }, { a: 'xb' }, true],
    [{ a: /^x/ }, { a: ['y', ['x1']] }, true],
    [{ 'a.b': 1 }, { a: [{ b: [1] }] }, true],
    [{ 'a.b.c': 2 }, { a: [{ b: [{ c: [2] }] }] }, true],
    [{ 'a.0': 5 }, { a: [5] }, true],
    [{ a: { $gte: new Date(5) } }, { a: [new Date(4), new Date(6)] }, true],
    [{ a: { $in: [new Date(1), null] } }, {}, true],
    [{ a: { $in: [{ x: 1, y: 2 }] } }, { a: { y: 2, x: 1 } }, true],
    [{ toString: { $exists: true } }, {}, false],
    [{ 'n.toString': { $exists: false } }, { n: {} }, true],
    [{ a: { $not: { $gt: 1 } } }, { a: 0 }, true],
    [{ $expr: { $gt: ['$a', '$b'] } }, { a: 2, b: 1 }, true],
  ])('%j on %j', (filter, doc, expected) => {
    expect(compileFilter(filter)(doc as Doc)).toBe(expected);
    expect(new Query<Doc>(filter, MINGO_OPTIONS).test(doc as Doc)).toBe(expected);
  });
});
