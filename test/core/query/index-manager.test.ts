import { describe, expect, it } from 'vitest';
import { IndexManager, findIn, runFind, type IndexChange } from '../../../src/core/query';
import type { Doc } from '../../../src/core/types';

const docs: Doc[] = [
  { _id: '1', email: 'a@x', n: 1, tags: ['a', 'b'] },
  { _id: '2', email: 'b@x', n: 2, tags: ['b'] },
  { _id: '3', n: 1 },
];
const store = () => new Map(docs.map((d) => [d._id as string, d]));

function caught(fn: () => unknown): Record<string, unknown> {
  try {
    fn();
  } catch (e) {
    return { ...(e as object), message: (e as Error).message };
  }
  return {};
}

describe('IndexManager', () => {
  it('names indexes like MongoDB and lists them', () => {
    const im = new IndexManager('people');
    expect(im.create({ fields: ['email'], unique: true }, docs)).toBe('email_1');
    expect(im.create({ fields: ['n', 'tags'], unique: false }, docs)).toBe('n_1_tags_1');
    expect(im.create({ fields: ['n'], unique: false, name: 'by_n' }, docs)).toBe('by_n');
    expect(im.list()).toEqual([
      { name: 'email_1', fields: ['email'], unique: true },
      { name: 'n_1_tags_1', fields: ['n', 'tags'], unique: false },
      { name: 'by_n', fields: ['n'], unique: false },
    ]);
  });

  it('treats an identical index as a no-op and a clash as INVALID_ARGUMENT', () => {
    const im = new IndexManager('people');
    im.create({ fields: ['n'], unique: false }, docs);
    expect(im.create({ fields: ['n'], unique: false }, docs)).toBe('n_1');
    expect(im.create({ fields: ['n'], unique: false, name: 'other' }, docs)).toBe('n_1');
    expect(caught(() => im.create({ fields: ['email'], unique: false, name: 'n_1' }, docs))).toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect(caught(() => im.create({ fields: ['n'], unique: true }, docs))).toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect(im.list()).toHaveLength(1);
  });

  it.each([[{ fields: [] }], [{ fields: [''] }], [{ fields: ['a..b'] }], [{ fields: ['$a'] }], [{ fields: ['__proto__'] }], [{ fields: ['a.constructor'] }], [{ fields: ['a', 'a'] }], [{ fields: 'a' }], [{ fields: ['a'], name: '' }]])(
    'rejects the spec %j',
    (spec) => {
      const im = new IndexManager('people');
      expect(caught(() => im.create({ unique: false, ...(spec as { fields: string[] }) }, docs))).toMatchObject({ code: 'INVALID_ARGUMENT', collection: 'people' });
      expect(im.list()).toEqual([]);
    },
  );

  it('refuses a unique index the data violates and leaves nothing behind; missing counts as null', () => {
    const im = new IndexManager('people');
    expect(caught(() => im.create({ fields: ['n'], unique: true }, docs))).toMatchObject({ code: 'DUPLICATE_KEY', collection: 'people', index: 'n_1' });
    expect(caught(() => im.create({ fields: ['missing'], unique: true }, docs))).toMatchObject({ code: 'DUPLICATE_KEY' });
    expect(caught(() => im.create({ fields: ['tags'], unique: true }, docs))).toMatchObject({ code: 'DUPLICATE_KEY' });
    expect(im.list()).toEqual([]);
    expect(im.create({ fields: ['email'], unique: true }, docs.slice(0, 2))).toBe('email_1');
  });

  it('checks a batch as a whole, in order', () => {
    const im = new IndexManager('people');
    im.create({ fields: ['email'], unique: true }, docs.slice(0, 2));
    const insert = (id: string, email: string) => ({ id, before: undefined, after: { _id: id, email } });
    expect(caught(() => im.check([insert('9', 'a@x')]))).toMatchObject({ code: 'DUPLICATE_KEY', index: 'email_1', id: '9' });
    expect(caught(() => im.check([insert('8', 'new'), insert('9', 'new')]))).toMatchObject({ code: 'DUPLICATE_KEY' });
    expect(() => im.check([{ id: '1', before: docs[0], after: undefined }, insert('9', 'a@x')])).not.toThrow();
    // swapping two unique values inside one batch is fine
    const a = docs[0] as Doc;
    const b = docs[1] as Doc;
    expect(() => im.check([{ id: '1', before: a, after: { ...a, email: 'b@x' } }, { id: '2', before: b, after: { ...b, email: 'a@x' } }])).not.toThrow();
    // a document keeping its own key is no conflict
    expect(() => im.check([{ id: '1', before: a, after: { ...a, n: 5 } }])).not.toThrow();
    // checking (even a refused batch) changes nothing, not even the multikey flag
    expect(() => im.check([insert('7', 'z'), { id: '8', before: undefined, after: { _id: '8', email: ['z', 'y'] } }])).toThrow();
    expect(im.all()[0]?.multikey).toBe(false);
  });

  it('drops indexes, clears entries and keeps definitions', () => {
    const s = store();
    const im = new IndexManager('people');
    im.create({ fields: ['n'], unique: false }, s.values());
    expect(runFind(s, im, { n: 1 }, {}).docs).toHaveLength(2);
    im.clear();
    expect(im.list()).toHaveLength(1);
    expect(runFind(new Map(), im, { n: 1 }, {}).docs).toEqual([]);
    im.drop('n_1');
    expect(im.list()).toEqual([]);
    expect(caught(() => im.drop('n_1'))).toMatchObject({ code: 'INVALID_ARGUMENT', index: 'n_1' });
  });

  it('keeps answering in insertion order through updates that move documents between keys', () => {
    const s = store();
    const im = new IndexManager('people');
    im.create({ fields: ['n'], unique: false }, s.values());
    const before = s.get('1') as Doc;
    const after = { ...before, n: 2 };
    im.apply([{ id: '1', before, after }]);
    s.set('1', after);
    expect(runFind(s, im, { n: 2 }, {}).docs.map((d) => d._id)).toEqual(['1', '2']);
    expect(runFind(s, im, { n: { $gte: 1 } }, { sort: { n: -1 } }).docs.map((d) => d._id)).toEqual(['1', '2', '3']);
  });

  it('stays consistent when removals leave most positions empty (compaction)', () => {
    const s = new Map<string, Doc>();
    const im = new IndexManager('people');
    im.create({ fields: ['n'], unique: false }, []);
    im.create({ fields: ['tags'], unique: false }, []);
    const write = (changes: IndexChange[]) => {
      im.check(changes);
      for (const c of changes) {
        if (c.after) s.set(c.id, c.after);
        else s.delete(c.id);
      }
      im.apply(changes);
    };
    write(Array.from({ length: 3000 }, (_, i) => ({ id: `k${i}`, before: undefined, after: { _id: `k${i}`, n: i % 7, tags: [`t${i % 3}`, `t${i % 5}`] } })));
    write([...s.values()].filter((d) => Number(String(d._id).slice(1)) % 6 !== 0).map((before) => ({ id: before._id as string, before, after: undefined })));
    write([...s.values()].slice(0, 100).map((before) => ({ id: before._id as string, before, after: { ...before, n: 99 } })));
    write(Array.from({ length: 50 }, (_, i) => ({ id: `z${i}`, before: undefined, after: { _id: `z${i}`, n: 99, tags: [] } })));
    const rebuilt = new IndexManager('people');
    for (const spec of im.list()) rebuilt.create(spec, s.values());
    expect(im.dump()).toEqual(rebuilt.dump());
    expect(im.capacity).toBeLessThan(1500);
    const docs = [...s.values()];
    for (const filter of [{ n: 99 }, { n: { $gte: 3 } }, { tags: 't2' }, { $or: [{ n: 1 }, { tags: 't4' }] }, { tags: { $size: 0 } }]) {
      expect(runFind(s, im, filter, {}).docs.map((d) => d._id)).toEqual(findIn(docs, filter).map((d) => d._id));
      expect(runFind(s, im, filter, { sort: { n: -1 }, limit: 20 }).docs.map((d) => d._id)).toEqual(findIn(docs, filter, { sort: { n: -1 }, limit: 20 }).map((d) => d._id));
    }
  });
});
