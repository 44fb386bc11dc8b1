// WixDataQuery sort/paging/projection/terminal methods and WixDataQueryResult, per Velo's docs.
import { describe, it, expect } from 'vitest';
import { wixFixture, wixRejects } from '../support/wix-fixtures';

async function seeded(n: number) {
  const ctx = wixFixture();
  await ctx.wixData.bulkInsert('Items', Array.from({ length: n }, (_, i) => ({ _id: `i${String(i).padStart(3, '0')}`, n: i, group: i % 3 })));
  return ctx;
}

describe('sorting', () => {
  it('defaults to newest _createdDate first', async () => {
    const { wixData } = await seeded(5);
    const { items } = await wixData.query('Items').find();
    expect(items.map((i) => i.n)).toEqual([4, 3, 2, 1, 0]);
  });
  it('sorts by several fields in call order', async () => {
    const { wixData } = await seeded(6);
    const { items } = await wixData.query('Items').ascending('group').descending('n').find();
    expect(items.map((i) => i.n)).toEqual([3, 0, 4, 1, 5, 2]);
  });
  it('ranks missing values lowest and sorts strings by code point ("abc" after "XYZ")', async () => {
    const { wixData } = wixFixture();
    await wixData.bulkInsert('S', [{ s: 'abc' }, { s: 'XYZ' }, { other: 1 }]);
    const asc = await wixData.query('S').ascending('s').find();
    expect(asc.items.map((i) => i.s)).toEqual([undefined, 'XYZ', 'abc']);
    const desc = await wixData.query('S').descending('s').find();
    expect(desc.items.map((i) => i.s)).toEqual(['abc', 'XYZ', undefined]);
  });
});

describe('skip / limit and paging', () => {
  it('defaults to pages of 50', async () => {
    const { wixData } = await seeded(120);
    const page = await wixData.query('Items').ascending('n').find();
    expect(page.length).toBe(50);
    expect(page.pageSize).toBe(50);
    expect(page.totalCount).toBe(120);
    expect(page.totalPages).toBe(3);
    expect(page.currentPage).toBe(0);
    expect(page.hasPrev()).toBe(false);
    expect(page.hasNext()).toBe(true);
  });
  it('next() and prev() walk the pages; past the ends they reject with WDE0165 / WDE0159', async () => {
    const { wixData } = await seeded(25);
    const first = await wixData.query('Items').ascending('n').limit(10).find();
    await wixRejects(first.prev(), 'WDE0159');
    const second = await first.next();
    expect(second.currentPage).toBe(1);
    expect(second.items[0]?.n).toBe(10);
    const third = await second.next();
    expect(third.items.map((i) => i.n)).toEqual([20, 21, 22, 23, 24]);
    expect(third.hasNext()).toBe(false);
    await wixRejects(third.next(), 'WDE0165');
    expect((await third.prev()).items[0]?.n).toBe(10);
  });
  it('skip() offsets the page and currentPage follows it', async () => {
    const { wixData } = await seeded(30);
    const page = await wixData.query('Items').ascending('n').skip(20).limit(10).find();
    expect(page.items[0]?.n).toBe(20);
    expect(page.currentPage).toBe(2);
  });
  it('currentPage is undefined when nothing matched', async () => {
    const { wixData } = await seeded(3);
    const page = await wixData.query('Items').eq('n', 99).find();
    expect(page.items).toEqual([]);
    expect(page.currentPage).toBeUndefined();
    expect(page.totalCount).toBe(0);
  });
  it('limit() over 1000 rejects find() with WDE0036; bad skip/limit arguments reject too', async () => {
    const { wixData } = await seeded(1);
    await wixRejects(wixData.query('Items').limit(1001).find(), 'WDE0036');
    await wixRejects(wixData.query('Items').limit(-1).find(), 'WDE0034');
    await wixRejects(wixData.query('Items').skip(1.5).find(), 'WDE0035');
    expect((await wixData.query('Items').limit(1000).find()).length).toBe(1);
  });
  it('omitTotalCount leaves totalCount undefined', async () => {
    const { wixData } = await seeded(3);
    const page = await wixData.query('Items').find({ omitTotalCount: true });
    expect(page.totalCount).toBeUndefined();
    expect(page.length).toBe(3);
  });
  it('result.query is the query that produced the page', async () => {
    const { wixData } = await seeded(3);
    const page = await wixData.query('Items').eq('group', 0).find();
    expect((await page.query.count())).toBe(1);
  });
});

describe('fields / count / distinct', () => {
  it('fields() returns only the named fields and _id', async () => {
    const { wixData } = await seeded(2);
    const { items } = await wixData.query('Items').fields('n').ascending('n').find();
    expect(items).toEqual([{ _id: 'i000', n: 0 }, { _id: 'i001', n: 1 }]);
  });
  it('count() counts every match, ignoring skip and limit', async () => {
    const { wixData } = await seeded(70);
    expect(await wixData.query('Items').eq('group', 1).limit(5).count()).toBe(23);
  });
  it('distinct() pages unique values', async () => {
    const { wixData } = await seeded(9);
    const result = await wixData.query('Items').ascending('n').distinct('group');
    expect(result.items).toEqual([0, 1, 2]);
    expect(result.totalCount).toBe(3);
    const paged = await wixData.query('Items').ascending('n').limit(2).distinct('group');
    expect(paged.items).toEqual([0, 1]);
    expect((await paged.next()).items).toEqual([2]);
  });
  it('querying a collection that does not exist rejects with WDE0025', async () => {
    const { wixData } = wixFixture();
    const error = await wixRejects(wixData.query('Nope').find(), 'WDE0025');
    expect(error.message).toContain('Nope');
  });
});

describe('indexes', () => {
  it('query conditions reach the core as Mongo filters, so its indexes answer them', async () => {
    const { wixData, db } = wixFixture();
    db.createCollection('Movies', { indexes: ['year'] });
    await wixData.bulkInsert('Movies', Array.from({ length: 50 }, (_, i) => ({ year: 1950 + i })));
    const query = wixData.query('Movies').ge('year', 1990).lt('year', 1995);
    const plan = db.collection('Movies').explain(query.toMongoFilter());
    expect(plan).toMatchObject({ plan: 'IXSCAN', returned: 5 });
    expect((await query.find()).length).toBe(5);
  });
});
