// executeQuery follows next() through every page; condition strings; the original executeQuery(command).
import { describe, it, expect } from 'vitest';
import { TissDBLite } from '../../src/core';
import { createWixData, executeQuery, withWixExecuteQuery, wixQueryExecutor } from '../../src/wix';

function seeded(n: number) {
  const db = new TissDBLite();
  db.createCollection('Items').insertMany(Array.from({ length: n }, (_, i) => ({ _id: `i${i}`, n: i })));
  return { db, wixData: createWixData(db) };
}

describe('executeQuery', () => {
  it('returns all of 2500 matches by following next() past the 1000-item page', async () => {
    const { wixData } = seeded(2500);
    let pages = 0;
    const counting = { ...wixData, query: (c: string) => { pages++; return wixData.query(c); } };
    const items = await executeQuery(counting, { collection: 'Items', filter: { n: { $gte: 0 } }, sort: { n: 1 } });
    expect(items).toHaveLength(2500);
    expect(items.map((d) => d.n)).toEqual(Array.from({ length: 2500 }, (_, i) => i));
    expect(pages).toBe(1);
  });

  it('honours a limit over 1000 by paging, and stops at the limit', async () => {
    const { wixData } = seeded(2500);
    const items = await executeQuery(wixData, { collection: 'Items', sort: { n: -1 }, skip: 10, limit: 1200 });
    expect(items).toHaveLength(1200);
    expect(items[0]?.n).toBe(2489);
  });

  it('takes an original tissdb-lite condition string', async () => {
    const db = new TissDBLite();
    db.createCollection('users').insertMany([
      { name: 'Alice', age: 30, role: 'developer' },
      { name: 'Bob', age: 40, role: 'admin' },
      { name: 'Eve', age: 35, role: 'developer' },
    ]);
    const items = await executeQuery(createWixData(db), { collection: 'users', condition: 'age > 30 AND role = "developer"' });
    expect(items.map((u) => u.name)).toEqual(['Eve']);
  });

  it('rejects filter and condition together, and untranslatable filters', async () => {
    const { wixData } = seeded(1);
    await expect(executeQuery(wixData, { collection: 'Items', filter: {}, condition: 'n = 1' })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(executeQuery(wixData, { collection: 'Items', filter: { n: { $size: 1 } } })).rejects.toMatchObject({ code: 'INVALID_QUERY' });
  });

  it('passes the module’s own errors through (missing collection: WDE0025)', async () => {
    const { wixData } = seeded(1);
    await expect(executeQuery(wixData, { collection: 'Nope' })).rejects.toMatchObject({ code: 'WDE0025' });
  });
});

describe('withWixExecuteQuery: the original TissDBLite#executeQuery(command)', () => {
  it('runs { collection, condition_string } on the given module', async () => {
    const source = new TissDBLite();
    source.createCollection('users').insertMany([{ name: 'Alice', age: 30 }, { name: 'Bob', age: 40 }]);
    const db = withWixExecuteQuery(new TissDBLite(), createWixData(source));
    const items = await db.executeQuery({ collection: 'users', condition_string: 'age >= 35' });
    expect(items.map((u) => u.name)).toEqual(['Bob']);
    expect((await db.executeQuery({ collection: 'users' })).length).toBe(2);
  });

  it('falls back to a global wixData as the original did', async () => {
    const source = new TissDBLite();
    source.createCollection('users').insert({ name: 'Alice' });
    const db = withWixExecuteQuery(new TissDBLite());
    await expect(db.executeQuery({ collection: 'users' })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    (globalThis as { wixData?: unknown }).wixData = createWixData(source);
    try {
      expect((await db.executeQuery({ collection: 'users', condition_string: '' })).map((u) => u.name)).toEqual(['Alice']);
    } finally {
      delete (globalThis as { wixData?: unknown }).wixData;
    }
  });
});

describe('wixQueryExecutor', () => {
  it('is the same executeQuery as a plain function, for a core option or a server action', async () => {
    const source = new TissDBLite();
    source.createCollection('users').insertMany([{ name: 'Alice', age: 30 }, { name: 'Bob', age: 40 }]);
    const run = wixQueryExecutor(createWixData(source));
    expect((await run({ collection: 'users', condition_string: 'age < 35' })).map((u) => u.name)).toEqual(['Alice']);
    await expect(run(null as never)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(run({ collection: 'users', condition_string: 'age >' })).rejects.toMatchObject({ code: 'TISSQL_SYNTAX' });
  });
});
