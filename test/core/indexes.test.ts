// Collection-level guarantees of indexes: whatever sequence of writes and index changes happens,
// an indexed collection answers every query exactly like an unindexed twin (which must scan).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TissDBLite } from '../../src/core';

const FIELDS = ['a', 'b', 'tags'] as const;
const arbVal = fc.oneof(fc.integer({ min: 0, max: 5 }), fc.constantFrom('x', 'y', '3'), fc.constant(null), fc.date({ min: new Date(0), max: new Date(5), noInvalidDate: true }));
const arbFieldVal = fc.oneof(arbVal, fc.array(arbVal, { maxLength: 3 }));
const arbDoc = fc.record({ a: arbFieldVal, b: arbVal, tags: fc.array(fc.constantFrom('p', 'q', 'r'), { maxLength: 3 }) }, { requiredKeys: [] });
const arbId = fc.constantFrom('1', '2', '3', '4', '5', '6', '7', '8');

const arbFilter = fc.oneof(
  fc.record({ a: arbVal }),
  fc.record({ b: arbVal }),
  fc.record({ b: fc.record({ $eq: arbVal }) }),
  fc.record({ b: fc.record({ $gte: arbVal }) }),
  fc.record({ a: fc.record({ $gt: arbVal, $lte: arbVal }) }),
  fc.record({ b: fc.record({ $in: fc.array(arbVal, { maxLength: 3 }) }) }),
  fc.record({ tags: fc.constantFrom('p', 'q') }),
  fc.record({ $or: fc.tuple(fc.record({ a: arbVal }), fc.record({ b: arbVal })) }),
  fc.record({ $and: fc.tuple(fc.record({ a: fc.record({ $lt: arbVal }) }), fc.record({ b: fc.record({ $ne: arbVal }) })) }),
);

type Op =
  | { kind: 'insert'; id: string; doc: Record<string, unknown> }
  | { kind: 'update'; filter: Record<string, unknown>; value: unknown; field: 'a' | 'b' | 'c' }
  | { kind: 'query'; filter: Record<string, unknown> }
  | { kind: 'remove'; id: string }
  | { kind: 'index'; fields: string[] }
  | { kind: 'drop' };

const arbOp: fc.Arbitrary<Op> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('insert' as const), id: arbId, doc: arbDoc }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('update' as const), filter: arbFilter, value: arbFieldVal, field: fc.constantFrom<'a' | 'b' | 'c'>('a', 'b', 'c') }) },
  // Reads between writes: index state built by a read (bucket document lists, cached results)
  // must follow the writes after it.
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('query' as const), filter: arbFilter }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('remove' as const), id: arbId }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('index' as const), fields: fc.shuffledSubarray([...FIELDS], { minLength: 1, maxLength: 2 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('drop' as const) }) },
);

function attempt(fn: () => unknown): string {
  try {
    fn();
    return 'ok';
  } catch (e) {
    return (e as { code?: string }).code ?? 'untyped';
  }
}

