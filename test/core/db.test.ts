import { describe, expect, it } from 'vitest';
import { TissDBLite } from '../../src/core';

describe('TissDBLite: collections', () => {
  it('creates, lists, drops and reports missing collections', () => {
    const db = new TissDBLite();
    const users = db.createCollection('users', { indexes: ['city'] });
    expect(db.createCollection('users')).toBe(users);
    expect(db.createCollection('users', { indexes: ['city'] })).toBe(users);
    expect(() => db.createCollection('users', { indexes: ['age'] })).toThrow(expect.objectContaining({ code: 'COLLECTION_EXISTS' }));
    db.createCollection('orders');
    expect(db.listCollections()).toEqual(['users', 'orders']);
    expect(db.hasCollection('orders')).toBe(true);
    expect(db.dropCollection('orders')).toBe(true);
    expect(db.dropCollection('orders')).toBe(false);
    expect(() => db.collection('orders')).toThrow(expect.objectContaining({ code: 'COLLECTION_NOT_FOUND', message: "Collection 'orders' does not exist." }));
    expect(() => db.createCollection('')).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });
});

describe('TissDBLite: the original tissdb-lite calls', () => {
  const seed = [
    { name: 'Alice', age: 30, role: 'developer' },
    { name: 'Bob', age: 40, role: 'admin' },
    { name: 'Charlie', age: 30, status: 'active' },
    { name: 'David', age: 25, status: 'inactive' },
    { name: 'Eve', age: 35, role: 'developer', status: 'active' },
  ];

  it('bulkInsert, find with condition strings, update (merge), remove, exportCollection', () => {
    const db = new TissDBLite();
    db.createCollection('users');
    const inserted = db.bulkInsert('users', seed);
    expect(inserted).toHaveLength(5);
    expect(db.find('users', 'age > 30').map((u) => u.name)).toEqual(['Bob', 'Eve']);
    expect(db.find('users', "age >= 30 AND (role = 'developer' OR status = 'active')").map((u) => u.name)).toEqual(['Alice', 'Charlie', 'Eve']);
    expect(db.find('users', { age: 30 })).toHaveLength(2);
    expect(db.find('users')).toHaveLength(5);

    const bob = inserted[1]!;
    const merged = db.update('users', { _id: bob._id, age: 41 });
    expect(merged).toMatchObject({ name: 'Bob', age: 41, role: 'admin' });
    expect(() => db.update('users', { _id: 'ghost', age: 1 })).toThrow("Item with id 'ghost' not found in collection 'users'.");

    expect(db.remove('users', bob._id)).toBe(true);
    expect(db.remove('users', bob._id)).toBe(false);
    const exported = db.exportCollection('users');
    expect(exported.map((u) => u.name)).toEqual(['Alice', 'Charlie', 'David', 'Eve']);
    exported[0]!.name = 'changed';
    expect(db.exportCollection('users')[0]!.name).toBe('Alice');
  });

  it('throws the original message for a missing collection', () => {
    const db = new TissDBLite();
    expect(() => db.insert('nope', { a: 1 })).toThrow("Collection 'nope' does not exist.");
  });

  it('importCollection inserts, upserts and replaces, keeping ids and dates', () => {
    const db = new TissDBLite();
    const created = new Date('2020-01-01T00:00:00Z');
    expect(db.importCollection('t', [{ _id: 'a', v: 1, _createdDate: created }, { _id: 'b', v: 2 }])).toEqual({ inserted: 2, updated: 0 });
    expect(db.collection('t').get('a')!._createdDate).toEqual(created);
    expect(() => db.importCollection('t', [{ _id: 'c', v: 3 }, { _id: 'a', v: 9 }])).toThrow(expect.objectContaining({ code: 'DUPLICATE_KEY' }));
    expect(db.collection('t').size).toBe(2);
    expect(db.importCollection('t', [{ _id: 'a', v: 10 }, { _id: 'c', v: 3 }], { mode: 'upsert' })).toEqual({ inserted: 1, updated: 1 });
    expect(db.collection('t').get('a')!.v).toBe(10);
    expect(db.collection('t').get('a')!._createdDate).toEqual(created);
    expect(db.importCollection('t', [{ _id: 'z', v: 0 }], { mode: 'replace' })).toEqual({ inserted: 1, updated: 0 });
    expect(db.exportCollection('t').map((d) => d._id)).toEqual(['z']);
  });
});
