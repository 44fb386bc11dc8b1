/** Equi-joins use a hash lookup; it must give exactly the nested loop's rows, in the same order. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TissDBLite } from '../../src/core/index';

const keyArb = fc.oneof(
  fc.integer({ min: 0, max: 3 }),
  fc.constantFrom('1', '2', null, 1.0, true),
  fc.array(fc.oneof(fc.integer({ min: 0, max: 3 }), fc.constant(null)), { maxLength: 3 }),
);
const sideArb = fc.array(fc.record({ k: keyArb, v: fc.integer({ min: 0, max: 9 }) }, { requiredKeys: ['v'] }), { maxLength: 8 });

describe('hash equi-join', () => {
  it('equals the nested loop for every join kind', () => {
    fc.assert(
      fc.property(sideArb, sideArb, fc.constantFrom('JOIN', 'LEFT JOIN', 'RIGHT JOIN', 'FULL JOIN'), (ls, rs, kind) => {
        const db = new TissDBLite();
        db.createCollection('l').insertMany(ls.map((d, i) => ({ ...d, _id: `l${i}` })));
        db.createCollection('r').insertMany(rs.map((d, i) => ({ ...d, _id: `r${i}` })));
        const hashed = db.sql(`SELECT * FROM l a ${kind} r b ON a.k = b.k AND b.v >= 2`);
        const looped = db.sql(`SELECT * FROM l a ${kind} r b ON (a.k = b.k OR FALSE) AND b.v >= 2`);
        expect(hashed).toEqual(looped);
      }),
      { numRuns: 300 },
    );
  });

  it('three tables, keys on either side of =', () => {
    const db = new TissDBLite();
    db.createCollection('a').insertMany([{ _id: 'a1', x: 1 }, { _id: 'a2', x: 2 }]);
    db.createCollection('b').insertMany([{ _id: 'b1', x: 1, y: 'p' }, { _id: 'b2', x: 1, y: 'q' }]);
    db.createCollection('c').insertMany([{ _id: 'c1', y: 'q' }]);
    expect(db.sql('SELECT a.x, c._id FROM a JOIN b ON b.x = a.x JOIN c ON b.y = c.y')).toEqual([
      { _id: 'a1_b2_c1', 'a.x': 1, 'c._id': 'c1' },
    ]);
  });
});
