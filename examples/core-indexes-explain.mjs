// Indexes and explain(): which plan the planner picks for equality, $in, ranges, sorts, compound
// keys and $or unions, and proof that an indexed answer equals the full scan's.
import assert from 'node:assert/strict';
import { TissDBLite, isTissDBLiteError } from 'tissdb-lite';

const db = new TissDBLite();
const people = db.createCollection('people', { indexes: ['city', 'age', 'tags'] });
const cities = ['Oslo', 'Rome', 'Lima', 'Pune'];
people.insertMany(
  Array.from({ length: 400 }, (_, i) => ({
    _id: `p${i}`,
    email: `p${i}@example.com`,
    age: 18 + ((i * 7) % 60),
    city: cities[i % cities.length],
    tags: i % 5 === 0 ? ['admin', 'staff'] : ['staff'],
  })),
);
console.log(people.createIndex(['city', 'age'])); // -> city_1_age_1
assert.equal(people.createIndex(['city', 'age']), 'city_1_age_1'); // the same index again: a no-op
console.log(people.createIndex('email', { unique: true })); // -> email_1
assert.equal(people.listIndexes().length, 5);

const show = (label, filter, options) => {
  const e = people.explain(filter, options);
  console.log(label.padEnd(22), e.plan, e.index ?? e.indexes?.join('+') ?? '-', `scanned ${e.scanned}, returned ${e.returned}`);
  return e;
};

// -> equality               IXSCAN city_1 scanned 100, returned 100
assert.deepEqual(show('equality', { city: 'Rome' }), { plan: 'IXSCAN', index: 'city_1', scanned: 100, returned: 100 });
// -> unique equality        IXSCAN email_1 scanned 1, returned 1
assert.equal(show('unique equality', { email: 'p42@example.com' }).scanned, 1);
// -> $in                    IXSCAN age_1 scanned 14, returned 14
assert.deepEqual(show('$in', { age: { $in: [20, 30] } }), { plan: 'IXSCAN', index: 'age_1', scanned: 14, returned: 14 });
// -> range                  IXSCAN age_1 scanned 33, returned 33
const range = show('range', { age: { $gte: 70, $lt: 75 } });
assert.equal(range.plan, 'IXSCAN');
assert.equal(range.scanned, range.returned); // only the documents in range were read
// -> compound prefix+range  IXSCAN city_1_age_1 scanned 25, returned 25
assert.deepEqual(show('compound prefix+range', { city: 'Lima', age: { $gt: 60 } }), { plan: 'IXSCAN', index: 'city_1_age_1', scanned: 25, returned: 25 });
// -> multikey               IXSCAN tags_1 scanned 80, returned 80
assert.equal(show('multikey', { tags: 'admin' }).returned, 80);
// -> sort + limit           IXSCAN age_1 scanned 3, returned 3 (walks the index, stops early)
assert.deepEqual(show('sort + limit', {}, { sort: { age: -1 }, limit: 3 }), { plan: 'IXSCAN', index: 'age_1', scanned: 3, returned: 3 });
// -> $or union              IXSCAN city_1+tags_1 scanned 160, returned 160
assert.deepEqual(show('$or union', { $or: [{ city: 'Pune' }, { tags: 'admin' }] }).indexes, ['city_1', 'tags_1']);
// -> unindexed field        COLLSCAN - scanned 400, returned 40
assert.equal(show('unindexed field', { email: /7@/ }).plan, 'COLLSCAN');
// -> $ne                    COLLSCAN - scanned 400, returned 300
assert.equal(show('$ne', { city: { $ne: 'Oslo' } }).plan, 'COLLSCAN');

// Whatever the plan, the answer is the scan's: same documents, same order.
const filter = { $or: [{ city: 'Pune', age: { $lt: 30 } }, { tags: 'admin' }] };
const viaIndexes = people.find(filter, { sort: { age: 1 }, limit: 10 });
const viaScan = people.export().filter((d) => (d.city === 'Pune' && d.age < 30) || d.tags.includes('admin'))
  .sort((a, b) => a.age - b.age || Number(a._id.slice(1)) - Number(b._id.slice(1))).slice(0, 10);
assert.deepEqual(viaIndexes.map((d) => d._id), viaScan.map((d) => d._id));
console.log('indexed = scanned:', viaIndexes.map((d) => d._id).join(' ')); // -> indexed = scanned: p0 p60 p120 ...

// A unique index refuses duplicates and the write changes nothing.
try {
  people.insertMany([{ email: 'new@example.com' }, { email: 'p1@example.com' }]);
  assert.fail('expected DUPLICATE_KEY');
} catch (e) {
  assert.ok(isTissDBLiteError(e) && e.code === 'DUPLICATE_KEY');
  console.log(e.code, e.index); // -> DUPLICATE_KEY email_1
}
assert.equal(people.size, 400);
assert.equal(people.count({ email: 'new@example.com' }), 0);
