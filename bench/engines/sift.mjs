// sift 17 over a plain array: a filter compiler only, so it is measured on the filtering
// operations (Array.prototype.filter / find with a sift predicate compiled per call).
import sift from 'sift';

export const info = {
  name: 'sift over an array',
  package: 'sift',
  skip: ['insertMany', 'sortLimit', 'groupBy', 'update', 'exportAll'],
};

export function create() {
  let docs = [];
  return {
    insertMany(input) {
      docs = input;
      return input.length;
    },
    get: (id) => docs.find(sift({ _id: id })),
    findCity: (p) => docs.filter(sift(p.filter)),
    findAgeRange: (p) => docs.filter(sift(p.filter)),
    findIndexedPlus: (p) => docs.filter(sift(p.filter)),
    fullScan: (p) => docs.filter(sift(p.filter)),
    countRange: (p) => docs.filter(sift(p.filter)).length,
    countWide: (p) => docs.filter(sift(p.filter)).length,
  };
}
