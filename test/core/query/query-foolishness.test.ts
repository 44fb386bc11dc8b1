import { describe, expect, it } from 'vitest';
import { IndexManager, applyProjection, compareValues, countMatches, findIn, runFind } from '../../../src/core/query';
import type { Doc, Filter } from '../../../src/core/types';
import { peopleStore } from '../../support/query-fixtures';

const { store, indexes, docs } = peopleStore(30, [{ fields: ['age'] }, { fields: ['city', 'age'] }, { fields: ['tags'] }]);

function outcome(fn: () => unknown): string {
  try {
    fn();
    return 'ok';
  } catch (e) {
    return (e as { code?: string }).code ?? `untyped: ${String(e)}`;
  }
}

describe('query foolishness', () => {
  it.each<[string, unknown]>([
    ['a Map', new Map([['a', 1]])],
    ['a class instance', new (class Q {})()],
    ['a function', () => true],
    ['undefined inside $and', { $and: [undefined] }],
    ['null inside $or', { $or: [null] }],
    ['a nested array as $and', { $and: [[{ a: 1 }]] }],
    ['a 300-deep filter', JSON.parse('{"a":'.repeat(300) + '1' + '}'.repeat(300))],
    ['$in with a function', { a: { $in: [() => 1] } }],
    ['$size with a string', { a: { $size: 'two' } }],
    ['$options without $regex', { a: { $options: 'i' } }],
  ])('%s is refused with a typed error, never a crash', (_, filter) => {
    const result = outcome(() => runFind(store, indexes, filter as Filter, {}));
    expect(['INVALID_QUERY', 'FORBIDDEN_OPERATOR', 'ok']).toContain(result);
  });

  it.each<[string, Filter]>([
    ['a BigInt operand', { age: 30n as unknown as number }],
    ['a Symbol operand', { age: Symbol('x') as unknown as number }],
    ['NaN', { age: Number.NaN }],
    ['NaN bounds', { age: { $gte: Number.NaN } }],
    ['Infinity bounds', { age: { $lt: Number.POSITIVE_INFINITY } }],
    ['an invalid Date', { createdAt: new Date(Number.NaN) }],
    ['an empty $or', { $or: [] }],
    ['an empty $and', { $and: [] }],
    ['an empty $in', { age: { $in: [] } }],
    ['an operator-looking value key', { age: { $eq: { $gt: 1 } } }],
    ['a numeric path', { 'tags.0': 'red' }],
    ['an Object.prototype name as a field', { toString: 1, hasOwnProperty: { $exists: false } }],
    ['a very long path', { ['a.'.repeat(200) + 'b']: 1 }],
  ])('%s gives the scan answer', (_, filter) => {
    expect(runFind(store, indexes, filter, {}).docs).toEqual(findIn(docs, filter));
    expect(countMatches(store, indexes, filter)).toBe(findIn(docs, filter).length);
  });

  it('huge skip and limit are harmless', () => {
    expect(runFind(store, indexes, {}, { skip: 1e9 }).docs).toEqual([]);
    expect(runFind(store, indexes, { age: { $gt: 0 } }, { limit: 1e9, sort: { age: 1 } }).docs).toHaveLength(30);
  });

  it('an empty collection answers everything with nothing', () => {
    const im = new IndexManager('empty');
    im.create({ fields: ['a'], unique: true }, []);
    for (const filter of [{}, { a: 1 }, { a: { $gt: 1 } }, { $or: [{ a: 1 }, { a: 2 }] }]) {
      expect(runFind(new Map(), im, filter, { sort: { a: 1 } }).docs).toEqual([]);
      expect(countMatches(new Map(), im, filter)).toBe(0);
    }
  });

  it('compareValues never throws on odd values', () => {
    const odd = [undefined, null, Number.NaN, -0, '', [], [[]], {}, Object.create(null), new Date(Number.NaN), /x/, true, 10n, Symbol('s')];
    for (const a of odd) for (const b of odd) expect(typeof compareValues(a, b)).toBe('number');
  });

  it('projection of documents missing the projected fields', () => {
    expect(applyProjection({ _id: 'x' } as Doc, { 'a.b.c': 1 })).toEqual({ _id: 'x' });
    expect(applyProjection({ _id: 'x', a: [[{ b: 1 }]] } as Doc, { 'a.b': 1 })).toEqual({ _id: 'x', a: [[{ b: 1 }]] });
  });
});
