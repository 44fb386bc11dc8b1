import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TissDBLite } from '../../src/core';
import { arbDocument } from '../support/arbitraries';

describe('snapshots and export/import', () => {
  it('restores collections, documents in order, Dates and index definitions', () => {
    const db = new TissDBLite();
    const c = db.createCollection('users', { indexes: ['city', { fields: ['email'], unique: true }, ['a', 'b']] });
    c.insertMany([
      { _id: 'z', email: 'z@x', city: 'Oslo', when: new Date('2024-05-01T10:00:00.123Z'), nested: { d: [new Date(0)] } },
      { _id: 'a', email: 'a@x', city: 'Rome' },
    ]);
    db.createCollection('empty');
    const json = JSON.parse(JSON.stringify(db.toSnapshot()));
    const copy = TissDBLite.fromSnapshot(json);
    expect(copy.listCollections()).toEqual(['users', 'empty']);
    expect(copy.collection('users').export()).toEqual(c.export());
    expect(copy.collection('users').listIndexes()).toEqual(c.listIndexes());
    expect(copy.collection('users').explain({ city: 'Oslo' }).plan).toBe('IXSCAN');
    expect(() => copy.collection('users').insert({ email: 'a@x' })).toThrow(expect.objectContaining({ code: 'DUPLICATE_KEY' }));
  });

  it('rejects malformed snapshots', () => {
    expect(() => TissDBLite.fromSnapshot({ format: 'nope' })).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(() => TissDBLite.fromSnapshot(null)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });

  it('round-trips random documents through snapshot JSON and through export/import', () => {
    fc.assert(
      fc.property(fc.uniqueArray(arbDocument(), { selector: (d) => d._id, maxLength: 20 }), (docs) => {
        const db = new TissDBLite();
        db.createCollection('c').insertMany(docs as never[]);
        const original = db.exportCollection('c');
        const viaJson = TissDBLite.fromSnapshot(JSON.parse(JSON.stringify(db.toSnapshot())));
        expect(viaJson.exportCollection('c')).toEqual(original);
        const other = new TissDBLite();
        other.importCollection('c', original);
        expect(other.exportCollection('c')).toEqual(original);
      }),
      { numRuns: 150 },
    );
  });
});
