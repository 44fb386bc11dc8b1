import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IndexManager, runFind, findIn, type IndexChange } from '../../../src/core/query';
import { isTissDBLiteError } from '../../../src/core/errors';
import type { Doc } from '../../../src/core/types';
import { INDEX_CHOICES, qFields, qIndexableFilter, qSort } from '../../support/query-arbitraries';

const withU = fc.tuple(qFields, fc.option(fc.integer({ min: 0, max: 40 }), { nil: undefined, freq: 8 }));
const makeDoc = (id: string, [fields, u]: [Record<string, unknown>, number | undefined]): Doc =>
  ({ _id: id, ...fields, ...(u === undefined ? {} : { u }) }) as Doc;

const SPECS = [...INDEX_CHOICES, { fields: ['u'], unique: true }, { fields: ['u', 'c'], unique: true }];

type Op = { kind: 'insert'; fields: [Record<string, unknown>, number | undefined] } | { kind: 'update'; pick: number; fields: [Record<string, unknown>, number | undefined] } | { kind: 'remove'; pick: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  withU.map((fields) => ({ kind: 'insert' as const, fields })),
  fc.tuple(fc.nat(), withU).map(([pick, fields]) => ({ kind: 'update' as const, pick, fields })),
  fc.nat().map((pick) => ({ kind: 'remove' as const, pick })),
);

function dumpAll(im: IndexManager) {
  const ordered = im.all().map((i) => i.ordered().map((k) => i.hashOf(k)).filter((h) => i.sizeOf(h) > 0));
  return { entries: im.dump(), ordered };
}

function fresh(store: Map<string, Doc>, im: IndexManager): IndexManager {
  const rebuilt = new IndexManager('things');
  for (const spec of im.list()) rebuilt.create(spec, store.values());
  return rebuilt;
}

/** Turns abstract operations into one batch of changes against `store` (without touching it). */
function toChanges(store: Map<string, Doc>, ops: Op[], counter: { next: number }): IndexChange[] {
  const view = new Map(store);
  const changes: IndexChange[] = [];
  for (const o of ops) {
    const ids = [...view.keys()];
    if (o.kind === 'insert') {
      const id = `n${counter.next++}`;
      const after = makeDoc(id, o.fields);
      changes.push({ id, before: undefined, after });
      view.set(id, after);
    } else if (ids.length > 0) {
      const id = ids[o.pick % ids.length] as string;
      const before = view.get(id) as Doc;
      if (o.kind === 'remove') {
        changes.push({ id, before, after: undefined });
        view.delete(id);
      } else {
        const after = makeDoc(id, o.fields);
        changes.push({ id, before, after });
        view.set(id, after);
      }
    }
  }
  return changes;
}

describe('index maintenance', () => {
  it('random change batches keep every index equal to a rebuild, and check() refuses exactly the unique violations', () => {
    fc.assert(
      fc.property(
        fc.array(withU, { maxLength: 15 }),
        fc.subarray(SPECS, { minLength: 1 }),
        fc.array(fc.array(op, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 8 }),
        fc.array(qIndexableFilter, { minLength: 1, maxLength: 3 }),
        qSort,
        fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
        (initial, specs, batches, filters, sort, limit) => {
          const store = new Map<string, Doc>();
          initial.forEach((f, i) => store.set(`d${i}`, makeDoc(`d${i}`, f)));
          const im = new IndexManager('things');
          for (const spec of specs) {
            const before = im.list();
            try {
              im.create(spec, store.values());
            } catch (e) {
              expect(isTissDBLiteError(e) && e.code).toBe('DUPLICATE_KEY');
              expect(im.list()).toEqual(before);
            }
          }
          const counter = { next: 0 };
          for (const ops of batches) {
            const changes = toChanges(store, ops, counter);
            const final = new Map(store);
            for (const c of changes) {
              if (c.after) final.set(c.id, c.after);
              else final.delete(c.id);
            }
            let violates = false;
            try {
              fresh(final, im);
            } catch (e) {
              expect(isTissDBLiteError(e) && e.code).toBe('DUPLICATE_KEY');
              violates = true;
            }
            const snapshot = dumpAll(im);
            let refused = false;
            try {
              im.check(changes);
            } catch (e) {
              expect(isTissDBLiteError(e) && e.code).toBe('DUPLICATE_KEY');
              refused = true;
            }
            expect(refused).toBe(violates);
            expect(dumpAll(im)).toEqual(snapshot);
            if (refused) continue;
            for (const c of changes) {
              if (c.after) store.set(c.id, c.after);
              else store.delete(c.id);
            }
            im.apply(changes);
            expect(dumpAll(im)).toEqual(dumpAll(fresh(store, im)));
          }
          const docs = [...store.values()];
          const options = { ...(sort ? { sort } : {}), ...(limit ? { limit } : {}) };
          for (const filter of [{}, ...filters]) {
            expect(runFind(store, im, filter, {}).docs.map((d) => d._id)).toEqual(findIn(docs, filter).map((d) => d._id));
            expect(runFind(store, im, filter, options).docs.map((d) => d._id)).toEqual(findIn(docs, filter, options).map((d) => d._id));
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
