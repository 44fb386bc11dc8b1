// LokiJS 1.5 in memory, indices on city and age, unique index on _id. Queries are written in Loki's
// own dialect where its MongoDB-looking syntax means something else:
// - `{age: {$gte: 30, $lte: 34}}` applies only the first operator -> `{age: {$between: [30, 34]}}`;
//   `$gte` + `$lt` on one field -> two clauses under `$and`.
// - `$in` on an array field compares the whole array -> `{tags: {$containsAny: [...]}}`.
// - no aggregation pipeline -> `mapReduce` with a hand-written reduce.
// - insertMany: `insert(docs, true)`, the batch mode; plain `insert(docs)` is quadratic.
// - export: Loki's clone with 'parse-stringify' (what its own serialize does) turns Dates into strings,
//   so the adapter turns createdAt back into a Date.
import Loki from 'lokijs';
import { updateSpec } from '../lib/ops.mjs';
import { sumScoreByCity } from '../lib/group-by-city.mjs';

export const info = { name: 'LokiJS', package: 'lokijs' };

export function create() {
  const db = new Loki('bench.db');
  const users = db.addCollection('users', { indices: ['city', 'age'], unique: ['_id'] });
  return {
    insertMany(docs) {
      // `true`: Loki's batch mode (binary indices rebuilt once at the end). Plain insert(array)
      // updates them per document, which is quadratic: minutes at 1M.
      users.insert(docs, true);
      return docs.length;
    },
    get: (id) => users.by('_id', id),
    findCity: (p) => users.find({ city: p.city }),
    findAgeRange: (p) => users.find({ age: { $between: [p.lo, p.hi] } }),
    findIndexedPlus: (p) => users.find({
      $and: [{ city: p.city }, { age: { $gte: p.lo } }, { age: { $lt: p.hiExclusive } }, { 'profile.active': p.active }],
    }),
    fullScan: (p) => users.find({
      $and: [{ 'profile.active': true }, { 'profile.score': { $gte: p.minScore } }, { tags: { $containsAny: p.anyTags } }],
    }),
    countRange: (p) => users.count({ age: { $between: [p.lo, p.hi] } }),
    countWide: (p) => users.count({ age: { $gte: p.lo } }),
    sortLimit: (p) => users.chain().simplesort('createdAt', { desc: true }).limit(p.limit).data(),
    groupBy: () => users.mapReduce((d) => d, (all) => {
      return sumScoreByCity(all);
    }),
    update(p, value) {
      const set = updateSpec(value);
      let matched = 0;
      users.findAndUpdate({ city: p.city }, (d) => {
        d.profile.level = set['profile.level'];
        d.note = set.note;
        matched++;
      });
      return matched;
    },
    exportAll() {
      const out = users.chain().data({ forceClones: true, forceCloneMethod: 'parse-stringify', removeMeta: true });
      for (const d of out) d.createdAt = new Date(d.createdAt);
      return out;
    },
  };
}
