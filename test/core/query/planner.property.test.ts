import fc from 'fast-check';
import { Query } from 'mingo/query';
import { resolve } from 'mingo/util';
import { describe, expect, it } from 'vitest';
import { IndexManager, countMatches, findIn, runFind } from '../../../src/core/query';
import { MINGO_OPTIONS } from '../../../src/core/query/mingo';
import type { Doc, Filter, SortSpec } from '../../../src/core/types';
import { qDocs, qFilter, qIndexableFilter, qIndexSet, qSort } from '../../support/query-arbitraries';

function build(docs: Doc[], specs: ReadonlyArray<{ fields: string[]; unique: boolean }>) {
  const store = new Map(docs.map((d) => [d._id as string, d]));
  const indexes = new IndexManager('things');
  for (const spec of specs) indexes.create(spec, store.values());
  return { store, indexes };
}

const ids = (docs: Doc[]) => docs.map((d) => d._id);

/** mingo's own answer, in insertion order. */
function mingoScan(docs: Doc[], filter: Filter): Doc[] {
  const q = new Query<Doc>(filter, MINGO_OPTIONS);
  return docs.filter((d) => q.test(d));
}

function hasArrayAt(docs: Doc[], sort: SortSpec): boolean {
  return docs.some((d) => Object.keys(sort).some((p) => Array.isArray(resolve(d, p))));
}

describe('indexed finds equal a full mingo scan', () => {
  it('same documents, in insertion order, for random filters and index sets', () => {
    fc.assert(
      fc.property(qDocs(), fc.oneof(qFilter, qIndexableFilter), qIndexSet, (docs, filter, specs) => {
        const { store, indexes } = build(docs, specs);
        const expected = ids(mingoScan(docs, filter));
        expect(ids(runFind(store, indexes, filter, {}).docs)).toEqual(expected);
        expect(countMatches(store, indexes, filter)).toBe(expected.length);
        expect(ids(findIn(docs, filter))).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('same order with sort, skip and limit (sorted like a stable scan)', () => {
    fc.assert(
      fc.property(
        qDocs(),
        fc.oneof(qFilter, qIndexableFilter),
        qIndexSet,
        qSort,
        fc.nat(4),
        fc.option(fc.integer({ min: 1, max: 6 }), { nil: undefined }),
        (docs, filter, specs, sort, skip, limit) => {
          const { store, indexes } = build(docs, specs);
          const options = { ...(sort ? { sort } : {}), skip, ...(limit ? { limit } : {}) };
          const scanned = ids(findIn(docs, filter, options));
          expect(ids(runFind(store, indexes, filter, options).docs)).toEqual(scanned);
          if (sort && !hasArrayAt(docs, sort)) {
            // Where mingo's sort is well defined (no array-valued sort keys) it agrees too.
            const cursor = new Query<Doc>(filter, MINGO_OPTIONS).find<Doc>(docs).sort(sort).skip(skip);
            expect(ids((limit ? cursor.limit(limit) : cursor).all())).toEqual(scanned);
          }
          if (!sort) expect(scanned).toEqual(ids(mingoScan(docs, filter)).slice(skip, limit ? skip + limit : undefined));
        },
      ),
      { numRuns: 500 },
    );
  });
});
