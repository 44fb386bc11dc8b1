// WixDataAggregate with Wix's documented PopulationData sample.
import { describe, it, expect, beforeEach } from 'vitest';
import { POPULATION, wixFixture, wixRejects } from '../support/wix-fixtures';

let wixData: ReturnType<typeof wixFixture>['wixData'];
beforeEach(async () => {
  ({ wixData } = wixFixture());
  await wixData.bulkInsert('PopulationData', POPULATION);
});

describe('aggregate', () => {
  it('without group: one item with the aggregates (docs: populationMax)', async () => {
    const results = await wixData.aggregate('PopulationData').max('population').run();
    expect(results.items).toEqual([{ populationMax: 8192000 }]);
    expect(results.length).toBe(1);
    expect(results.hasNext()).toBe(false);
  });

  it('group(state).max(population): keys flat and as _id, sorted by key', async () => {
    const results = await wixData.aggregate('PopulationData').group('state').max('population').run();
    expect(results.items).toEqual([
      { _id: 'CA', state: 'CA', populationMax: 3796000 },
      { _id: 'FL', state: 'FL', populationMax: 401000 },
      { _id: 'NY', state: 'NY', populationMax: 8192000 },
    ]);
  });

  it('several group fields give an _id object; sum/avg/min/count and projected names', async () => {
    const results = await wixData
      .aggregate('PopulationData')
      .group('state', 'year')
      .sum('population')
      .avg('population', 'mean')
      .min('population')
      .count()
      .ascending('state')
      .descending('year')
      .run();
    expect(results.items[0]).toEqual({
      _id: { state: 'CA', year: 2010 }, state: 'CA', year: 2010,
      populationSum: 5907000, mean: 1969000, populationMin: 805000, count: 3,
    });
    expect(results.items.map((i) => `${i.state}${i.year}`)).toEqual(['CA2010', 'CA2000', 'FL2010', 'FL2000', 'NY2010', 'NY2000']);
  });

  it('filter() acts before grouping, having() after', async () => {
    const results = await wixData
      .aggregate('PopulationData')
      .filter(wixData.filter().eq('year', 2010))
      .group('state')
      .max('population')
      .having(wixData.filter().gt('populationMax', 1000000))
      .run();
    expect(results.items.map((i) => i.state)).toEqual(['CA', 'NY']);
  });

  it('pages with skip/limit and next()', async () => {
    const first = await wixData.aggregate('PopulationData').group('city').count().limit(5).run();
    expect(first.length).toBe(5);
    expect(first.hasNext()).toBe(true);
    const second = await first.next();
    expect(second.items.map((i) => i.city)).toEqual(['San Diego', 'San Francisco']);
    expect(second.hasNext()).toBe(false);
    await wixRejects(second.next(), 'WDE0165');
  });

  it('filter() and group() may be called once (WDE0012 / WDE0013)', async () => {
    const f = wixData.filter().eq('year', 2000);
    await wixRejects(wixData.aggregate('PopulationData').filter(f).filter(f).run(), 'WDE0012');
    await wixRejects(wixData.aggregate('PopulationData').group('a').group('b').run(), 'WDE0013');
    await wixRejects(wixData.aggregate('Nope').count().run(), 'WDE0025');
  });
});
