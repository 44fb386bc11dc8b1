// The client's whole surface against the fake over real HTTP on 127.0.0.1, in both modes.
import { describe, expect, it } from 'vitest';
import { TissDBError, isTissDBError } from '../../src/tissdb';
import { uniqueDatabase, useFakeTissDB } from '../support/tissdb-fake';

for (const quirks of ['tissdb', 'none'] as const) {
  describe(`TissDBClient against the fake (quirks: ${quirks})`, () => {
    const fake = useFakeTissDB({ quirks });

    async function freshClient() {
      const client = fake.client({ database: uniqueDatabase() });
      await client.createDatabase();
      await client.createCollection('users');
      return client;
    }

    it('creates, lists and deletes databases and collections', async () => {
      const client = fake.client({ database: uniqueDatabase('life') });
      expect(await client.health()).toBe(true);
      expect(await client.createDatabase()).toBe(true);
      expect(await client.createDatabase({ existOk: true })).toBe(false);
      await expect(client.createDatabase()).rejects.toMatchObject({ code: 'DATABASE_EXISTS' });
      expect(await client.listDatabases()).toContain(client.database);
      expect(await client.createCollection('a')).toBe(true);
      expect(await client.createCollection('a')).toBe(false);
      await client.createCollection('b');
      expect(await client.listCollections()).toEqual(['a', 'b']);
      expect(await client.deleteCollection('a')).toBe(true);
      expect(await client.deleteCollection('a')).toBe(false);
      await client.deleteDatabase();
      expect(await client.listDatabases()).not.toContain(client.database);
      await expect(client.listCollections()).rejects.toMatchObject({ code: 'DATABASE_NOT_FOUND' });
    });

    it('inserts, gets, replaces and deletes documents', async () => {
      const client = await freshClient();
      const id = await client.insert('users', { name: 'Ann', age: 30, tags: ['a'], nested: { x: 1 } });
      expect(id).toMatch(/^\d{19}$/);
      expect(await client.get('users', id)).toEqual({ _id: id, name: 'Ann', age: 30, tags: ['a'], nested: { x: 1 } });
      expect(await client.insert('users', { _id: 'u1', name: 'Bo' })).toBe('u1');
      await client.put('users', 'u1', { email: 'bo@example.com' });
      expect(await client.get('users', 'u1')).toEqual({ _id: 'u1', email: 'bo@example.com' });
      expect(await client.delete('users', 'u1')).toBe(true);
      expect(await client.delete('users', 'u1')).toBe(false);
      expect(await client.get('users', 'u1')).toBeNull();
      expect(await client.get('ghost', 'x')).toBeNull();
      await expect(client.insert('ghost', { a: 1 })).rejects.toMatchObject({ code: 'COLLECTION_NOT_FOUND' });
    });

    it('round-trips Dates and refuses values the real server would corrupt', async () => {
      const client = await freshClient();
      const at = new Date('2024-03-01T10:00:00.123Z');
      const id = await client.insert('users', { at, list: [at] });
      expect(await client.get('users', id)).toEqual({ _id: id, at, list: [at] });
      await expect(client.insert('users', { n: 1234567 })).rejects.toMatchObject({ code: 'INVALID_DOCUMENT' });
      await expect(client.insert('users', { s: 'say "hi"' })).rejects.toMatchObject({ code: 'INVALID_DOCUMENT' });
      const reversible = fake.client({ database: client.database, reversible: true });
      const odd = { n: 1234567.891, s: 'say "hi"\n\\', tagged: '$date:not a date', 'k"ey': 1 };
      const oddId = await reversible.insert('users', odd);
      expect(await reversible.get('users', oddId)).toEqual({ _id: oddId, ...odd });
    });

    it('queries with bound parameters and decodes rows', async () => {
      const client = await freshClient();
      await client.insert('users', { _id: 'a', name: "O'Brien", age: 41 });
      await client.insert('users', { _id: 'b', name: 'Bea', age: 25 });
      const rows = await client.query('users', 'SELECT name FROM users WHERE name = ? AND age > ?', ["O'Brien", 40]);
      expect(rows).toEqual([{ _id: 'a', name: "O'Brien" }]);
      expect(await client.query('users', 'SELECT name FROM users WHERE age > ?', [-1])).toHaveLength(2);
      const timestampLooking = client.query('users', 'SELECT * FROM users WHERE day = ?', ['2024-01-15']);
      // The real dialect would read it as a TIMESTAMP that never equals a stored string.
      if (quirks === 'tissdb') await expect(timestampLooking).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
      else expect(await timestampLooking).toEqual([]);
      await expect(client.query('users', 'SELEC * FROM users')).rejects.toMatchObject({ code: 'TISSQL_SYNTAX' });
      await client.insert('users', { _id: 'c', at: new Date('2024-05-01T00:00:00Z') });
      // Both bounds: on the real server a missing field compares as the text "null", above any "$date:".
      const range = [new Date('2024-01-01T00:00:00Z'), new Date('2030-01-01T00:00:00Z')];
      const later = await client.query('users', 'SELECT at FROM users WHERE at > ? AND at < ?', range);
      expect(later).toEqual([{ _id: 'c', at: new Date('2024-05-01T00:00:00Z') }]);
      await client.delete('users', 'c');
      const summary = await client.query('users', "UPDATE users SET age = 26 WHERE _id = 'b'");
      expect(summary).toEqual([{ _id: 'summary', updated_count: 1 }]);
    });

    it('finds with Mongo filters, sort, skip, limit and projection', async () => {
      const client = await freshClient();
      for (const [id, age, city] of [['p1', 30, 'Paris'], ['p2', 25, 'London'], ['p3', 35, 'Paris'], ['p4', 40, 'Berlin']] as const) {
        await client.insert('users', { _id: id, age, city });
      }
      expect(await client.find('users', { city: 'Paris' })).toEqual([
        { _id: 'p1', age: 30, city: 'Paris' },
        { _id: 'p3', age: 35, city: 'Paris' },
      ]);
      const page = await client.find('users', { age: { $gte: 25 } }, { sort: { age: -1 }, skip: 1, limit: 2, projection: { age: 1 } });
      expect(page).toEqual([{ _id: 'p3', age: 35 }, { _id: 'p1', age: 30 }]);
      expect(await client.find('users', { $or: [{ city: 'Berlin' }, { age: { $lt: 30 } }] })).toHaveLength(2);
    });

    it('bulk-inserts with bounded concurrency and progress, and exports', async () => {
      const client = await freshClient();
      const seen: number[] = [];
      const docs = Array.from({ length: 25 }, (_, i) => ({ i }));
      const ids = await client.bulkInsert('users', docs, { concurrency: 4, onProgress: ({ done }) => seen.push(done) });
      expect(ids).toHaveLength(25);
      expect(new Set(ids).size).toBe(25);
      expect(seen).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
      const exported = await client.exportCollection('users');
      expect(exported.map((d) => d.i).sort((a, b) => Number(a) - Number(b))).toEqual(docs.map((d) => d.i));
      for (const [index, id] of ids.entries()) expect((await client.get('users', id))?.i).toBe(index);
    });

    it('commits a transaction, and rolls back when fn throws', async () => {
      const client = await freshClient();
      const result = await client.transaction(async (tx) => {
        await tx.put('users', 't1', { v: 1 });
        const id = await tx.insert('users', { v: 2 });
        expect(await client.get('users', 't1')).toBeNull(); // invisible outside
        expect(await tx.get('users', 't1')).toEqual({ _id: 't1', v: 1 });
        return id;
      });
      expect(await client.get('users', 't1')).toEqual({ _id: 't1', v: 1 });
      expect(await client.get('users', result)).toEqual({ _id: result, v: 2 });
      await expect(
        client.transaction(async (tx) => {
          await tx.put('users', 't2', { v: 3 });
          throw new Error('changed my mind');
        }),
      ).rejects.toThrow('changed my mind');
      expect(await client.get('users', 't2')).toBeNull();
      await expect(client.transaction(async (tx) => tx.put('ghostcoll', 'x', { a: 1 }))).rejects.toMatchObject({ code: 'TRANSACTION_FAILED' });
    });

    it('maps errors to codes', async () => {
      const client = fake.client({ database: uniqueDatabase('err') });
      const wrong = fake.client({ token: 'nope' });
      await expect(wrong.listDatabases()).rejects.toMatchObject({ code: 'UNAUTHORIZED', status: 401 });
      const readOnly = fake.client({ token: 'read_only_token' });
      await expect(readOnly.deleteDatabase()).rejects.toMatchObject({ code: 'FORBIDDEN', status: 403 });
      const error = await client.get('users', 'x').catch((e: unknown) => e);
      expect(isTissDBError(error)).toBe(true);
      expect(error).toBeInstanceOf(TissDBError);
      expect((error as TissDBError).code).toBe('DATABASE_NOT_FOUND');
      await expect(client.get('users', 'a b')).rejects.toThrow(/can't be used in a TissDB URL/);
    });
  });
}
