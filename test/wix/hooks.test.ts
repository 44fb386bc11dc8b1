// Velo data hooks from a backend/data.js-shaped module: `<Collection>_<hook>(value, context)`.
import { describe, it, expect } from 'vitest';
import { WixDataQuery } from '../../src/wix';
import { wixFixture, wixRejects } from '../support/wix-fixtures';

type Ctx = { collectionName: string; userId: string | null; userRole: string; currentItem?: Record<string, unknown> };

describe('data hooks', () => {
  it('beforeInsert may replace the item; afterInsert replaces the result; both get the context', async () => {
    const seen: Ctx[] = [];
    const hooks = {
      Movies_beforeInsert: (item: Record<string, unknown>, context: Ctx) => {
        seen.push(context);
        return { ...item, slug: String(item.title).toLowerCase() };
      },
      Movies_afterInsert: async (item: Record<string, unknown>) => ({ ...item, decorated: true }),
    };
    const { wixData } = wixFixture({ hooks, ownerId: 'u1' });
    const result = await wixData.insert('Movies', { title: 'Alien' });
    expect(result).toMatchObject({ title: 'Alien', slug: 'alien', decorated: true });
    expect(await wixData.get('Movies', result._id as string)).not.toHaveProperty('decorated');
    expect(seen).toEqual([{ collectionName: 'Movies', userId: 'u1', userRole: 'siteOwner' }]);
  });

  it('a rejecting before-hook aborts the write and onFailure hears of it', async () => {
    const failures: unknown[] = [];
    const hooks = {
      Movies_beforeInsert: (item: Record<string, unknown>) => (item.title ? item : Promise.reject(new Error('title required'))),
      Movies_onFailure: (error: unknown) => failures.push(error),
    };
    const { wixData, db } = wixFixture({ hooks });
    await expect(wixData.insert('Movies', { year: 1 })).rejects.toThrow('title required');
    expect(failures).toHaveLength(1);
    expect(db.hasCollection('Movies') ? db.collection('Movies').size : 0).toBe(0);
  });

  it('onFailure also hears of the operation failing (duplicate _id)', async () => {
    const failures: Array<{ code?: string }> = [];
    const { wixData } = wixFixture({ hooks: { T_onFailure: (e: { code?: string }) => failures.push(e) } });
    await wixData.insert('T', { _id: 'a' });
    await wixRejects(wixData.insert('T', { _id: 'a' }), 'WDE0074');
    expect(failures.map((f) => f.code)).toEqual(['WDE0074']);
  });

  it('a return value of the wrong kind is ignored', async () => {
    const { wixData } = wixFixture({ hooks: { T_beforeInsert: () => undefined, T_afterGet: () => 42 } });
    await wixData.insert('T', { _id: 'a', v: 1 });
    expect(await wixData.get('T', 'a')).toMatchObject({ _id: 'a', v: 1 });
  });

  it('beforeUpdate sees the stored item as context.currentItem', async () => {
    const currents: unknown[] = [];
    const hooks = {
      T_beforeUpdate: (item: Record<string, unknown>, context: Ctx) => {
        currents.push(context.currentItem?.v);
        return { ...item, v: Number(item.v) * 10 };
      },
      T_afterUpdate: (item: Record<string, unknown>) => ({ ...item, after: true }),
    };
    const { wixData } = wixFixture({ hooks });
    await wixData.insert('T', { _id: 'a', v: 1 });
    expect(await wixData.update('T', { _id: 'a', v: 2 })).toMatchObject({ v: 20, after: true });
    expect(currents).toEqual([1]);
  });

  it('beforeGet/beforeRemove may swap the id; afterRemove replaces the result', async () => {
    const hooks = {
      T_beforeGet: (id: string) => (id === 'alias' ? 'a' : id),
      T_beforeRemove: (id: string) => (id === 'alias' ? 'a' : id),
      T_afterRemove: (item: Record<string, unknown>) => ({ removed: item._id }),
    };
    const { wixData } = wixFixture({ hooks });
    await wixData.insert('T', { _id: 'a' });
    expect((await wixData.get('T', 'alias'))?._id).toBe('a');
    expect(await wixData.remove('T', 'alias')).toEqual({ removed: 'a' });
  });

  it('beforeQuery may narrow the query; afterQuery runs per item', async () => {
    const hooks = {
      T_beforeQuery: (query: WixDataQuery) => query.eq('visible', true),
      T_afterQuery: (item: Record<string, unknown>) => ({ ...item, seen: true }),
    };
    const { wixData } = wixFixture({ hooks });
    await wixData.bulkInsert('T', [{ visible: true }, { visible: false }]);
    const { items } = await wixData.query('T').find();
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ visible: true, seen: true });
  });

  it('beforeCount/afterCount wrap count()', async () => {
    const hooks = {
      T_beforeCount: (query: WixDataQuery) => query.gt('v', 1),
      T_afterCount: (count: number) => count * 100,
    };
    const { wixData } = wixFixture({ hooks });
    await wixData.bulkInsert('T', [{ v: 1 }, { v: 2 }, { v: 3 }]);
    expect(await wixData.query('T').count()).toBe(200);
  });

  it('bulk operations run the hooks per item', async () => {
    let calls = 0;
    const { wixData } = wixFixture({ hooks: { T_beforeInsert: (item: object) => (calls++, item) } });
    await wixData.bulkInsert('T', [{}, {}, {}]);
    expect(calls).toBe(3);
  });

  it('{ suppressHooks: true } skips them', async () => {
    let calls = 0;
    const count = (x: unknown) => (calls++, x);
    const { wixData } = wixFixture({ hooks: { T_beforeInsert: count, T_afterQuery: count, T_beforeGet: count } });
    const item = await wixData.insert('T', { v: 1 }, { suppressHooks: true });
    await wixData.query('T').find({ suppressHooks: true });
    await wixData.get('T', item._id as string, { suppressHooks: true });
    expect(calls).toBe(0);
  });
});

describe('after-hook rejections', () => {
  it('use the rejected value as the result, tell onFailure, and keep the write', async () => {
    const failures: unknown[] = [];
    const hooks = {
      T_afterInsert: () => Promise.reject({ replaced: true }),
      T_afterGet: () => Promise.reject(new Error('ignored')),
      T_onFailure: (e: unknown) => failures.push(e),
    };
    const { wixData, db } = wixFixture({ hooks });
    expect(await wixData.insert('T', { _id: 'a' })).toEqual({ replaced: true });
    expect(db.collection('T').size).toBe(1);
    expect(await wixData.get('T', 'a')).toMatchObject({ _id: 'a' });
    expect(failures).toHaveLength(2);
  });
});

describe('removing referenced items', () => {
  it('clears references and multi-references to them', async () => {
    const schemas = {
      Movies: { fields: { actors: { type: 'multi-reference', referencedCollection: 'People' }, director: { type: 'reference', referencedCollection: 'People' } } },
    };
    const { wixData } = wixFixture({ schemas });
    await wixData.bulkInsert('People', [{ _id: 'p1' }, { _id: 'p2' }]);
    await wixData.insert('Movies', { _id: 'm', director: 'p1', actors: ['p1', 'p2'] });
    await wixData.remove('People', 'p1');
    expect(await wixData.get('Movies', 'm')).not.toHaveProperty('director');
    expect((await wixData.queryReferenced('Movies', 'm', 'actors')).items.map((p) => p._id)).toEqual(['p2']);
    await wixData.bulkRemove('People', ['p2']);
    expect(await wixData.isReferenced('Movies', 'actors', 'm', 'p2')).toBe(false);
  });
});
