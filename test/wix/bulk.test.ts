// Velo wix-data bulkInsert/bulkSave/bulkUpdate/bulkRemove and the WixDataBulkResult shape.
import { describe, it, expect } from 'vitest';
import { wixFixture, wixRejects } from '../support/wix-fixtures';

describe('bulkInsert', () => {
  it('inserts new items and skips ids that exist', async () => {
    const { wixData } = wixFixture();
    await wixData.insert('T', { _id: 'a', v: 1 });
    const result = await wixData.bulkInsert('T', [{ _id: 'a', v: 2 }, { _id: 'b' }, { v: 3 }]);
    expect(result).toEqual({ inserted: 2, updated: 0, skipped: 1, insertedItemIds: ['b', 'id0001'], updatedItemIds: [], errors: [] });
    expect((await wixData.get('T', 'a'))?.v).toBe(1);
  });
  it('with overrideExisting replaces items whose _id exists', async () => {
    const { wixData } = wixFixture();
    await wixData.insert('T', { _id: 'a', v: 1 });
    const result = await wixData.bulkInsert('T', [{ _id: 'a', v: 2 }], { overrideExisting: true });
    expect(result).toMatchObject({ inserted: 0, updated: 1, skipped: 0, updatedItemIds: ['a'] });
    expect((await wixData.get('T', 'a'))?.v).toBe(2);
  });
  it('reports a failing item with originalIndex and item, and inserts the rest', async () => {
    const { wixData } = wixFixture();
    const big = { _id: 'big', text: 'x'.repeat(600 * 1024) };
    const result = await wixData.bulkInsert('T', [{ _id: 'ok1' }, big, { _id: 'ok2' }]);
    expect(result.inserted).toBe(2);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({ code: 'WDE0009', originalIndex: 1, item: big });
    expect(result.errors[0]?.message.startsWith('WDE0009: ')).toBe(true);
  });
  it('refuses more than 1000 items (WDE0006) and non-object items (WDE0005)', async () => {
    const { wixData } = wixFixture();
    await wixRejects(wixData.bulkInsert('T', Array.from({ length: 1001 }, () => ({}))), 'WDE0006');
    await wixRejects(wixData.bulkInsert('T', [{}, 'x'] as never), 'WDE0005');
    await wixRejects(wixData.bulkInsert('T', [{ _id: 3 }] as never), 'WDE0005');
    expect((await wixData.bulkInsert('T', Array.from({ length: 1000 }, () => ({})))).inserted).toBe(1000);
  });
});

describe('bulkSave / bulkUpdate / bulkRemove', () => {
  it('bulkSave inserts or replaces each item', async () => {
    const { wixData } = wixFixture();
    await wixData.insert('T', { _id: 'a', v: 1, gone: true });
    const result = await wixData.bulkSave('T', [{ _id: 'a', v: 2 }, { _id: 'b', v: 3 }]);
    expect(result).toMatchObject({ inserted: 1, updated: 1, skipped: 0, insertedItemIds: ['b'], updatedItemIds: ['a'] });
    expect(await wixData.get('T', 'a')).not.toHaveProperty('gone');
  });
  it('bulkUpdate replaces existing items and skips missing ids', async () => {
    const { wixData } = wixFixture();
    await wixData.insert('T', { _id: 'a', v: 1 });
    const result = await wixData.bulkUpdate('T', [{ _id: 'a', v: 2 }, { _id: 'zz', v: 3 }, { v: 4 }]);
    expect(result).toMatchObject({ inserted: 0, updated: 1, skipped: 1, updatedItemIds: ['a'] });
    expect(result.errors).toMatchObject([{ code: 'WDE0007', originalIndex: 2 }]);
    expect((await wixData.get('T', 'a'))?.v).toBe(2);
  });
  it('bulkRemove removes the ids that exist and reports removed/removedItemIds', async () => {
    const { wixData } = wixFixture();
    await wixData.bulkInsert('T', [{ _id: 'a' }, { _id: 'b' }]);
    const result = await wixData.bulkRemove('T', ['a', 'x', 'b']);
    expect(result).toMatchObject({ removed: 2, removedItemIds: ['a', 'b'], skipped: 1, errors: [] });
    expect(await wixData.query('T').count()).toBe(0);
  });
  it('bulkRemove needs an array of strings (WDE0068), at most 1000 (WDE0069)', async () => {
    const { wixData } = wixFixture();
    await wixData.insert('T', {});
    await wixRejects(wixData.bulkRemove('T', [1] as never), 'WDE0068');
    await wixRejects(wixData.bulkRemove('T', Array.from({ length: 1001 }, (_, i) => `${i}`)), 'WDE0069');
  });
});
