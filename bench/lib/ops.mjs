// The operations of issue 7. Each op hands every engine the same parameters: the MongoDB filter
// (for engines that speak it) and the raw values (for engines whose dialect is different).
import { CITIES, lookupIds } from './workload.mjs';
import { listOfDocs, ofGroups, ofNumber, setOfDocs } from './checksum.mjs';

const FIND_CITY = CITIES[7];
const PLUS_CITY = CITIES[3];
const UPDATE_CITY = CITIES[11];

export const OPS = [
  {
    name: 'insertMany',
    label: (n) => `insertMany ${label(n)}`,
    params: () => [null],
    summarize: ([inserted]) => ofNumber(inserted),
  },
  {
    name: 'get',
    label: () => 'get by `_id`',
    params: (n, seed) => lookupIds(n, seed),
    summarize: (docs) => listOfDocs(docs),
  },
  {
    name: 'findCity',
    label: () => 'find `city = x`',
    params: () => [{ filter: { city: FIND_CITY }, city: FIND_CITY }],
    summarize: ([docs]) => setOfDocs(docs),
  },
  {
    name: 'findAgeRange',
    label: () => 'find `age` range (`$gte 30, $lte 34`)',
    params: () => [{ filter: { age: { $gte: 30, $lte: 34 } }, lo: 30, hi: 34 }],
    summarize: ([docs]) => setOfDocs(docs),
  },
  {
    // The same query shape with a different value on every call: what an application asking about
    // many cities sees, where no engine can serve a repeated answer (tissdb-lite's result cache
    // keeps exact answers between writes once the same query repeats; findCity measures that case).
    name: 'findCityEach',
    as: 'findCity',
    label: () => 'find `city = x`, each of the 50 cities in turn (rows: mean per call)',
    params: () => CITIES.map((city) => ({ filter: { city }, city })),
    summarize: (results) => perCall(results, setOfDocs),
  },
  {
    name: 'findAgeRangeEach',
    as: 'findAgeRange',
    label: () => 'find `age` range, 69 five-year ranges in turn (rows: mean per call)',
    params: () => Array.from({ length: 69 }, (_, i) => ({ filter: { age: { $gte: 18 + i, $lte: 22 + i } }, lo: 18 + i, hi: 22 + i })),
    summarize: (results) => perCall(results, setOfDocs),
  },
  {
    name: 'findIndexedPlus',
    label: () => 'find on two indexed fields + one unindexed',
    params: () => [{
      filter: { city: PLUS_CITY, age: { $gte: 25, $lt: 45 }, 'profile.active': true },
      city: PLUS_CITY, lo: 25, hiExclusive: 45, active: true,
    }],
    summarize: ([docs]) => setOfDocs(docs),
  },
  {
    name: 'fullScan',
    label: () => 'full-scan compound filter (`$in` on an array)',
    params: () => [{
      filter: { 'profile.active': true, 'profile.score': { $gte: 52 }, tags: { $in: ['t03', 't07'] } },
      minScore: 52, anyTags: ['t03', 't07'],
    }],
    summarize: ([docs]) => setOfDocs(docs),
  },
  {
    name: 'countRange',
    label: () => 'count over an indexed range (`age` 25-60)',
    params: () => [{ filter: { age: { $gte: 25, $lte: 60 } }, lo: 25, hi: 60 }],
    summarize: ([n]) => ofNumber(n),
  },
  {
    // The planner's trap: an index range that covers every document. Must not lose to a scan.
    name: 'countWide',
    label: () => 'count over an indexed range covering 100% (`age >= 18`)',
    params: () => [{ filter: { age: { $gte: 18 } }, lo: 18, hi: Infinity }],
    summarize: ([n]) => ofNumber(n),
  },
  {
    name: 'sortLimit',
    label: () => 'sort by unindexed field (`createdAt` desc), limit 50',
    params: () => [{ sort: { createdAt: -1 }, limit: 50 }],
    summarize: ([docs]) => listOfDocs(docs),
  },
  {
    name: 'groupBy',
    label: () => 'group by `city`, `$sum` score and count',
    params: () => [{
      pipeline: [{ $group: { _id: '$city', total: { $sum: '$profile.score' }, n: { $sum: 1 } } }],
    }],
    summarize: ([rows]) => ofGroups(rows),
  },
  {
    // Each timed call sets new values (so every matched document is modified); an untimed final
    // call with value -1 leaves the same state in every engine for `exportAll`.
    name: 'update',
    label: () => 'update ~2% of docs (`$set` on `city = x`)',
    params: () => [{ filter: { city: UPDATE_CITY }, city: UPDATE_CITY }],
    summarize: ([matched]) => ofNumber(matched),
    mutates: true,
  },
  {
    name: 'exportAll',
    label: () => 'export all (deep copies)',
    params: () => [null],
    summarize: ([docs]) => setOfDocs(docs),
  },
];

/** One fingerprint over several calls' documents, counting the mean rows per call. */
function perCall(results, fingerprint) {
  const all = fingerprint(results.flat());
  return { count: Math.round(all.count / results.length), checksum: all.checksum };
}

/** The `$set` of the update op for a given call number. */
export const updateSpec = (value) => ({ 'profile.level': value, note: `u${value}` });

export const OP_BY_NAME = new Map(OPS.map((op) => [op.name, op]));

export const DEFAULT_OPS = ['insertMany', 'get', 'findCity', 'findCityEach', 'findAgeRange', 'findAgeRangeEach', 'findIndexedPlus', 'fullScan',
  'countRange', 'sortLimit', 'groupBy', 'update', 'exportAll'];
export const OPS_1M = ['insertMany', 'get', 'findCity', 'findAgeRange', 'countRange'];
export const SCALING_OPS = ['get', 'findCity', 'findAgeRange', 'findIndexedPlus', 'countRange', 'countWide',
  'fullScan', 'sortLimit'];

export function label(n) {
  if (n >= 1_000_000 && n % 1_000_000 === 0) return `${n / 1_000_000}M`;
  if (n >= 1000 && n % 1000 === 0) return `${n / 1000}k`;
  return String(n);
}

export function parseSize(text) {
  const m = /^(\d+(?:\.\d+)?)([km]?)$/i.exec(String(text).trim());
  if (!m) throw new Error(`bad size: ${text} (use e.g. 2k, 10k, 100k, 1m)`);
  const mult = { '': 1, k: 1000, m: 1_000_000 }[m[2].toLowerCase()];
  return Math.round(Number(m[1]) * mult);
}
