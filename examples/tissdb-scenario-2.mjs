// Migration scenario 2: TissDB → tissdb-lite. Data written to TissDB (the fake, parity mode) is
// exported with the client and imported into an in-memory TissDBLite, keeping the TissDB ids.
import assert from 'node:assert/strict';
import { TissDBLite } from 'tissdb-lite';
import { startFakeTissDB } from 'tissdb-lite/server';
import { TissDBClient } from 'tissdb-lite/tissdb';

const server = await startFakeTissDB({ port: 0 });
try {
  const tissdb = new TissDBClient({ baseUrl: server.url, database: 'shop', token: server.token });
  await tissdb.createDatabase();
  await tissdb.createCollection('orders');
  await tissdb.put('orders', 'o1', { item: 'book', qty: 2, placed: new Date('2024-05-01T10:00:00Z') });
  await tissdb.put('orders', 'o2', { item: 'pen', qty: 10, placed: new Date('2024-05-02T09:30:00Z') });
  const generated = await tissdb.insert('orders', { item: 'cup', qty: 1, placed: new Date('2024-05-03T12:00:00Z') });
  console.log(/^\d{19}$/.test(generated)); // -> true (TissDB ids are nanosecond timestamps)

  const exported = await tissdb.exportCollection('orders');
  console.log(exported.map((o) => o._id).slice(-2)); // -> [ 'o1', 'o2' ]
  assert.equal(exported.length, 3);

  const lite = new TissDBLite();
  const { inserted } = lite.importCollection('orders', exported, { mode: 'insert' });
  console.log(inserted); // -> 3
  assert.equal(inserted, 3);

  const big = lite.find('orders', { qty: { $gte: 2 } }, { sort: { qty: -1 } }).map((o) => o.item);
  console.log(big); // -> [ 'pen', 'book' ]
  assert.deepEqual(big, ['pen', 'book']);
  assert.ok(lite.collection('orders').get('o1').placed instanceof Date);
  assert.equal(lite.collection('orders').get(generated).item, 'cup');

  // TissQL over the migrated data, with the standard-SQL dialect of the engine.
  const rows = lite.sql("SELECT item FROM orders WHERE qty > 1 ORDER BY item");
  console.log(rows.map((r) => r.item)); // -> [ 'book', 'pen' ]
  assert.deepEqual(rows.map((r) => r.item), ['book', 'pen']);
} finally {
  await server.close();
}
