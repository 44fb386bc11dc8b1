import { describe, expect, it } from 'vitest';
import { applyProjection, findIn } from '../../../src/core/query';
import type { Doc, Projection } from '../../../src/core/types';

const doc: Doc = { _id: 'x', a: 1, b: { c: 2, d: 3 }, list: [{ c: 1, d: 2 }, { d: 4 }, 7], e: null };

describe('projection', () => {
  it.each<[Projection, Doc]>([
    [{}, doc],
    [{ a: 1 }, { _id: 'x', a: 1 }],
    [{ a: true, e: 1 }, { _id: 'x', a: 1, e: null }],
    [{ a: 1, _id: 0 }, { a: 1 }],
    [{ _id: 1 }, { _id: 'x' }],
    [{ _id: 0 }, { a: 1, b: { c: 2, d: 3 }, list: [{ c: 1, d: 2 }, { d: 4 }, 7], e: null }],
    [{ 'b.c': 1 }, { _id: 'x', b: { c: 2 } }],
    [{ 'list.c': 1 }, { _id: 'x', list: [{ c: 1 }, {}] }],
    [{ missing: 1, 'a.deep': 1 }, { _id: 'x' }],
    [{ a: 0, 'b.c': 0 }, { _id: 'x', b: { d: 3 }, list: [{ c: 1, d: 2 }, { d: 4 }, 7], e: null }],
    [{ 'list.d': 0 }, { _id: 'x', a: 1, b: { c: 2, d: 3 }, list: [{ c: 1 }, {}, 7], e: null }],
  ])('%j', (projection, expected) => {
    expect(applyProjection(doc, projection)).toEqual(expected);
  });

  it('never mutates its input', () => {
    const copy = structuredClone(doc);
    applyProjection(doc, { a: 0, 'b.c': 0 });
    applyProjection(doc, { 'list.c': 1 });
    expect(doc).toEqual(copy);
  });

  it.each<[string, unknown]>([
    ['mixing inclusion and exclusion', { a: 1, b: 0 }],
    ['a value other than 0/1', { a: 2 }],
    ['an operator', { a: { $slice: 1 } }],
    ['a path collision', { b: 1, 'b.c': 1 }],
    ['a prototype key', { 'b.__proto__': 1 }],
    ['an empty path segment', { 'b..c': 1 }],
    ['a non-object', 'a b'],
  ])('rejects %s with INVALID_QUERY', (_, projection) => {
    expect(() => applyProjection(doc, projection as Projection)).toThrow(expect.objectContaining({ code: 'INVALID_QUERY' }));
  });

  it('is applied by findIn after sort and limit', () => {
    const docs: Doc[] = [
      { _id: '1', n: 3, s: 'c' },
      { _id: '2', n: 1, s: 'a' },
      { _id: '3', n: 2, s: 'b' },
    ];
    expect(findIn(docs, { n: { $gte: 2 } }, { sort: { n: 1 }, limit: 1, projection: { s: 1, _id: 0 } })).toEqual([{ s: 'b' }]);
  });
});
