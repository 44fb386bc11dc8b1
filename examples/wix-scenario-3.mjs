// Seed scenario 3: tissdb-lite → Wix Data. Local records go to a Wix collection (ids kept), then the
// same MongoDB-style filter (or the original condition string) runs on the Wix side through the
// real builder API. Here createWixData stands in for Velo's `wix-data`; on a site pass `wixData`.
import assert from 'node:assert/strict';
import { TissDBLite } from 'tissdb-lite';
import { createWixData, executeQuery, toWixRestItem, withWixExecuteQuery } from 'tissdb-lite/wix';

const local = new TissDBLite();
local.createCollection('users');
local.bulkInsert('users', [
  { _id: 'u1', name: 'Alice', age: 30, role: 'developer' },
  { _id: 'u2', name: 'Bob', age: 40, role: 'admin' },
  { _id: 'u3', name: 'Charlie', age: 30, status: 'active' },
  { _id: 'u4', name: 'David', age: 25, status: 'inactive' },
  { _id: 'u5', name: 'Eve', age: 35, role: 'developer', status: 'active' },
]);

const wixData = createWixData(new TissDBLite(), { ownerId: 'site-owner' });

// Push in batches of at most 1000 (Wix's bulk limit); bulkSave keeps the ids.
const docs = local.exportCollection('users');
for (let i = 0; i < docs.length; i += 1000) {
  const result = await wixData.bulkSave('Users', docs.slice(i, i + 1000));
  assert.equal(result.errors.length, 0);
}
console.log(await wixData.query('Users').count()); // -> 5
assert.equal(await wixData.query('Users').count(), 5);

// The same filter, run locally and on Wix.
const filter = { age: { $gte: 30 }, $or: [{ role: 'developer' }, { status: 'active' }] };
const here = local.find('users', filter).map((u) => u.name).sort();
const there = (await executeQuery(wixData, { collection: 'Users', filter, sort: { name: 1 } })).map((u) => u.name);
console.log(there); // -> [ 'Alice', 'Charlie', 'Eve' ]
assert.deepEqual(there, here);

// The original API: db.executeQuery({ collection, condition_string }) on the Wix module.
const db = withWixExecuteQuery(local, wixData);
const seniors = (await db.executeQuery({ collection: 'Users', condition_string: 'age > 30' })).map((u) => u.name).sort();
console.log(seniors); // -> [ 'Bob', 'Eve' ]
assert.deepEqual(seniors, ['Bob', 'Eve']);

// The REST v2 shape, for a bulk insert over HTTP instead of Velo.
const rest = toWixRestItem(docs[0], 'Users');
console.log(rest.id, rest.dataCollectionId, rest.data._createdDate.$date === docs[0]._createdDate.toISOString()); // -> u1 Users true
assert.equal(rest.id, 'u1');
assert.match(rest.data._createdDate.$date, /^\d{4}-\d\d-\d\dT/);
