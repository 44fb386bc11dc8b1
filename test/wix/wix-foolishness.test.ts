// Wrong types, nulls, cycles and other abuse: each fails with a WixDataError and changes nothing.
import { describe, it, expect } from 'vitest';
import { wixFixture, wixRejects } from '../support/wix-fixtures';

describe('wix-data foolishness', () => {
  it('query conditions with a non-string field name reject find() with WDE0003', async () => {
    const { wixData } = wixFixture();
    await wixData.insert('T', { a: 1 });
    await wixRejects(wixData.query('T').eq(5 as never, 1).find(), 'WDE0003');
    await wixRejects(wixData.query('T').contains('a', 5 as never).find(), 'WDE0075');
    await wixRejects(wixData.query('T').hasSome('a', [{}] as never).find(), 'WDE0075');
    await wixRejects(wixData.query('T').and('nope' as never).find(), 'WDE0075');
    await wixRejects(wixData.query('T').ascending(3 as never).find(), 'WDE0075');
    await wixRejects(wixData.query(null as never).find(), 'WDE0001');
  });

  it('items the store cannot hold are refused and nothing is written', async () => {
    const { wixData, db } = wixFixture();
    await wixData.insert('T', { ok: true });
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    await wixRejects(wixData.insert('T', cyclic), 'WDE0004');
    await wixRejects(wixData.insert('T', { $set: 1 }), 'WDE0075');
    await wixRejects(wixData.insert('T', { n: Number.NaN }), 'WDE0075');
    await wixRejects(wixData.insert('T', { m: new Map() } as never), 'WDE0075');
    await wixRejects(wixData.insert('T', [] as never), 'WDE0004');
    await wixRejects(wixData.insert('T', null as never), 'WDE0004');
    expect(db.collection('T').size).toBe(1);
  });

  it('undefined fields are dropped like Velo drops them', async () => {
    const { wixData } = wixFixture();
    const saved = await wixData.insert('T', { a: undefined, b: [undefined, 1] });
    expect(saved).not.toHaveProperty('a');
    expect(saved.b).toEqual([null, 1]);
  });

  it('eq(field, null) and eq(field, undefined) match missing and null, like isEmpty', async () => {
    const { wixData } = wixFixture();
    await wixData.bulkInsert('T', [{ _id: '1', a: null }, { _id: '2' }, { _id: '3', a: '' }]);
    const ids = async (q: ReturnType<typeof wixData.query>) => (await q.find()).items.map((i) => i._id).sort();
    expect(await ids(wixData.query('T').eq('a', null))).toEqual(['1', '2']);
    expect(await ids(wixData.query('T').eq('a', undefined))).toEqual(['1', '2']);
  });

  it('a hook that throws synchronously still rejects and leaves the store alone', async () => {
    const { wixData, db } = wixFixture({ hooks: { T_beforeInsert: () => { throw new Error('boom'); } } });
    await expect(wixData.insert('T', { a: 1 })).rejects.toThrow('boom');
    expect(db.hasCollection('T') ? db.collection('T').size : 0).toBe(0);
  });
});
