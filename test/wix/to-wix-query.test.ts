// toWixQuery against a recording double: the exact builder calls, and refusals for what Wix can't express.
import { describe, it, expect } from 'vitest';
import { isTissDBLiteError } from '../../src/core';
import { toWixQuery } from '../../src/wix';
import { recordingWixData, type Recorded } from '../support/wix-recording-double';

const wix = recordingWixData();
const code = (filter: object, options = {}) => (toWixQuery(wix, 'Movies', filter, options) as unknown as Recorded).code;

describe('toWixQuery: translations', () => {
  const cases: Array<[string, object, string]> = [
    ['empty filter', {}, 'query("Movies")'],
    ['implicit equality', { title: 'Alien' }, 'query("Movies").eq("title","Alien")'],
    ['$eq and several fields', { a: { $eq: 1 }, b: true }, 'query("Movies").eq("a",1).eq("b",true)'],
    ['null equality is isEmpty', { a: null }, 'query("Movies").isEmpty("a")'],
    ['$ne', { a: { $ne: 'x' } }, 'query("Movies").ne("a","x")'],
    ['$ne null is isNotEmpty', { a: { $ne: null } }, 'query("Movies").isNotEmpty("a")'],
    ['$exists true beside $ne null', { a: { $exists: true, $ne: null } }, 'query("Movies").isNotEmpty("a")'],
    ['comparisons', { y: { $gt: 1, $gte: 2, $lt: 9, $lte: 8 } }, 'query("Movies").gt("y",1).ge("y",2).lt("y",9).le("y",8)'],
    ['Date values', { d: { $lt: new Date(0) } }, 'query("Movies").lt("d",Date(1970-01-01T00:00:00.000Z))'],
    ['$in', { g: { $in: ['sf', 'horror'] } }, 'query("Movies").hasSome("g",["sf","horror"])'],
    ['$nin', { g: { $nin: ['sf'] } }, 'query("Movies").not(filter().hasSome("g",["sf"]))'],
    ['$all', { g: { $all: ['a', 'b'] } }, 'query("Movies").hasAll("g",["a","b"])'],
    ['$and chains', { $and: [{ a: 1 }, { b: 2 }] }, 'query("Movies").eq("a",1).eq("b",2)'],
    ['$or', { $or: [{ a: 1 }, { b: 2 }, { c: 3 }] }, 'query("Movies").and(filter().eq("a",1).or(filter().eq("b",2)).or(filter().eq("c",3)))'],
    ['$nor', { $nor: [{ a: 1 }, { b: 2 }] }, 'query("Movies").not(filter().eq("a",1).or(filter().eq("b",2)))'],
    ['$not', { y: { $not: { $gt: 5 } } }, 'query("Movies").not(filter().gt("y",5))'],
    ['prefix regex, i', { t: { $regex: '^ali', $options: 'i' } }, 'query("Movies").startsWith("t","ali")'],
    ['RegExp object', { t: /en$/i }, 'query("Movies").endsWith("t","en")'],
    ['unanchored literal with escapes', { t: { $regex: 'a\\.b', $options: 'i' } }, 'query("Movies").contains("t","a.b")'],
    ['$not with a regex', { t: { $not: /^x/i } }, 'query("Movies").not(filter().startsWith("t","x"))'],
  ];
  it.each(cases)('%s', (_name, filter, expected) => {
    expect(code(filter)).toBe(expected);
  });

  it('adds sort (in key order), skip, limit and an inclusion projection', () => {
    expect(code({ a: 1 }, { sort: { year: -1, title: 1 }, skip: 5, limit: 10, projection: { title: 1 } })).toBe(
      'query("Movies").eq("a",1).descending("year").ascending("title").skip(5).limit(10).fields("title")',
    );
  });

  it('$exists alone translates only when the caller declares null never stored', () => {
    expect((toWixQuery(wix, 'M', { a: { $exists: false } }, { nullIsMissing: true }) as unknown as Recorded).code).toBe('query("M").isEmpty("a")');
  });
});

describe('toWixQuery: refusals', () => {
  const refused: Array<[string, object, string]> = [
    ['case-sensitive regex (Wix text matching ignores case)', { t: { $regex: '^a' } }, '$regex'],
    ['regex constructs', { t: /^a.c/i }, '$regex'],
    ['multiline flag', { t: { $regex: '^a', $options: 'im' } }, '$regex'],
    ['anchored at both ends', { t: /^abc$/i }, '$regex'],
    ['$exists alone (null vs missing)', { a: { $exists: true } }, '$exists'],
    ['$elemMatch', { a: { $elemMatch: { b: 1 } } }, '$elemMatch'],
    ['$size', { a: { $size: 2 } }, '$size'],
    ['$type', { a: { $type: 'string' } }, '$type'],
    ['$mod', { a: { $mod: [2, 0] } }, '$mod'],
    ['$expr', { $expr: { $gt: ['$a', 1] } }, '$expr'],
    ['$where', { $where: 'this.a' }, '$where'],
    ['object equality', { a: { b: 1 } }, '$eq'],
    ['array equality', { a: [1, 2] }, '$eq'],
    ['boolean comparison', { a: { $gt: true } }, '$gt'],
    ['null inside $in', { a: { $in: [1, null] } }, '$in'],
    ['empty $in', { a: { $in: [] } }, '$in'],
    ['empty $or', { $or: [] }, '$or'],
  ];
  it.each(refused)('%s', (_name, filter, operator) => {
    let error: unknown;
    try {
      toWixQuery(wix, 'Movies', filter);
    } catch (e) {
      error = e;
    }
    expect(isTissDBLiteError(error)).toBe(true);
    expect(error).toMatchObject({ code: 'INVALID_QUERY', operator });
    expect((error as Error).message).toContain(operator);
  });

  it('refuses exclusion projections and a module without query()/filter()', () => {
    expect(() => toWixQuery(wix, 'M', {}, { projection: { a: 0 } })).toThrow(/exclusion/);
    expect(() => toWixQuery({}, 'M', {})).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });
});
