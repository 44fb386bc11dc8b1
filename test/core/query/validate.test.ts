import { describe, expect, it } from 'vitest';
import { compileFilter, findIn, runFind } from '../../../src/core/query';
import { isTissDBLiteError } from '../../../src/core/errors';
import type { Filter } from '../../../src/core/types';
import { peopleStore } from '../../support/query-fixtures';

function codeOf(fn: () => unknown): { code?: string; operator?: string } {
  try {
    fn();
  } catch (e) {
    if (isTissDBLiteError(e)) return { code: e.code, ...(e.operator ? { operator: e.operator } : {}) };
    return { code: `not a TissDBLiteError: ${String(e)}` };
  }
  return {};
}

describe('filter validation', () => {
  it.each<[string, unknown, string]>([
    ['$where at the top', { $where: 'this.a > 1' }, '$where'],
    ['$where as a function', { $where: () => true }, '$where'],
    ['$where inside $and', { $and: [{ a: 1 }, { $where: 'true' }] }, '$where'],
    ['$where inside $or inside $nor', { $nor: [{ $or: [{ $where: 'true' }] }] }, '$where'],
    ['$function inside $expr', { $expr: { $function: { body: 'return true', args: [], lang: 'js' } } }, '$function'],
    ['$accumulator inside $expr', { $expr: { $eq: [{ $accumulator: {} }, 1] } }, '$accumulator'],
    ['$where inside $elemMatch', { a: { $elemMatch: { $where: 'true' } } }, '$where'],
  ])('refuses %s with FORBIDDEN_OPERATOR', (_, filter, operator) => {
    expect(codeOf(() => compileFilter(filter as Filter))).toEqual({ code: 'FORBIDDEN_OPERATOR', operator });
  });

  it.each<[string, unknown]>([
    ['null', null],
    ['a number', 5],
    ['a string', 'a = 1'],
    ['an array', [{ a: 1 }]],
    ['a Date', new Date()],
    ['__proto__ from JSON', JSON.parse('{"__proto__": {"polluted": 1}}')],
    ['a constructor path', { 'constructor.prototype.polluted': 1 }],
    ['a nested __proto__ path', { 'a.__proto__.b': 1 }],
    ['prototype inside a value', { a: { $eq: { prototype: 1 } } }],
    ['an unknown field operator', { a: { $frobnicate: 1 } }],
    ['an unknown top-level operator', { $frobnicate: [{ a: 1 }] }],
    ['$in without an array', { a: { $in: 5 } }],
    ['$nin without an array', { a: { $nin: 'x' } }],
    ['$and without an array', { $and: { a: 1 } }],
    ['$or of non-objects', { $or: [1, 2] }],
    ['a broken regular expression', { a: { $regex: '(' } }],
    ['$elemMatch without an object', { a: { $elemMatch: 3 } }],
  ])('rejects %s with INVALID_QUERY', (_, filter) => {
    expect(codeOf(() => compileFilter(filter as Filter)).code).toBe('INVALID_QUERY');
  });

  it('never pollutes Object.prototype', () => {
    for (const text of ['{"__proto__": {"polluted": 1}}', '{"a": {"__proto__": {"polluted": 1}}}', '{"$or": [{"__proto__": {"polluted": 1}}]}']) {
      codeOf(() => findIn([{ _id: 'x', a: 1 }], JSON.parse(text) as Filter));
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses before touching any document, even on an empty collection', () => {
    const { store, indexes } = peopleStore(0);
    expect(codeOf(() => runFind(store, indexes, { $where: 'true' }, {})).code).toBe('FORBIDDEN_OPERATOR');
    expect(codeOf(() => runFind(store, indexes, { a: { $in: 1 } }, {})).code).toBe('INVALID_QUERY');
  });

  it.each<[string, object]>([
    ['a negative skip', { skip: -1 }],
    ['a fractional limit', { limit: 1.5 }],
    ['a sort direction of 2', { sort: { a: 2 } }],
    ['a sort on __proto__', { sort: { __proto__x: 1, 'a.__proto__': 1 } }],
    ['a mixed projection', { projection: { a: 1, b: 0 } }],
  ])('rejects %s with INVALID_QUERY', (_, options) => {
    expect(codeOf(() => findIn([{ _id: 'x', a: 1 }], {}, options)).code).toBe('INVALID_QUERY');
  });

  it('wraps mingo errors with the cause', () => {
    try {
      compileFilter({ a: { $frobnicate: 1 } });
      expect.unreachable();
    } catch (e) {
      expect(isTissDBLiteError(e) && e.code).toBe('INVALID_QUERY');
      expect((e as Error).cause).toBeInstanceOf(Error);
      expect((e as Error).message).toMatch(/\$frobnicate/);
    }
  });
});
