// Wrong types, nulls, cycles and hostile keys: every one gets a typed error and changes nothing.
import { describe, expect, it } from 'vitest';
import { TissDBLite, isTissDBLiteError } from '../../src/core';

function codeOf(fn: () => unknown): string {
  try {
    fn();
    return 'no error';
  } catch (e) {
    return isTissDBLiteError(e) ? e.code : `untyped: ${String(e)}`;
  }
}

describe('bad documents', () => {
  const cyclic: Record<string, unknown> = { a: 1 };
  cyclic.self = cyclic;
  const cases: Array<[string, unknown]> = [
    ['null', null],
    ['a number', 42],
    ['a string', 'doc'],
    ['an array', [{ a: 1 }]],
    ['a function value', { f: () => 1 }],
    ['a symbol value', { s: Symbol('x') }],
    ['a BigInt', { n: 10n }],
    ['a cycle', cyclic],
    ['a $ key', { $set: 1 }],
    ['a nested $ key', { a: { $gt: 1 } }],
    ['__proto__', JSON.parse('{"__proto__": {"polluted": true}}')],
    ['nested constructor', { a: { constructor: { prototype: { x: 1 } } } }],
    ['prototype key', { prototype: 1 }],
    ['a Map', { m: new Map() }],
    ['a class instance', new (class Point { x = 1 })()],
    ['an invalid Date', { d: new Date('nope') }],
    ['NaN', { n: Number.NaN }],
    ['a numeric _id', { _id: 5 }],
    ['an empty _id', { _id: '' }],
  ];
  it.each(cases)('rejects %s with INVALID_DOCUMENT', (_label, doc) => {
    const db = new TissDBLite();
    const c = db.createCollection('c');
    expect(codeOf(() => c.insert(doc as never))).toBe('INVALID_DOCUMENT');
    expect(c.size).toBe(0);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('bad queries, updates and options', () => {
  const db = new TissDBLite();
  const c = db.createCollection('c');
  c.insert({ _id: 'a', n: 1, tags: ['x'] });

  it.each([
    ['$where', { $where: 'this.n > 0' }],
    ['$where inside $or', { $or: [{ n: 1 }, { $where: () => true }] }],
    ['$function inside $expr', { $expr: { $function: { body: 'return true', args: [], lang: 'js' } } }],
    ['$accumulator', { $expr: { $accumulator: {} } }],
  ])('refuses %s with FORBIDDEN_OPERATOR', (_label, filter) => {
    expect(codeOf(() => c.find(filter as never))).toBe('FORBIDDEN_OPERATOR');
    expect(codeOf(() => c.update(filter as never, { $set: { n: 2 } }))).toBe('FORBIDDEN_OPERATOR');
  });

  it.each([
    ['unknown operator', { n: { $bogus: 1 } }],
    ['prototype path', { '__proto__.polluted': 1 }],
    ['constructor path', { 'constructor.prototype.x': 1 }],
  ])('refuses %s with INVALID_QUERY', (_label, filter) => {
    expect(codeOf(() => c.find(filter as never))).toBe('INVALID_QUERY');
  });

  it('refuses prototype paths in updates without polluting', () => {
    expect(codeOf(() => c.update({}, { $set: { '__proto__.polluted': true } }))).not.toBe('no error');
    expect(codeOf(() => c.update({}, { $set: { 'a.constructor.prototype.polluted': true } }))).not.toBe('no error');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(c.get('a')).toMatchObject({ n: 1 });
  });

  it.each([
    ['negative limit', { limit: -1 }],
    ['fractional skip', { skip: 1.5 }],
    ['bad sort direction', { sort: { n: 2 } }],
    ['string options', 'fast'],
  ])('refuses %s with INVALID_ARGUMENT', (_label, options) => {
    expect(codeOf(() => c.find({}, options as never))).toBe('INVALID_ARGUMENT');
  });

  it('refuses non-array bulk input and non-function listeners', () => {
    expect(codeOf(() => c.insertMany({} as never))).toBe('INVALID_ARGUMENT');
    expect(codeOf(() => c.watch('x' as never))).toBe('INVALID_ARGUMENT');
    expect(codeOf(() => c.remove(42 as never))).toBe('INVALID_ARGUMENT');
    expect(codeOf(() => db.transaction('x' as never))).toBe('INVALID_ARGUMENT');
  });

  it('reports malformed condition strings as TISSQL_SYNTAX with a position', () => {
    try {
      db.find('c', 'n >= AND x');
      expect.unreachable();
    } catch (e) {
      expect(isTissDBLiteError(e) && e.code).toBe('TISSQL_SYNTAX');
      expect(typeof (e as { position?: number }).position).toBe('number');
    }
  });
});

describe('values from another realm', () => {
  it('stores a Date made in another vm context as a Date, and encodes it in snapshots', async () => {
    const { runInNewContext } = await import('node:vm');
    const foreign = runInNewContext('new Date(86400000)') as Date;
    expect(foreign instanceof Date).toBe(false);
    const c = new TissDBLite().createCollection('c');
    c.insert({ _id: 'a', when: foreign });
    expect(c.get('a')!.when).toEqual(new Date(86400000));
  });
});

describe('plain objects from another realm', () => {
  it('accepts them as documents and still refuses class instances from there', async () => {
    const { runInNewContext } = await import('node:vm');
    const c = new TissDBLite().createCollection('c');
    c.insert(runInNewContext('({ _id: "x", nested: { n: 1 }, list: [1] })'));
    expect(c.get('x')).toMatchObject({ nested: { n: 1 } });
    expect(codeOf(() => c.insert(runInNewContext('new (class A { constructor() { this.a = 1 } })()')))).toBe('INVALID_DOCUMENT');
  });
});
