// Updates run mingo's operator functions directly (updateMany rebuilds its context on every call);
// this checks the result is exactly what mingo's updateMany gives, on random documents and updates.
import fc from 'fast-check';
import { updateMany } from 'mingo';
import { describe, expect, it } from 'vitest';
import { TissDBLite } from '../../src/core';

const field = fc.constantFrom('a', 'b', 'n.x', 'n.y', 'list');
const scalar = fc.oneof(fc.integer({ min: -5, max: 5 }), fc.constantFrom('s', 't'), fc.constant(null));
const doc = fc.record(
  { a: fc.oneof(scalar, fc.array(scalar, { maxLength: 3 })), b: fc.integer({ min: 0, max: 9 }), n: fc.record({ x: scalar, y: fc.integer() }, { requiredKeys: [] }), list: fc.array(scalar, { maxLength: 4 }) },
  { requiredKeys: [] },
);
const op = fc.oneof(
  fc.record({ $set: fc.dictionary(field, scalar, { minKeys: 1, maxKeys: 1 }) }),
  fc.record({ $unset: fc.dictionary(field, fc.constant(''), { minKeys: 1, maxKeys: 1 }) }),
  fc.record({ $inc: fc.dictionary(fc.constantFrom('b', 'n.y'), fc.integer({ min: -3, max: 3 }), { minKeys: 1, maxKeys: 1 }) }),
  fc.record({ $mul: fc.dictionary(fc.constantFrom('b', 'n.y'), fc.integer({ min: -3, max: 3 }), { minKeys: 1, maxKeys: 1 }) }),
  fc.record({ $min: fc.dictionary(field, scalar, { minKeys: 1, maxKeys: 1 }) }),
  fc.record({ $max: fc.dictionary(field, scalar, { minKeys: 1, maxKeys: 1 }) }),
  fc.record({ $push: fc.record({ list: fc.oneof(scalar, fc.record({ $each: fc.array(scalar, { maxLength: 3 }), $slice: fc.integer({ min: -3, max: 3 }) })) }) }),
  fc.record({ $addToSet: fc.record({ list: scalar }) }),
  fc.record({ $pull: fc.record({ list: scalar }) }),
  fc.record({ $pop: fc.record({ list: fc.constantFrom(1, -1) }) }),
  fc.record({ $rename: fc.constantFrom({ a: 'renamed' }, { 'n.x': 'nx' }) }),
);

function plain(d: Record<string, unknown>): Record<string, unknown> {
  const { _createdDate: _c, _updatedDate: _u, ...rest } = d;
  return rest;
}

describe('update operators', () => {
  it('give exactly what mingo updateMany gives, or both refuse', () => {
    fc.assert(
      fc.property(fc.array(doc, { minLength: 1, maxLength: 5 }), op, (docs, spec) => {
        const c = new TissDBLite().createCollection('c');
        c.insertMany(docs.map((d, i) => ({ ...d, _id: String(i) })));
        const expected = c.export().map(plain);
        let mingoError = false;
        try {
          updateMany(expected, {}, spec as never, { cloneMode: 'deep' });
        } catch {
          mingoError = true;
        }
        let ours: unknown;
        try {
          c.update({}, spec, { multi: true });
        } catch (e) {
          ours = e;
        }
        // We refuse a type mismatch ($inc on a string, $push on a non-array) that mingo skips.
        if (ours !== undefined || mingoError) {
          expect((ours as { code?: string } | undefined)?.code ?? 'INVALID_ARGUMENT').toBe('INVALID_ARGUMENT');
          return;
        }
        // Through JSON: -0 and 0 are the same number to both (an update from 0 to -0 modifies nothing).
        expect(JSON.parse(JSON.stringify(c.export().map(plain)))).toEqual(JSON.parse(JSON.stringify(expected)));
      }),
      { numRuns: 400 },
    );
  });

  it('refuses two operators on the same or nested paths, as updateMany does', () => {
    const c = new TissDBLite().createCollection('c');
    c.insert({ _id: 'a', n: { x: 1 }, b: 1 });
    for (const spec of [{ $set: { n: 1 }, $inc: { 'n.x': 1 } }, { $set: { b: 2 }, $inc: { b: 1 } }, { $rename: { b: 'n' }, $set: { 'n.x': 3 } }]) {
      expect(() => c.update({}, spec)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    }
    expect(c.get('a')).toMatchObject({ n: { x: 1 }, b: 1 });
  });
});
