// mingo 7 over a plain array (the query library tissdb-lite takes its semantics from). No store:
// "insert" keeps the generated array as is, so insertMany and export are not measured.
import { aggregate, find, updateMany } from 'mingo';
import { updateSpec } from '../lib/ops.mjs';

export const info = { name: 'mingo over an array', package: 'mingo', skip: ['insertMany', 'exportAll'] };

export function create() {
  let docs = [];
  return {
    insertMany(input) {
      docs = input;
      return input.length;
    },
    get: (id) => find(docs, { _id: id }).next(),
    findCity: (p) => find(docs, p.filter).all(),
    findAgeRange: (p) => find(docs, p.filter).all(),
    findIndexedPlus: (p) => find(docs, p.filter).all(),
    fullScan: (p) => find(docs, p.filter).all(),
    countRange: (p) => find(docs, p.filter).all().length,
    countWide: (p) => find(docs, p.filter).all().length,
    sortLimit: (p) => find(docs, {}).sort(p.sort).limit(p.limit).all(),
    groupBy: (p) => aggregate(docs, p.pipeline),
    update: (p, value) => updateMany(docs, p.filter, { $set: updateSpec(value) }).matchedCount,
  };
}
