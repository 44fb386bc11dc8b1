// Wrong types, odd names and misuse: every one is refused with a clear error and changes nothing.
import { describe, expect, it } from 'vitest';
import { TissDBClient, decodeTissDBDocument, encodeTissDBDocument } from '../../src/tissdb';
import { useFakeTissDB } from '../support/tissdb-fake';

describe('TissDBClient foolishness', () => {
  const fake = useFakeTissDB();

  it('refuses names the server would misread, before sending anything', async () => {
    let calls = 0;
    const client = new TissDBClient({ baseUrl: 'http://x.test', database: 'db', fetch: async () => ((calls++, { status: 200, text: async () => '' })) });
    for (const bad of ['', 'a/b', 'a b', '..', 'q?x', 'h#x', 'per%cent', 'é']) {
      await expect(client.get('c', bad)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
      await expect(client.put(bad, 'x', {})).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    }
    expect(() => new TissDBClient({ baseUrl: 'http://x.test', database: 'a/b' })).toThrow(/can't be used in a TissDB URL/);
    expect(calls).toBe(0);
  });

  it('refuses non-documents and non-JSON values', () => {
    for (const bad of [null, 5, 'x', [1]]) expect(() => encodeTissDBDocument(bad as never)).toThrow(/non-object/);
    expect(() => encodeTissDBDocument({ f: () => 1 })).toThrow(/function/);
    expect(() => encodeTissDBDocument({ n: Number.NaN })).toThrow(/NaN/);
    expect(() => encodeTissDBDocument({ d: new Date(Number.NaN) })).toThrow(/invalid Date/);
    expect(() => decodeTissDBDocument([1, 2])).toThrow(/expected a JSON object/);
  });

  it('binds only what TissQL can express', async () => {
    const client = fake.client({ database: 'fool' });
    await expect(client.query('c', 'SELECT * FROM c WHERE a = ?', [{ nested: true }])).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(client.query('c', 'SELECT * FROM c WHERE a = ?', [Number.POSITIVE_INFINITY])).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(client.query('c', 'SELECT * FROM c WHERE a = ? AND b = ?', [1])).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });

  it('rejects forbidden filter operators in find', async () => {
    const client = fake.client({ database: 'fool2' });
    await client.createDatabase();
    await client.createCollection('c');
    await expect(client.find('c', { $where: 'this.a' })).rejects.toMatchObject({ code: 'FORBIDDEN_OPERATOR' });
  });

  it('reports a server that is not there as NETWORK, and health() as false', async () => {
    const client = new TissDBClient({ baseUrl: 'http://127.0.0.1:9', database: 'db', retries: 0 });
    await expect(client.listDatabases()).rejects.toMatchObject({ code: 'NETWORK', status: 0 });
    expect(await client.health()).toBe(false);
  });
});
