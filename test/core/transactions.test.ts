import { describe, expect, it } from 'vitest';
import { TissDBLite } from '../../src/core';

function setup() {
  const db = new TissDBLite();
  const a = db.createCollection('a', { indexes: [{ fields: ['k'], unique: true }] });
  const b = db.createCollection('b');
  a.insertMany([{ _id: '1', k: 1 }, { _id: '2', k: 2 }, { _id: '3', k: 3 }]);
  b.insert({ _id: 'x', n: 0 });
  return { db, a, b };
}

describe('db.transaction', () => {
  it('applies every write when fn returns', () => {
    const { db, a, b } = setup();
    const out = db.transaction(() => {
      a.insert({ _id: '4', k: 4 });
      b.update({ _id: 'x' }, { $inc: { n: 1 } });
      return 'done';
    });
    expect(out).toBe('done');
    expect(a.size).toBe(4);
    expect(b.get('x')!.n).toBe(1);
  });

  it('undoes writes across collections, indexes and the registry when fn throws', () => {
    const { db, a, b } = setup();
    const before = db.toSnapshot();
    const events: string[] = [];
    db.watch((e) => events.push(e.op));
    expect(() =>
      db.transaction(() => {
        a.remove('2');
        a.insert({ _id: '9', k: 2 });
        a.update({}, { $inc: { k: 10 } }, { multi: true });
        b.clear();
        a.createIndex('other');
        db.createCollection('c').insert({ z: 1 });
        db.dropCollection('b');
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(db.toSnapshot()).toEqual(before);
    expect(events).toEqual([]);
    expect(db.hasCollection('c')).toBe(false);
    expect(a.find().map((d) => d._id)).toEqual(['1', '2', '3']);
    // Indexes were rebuilt: the unique key 2 is taken again, and lookups by k work.
    expect(() => a.insert({ _id: '7', k: 2 })).toThrow(expect.objectContaining({ code: 'DUPLICATE_KEY' }));
    expect(a.find({ k: 3 }).map((d) => d._id)).toEqual(['3']);
    expect(b.get('x')).toBeDefined();
  });

  it('delivers events only after the outermost commit, and nested failures roll back the inner part', () => {
    const { db, a } = setup();
    const events: string[] = [];
    db.watch((e) => events.push(`${e.op}:${e.id}`));
    db.transaction(() => {
      a.insert({ _id: '5', k: 5 });
      expect(events).toEqual([]);
      expect(() =>
        db.transaction(() => {
          a.insert({ _id: '6', k: 6 });
          throw new Error('inner');
        }),
      ).toThrow('inner');
      expect(a.get('6')).toBeUndefined();
    });
    expect(events).toEqual(['insert:5']);
    expect(a.size).toBe(4);
  });

  it('refuses async functions and rolls their synchronous writes back', () => {
    const { db, a } = setup();
    expect(() =>
      db.transaction(async () => {
        a.insert({ _id: '8', k: 8 });
      }),
    ).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(a.get('8')).toBeUndefined();
  });
});

describe('atomicity of bulk writes', () => {
  it('insertMany inserts nothing when one document collides or is invalid', () => {
    const { a } = setup();
    expect(() => a.insertMany([{ _id: '10', k: 10 }, { _id: '11', k: 1 }])).toThrow(expect.objectContaining({ code: 'DUPLICATE_KEY' }));
    expect(() => a.insertMany([{ _id: '10', k: 10 }, { _id: '10', k: 11 }])).toThrow(expect.objectContaining({ code: 'DUPLICATE_KEY' }));
    expect(() => a.insertMany([{ _id: '10', k: 10 }, { k: 12, bad: () => 1 } as never])).toThrow(expect.objectContaining({ code: 'INVALID_DOCUMENT' }));
    expect(a.size).toBe(3);
    expect(a.find({ k: 10 })).toEqual([]);
  });

  it('update multi changes nothing when one result violates a unique index', () => {
    const { a } = setup();
    const before = a.export();
    expect(() => a.update({}, { $set: { k: 7 } }, { multi: true })).toThrow(expect.objectContaining({ code: 'DUPLICATE_KEY' }));
    expect(a.export()).toEqual(before);
  });
});
