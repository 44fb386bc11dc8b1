// Wix's documented condition rules checked against plain-JS statements of them, on random data.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { createWixData } from '../../src/wix';
import { tickingDb } from '../support/wix-fixtures';

const ascii = fc.string({ unit: fc.constantFrom(...'aAbBcC.*$^ '), maxLength: 6 });
const value = fc.oneof(ascii, fc.integer({ min: -3, max: 3 }), fc.constant(null), fc.boolean());
const docs = fc.array(fc.record({ v: value }, { requiredKeys: [] }), { maxLength: 20 });

async function run(rows: Array<{ v?: unknown }>, build: (q: ReturnType<ReturnType<typeof createWixData>['query']>) => typeof q) {
  const wixData = createWixData(tickingDb());
  const stored = await wixData.bulkInsert('T', rows.map((r, i) => ({ ...r, _id: `d${i}` })));
  expect(stored.errors).toEqual([]);
  const { items } = await build(wixData.query('T').limit(1000)).find();
  return items.map((i) => i._id as string).sort();
}
const expected = (rows: Array<{ v?: unknown }>, keep: (v: unknown) => boolean) =>
  rows.flatMap((r, i) => (keep(r.v) ? [`d${i}`] : [])).sort();

describe('condition rules as plain JS', () => {
  it('contains / startsWith / endsWith: case-insensitive literal text, strings only', async () => {
    await fc.assert(fc.asyncProperty(docs, ascii, fc.constantFrom('contains', 'startsWith', 'endsWith'), async (rows, text, method) => {
      const test = (v: unknown) => {
        if (typeof v !== 'string') return false;
        const [a, b] = [v.toLowerCase(), text.toLowerCase()];
        return method === 'contains' ? a.includes(b) : method === 'startsWith' ? a.startsWith(b) : a.endsWith(b);
      };
      expect(await run(rows, (q) => q[method as 'contains']('v', text))).toEqual(expected(rows, test));
    }), { numRuns: 150 });
  });

  it('eq is strict equality; ne its complement', async () => {
    await fc.assert(fc.asyncProperty(docs, fc.oneof(ascii, fc.integer({ min: -3, max: 3 }), fc.boolean()), async (rows, x) => {
      expect(await run(rows, (q) => q.eq('v', x))).toEqual(expected(rows, (v) => v === x));
      expect(await run(rows, (q) => q.ne('v', x))).toEqual(expected(rows, (v) => v !== x));
    }), { numRuns: 100 });
  });

  it('between(a, b) keeps same-type values with a <= v < b', async () => {
    await fc.assert(fc.asyncProperty(docs, fc.integer({ min: -3, max: 3 }), fc.integer({ min: -3, max: 3 }), async (rows, a, b) => {
      expect(await run(rows, (q) => q.between('v', a, b))).toEqual(expected(rows, (v) => typeof v === 'number' && a <= v && v < b));
    }), { numRuns: 100 });
  });

  it('hasSome keeps values equal to one of the list; isEmpty keeps missing and null', async () => {
    await fc.assert(fc.asyncProperty(docs, fc.array(ascii, { minLength: 1, maxLength: 3 }), async (rows, list) => {
      expect(await run(rows, (q) => q.hasSome('v', list))).toEqual(expected(rows, (v) => list.includes(v as string)));
      expect(await run(rows, (q) => q.isEmpty('v'))).toEqual(expected(rows, (v) => v === undefined || v === null));
    }), { numRuns: 100 });
  });
});

describe('paging', () => {
  it('next() from any page size visits every item once, in sort order', async () => {
    await fc.assert(fc.asyncProperty(fc.array(fc.integer({ min: 0, max: 50 }), { maxLength: 40 }), fc.integer({ min: 1, max: 7 }), async (ns, size) => {
      const wixData = createWixData(tickingDb());
      await wixData.bulkInsert('T', ns.map((n) => ({ n })));
      let page = await wixData.query('T').ascending('n').limit(size).find();
      const seen = [...page.items];
      let pages = 1;
      while (page.hasNext()) {
        page = await page.next();
        seen.push(...page.items);
        pages++;
      }
      expect(seen.map((i) => i.n)).toEqual([...ns].sort((a, b) => a - b));
      expect(new Set(seen.map((i) => i._id)).size).toBe(ns.length);
      expect(pages).toBe(Math.max(1, Math.ceil(ns.length / size)));
    }), { numRuns: 100 });
  });
});
