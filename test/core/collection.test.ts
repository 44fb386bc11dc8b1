import { describe, expect, it, vi } from 'vitest';
import { TissDBLite, isTissDBLiteError } from '../../src/core';
import { fixedClock, sequentialIds } from '../support/core';

function users() {
  const db = new TissDBLite({ generateId: sequentialIds(), now: fixedClock() });
  const c = db.createCollection<{ name: string; age?: number; city?: string; tags?: string[] }>('users');
  return { db, c };
}

describe('Collection: insert and read', () => {
  it('keeps a given _id, generates one otherwise, and sets Date system fields', () => {
    const { c } = users();
    const a = c.insert({ _id: 'ada', name: 'Ada' });
    const b = c.insert({ name: 'Bo' });
    expect(a._id).toBe('ada');
    expect(b._id).toBe('id-1');
    expect(a._createdDate).toBeInstanceOf(Date);
    expect(a._updatedDate.getTime()).toBe(a._createdDate.getTime());
    expect(c.size).toBe(2);
  });

  it('generates nanoid ids by default', () => {
    const db = new TissDBLite();
    const doc = db.createCollection('x').insert({ a: 1 });
    expect(doc._id).toMatch(/^[A-Za-z0-9_-]{21}$/);
  });

  it('isolates stored data from inputs and outputs', () => {
    const { c } = users();
    const input = { _id: 'a', name: 'Ada', tags: ['x'] };
    const returned = c.insert(input);
    input.tags.push('mutated');
    returned.tags!.push('mutated too');
    const found = c.find({ _id: 'a' })[0]!;
    found.name = 'changed';
    expect(c.get('a')).toMatchObject({ name: 'Ada', tags: ['x'] });
  });

  it('returns frozen shared documents with clone: false', () => {
    const { c } = users();
    c.insert({ _id: 'a', name: 'Ada', tags: ['x'] });
    const [doc] = c.find({}, { clone: false });
    expect(Object.isFrozen(doc)).toBe(true);
    expect(() => {
      (doc!.tags as string[]).push('y');
    }).toThrow(TypeError);
    expect(c.get('a')!.tags).toEqual(['x']);
  });

  it('finds with sort, skip, limit and projection', () => {
    const { c } = users();
    c.insertMany([
      { _id: '1', name: 'A', age: 30 },
      { _id: '2', name: 'B', age: 20 },
      { _id: '3', name: 'C', age: 40 },
    ]);
    expect(c.find({}, { sort: { age: -1 } }).map((d) => d._id)).toEqual(['3', '1', '2']);
    expect(c.find({}, { sort: { age: 1 }, skip: 1, limit: 1 }).map((d) => d._id)).toEqual(['1']);
    expect(c.find({ age: { $gte: 30 } }, { projection: { name: 1 } })).toEqual([
      { _id: '1', name: 'A' },
      { _id: '3', name: 'C' },
    ]);
    expect(c.find({ _id: '2' }, { projection: { _createdDate: 0, _updatedDate: 0 } })).toEqual([{ _id: '2', name: 'B', age: 20 }]);
    expect(c.findOne({ age: { $lt: 35 } }, { sort: { age: 1 } })?._id).toBe('2');
    expect(c.count({ age: { $gt: 25 } })).toBe(2);
  });

  it('keeps insertion order without a sort', () => {
    const { c } = users();
    for (const id of ['m', 'a', 'z']) c.insert({ _id: id, name: id });
    expect(c.find().map((d) => d._id)).toEqual(['m', 'a', 'z']);
    expect(c.export().map((d) => d._id)).toEqual(['m', 'a', 'z']);
  });
});

