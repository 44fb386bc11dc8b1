// The @wix/data `items` flavour: same store, SDK result shape, no mutation of the caller's object.
import { describe, it, expect } from 'vitest';
import { createWixData } from '../../src/wix';
import { wixItemsFixture } from '../support/wix-fixtures';

describe('createWixDataItems', () => {
  it('reports totalCount only with returnTotalCount', async () => {
    const { items } = wixItemsFixture();
    await items.bulkInsert('T', Array.from({ length: 5 }, (_, i) => ({ i })));
    const plain = await items.query('T').limit(2).find();
    expect(plain.totalCount).toBeUndefined();
    expect(plain.totalPages).toBeUndefined();
    expect(plain.hasNext()).toBe(true);
    const counted = await items.query('T').limit(2).find({ returnTotalCount: true });
    expect(counted.totalCount).toBe(5);
    expect(counted.totalPages).toBe(3);
  });

  it('insert does not write onto the object passed in', async () => {
    const { items } = wixItemsFixture();
    const item: Record<string, unknown> = { title: 'x' };
    const saved = await items.insert('T', item);
    expect(saved._id).toBeTypeOf('string');
    expect(item).toEqual({ title: 'x' });
  });

  it('shares the database with a Velo-flavoured module on the same db', async () => {
    const { items, db } = wixItemsFixture();
    await items.insert('T', { _id: 'a' });
    expect(await createWixData(db).get('T', 'a')).toMatchObject({ _id: 'a' });
    expect(typeof items.aggregate).toBe('function');
    expect(typeof items.queryReferenced).toBe('function');
  });
});
