// Written from the examples and rules of Velo's WixDataQuery/WixDataFilter docs, one block per method.
import { describe, it, expect, beforeEach } from 'vitest';
import { wixFixture, wixRejects } from '../support/wix-fixtures';

const PEOPLE = [
  { _id: 'p1', name: 'John', lastName: 'Smith', age: 30, city: 'Oslo', tags: ['a', 'b'], bio: 'Likes text.' },
  { _id: 'p2', name: 'jane', lastName: 'smith', age: '30', city: 'oslo', tags: ['B'], bio: '' },
  { _id: 'p3', name: 'Ann', lastName: 'Jones', age: 51, tags: ['a'], bio: null },
  { _id: 'p4', name: 'Text', lastName: 'Brown', age: 20, city: 'Rome', joined: new Date('2020-01-01T00:00:00Z') },
  { _id: 'p5', name: 'text', lastName: 'a.c', age: 45.5, city: 'ROME', joined: new Date('2022-06-01T00:00:00Z') },
];

let ctx: ReturnType<typeof wixFixture>;
beforeEach(async () => {
  ctx = wixFixture();
  for (const p of PEOPLE) await ctx.wixData.insert('People', p);
});

const ids = async (q: { find(): Promise<{ items: Array<Record<string, unknown>> }> }) =>
  (await q.find()).items.map((i) => i._id as string).sort();
const people = () => ctx.wixData.query('People');

describe('eq / ne', () => {
  it('eq is case-sensitive', async () => {
    expect(await ids(people().eq('lastName', 'Smith'))).toEqual(['p1']);
  });
  it('eq is type-strict: "30" is not 30', async () => {
    expect(await ids(people().eq('age', 30))).toEqual(['p1']);
    expect(await ids(people().eq('age', '30'))).toEqual(['p2']);
  });
  it('eq on an array field matches any element', async () => {
    expect(await ids(people().eq('tags', 'a'))).toEqual(['p1', 'p3']);
  });
  it('eq on a Date compares the time', async () => {
    expect(await ids(people().eq('joined', new Date('2020-01-01T00:00:00Z')))).toEqual(['p4']);
  });
  it('ne excludes equal values and keeps items without the field', async () => {
    expect(await ids(people().ne('city', 'Oslo'))).toEqual(['p2', 'p3', 'p4', 'p5']);
  });
});

describe('gt / ge / lt / le', () => {
  it('compares numbers only with numbers', async () => {
    expect(await ids(people().gt('age', 29))).toEqual(['p1', 'p3', 'p5']);
    expect(await ids(people().ge('age', 30))).toEqual(['p1', 'p3', 'p5']);
    expect(await ids(people().lt('age', 30))).toEqual(['p4']);
    expect(await ids(people().le('age', 30))).toEqual(['p1', 'p4']);
  });
  it('compares strings lexicographically, case counting ("Text" < "text")', async () => {
    expect(await ids(people().lt('name', 'text'))).toEqual(['p1', 'p2', 'p3', 'p4']);
    expect(await ids(people().gt('name', 'Text'))).toEqual(['p2', 'p5']);
  });
  it('compares Dates by time and never matches missing values', async () => {
    expect(await ids(people().gt('joined', new Date('2021-01-01T00:00:00Z')))).toEqual(['p5']);
    expect(await ids(people().lt('joined', new Date('2030-01-01T00:00:00Z')))).toEqual(['p4', 'p5']);
  });
  it('rejects the find() for a value that is not String, Number or Date', async () => {
    await wixRejects(people().gt('age', { n: 1 } as never).find(), 'WDE0075');
  });
});

describe('between', () => {
  it('is start-inclusive and end-exclusive', async () => {
    expect(await ids(people().between('age', 20, 45.5))).toEqual(['p1', 'p4']);
  });
  it('works on strings and Dates', async () => {
    expect(await ids(people().between('lastName', 'A', 'Z'))).toEqual(['p3', 'p4', 'p1'].sort());
    expect(await ids(people().between('joined', new Date('2020-01-01T00:00:00Z'), new Date('2022-06-01T00:00:00Z')))).toEqual(['p4']);
  });
  it('rejects mixed-type bounds', async () => {
    await wixRejects(people().between('age', 1, 'z').find(), 'WDE0075');
  });
});

