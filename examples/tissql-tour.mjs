// A TissQL tour: joins, GROUP BY with HAVING, UPDATE with expressions, parameters, the 'tissdb'
// dialect (the real server's answers), and toTissQL from a Mongo filter for both targets.
import assert from 'node:assert/strict';
import { TissDBLite } from 'tissdb-lite';
import { parseTissQL, printTissQL, toTissQL } from 'tissdb-lite/tissql';

const db = new TissDBLite();
db.createCollection('people', { indexes: ['city'] });
db.createCollection('orders');
db.bulkInsert('people', [
  { _id: 'p1', name: 'Alice', age: 30, city: 'Paris' },
  { _id: 'p2', name: 'Bob', age: 25, city: 'London' },
  { _id: 'p3', name: 'Carol', age: 35, city: 'Paris' },
  { _id: 'p4', name: 'Dave', age: 40, city: 'Berlin' },
]);
db.bulkInsert('orders', [
  { _id: 'o1', item: 'book', person: 'p1', qty: 2 },
  { _id: 'o2', item: 'pen', person: 'p3', qty: 10 },
  { _id: 'o3', item: 'cup', person: 'p9', qty: 1 },
]);

// Joins: rows are flat, `alias.field` keys, `_id` "<left>_<right>".
const joined = db.sql('SELECT o.item, p.name FROM orders o LEFT JOIN people p ON o.person = p._id ORDER BY o.item');
console.log(joined);
// -> [ { _id: 'o1_p1', 'o.item': 'book', 'p.name': 'Alice' }, { _id: 'o3', 'o.item': 'cup' },
//      { _id: 'o2_p3', 'o.item': 'pen', 'p.name': 'Carol' } ]
assert.deepEqual(joined, [
  { _id: 'o1_p1', 'o.item': 'book', 'p.name': 'Alice' },
  { _id: 'o3', 'o.item': 'cup' },
  { _id: 'o2_p3', 'o.item': 'pen', 'p.name': 'Carol' },
]);

// GROUP BY with HAVING, ordered by an aggregate's alias.
const cities = db.sql('SELECT city, COUNT(*) AS n, AVG(age) AS avgAge FROM people GROUP BY city HAVING COUNT(*) >= ? ORDER BY n DESC', [1]);
console.log(cities);
// -> [ { city: 'Paris', n: 2, avgAge: 32.5 }, { city: 'London', n: 1, avgAge: 25 }, { city: 'Berlin', n: 1, avgAge: 40 } ]
assert.deepEqual(cities, [
  { city: 'Paris', n: 2, avgAge: 32.5 },
  { city: 'London', n: 1, avgAge: 25 },
  { city: 'Berlin', n: 1, avgAge: 40 },
]);

// UPDATE with expressions; parameters are bound values, never spliced into the text.
const updated = db.sql("UPDATE people SET age = age + 1, label = 'senior' WHERE age >= ?", [35]);
console.log(updated); // -> { affected: 2 }
assert.deepEqual(updated, { affected: 2 });
const seniors = db.sql('SELECT name, age FROM people WHERE label = ? ORDER BY age', ['senior']);
console.log(seniors); // -> [ { _id: 'p3', name: 'Carol', age: 36 }, { _id: 'p4', name: 'Dave', age: 41 } ]
assert.deepEqual(seniors, [
  { _id: 'p3', name: 'Carol', age: 36 },
  { _id: 'p4', name: 'Dave', age: 41 },
]);
assert.deepEqual(db.sql('SELECT name FROM people WHERE name = ?', ["x' OR 1 = 1 --"]), []);

// The same question in both dialects: SQL precedence vs the real server's left-to-right fold.
const q = "SELECT name FROM people WHERE city = 'London' OR city = 'Paris' AND age > 32";
const sqlNames = db.sql(q).map((r) => r.name);
const serverNames = db.sql(q, [], { dialect: 'tissdb' }).map((r) => r.name);
console.log(sqlNames, serverNames); // -> [ 'Bob', 'Carol' ] [ 'Carol' ]
assert.deepEqual(sqlNames, ['Bob', 'Carol']);
assert.deepEqual(serverNames, ['Carol']);
assert.deepEqual(db.sql('SELECT COUNT(*) FROM people', [], { dialect: 'tissdb' }), [{ 'COUNT(*)': 4, _id: 'aggregate' }]);

// toTissQL: a Mongo filter as a parameterised statement, and as one the real server gets right.
const filter = { age: { $gte: 30 }, city: { $in: ['Paris', 'Berlin'] } };
const local = toTissQL('people', filter, { sort: { age: -1 }, limit: 2 });
console.log(local);
// -> { query: 'SELECT * FROM people WHERE (age >= ? AND city IN (?, ?)) ORDER BY age DESC LIMIT ?', params: [ 30, 'Paris', 'Berlin', 2 ] }
assert.equal(local.query, 'SELECT * FROM people WHERE (age >= ? AND city IN (?, ?)) ORDER BY age DESC LIMIT ?');
assert.deepEqual(db.sql(local.query, local.params), db.collection('people').find(filter, { sort: { age: -1 }, limit: 2 }));
const remote = toTissQL('people', filter, { target: 'tissdb', limit: 2 });
console.log(remote.query); // -> SELECT * FROM people WHERE (age >= 30 AND (city = 'Paris' OR city = 'Berlin'))
console.log(remote.clientSide); // -> { filter: { age: { '$gte': 30 } }, limit: 2 }
assert.equal(remote.query, "SELECT * FROM people WHERE (age >= 30 AND (city = 'Paris' OR city = 'Berlin'))");
assert.deepEqual(remote.clientSide, { filter: { age: { $gte: 30 } }, limit: 2 });

// The parser and printer: a typed tree with positions, printed back canonically.
const ast = parseTissQL("select name from people where age>30 or city='Oslo' and x=1");
console.log(printTissQL(ast)); // -> SELECT name FROM people WHERE age > 30 OR city = 'Oslo' AND x = 1
assert.equal(printTissQL(ast), "SELECT name FROM people WHERE age > 30 OR city = 'Oslo' AND x = 1");
try {
  db.sql('SELECT * FROM people WHERE age >= AND x = 1');
  assert.fail('expected a syntax error');
} catch (e) {
  console.log(e.code, e.position); // -> TISSQL_SYNTAX 34
  assert.equal(e.code, 'TISSQL_SYNTAX');
  assert.equal(e.position, 34);
}
