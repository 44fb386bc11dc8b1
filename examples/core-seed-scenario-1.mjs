// The original tissdb-lite's scenario 1: bulk-insert records, then export them (ready to load elsewhere).
import assert from 'node:assert/strict';
import { TissDBLite } from 'tissdb-lite';

const db = new TissDBLite();
db.createCollection('users');
const inserted = db.bulkInsert('users', [
  { name: 'Alice', age: 30, role: 'developer' },
  { name: 'Bob', age: 40, role: 'admin' },
  { name: 'Charlie', age: 30, status: 'active' },
  { name: 'David', age: 25, status: 'inactive' },
  { name: 'Eve', age: 35, role: 'developer', status: 'active' },
]);
console.log(inserted.length); // -> 5

const nonAdmins = db.find('users', "role != 'admin'").map((u) => u.name);
console.log(nonAdmins); // -> [ 'Alice', 'Charlie', 'David', 'Eve' ]
assert.deepEqual(nonAdmins, ['Alice', 'Charlie', 'David', 'Eve']);

const exported = db.exportCollection('users');
console.log(exported.map((u) => u.name).join(', ')); // -> Alice, Bob, Charlie, David, Eve
assert.deepEqual(exported.map((u) => u.name), ['Alice', 'Bob', 'Charlie', 'David', 'Eve']);
assert.ok(exported.every((u) => typeof u._id === 'string' && u._createdDate instanceof Date));

// Exports are copies: changing them doesn't touch the database.
exported[0].name = 'Mallory';
assert.equal(db.exportCollection('users')[0].name, 'Alice');
