// Seed scenario 4: Wix Data → tissdb-lite. Every item of a Wix collection (more than one 1000-item
// page) comes into a local database with ids, owners and dates intact, then is queried locally.
// Here createWixData stands in for Velo's `wix-data`; on a site pass `wixData`.
import assert from 'node:assert/strict';
import { TissDBLite } from 'tissdb-lite';
import { createWixData, executeQuery, fromWixRestItem } from 'tissdb-lite/wix';

const wixData = createWixData(new TissDBLite(), { ownerId: 'member-1' });
const orders = Array.from({ length: 1500 }, (_, i) => ({ _id: `o${i}`, total: i % 100, status: i % 3 ? 'paid' : 'open' }));
for (let i = 0; i < orders.length; i += 1000) await wixData.bulkInsert('Orders', orders.slice(i, i + 1000));

// No limit: executeQuery follows next() until the last page.
const exported = await executeQuery(wixData, { collection: 'Orders', sort: { _id: 1 } });
console.log(exported.length); // -> 1500
assert.equal(exported.length, 1500);
assert.ok(exported.every((o) => o._createdDate instanceof Date && o._owner === 'member-1'));

const local = new TissDBLite();
const { inserted } = local.importCollection('orders', exported);
console.log(inserted); // -> 1500
assert.equal(inserted, 1500);

const open = local.find('orders', "status = 'open' AND total >= 90");
console.log(open.length); // -> 50
assert.equal(open.length, open.filter((o) => o.status === 'open' && o.total >= 90).length);
assert.equal(open.length, 50);
const first = local.collection('orders').get('o0');
const onWix = await wixData.get('Orders', 'o0');
assert.equal(first._createdDate.getTime(), onWix._createdDate.getTime());

// A REST v2 export (dates as {"$date"}) reads back the same way.
const restItem = { id: 'r1', dataCollectionId: 'Orders', data: { _id: 'r1', total: 5, paidAt: { $date: '2024-03-01T12:00:00.000Z' } } };
const doc = fromWixRestItem(restItem);
console.log(doc.paidAt instanceof Date, doc.paidAt.toISOString()); // -> true 2024-03-01T12:00:00.000Z
assert.ok(doc.paidAt instanceof Date);
local.collection('orders').insert(doc);
assert.equal(local.find('orders', { paidAt: { $gte: new Date('2024-01-01') } }).length, 1);
