// Velo wix-data item operations: get, insert, save, update, remove, truncate.
import { describe, it, expect } from 'vitest';
import { createWixData, isWixDataError, WixDataError } from '../../src/wix';
import { TissDBLite } from '../../src/core';
import { wixFixture, wixRejects } from '../support/wix-fixtures';

describe('insert', () => {
  it('adds _id, _owner, _createdDate and _updatedDate (equal on insert)', async () => {
    const { wixData } = wixFixture({ ownerId: 'member-7' });
    const saved = await wixData.insert('Movies', { title: 'Alien' });
    expect(saved).toMatchObject({ _id: 'id0001', _owner: 'member-7', title: 'Alien' });
    expect(saved._createdDate).toBeInstanceOf(Date);
    expect(saved._updatedDate).toEqual(saved._createdDate);
  });
  it('keeps a given _id and fails on an existing one (WDE0074)', async () => {
    const { wixData } = wixFixture();
    await wixData.insert('Movies', { _id: 'm1', title: 'Alien' });
    const error = await wixRejects(wixData.insert('Movies', { _id: 'm1', title: 'Again' }), 'WDE0074');
    expect(error.message).toContain('m1');
    expect((await wixData.get('Movies', 'm1'))?.title).toBe('Alien');
  });
  it('writes the system fields back onto the object passed in (Velo does)', async () => {
    const { wixData } = wixFixture();
    const item: Record<string, unknown> = { title: 'Alien' };
    await wixData.insert('Movies', item);
    expect(item._id).toBe('id0001');
    expect(item._createdDate).toBeInstanceOf(Date);
  });
  it('stores a copy: changing the passed object afterwards changes nothing', async () => {
    const { wixData } = wixFixture();
    const item = { _id: 'm1', cast: ['a'] };
    await wixData.insert('Movies', item);
    item.cast.push('b');
    expect((await wixData.get('Movies', 'm1'))?.cast).toEqual(['a']);
  });
  it('refuses non-objects (WDE0004), bad ids (WDE0002) and a non-string collection (WDE0001)', async () => {
    const { wixData } = wixFixture();
    await wixRejects(wixData.insert('Movies', 'nope' as never), 'WDE0004');
    await wixRejects(wixData.insert('Movies', { _id: '' }), 'WDE0002');
    await wixRejects(wixData.insert('Movies', { _id: 5 } as never), 'WDE0002');
    await wixRejects(wixData.insert(42 as never, {}), 'WDE0001');
  });
  it('refuses items over 500 kb (WDE0009) and stores nothing', async () => {
    const { wixData, db } = wixFixture();
    await wixRejects(wixData.insert('Big', { text: 'x'.repeat(520 * 1024) }), 'WDE0009');
    expect(db.hasCollection('Big') ? db.collection('Big').size : 0).toBe(0);
    await wixData.insert('Big', { text: 'x'.repeat(500 * 1024 - 100) });
  });
  it('creates the collection on first write, unless strictCollections', async () => {
    const { wixData, db } = wixFixture();
    await wixData.insert('Fresh', { a: 1 });
    expect(db.hasCollection('Fresh')).toBe(true);
    const strict = createWixData(new TissDBLite(), { strictCollections: true });
    await wixRejects(strict.insert('Fresh', { a: 1 }), 'WDE0025');
  });
});

describe('get / update / save / remove / truncate', () => {
  it('get resolves null for a missing item', async () => {
    const { wixData } = wixFixture();
    await wixData.insert('Movies', { _id: 'm1' });
    expect(await wixData.get('Movies', 'zzz')).toBeNull();
    await wixRejects(wixData.get('Movies', 7 as never), 'WDE0002');
  });
  it('update replaces the whole item: omitted fields are gone, _createdDate and _owner stay', async () => {
    const { wixData } = wixFixture({ ownerId: 'u1' });
    const first = await wixData.insert('Movies', { _id: 'm1', title: 'Alien', year: 1979 });
    const updated = await wixData.update('Movies', { _id: 'm1', title: 'Aliens' });
    expect(updated.year).toBeUndefined();
    expect(updated).toMatchObject({ _id: 'm1', title: 'Aliens', _owner: 'u1' });
    expect(updated._createdDate).toEqual(first._createdDate);
    expect((updated._updatedDate as Date).getTime()).toBeGreaterThan((first._updatedDate as Date).getTime());
  });
  it('update needs a string _id (WDE0007) of an existing item (WDE0073)', async () => {
    const { wixData } = wixFixture();
    await wixData.insert('Movies', { _id: 'm1' });
    await wixRejects(wixData.update('Movies', { title: 'x' }), 'WDE0007');
    const error = await wixRejects(wixData.update('Movies', { _id: 'm9' }), 'WDE0073');
    expect(error.message).toBe('WDE0073: Item [m9] does not exist in collection [Movies].');
  });
  it('save inserts new items and replaces existing ones', async () => {
    const { wixData } = wixFixture();
    const inserted = await wixData.save('Movies', { _id: 'm1', title: 'Alien', year: 1979 });
    expect(inserted.title).toBe('Alien');
    const replaced = await wixData.save('Movies', { _id: 'm1', title: 'Alien 2' });
    expect(replaced).toMatchObject({ _id: 'm1', title: 'Alien 2' });
    expect(replaced.year).toBeUndefined();
    expect(await wixData.query('Movies').count()).toBe(1);
  });
  it('remove resolves the removed item, or null when there was none', async () => {
    const { wixData } = wixFixture();
    await wixData.insert('Movies', { _id: 'm1', title: 'Alien' });
    expect(await wixData.remove('Movies', 'm1')).toMatchObject({ _id: 'm1', title: 'Alien' });
    expect(await wixData.remove('Movies', 'm1')).toBeNull();
    expect(await wixData.get('Movies', 'm1')).toBeNull();
  });
  it('truncate removes every item', async () => {
    const { wixData } = wixFixture();
    await wixData.bulkInsert('Movies', [{ a: 1 }, { a: 2 }]);
    await wixData.truncate('Movies');
    expect(await wixData.query('Movies').count()).toBe(0);
  });
});

describe('errors', () => {
  it('are WixDataErrors with the code at the start of the message', async () => {
    const { wixData } = wixFixture();
    const error = await wixData.get('Missing', 'x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WixDataError);
    expect(isWixDataError(error)).toBe(true);
    expect(isWixDataError({ name: 'WixDataError', code: 'WDE0025' })).toBe(true);
    expect(isWixDataError(new Error('WDE0025'))).toBe(false);
  });
  it('bad options objects are refused (WDE0018)', async () => {
    const { wixData } = wixFixture();
    await expect(wixData.insert('M', {}, 'fast' as never)).rejects.toMatchObject({ code: 'WDE0018' });
  });
});