describe('contains / startsWith / endsWith', () => {
  it('contains is case-insensitive ("text" contains "Tex")', async () => {
    expect(await ids(people().contains('bio', 'TEXT'))).toEqual(['p1']);
    expect(await ids(people().contains('name', 'Tex'))).toEqual(['p4', 'p5']);
  });
  it('matches the text literally, not as a pattern', async () => {
    expect(await ids(people().contains('lastName', 'a.c'))).toEqual(['p5']);
    expect(await ids(people().contains('lastName', '.'))).toEqual(['p5']);
  });
  it('startsWith and endsWith are case-insensitive and anchored', async () => {
    expect(await ids(people().startsWith('city', 'ro'))).toEqual(['p4', 'p5']);
    expect(await ids(people().endsWith('lastName', 'TH'))).toEqual(['p1', 'p2']);
    expect(await ids(people().startsWith('lastName', 'mith'))).toEqual([]);
  });
});

describe('hasSome / hasAll', () => {
  it('hasSome matches any of the values, case-sensitively, on scalars and arrays', async () => {
    expect(await ids(people().hasSome('city', ['Oslo', 'Rome']))).toEqual(['p1', 'p4']);
    expect(await ids(people().hasSome('tags', ['b', 'B']))).toEqual(['p1', 'p2']);
    expect(await ids(people().hasSome('city', 'Oslo', 'ROME'))).toEqual(['p1', 'p5']);
  });
  it('hasAll needs every value among the array elements', async () => {
    expect(await ids(people().hasAll('tags', ['a', 'b']))).toEqual(['p1']);
    expect(await ids(people().hasAll('tags', ['a']))).toEqual(['p1', 'p3']);
  });
});

describe('isEmpty / isNotEmpty', () => {
  it('isEmpty is true for missing and null, not for ""', async () => {
    expect(await ids(people().isEmpty('bio'))).toEqual(['p3', 'p4', 'p5']);
    expect(await ids(people().isNotEmpty('bio'))).toEqual(['p1', 'p2']);
  });
});

describe('and / or / not', () => {
  it('chained conditions are ANDed; and() takes a filter', async () => {
    expect(await ids(people().eq('city', 'Oslo').gt('age', 10))).toEqual(['p1']);
    expect(await ids(people().gt('age', 10).and(ctx.wixData.filter().lt('age', 40)))).toEqual(['p1', 'p4']);
  });
  it('or() keeps what matched so far or what the argument matches (docs: lt 30 or gt 50)', async () => {
    const q = people().lt('age', 30).or(ctx.wixData.query('People').gt('age', 50));
    expect(await ids(q)).toEqual(['p3', 'p4']);
  });
  it('or() on a query with no earlier condition matches everything', async () => {
    expect(await ids(people().or(ctx.wixData.query('People').eq('age', 30)))).toHaveLength(5);
  });
  it('not() removes what the argument matches', async () => {
    const q = people().ge('age', 20).not(ctx.wixData.filter().eq('city', 'Rome'));
    expect(await ids(q)).toEqual(['p1', 'p3', 'p5']);
  });
  it('a query on another collection is refused (WDE0050)', async () => {
    await wixRejects(people().and(ctx.wixData.query('Other').eq('a', 1)).find(), 'WDE0050');
  });
});

describe('immutability', () => {
  it('every method returns a new query and leaves the old one as it was', async () => {
    const base = people().gt('age', 10);
    const narrower = base.eq('city', 'Oslo');
    expect(narrower).not.toBe(base);
    expect(await ids(base)).toEqual(['p1', 'p3', 'p4', 'p5']);
    expect(await ids(narrower)).toEqual(['p1']);
  });
});
