// tissdb-lite through its public API, from the built package (dist/), exactly as a user calls it.
// Variants: default (returned documents are copies), zero-copy (`clone: false`, deep-frozen shared
// documents) and no secondary indexes (a scan for everything but `_id`: the planner's yardstick).
import { updateSpec } from '../lib/ops.mjs';

// BENCH_TISSDB_DIST points the bench at another build (e.g. a copy of an older dist/ to compare).
const DIST = process.env.BENCH_TISSDB_DIST
  ? new URL(process.env.BENCH_TISSDB_DIST, `file://${process.cwd()}/`)
  : new URL('../../dist/index.js', import.meta.url);

export async function loadTissDBLite() {
  try {
    return await import(DIST.href);
  } catch (err) {
    throw new Error(`tissdb-lite: cannot import ${DIST.pathname} (run \`npm run build\` first): ${err.message}`);
  }
}

export function makeEngine(mod, { clone = true, indexes = ['city', 'age'] } = {}) {
  const { TissDBLite } = mod;
  if (typeof TissDBLite !== 'function') throw new Error('tissdb-lite: dist/index.js does not export TissDBLite');
  const db = clone ? new TissDBLite() : new TissDBLite({ clone: false });
  const users = db.createCollection('users', { indexes });
  return {
    insertMany: (docs) => users.insertMany(docs).length,
    get: (id) => users.get(id),
    findCity: (p) => users.find(p.filter),
    findAgeRange: (p) => users.find(p.filter),
    findIndexedPlus: (p) => users.find(p.filter),
    fullScan: (p) => users.find(p.filter),
    countRange: (p) => users.count(p.filter),
    countWide: (p) => users.count(p.filter),
    sortLimit: (p) => users.find({}, { sort: p.sort, limit: p.limit }),
    groupBy: (p) => users.aggregate(p.pipeline),
    update: (p, value) => users.update(p.filter, { $set: updateSpec(value) }, { multi: true }).matched,
    exportAll: () => users.export(),
  };
}
