// The names API.md promises for tissdb-lite/tissdb and tissdb-lite/server.
import { describe, expect, it } from 'vitest';
import * as server from '../../src/server';
import * as tissdb from '../../src/tissdb';

describe('public surface (API.md)', () => {
  it('tissdb-lite/tissdb exports the client, codec and error', () => {
    for (const name of ['TissDBClient', 'TissDBError', 'encodeTissDBDocument', 'decodeTissDBDocument', 'isTissDBError']) {
      expect(tissdb).toHaveProperty(name);
    }
    const methods = [
      'createDatabase', 'deleteDatabase', 'listDatabases', 'health', 'createCollection', 'deleteCollection', 'listCollections',
      'insert', 'get', 'put', 'delete', 'createIndex', 'query', 'find', 'bulkInsert', 'exportCollection', 'transaction',
    ];
    for (const method of methods) expect(typeof (tissdb.TissDBClient.prototype as unknown as Record<string, unknown>)[method]).toBe('function');
    const error = new tissdb.TissDBError({ status: 404, body: 'Document not found.', code: 'DOCUMENT_NOT_FOUND', method: 'GET', url: '/x' });
    expect([error.status, error.body, error.code, error.name]).toEqual([404, 'Document not found.', 'DOCUMENT_NOT_FOUND', 'TissDBError']);
  });

  it('tissdb-lite/server exports startFakeTissDB and createTissDBHandler', async () => {
    expect(typeof server.createTissDBHandler).toBe('function');
    const fake = await server.startFakeTissDB({ port: 0 });
    try {
      expect(fake.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(fake.port).toBeGreaterThan(0);
      expect(fake.token).toBe('static_test_token');
      expect(typeof fake.database('x').collection).toBe('function');
    } finally {
      await fake.close();
    }
  });
});