describe('indexed collections answer like a scan', () => {
  it('after random writes and index changes, every query agrees with an unindexed twin', () => {
    fc.assert(
      fc.property(fc.array(arbOp, { maxLength: 30 }), fc.array(arbFilter, { minLength: 1, maxLength: 5 }), fc.constantFrom<Record<string, 1 | -1> | undefined>(undefined, { a: 1 }, { b: -1, a: 1 }), (ops, filters, sort) => {
        const clock = { now: () => new Date(0) };
        const indexed = new TissDBLite(clock).createCollection('c', { indexes: ['b'] });
        const plain = new TissDBLite(clock).createCollection('c');
        for (const op of ops) {
          let r1: string;
          let r2: string;
          if (op.kind === 'insert') {
            r1 = attempt(() => indexed.insert({ ...op.doc, _id: op.id }));
            r2 = attempt(() => plain.insert({ ...op.doc, _id: op.id }));
          } else if (op.kind === 'update') {
            r1 = attempt(() => indexed.update(op.filter, { $set: { [op.field]: op.value } }, { multi: true }));
            r2 = attempt(() => plain.update(op.filter, { $set: { [op.field]: op.value } }, { multi: true }));
          } else if (op.kind === 'query') {
            expect(indexed.find(op.filter)).toEqual(plain.find(op.filter));
            expect(indexed.find(op.filter, { limit: 1, skip: 1 })).toEqual(plain.find(op.filter, { limit: 1, skip: 1 }));
            expect(indexed.count(op.filter)).toBe(plain.count(op.filter));
            r1 = r2 = 'ok';
          } else if (op.kind === 'remove') {
            r1 = attempt(() => indexed.remove(op.id));
            r2 = attempt(() => plain.remove(op.id));
          } else if (op.kind === 'index') {
            r1 = attempt(() => indexed.createIndex(op.fields));
            r2 = r1 === 'INVALID_ARGUMENT' ? r1 : 'ok';
          } else {
            const last = indexed.listIndexes().at(-1);
            r1 = last ? attempt(() => indexed.dropIndex(last.name)) : 'ok';
            r2 = 'ok';
          }
          expect(r1).toBe(r2);
        }
        for (const filter of filters) {
          const options = sort ? { sort } : {};
          expect(indexed.find(filter, options)).toEqual(plain.find(filter, options));
          expect(indexed.count(filter)).toBe(plain.count(filter));
          expect(indexed.find(filter, { ...options, limit: 2, skip: 1 })).toEqual(plain.find(filter, { ...options, limit: 2, skip: 1 }));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('reads between writes on a few keys see every write (bucket document lists follow updates)', () => {
    // Few keys and ids, so buckets hold several documents and reads, updates in place, moves
    // between keys and removals hit the same buckets again and again.
    const arbKey = fc.constantFrom(0, 1, 'k');
    const arbSmallOp = fc.oneof(
      fc.record({ kind: fc.constant('insert' as const), id: arbId, b: arbKey, a: fc.nat(3) }),
      fc.record({ kind: fc.constant('set' as const), where: arbKey, field: fc.constantFrom('a', 'b'), value: arbKey, multi: fc.boolean() }),
      fc.record({ kind: fc.constant('remove' as const), id: arbId }),
      fc.record({ kind: fc.constant('read' as const), filter: fc.oneof(fc.record({ b: arbKey }), fc.record({ b: fc.record({ $gte: arbKey }) }), fc.record({ b: fc.record({ $in: fc.array(arbKey, { maxLength: 2 }) }) })) }),
    );
    fc.assert(
      fc.property(fc.array(arbSmallOp, { maxLength: 40 }), fc.boolean(), (ops, clone) => {
        const clock = { now: () => new Date(0) };
        const indexed = new TissDBLite({ ...clock, clone }).createCollection('c', { indexes: ['b'] });
        const plain = new TissDBLite({ ...clock, clone }).createCollection('c');
        for (const op of ops) {
          for (const c of [indexed, plain]) {
            if (op.kind === 'insert') attempt(() => c.insert({ _id: op.id, a: op.a, b: op.b }));
            else if (op.kind === 'set') c.update({ b: op.where }, { $set: { [op.field]: op.value } }, { multi: op.multi });
            else if (op.kind === 'remove') c.remove(op.id);
          }
          if (op.kind === 'read') {
            expect(indexed.find(op.filter)).toEqual(plain.find(op.filter));
            expect(indexed.find(op.filter)).toEqual(plain.find(op.filter)); // again: cached the second time
            expect(indexed.count(op.filter)).toBe(plain.count(op.filter));
          }
        }
        expect(indexed.find({})).toEqual(plain.find({}));
      }),
      { numRuns: 300 },
    );
  });

  it('unique indexes reject duplicates from inserts and updates, leaving the collection unchanged', () => {
    const c = new TissDBLite().createCollection('users', { indexes: [{ fields: ['email'], unique: true }] });
    c.insertMany([{ _id: '1', email: 'a' }, { _id: '2', email: 'b' }]);
    const before = c.export();
    expect(() => c.insert({ email: 'a' })).toThrow(expect.objectContaining({ code: 'DUPLICATE_KEY', collection: 'users' }));
    expect(() => c.update({ _id: '2' }, { $set: { email: 'a' } })).toThrow(expect.objectContaining({ code: 'DUPLICATE_KEY' }));
    expect(() => c.replace('2', { email: 'a' })).toThrow(expect.objectContaining({ code: 'DUPLICATE_KEY' }));
    expect(() => c.createIndex('x', { unique: true })).toThrow(expect.objectContaining({ code: 'DUPLICATE_KEY' }));
    expect(c.listIndexes().map((i) => i.fields)).toEqual([['email']]);
    expect(c.export()).toEqual(before);
    // Swapping two unique values in one multi-update batch is a legal end state.
    c.remove('2');
    c.insert({ _id: '3', email: 'c' });
    expect(c.find({ email: 'c' }).map((d) => d._id)).toEqual(['3']);
  });

  it('explain shows IXSCAN for equality, $in, range, sort and $or of indexed branches; COLLSCAN otherwise', () => {
    const c = new TissDBLite().createCollection('u', { indexes: ['city', 'age'] });
    c.insertMany(Array.from({ length: 50 }, (_, i) => ({ city: `c${i % 5}`, age: i, name: `n${i}` })));
    const plan = (filter: Record<string, unknown>, options = {}) => c.explain(filter, options);
    expect(plan({ city: 'c1' })).toMatchObject({ plan: 'IXSCAN', index: expect.any(String), returned: 10 });
    expect(plan({ city: 'c1' }).scanned).toBeLessThanOrEqual(10);
    expect(plan({ city: { $in: ['c1', 'c2'] } })).toMatchObject({ plan: 'IXSCAN', returned: 20 });
    expect(plan({ age: { $gte: 10, $lt: 20 } })).toMatchObject({ plan: 'IXSCAN', returned: 10 });
    expect(plan({}, { sort: { age: -1 }, limit: 3 })).toMatchObject({ plan: 'IXSCAN', returned: 3 });
    expect(plan({ $or: [{ city: 'c1' }, { age: 3 }] })).toMatchObject({ plan: 'IXSCAN', returned: 11 });
    expect(plan({ $and: [{ name: 'n1' }, { city: 'c1' }] })).toMatchObject({ plan: 'IXSCAN', returned: 1 });
    expect(plan({ name: 'n1' })).toMatchObject({ plan: 'COLLSCAN', scanned: 50, returned: 1 });
    expect(plan({ $or: [{ city: 'c1' }, { name: 'n3' }] })).toMatchObject({ plan: 'COLLSCAN' });
  });
});
