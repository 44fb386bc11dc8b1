// The original tissdb-lite's migration scenario 1: bulk-insert into tissdb-lite, export, then load
// the export into TissDB (here the fake, in parity mode) and read it back with TissQL.
import assert from 'node:assert/strict';
import { TissDBLite } from 'tissdb-lite';
import { startFakeTissDB } from 'tissdb-lite/server';
import { TissDBClient } from 'tissdb-lite/tissdb';

const lite = new TissDBLite();
lite.createCollection('users');
lite.bulkInsert('users', [
  { name: 'Alice', age: 30, role: 'developer' },
  { name: 'Bob', age: 40, role: 'admin' },
  { name: 'Charlie', age: 30, status: 'active' },
  { name: 'David', age: 25, status: 'inactive' },
  { name: 'Eve', age: 35, role: 'developer', status: 'active' },
]);
const exported = lite.exportCollection('users');

const server = await startFakeTissDB({ port: 0 });
try {
  const tissdb = new TissDBClient({ baseUrl: server.url, database: 'testdb', token: 'static_test_token' });
  await tissdb.createDatabase({ existOk: true });
  await tissdb.deleteCollection('users'); // the original test starts from a clean collection
  await tissdb.createCollection('users');
  // PUT /testdb/users/<id> for each document: the lite ids are kept, Dates travel as "$date:" strings.
  const ids = await tissdb.bulkInsert('users', exported, { onProgress: ({ done, total }) => done === total && console.log(`loaded ${done}/${total}`) });
  // -> loaded 5/5
  assert.deepEqual(ids, exported.map((u) => u._id));

  const rows = await tissdb.query('users', 'SELECT * FROM users');
  console.log(rows.length); // -> 5
  assert.equal(rows.length, 5);
  const byId = new Map(rows.map((r) => [r._id, r]));
  for (const doc of exported) assert.deepEqual(byId.get(doc._id), doc); // Dates included

  const developers = await tissdb.find('users', { role: 'developer' }, { sort: { age: 1 }, projection: { name: 1 } });
  console.log(developers.map((u) => u.name)); // -> [ 'Alice', 'Eve' ]
  assert.deepEqual(developers.map((u) => u.name), ['Alice', 'Eve']);

  // The same data through plain REST, as the original test.js read it.
  const response = await fetch(`${server.url}/testdb/users/_query`, {
    method: 'POST',
    headers: { Authorization: 'Bearer static_test_token', 'Content-Type': 'application/json' },
    body: JSON.stringify({ query: "SELECT name FROM users WHERE age = 30" }),
  });
  const plain = await response.json();
  console.log(plain.map((r) => r.name).sort()); // -> [ 'Alice', 'Charlie' ]
  assert.deepEqual(plain.map((r) => r.name).sort(), ['Alice', 'Charlie']);
} finally {
  await server.close();
}