describe('Collection: updates', () => {
  it('applies update operators to one match, or all with multi', () => {
    const { c } = users();
    c.insertMany([
      { _id: '1', name: 'A', age: 30, tags: ['a'] },
      { _id: '2', name: 'B', age: 30, tags: [] },
    ]);
    expect(c.update({ age: 30 }, { $inc: { age: 1 } })).toEqual({ matched: 1, modified: 1 });
    expect(c.get('1')!.age).toBe(31);
    expect(c.update({}, { $push: { tags: { $each: ['z', 'y'], $sort: 1 } } }, { multi: true })).toEqual({ matched: 2, modified: 2 });
    expect(c.get('1')!.tags).toEqual(['a', 'y', 'z']);
    expect(c.update({ _id: '2' }, { $set: { age: 30 } })).toEqual({ matched: 1, modified: 0 });
  });

  it('supports the operators the issue lists', () => {
    const { c } = users();
    c.insert({ _id: 'd', name: 'D', age: 10, tags: ['a', 'b', 'b', 'c'], n: 4, m: 1, old: 'x' } as never);
    c.update({ _id: 'd' }, {
      $mul: { n: 2 },
      $min: { age: 5 },
      $max: { m: 9 },
      $rename: { old: 'renamed' },
      $pull: { tags: 'b' },
      $addToSet: { set: 'k' },
      $currentDate: { touched: true },
    });
    c.update({ _id: 'd' }, { $pullAll: { tags: ['a'] }, $pop: { set: 1 }, $unset: { m: '' } });
    const d = c.get('d') as unknown as Record<string, unknown>;
    expect(d).toMatchObject({ n: 8, age: 5, renamed: 'x', tags: ['c'], set: [] });
    expect(d.m).toBeUndefined();
    expect(d.touched).toBeInstanceOf(Date);
  });

  it('bumps _updatedDate and keeps _createdDate', () => {
    let t = 1_000;
    const db = new TissDBLite({ now: () => new Date((t += 1000)) });
    const c = db.createCollection('t');
    const doc = c.insert({ _id: 'a', v: 1 });
    c.update({ _id: 'a' }, { $set: { v: 2 } });
    const after = c.get('a')!;
    expect(after._createdDate).toEqual(doc._createdDate);
    expect(after._updatedDate.getTime()).toBeGreaterThan(doc._updatedDate.getTime());
  });

  it('upserts from the filter equality fields', () => {
    const { c } = users();
    const res = c.update({ name: 'New', age: { $gt: 1 } }, { $set: { city: 'Oslo' }, $setOnInsert: { age: 5 } }, { upsert: true });
    expect(res.matched).toBe(0);
    expect(c.get(res.upsertedId!)).toMatchObject({ name: 'New', city: 'Oslo', age: 5 });
  });

  it('refuses to change _id and leaves the document as it was on any failure', () => {
    const { c } = users();
    c.insert({ _id: 'a', name: 'A', age: 1 });
    const before = c.get('a');
    for (const bad of [
      { $set: { _id: 'b' } },
      { $rename: { name: '_id' } },
      { $inc: { name: 1 } },
      { $bogus: { a: 1 } },
      { name: 'plain replacement' },
      {},
      { $set: { fn: () => 1 } },
    ]) {
      expect(() => c.update({ _id: 'a' }, bad as never)).toThrow();
    }
    expect(c.get('a')).toEqual(before);
  });

  it('replaces whole documents and rejects a different _id', () => {
    const { c } = users();
    c.insert({ _id: 'a', name: 'A', age: 1 });
    const out = c.replace('a', { name: 'Z' });
    expect(out).toMatchObject({ _id: 'a', name: 'Z' });
    expect(c.get('a')!.age).toBeUndefined();
    expect(() => c.replace('a', { _id: 'b', name: 'x' } as never)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(() => c.replace('nope', { name: 'x' })).toThrow(expect.objectContaining({ code: 'DOCUMENT_NOT_FOUND' }));
  });
});

describe('Collection: remove and clear', () => {
  it('removes by id, first match, or every match with multi', () => {
    const { c } = users();
    c.insertMany([1, 2, 3, 4].map((n) => ({ _id: String(n), name: 'x', age: n })));
    expect(c.remove('1')).toBe(1);
    expect(c.remove('1')).toBe(0);
    expect(c.remove({ age: { $gt: 1 } })).toBe(1);
    expect(c.remove({ age: { $gt: 1 } }, { multi: true })).toBe(2);
    expect(c.size).toBe(0);
    c.insert({ name: 'again' });
    c.clear();
    expect(c.size).toBe(0);
  });
});

describe('Collection: aggregation', () => {
  it('runs mingo pipelines with $lookup across the database', () => {
    const db = new TissDBLite();
    db.createCollection('orders').insertMany([
      { _id: 'o1', user: 'u1', total: 5 },
      { _id: 'o2', user: 'u1', total: 7 },
      { _id: 'o3', user: 'u2', total: 1 },
    ]);
    db.createCollection('people').insertMany([{ _id: 'u1', name: 'Ada' }, { _id: 'u2', name: 'Bo' }]);
    const out = db.collection('orders').aggregate([
      { $group: { _id: '$user', sum: { $sum: '$total' } } },
      { $lookup: { from: 'people', localField: '_id', foreignField: '_id', as: 'who' } },
      { $project: { sum: 1, name: { $first: '$who.name' } } },
      { $sort: { sum: -1 } },
    ]);
    expect(out).toEqual([
      { _id: 'u1', sum: 12, name: 'Ada' },
      { _id: 'u2', sum: 1, name: 'Bo' },
    ]);
  });

  it('refuses script operators and $out', () => {
    const c = new TissDBLite().createCollection('a');
    const codes = [
      [{ $group: { _id: null, x: { $accumulator: {} } } }],
      [{ $addFields: { x: { $function: { body: 'return 1', args: [], lang: 'js' } } } }],
      [{ $match: { $where: 'true' } }],
    ].map((p) => {
      try {
        c.aggregate(p);
        return 'none';
      } catch (e) {
        return isTissDBLiteError(e) ? e.code : 'other';
      }
    });
    expect(codes).toEqual(['FORBIDDEN_OPERATOR', 'FORBIDDEN_OPERATOR', 'FORBIDDEN_OPERATOR']);
    expect(() => c.aggregate([{ $out: 'x' }])).toThrow(expect.objectContaining({ code: 'INVALID_QUERY' }));
  });
});

describe('Collection: watch', () => {
  it('emits after each committed write and stops after unsubscribe', () => {
    const { db, c } = users();
    const seen: string[] = [];
    const all = vi.fn();
    const stop = c.watch((e) => seen.push(`${e.op}:${e.id ?? ''}`));
    db.watch(all);
    c.insert({ _id: 'a', name: 'A' });
    c.update({ _id: 'a' }, { $set: { age: 1 } });
    c.replace('a', { name: 'B' });
    c.remove('a');
    c.clear();
    stop();
    c.insert({ _id: 'b', name: 'B' });
    expect(seen).toEqual(['insert:a', 'update:a', 'replace:a', 'remove:a', 'clear:']);
    expect(all).toHaveBeenCalledTimes(6);
    expect(all.mock.calls[0]![0]).toMatchObject({ op: 'insert', collection: 'users', id: 'a', doc: { name: 'A' } });
  });
});
