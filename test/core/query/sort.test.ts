import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareValues, findIn } from '../../../src/core/query';
import { compileSort, sortDocs } from '../../../src/core/query/sort';
import type { Doc } from '../../../src/core/types';
import { qDocs, qSort } from '../../support/query-arbitraries';

const ids = (docs: Doc[]) => docs.map((d) => d._id);

describe('compareValues', () => {
  it('follows the BSON order: [] < null = missing < numbers < strings < objects < arrays < booleans < Dates', () => {
    const ordered = [[], null, -1, 0, 2.5, '', 'a', 'b', { a: 1 }, { b: 0 }, [1], [1, 2], false, true, new Date(0), new Date(1)];
    for (let i = 0; i < ordered.length; i++) {
      for (let j = 0; j < ordered.length; j++) {
        expect([i, j, Math.sign(compareValues(ordered[i], ordered[j]))]).toEqual([i, j, Math.sign(i - j)]);
      }
    }
    expect(compareValues(undefined, null)).toBe(0);
    expect(compareValues(new Date(5), new Date(5))).toBe(0);
    expect(compareValues(0, -0)).toBe(0);
    expect(compareValues({ x: 1, y: 2 }, { y: 2, x: 1 })).toBe(0);
  });
});

describe('sort', () => {
  const docs: Doc[] = [
    { _id: 'a', v: [3, 9] },
    { _id: 'b', v: 5 },
    { _id: 'c' },
    { _id: 'd', v: [] },
    { _id: 'e', v: null },
    { _id: 'f', v: [1, 4] },
    { _id: 'g', v: 'x' },
  ];

  it('sorts arrays by their smallest element ascending, [] before null, ties in insertion order', () => {
    expect(ids(findIn(docs, {}, { sort: { v: 1 } }))).toEqual(['d', 'c', 'e', 'f', 'a', 'b', 'g']);
  });

  it('sorts arrays by their largest element descending', () => {
    expect(ids(findIn(docs, {}, { sort: { v: -1 } }))).toEqual(['g', 'a', 'b', 'f', 'c', 'e', 'd']);
  });

  it('sorts by several fields', () => {
    const rows: Doc[] = [
      { _id: '1', a: 1, b: 2 },
      { _id: '2', a: 0, b: 5 },
      { _id: '3', a: 1, b: 3 },
      { _id: '4', a: 0, b: 5 },
    ];
    expect(ids(findIn(rows, {}, { sort: { a: -1, b: 1 } }))).toEqual(['1', '3', '2', '4']);
  });

  it('top-k selection equals a full stable sort, then a slice', () => {
    fc.assert(
      fc.property(qDocs(40), qSort, fc.integer({ min: 1, max: 8 }), (rows, sort, k) => {
        const fields = compileSort(sort ?? { a: 1 });
        expect(ids(sortDocs(rows, fields, k))).toEqual(ids(sortDocs(rows, fields).slice(0, k)));
      }),
      { numRuns: 200 },
    );
  });
});
