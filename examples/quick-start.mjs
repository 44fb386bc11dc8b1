// Quick start: an in-memory database with an index, a Mongo-style query, a condition string and an update.
import assert from 'node:assert/strict';
import { TissDBLite } from 'tissdb-lite';

const db = new TissDBLite();
const users = db.createCollection('users', { indexes: ['city'] });
users.insertMany([
  { name: 'Ada', age: 36, city: 'Oslo' },
  { name: 'Bo', age: 25, city: 'Rome' },
  { name: 'Cy', age: 41, city: 'Oslo' },
]);

const oslo = users.find({ city: 'Oslo' }, { sort: { age: -1 }, projection: { name: 1, _id: 0 } });
console.log(oslo); // -> [ { name: 'Cy' }, { name: 'Ada' } ]
assert.deepEqual(oslo, [{ name: 'Cy' }, { name: 'Ada' }]);

const older = db.find('users', "age > 30 AND city = 'Oslo'").map((u) => u.name);
console.log(older); // -> [ 'Ada', 'Cy' ]
assert.deepEqual(older, ['Ada', 'Cy']);

users.update({ name: 'Bo' }, { $inc: { age: 1 } });
console.log(users.findOne({ name: 'Bo' }).age); // -> 26
assert.equal(users.findOne({ name: 'Bo' }).age, 26);

console.log(users.explain({ city: 'Oslo' }).plan); // -> IXSCAN
assert.equal(users.explain({ city: 'Oslo' }).plan, 'IXSCAN');
