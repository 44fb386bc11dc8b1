// @seald-io/nedb, in-memory Datastore, indexes on city and age (_id is always indexed). Its
// promise API is the public one, so every call is awaited. No aggregation: group-by fetches the
// two fields it needs with a projection and sums them in JS.
import Datastore from '@seald-io/nedb';
import { updateSpec } from '../lib/ops.mjs';
import { sumScoreByCity } from '../lib/group-by-city.mjs';

export const info = { name: 'NeDB', package: '@seald-io/nedb', async: true };

export async function create() {
  const users = new Datastore({ inMemoryOnly: true });
  await users.ensureIndexAsync({ fieldName: 'city' });
  await users.ensureIndexAsync({ fieldName: 'age' });
  return {
    async insertMany(docs) {
      return (await users.insertAsync(docs)).length;
    },
    get: (id) => users.findOneAsync({ _id: id }).then((d) => d ?? undefined),
    findCity: (p) => users.findAsync(p.filter),
    findAgeRange: (p) => users.findAsync(p.filter),
    findIndexedPlus: (p) => users.findAsync(p.filter),
    fullScan: (p) => users.findAsync(p.filter),
    countRange: (p) => users.countAsync(p.filter),
    countWide: (p) => users.countAsync(p.filter),
    sortLimit: (p) => users.findAsync({}).sort(p.sort).limit(p.limit),
    async groupBy() {
      return sumScoreByCity(await users.findAsync({}, { city: 1, 'profile.score': 1 }));
    },
    async update(p, value) {
      const res = await users.updateAsync(p.filter, { $set: updateSpec(value) }, { multi: true });
      return res.numAffected;
    },
    exportAll: () => users.findAsync({}),
  };
}
