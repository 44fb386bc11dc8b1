// better-sqlite3 with an in-memory database: one row per document, the document as a JSON column
// plus the indexed fields extracted into real columns (id, city, age) with B-tree indexes. Unindexed
// fields are read with json_extract / json_each. Rows come back as parsed documents with createdAt
// turned back into a Date, which is what a caller would need. Memory is SQLite's page count, not heap.
import Database from 'better-sqlite3';
import { updateSpec } from '../lib/ops.mjs';

export const info = { name: 'better-sqlite3 (memory)', package: 'better-sqlite3', nativeMemory: true };

const revive = (row) => {
  const d = JSON.parse(row.doc);
  d.createdAt = new Date(d.createdAt);
  return d;
};

export function create() {
  const db = new Database(':memory:');
  db.exec(`CREATE TABLE users (rid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, city TEXT, age INTEGER, doc TEXT NOT NULL);
    CREATE INDEX users_city ON users(city); CREATE INDEX users_age ON users(age);`);
  const q = (sql) => db.prepare(sql);
  const insert = q('INSERT INTO users (id, city, age, doc) VALUES (?, ?, ?, ?)');
  const insertAll = db.transaction((docs) => {
    for (const d of docs) insert.run(d._id, d.city, d.age, JSON.stringify(d));
  });
  const byId = q('SELECT doc FROM users WHERE id = ?');
  const byCity = q('SELECT doc FROM users WHERE city = ?');
  const byAge = q('SELECT doc FROM users WHERE age BETWEEN ? AND ?');
  const plus = q(`SELECT doc FROM users WHERE city = ? AND age >= ? AND age < ?
    AND json_extract(doc, '$.profile.active') = ?`);
  const scan = q(`SELECT doc FROM users WHERE json_extract(doc, '$.profile.active') = 1
    AND json_extract(doc, '$.profile.score') >= ?
    AND EXISTS (SELECT 1 FROM json_each(doc, '$.tags') WHERE value IN (?, ?))`);
  const countAge = q('SELECT count(*) AS n FROM users WHERE age BETWEEN ? AND ?');
  const countFrom = q('SELECT count(*) AS n FROM users WHERE age >= ?');
  // createdAt is stored as an ISO-8601 string, which sorts like the Date.
  const newest = q(`SELECT doc FROM users ORDER BY json_extract(doc, '$.createdAt') DESC LIMIT ?`);
  const group = q(`SELECT city AS _id, sum(json_extract(doc, '$.profile.score')) AS total, count(*) AS n
    FROM users GROUP BY city`);
  const update = q(`UPDATE users SET doc = json_set(doc, '$.profile.level', ?, '$.note', ?) WHERE city = ?`);
  const all = q('SELECT doc FROM users ORDER BY rid');
  return {
    insertMany(docs) {
      insertAll(docs);
      return docs.length;
    },
    get(id) {
      const row = byId.get(id);
      return row ? revive(row) : undefined;
    },
    findCity: (p) => byCity.all(p.city).map(revive),
    findAgeRange: (p) => byAge.all(p.lo, p.hi).map(revive),
    findIndexedPlus: (p) => plus.all(p.city, p.lo, p.hiExclusive, p.active ? 1 : 0).map(revive),
    fullScan: (p) => scan.all(p.minScore, p.anyTags[0], p.anyTags[1]).map(revive),
    countRange: (p) => countAge.get(p.lo, p.hi).n,
    countWide: (p) => countFrom.get(p.lo).n,
    sortLimit: (p) => newest.all(p.limit).map(revive),
    groupBy: () => group.all(),
    update(p, value) {
      const set = updateSpec(value);
      return update.run(set['profile.level'], set.note, p.city).changes;
    },
    exportAll: () => all.all().map(revive),
    memoryBytes: () => db.pragma('page_count', { simple: true }) * db.pragma('page_size', { simple: true }),
  };
}
