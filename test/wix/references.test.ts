// Reference fields (schemas option): include(), queryReferenced, insert/remove/replaceReferences, isReferenced.
import { describe, it, expect, beforeEach } from 'vitest';
import { wixFixture, wixRejects } from '../support/wix-fixtures';

const schemas = {
  Movies: {
    fields: {
      actors: { type: 'multi-reference', referencedCollection: 'People' },
      director: { type: 'reference', referencedCollection: 'People' },
    },
  },
  People: {},
};

let ctx: ReturnType<typeof wixFixture>;
beforeEach(async () => {
  ctx = wixFixture({ schemas });
  await ctx.wixData.bulkInsert('People', [
    { _id: 'ridley', name: 'Ridley Scott' },
    { _id: 'sigourney', name: 'Sigourney Weaver' },
    { _id: 'tom', name: 'Tom Skerritt' },
  ]);
  // A reference may be given as the referenced item itself; it is stored as its id.
  await ctx.wixData.insert('Movies', { _id: 'alien', title: 'Alien', director: { _id: 'ridley', name: 'Ridley Scott' }, actors: ['sigourney'] });
});

describe('references', () => {
  it('stores references as ids; multi-references only show through include()', async () => {
    const plain = await ctx.wixData.get('Movies', 'alien');
    expect(plain).toMatchObject({ director: 'ridley' });
    expect(plain).not.toHaveProperty('actors');
    const { items, partialIncludes } = await ctx.wixData.query('Movies').include('director', 'actors').find();
    expect(items[0]?.director).toMatchObject({ _id: 'ridley', name: 'Ridley Scott' });
    expect(items[0]?.actors).toMatchObject([{ _id: 'sigourney' }]);
    expect(partialIncludes).toBe(false);
  });

  it('insertReference / isReferenced / queryReferenced / removeReference / replaceReferences', async () => {
    const { wixData } = ctx;
    await wixData.insertReference('Movies', 'actors', 'alien', ['tom', { _id: 'sigourney' }]);
    expect(await wixData.isReferenced('Movies', 'actors', 'alien', 'tom')).toBe(true);
    const referenced = await wixData.queryReferenced('Movies', { _id: 'alien' }, 'actors');
    expect(referenced.items.map((p) => p._id)).toEqual(['sigourney', 'tom']);
    expect(referenced.totalCount).toBe(2);
    await wixData.removeReference('Movies', 'actors', 'alien', 'sigourney');
    expect(await wixData.isReferenced('Movies', 'actors', 'alien', 'sigourney')).toBe(false);
    await wixData.replaceReferences('Movies', 'actors', 'alien', ['ridley']);
    expect((await wixData.queryReferenced('Movies', 'alien', 'actors')).items.map((p) => p._id)).toEqual(['ridley']);
    await wixData.replaceReferences('Movies', 'actors', 'alien', []);
    expect((await wixData.queryReferenced('Movies', 'alien', 'actors')).items).toEqual([]);
  });

  it('update() and save() leave multi-references alone', async () => {
    await ctx.wixData.update('Movies', { _id: 'alien', title: 'Alien (1979)' });
    expect(await ctx.wixData.isReferenced('Movies', 'actors', 'alien', 'sigourney')).toBe(true);
  });

  it('hasSome() on a multi-reference field matches referenced ids', async () => {
    const { items } = await ctx.wixData.query('Movies').hasSome('actors', ['sigourney']).find();
    expect(items.map((m) => m._id)).toEqual(['alien']);
  });

  it('include() caps a multi-reference at 50 items and sets partialIncludes', async () => {
    const many = Array.from({ length: 60 }, (_, i) => ({ _id: `extra${i}` }));
    await ctx.wixData.bulkInsert('People', many);
    await ctx.wixData.insertReference('Movies', 'actors', 'alien', many.map((p) => p._id));
    const result = await ctx.wixData.query('Movies').include('actors').find();
    expect(result.items[0]?.actors).toHaveLength(50);
    expect(result.partialIncludes).toBe(true);
  });

  it('refuses non-multi-reference fields (WDE0020), bad item arguments (WDE0019), missing items (WDE0073)', async () => {
    const { wixData } = ctx;
    await wixRejects(wixData.insertReference('Movies', 'director', 'alien', 'tom'), 'WDE0020');
    await wixRejects(wixData.insertReference('Movies', 'actors', { name: 'no id' } as never, 'tom'), 'WDE0019');
    await wixRejects(wixData.insertReference('Movies', 'actors', 'nope', 'tom'), 'WDE0073');
    await wixRejects(wixData.query('Movies').include('title').find(), 'WDE0021');
  });

  it('truncating the referenced collection clears the multi-references into it', async () => {
    await ctx.wixData.truncate('People');
    expect(await ctx.wixData.isReferenced('Movies', 'actors', 'alien', 'sigourney')).toBe(false);
  });
});
