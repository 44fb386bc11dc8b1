import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { TissDBLite } from '../../../src/core';
import { findIn } from '../../../src/core/query';
import type { Doc, Filter } from '../../../src/core/types';

// Exact finds and counts are cached until the next write: every kind of write must be seen.
type Op =
  | { kind: 'insert'; age: number; city: string }
  | { kind: 'update'; n: number; age: number }
  | { kind: 'remove'; n: number }
  | { kind: 'toggleIndex' }
  | { kind: 'clear' }
  | { kind: 'read'; filter: Filter; skip: number };

const age = fc.integer({ min: 0, max: 12 });
const city = fc.constantFrom('Rome', 'Lima', 'Oslo');
const filter: fc.Arbitrary<Filter> = fc.oneof(
  fc.tuple(age, age).map(([a, b]): Filter => ({ age: { $gte: Math.min(a, b), $lte: Math.max(a, b) } })),
  age.map((a): Filter => ({ age: { $gt: a } })),
  age.map((a): Filter => ({ age: a })),
  fc.array(age, { maxLength: 3 }).map((xs): Filter => ({ age: { $in: xs } })),
  city.map((c): Filter => ({ city: c })),
);
const op: fc.Arbitrary<Op> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant('insert' as const), age, city }), weight: 4 },
  { arbitrary: fc.record({ kind: fc.constant('update' as const), n: fc.nat(), age }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('remove' as const), n: fc.nat() }), weight: 2 },
  { arbitrary: fc.constant({ kind: 'toggleIndex' as const }), weight: 1 },
  { arbitrary: fc.constant({ kind: 'clear' as const }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('read' as const), filter, skip: fc.integer({ min: 0, max: 3 }) }), weight: 8 },
);

describe('cached exact finds and counts', () => {
  it('always answer what a scan answers, across writes', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.array(op, { maxLength: 60 }), (clone, ops) => {
        const db = new TissDBLite({ clone });
        const c = db.createCollection('people');
        c.createIndex('age');
        c.createIndex('city');
        let indexed = true;
        for (const o of ops) {
          const ids = c.find({}, { clone: false }).map((d) => d._id as string);
          if (o.kind === 'insert') c.insert({ age: o.age, city: o.city });
          else if (o.kind === 'update' && ids.length > 0) c.update({ _id: ids[o.n % ids.length] as string }, { $set: { age: o.age } });
          else if (o.kind === 'remove' && ids.length > 0) c.remove(ids[o.n % ids.length] as string);
          else if (o.kind === 'clear') c.clear();
          else if (o.kind === 'toggleIndex') {
            if (indexed) c.dropIndex('age_1');
            else c.createIndex('age');
            indexed = !indexed;
          } else if (o.kind === 'read') {
            const all = c.find({}, { clone: false }) as Doc[];
            const want = findIn(all, o.filter, { skip: o.skip }).map((d) => d._id);
            for (let i = 0; i < 3; i++) {
              const got = c.find(o.filter, { skip: o.skip, clone: false });
              expect(got.map((d) => d._id)).toEqual(want);
              // Callers may change the array they get; the next answer must not.
              got.length = 0;
              expect(c.count(o.filter)).toBe(findIn(all, o.filter).length);
            }
          }
        }
      }),
      { numRuns: 150 },
    );
  });
});
