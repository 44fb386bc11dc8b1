// The hand-written baseline: what you would write without a database. Documents are copied on the
// way in and on export (a store must own its data) but reads return the stored objects; indexes are
// a Map by _id, a Map city -> docs and an array sorted by age; predicates are hand-coded.
// It is the reference every other engine's results must equal.
import { updateSpec } from '../lib/ops.mjs';
import { sumScoreByCity } from '../lib/group-by-city.mjs';

export const info = { name: 'hand-written JS (Map + Array)', package: null };

function deepClone(value) {
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Date) return new Date(value.getTime());
  if (Array.isArray(value)) {
    const out = new Array(value.length);
    for (let i = 0; i < value.length; i++) out[i] = deepClone(value[i]);
    return out;
  }
  const out = {};
  for (const key in value) out[key] = deepClone(value[key]);
  return out;
}

/** First index in the age-sorted array whose age is >= age. */
function lowerBound(sorted, age) {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid].age < age) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function create() {
  const docs = [];
  const byId = new Map();
  const byCity = new Map();
  let byAge = [];

  return {
    insertMany(input) {
      for (const src of input) {
        const doc = deepClone(src);
        docs.push(doc);
        byId.set(doc._id, doc);
        let bucket = byCity.get(doc.city);
        if (!bucket) byCity.set(doc.city, (bucket = []));
        bucket.push(doc);
      }
      byAge = docs.slice().sort((a, b) => a.age - b.age);
      return input.length;
    },
    get: (id) => byId.get(id),
    findCity: (p) => (byCity.get(p.city) ?? []).slice(),
    findAgeRange: (p) => byAge.slice(lowerBound(byAge, p.lo), lowerBound(byAge, p.hi + 1)),
    findIndexedPlus(p) {
      const out = [];
      for (const d of byCity.get(p.city) ?? []) {
        if (d.age >= p.lo && d.age < p.hiExclusive && d.profile.active === p.active) out.push(d);
      }
      return out;
    },
    fullScan(p) {
      const [t1, t2] = p.anyTags;
      const out = [];
      for (const d of docs) {
        if (d.profile.active === true && d.profile.score >= p.minScore && (d.tags.includes(t1) || d.tags.includes(t2))) {
          out.push(d);
        }
      }
      return out;
    },
    countRange: (p) => lowerBound(byAge, p.hi + 1) - lowerBound(byAge, p.lo),
    countWide: (p) => byAge.length - lowerBound(byAge, p.lo),
    sortLimit(p) {
      // Top-k selection: keep the k newest in a small array sorted newest first.
      const k = p.limit;
      const top = [];
      for (const d of docs) {
        const t = d.createdAt.getTime();
        if (top.length === k && t <= top[k - 1].createdAt.getTime()) continue;
        let i = top.length < k ? top.length : k - 1;
        while (i > 0 && top[i - 1].createdAt.getTime() < t) {
          top[i] = top[i - 1];
          i--;
        }
        top[i] = d;
      }
      return top;
    },
    groupBy() {
      return sumScoreByCity(docs);
    },
    update(p, value) {
      const set = updateSpec(value);
      const bucket = byCity.get(p.city) ?? [];
      for (const d of bucket) {
        d.profile.level = set['profile.level'];
        d.note = set.note;
      }
      return bucket.length;
    },
    exportAll: () => docs.map(deepClone),
  };
}
