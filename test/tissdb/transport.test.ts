// Retries, timeouts and the one-write-in-flight gate, with a scripted fetch (no timing assertions).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { TissDBClient } from '../../src/tissdb';
import type { FetchLike } from '../../src/tissdb';
import { useFakeTissDB } from '../support/tissdb-fake';

type Step = { status: number; body: string } | 'network-error';

function scripted(steps: Step[]): { fetch: FetchLike; calls: Array<{ method: string; url: string; body?: string }> } {
  const calls: Array<{ method: string; url: string; body?: string }> = [];
  const fetch: FetchLike = async (url, init) => {
    calls.push({ method: init.method, url, ...(init.body === undefined ? {} : { body: init.body }) });
    const step = steps.shift() ?? { status: 500, body: 'script exhausted' };
    if (step === 'network-error') throw new TypeError('fetch failed');
    return { status: step.status, text: async () => step.body };
  };
  return { fetch, calls };
}

let base = 0;
const options = (fetch: FetchLike) => ({ baseUrl: `http://stub${++base}.test`, database: 'db', fetch, retries: 2, retryDelayMs: 1 });

describe('TissDBClient transport', () => {
  it('retries an idempotent GET after network errors and 503s', async () => {
    const { fetch, calls } = scripted(['network-error', { status: 503, body: '' }, { status: 200, body: '{"_id":"a","n":1}' }]);
    const client = new TissDBClient(options(fetch));
    expect(await client.get('c', 'a')).toEqual({ _id: 'a', n: 1 });
    expect(calls).toHaveLength(3);
  });

  it('gives up after `retries` extra attempts with code NETWORK', async () => {
    const { fetch, calls } = scripted(['network-error', 'network-error', 'network-error', 'network-error']);
    const client = new TissDBClient(options(fetch));
    await expect(client.get('c', 'a')).rejects.toMatchObject({ code: 'NETWORK', status: 0 });
    expect(calls).toHaveLength(3);
  });

  it('never retries a POST insert (it could store the document twice)', async () => {
    const { fetch, calls } = scripted(['network-error', { status: 201, body: '{"id":"1"}' }]);
    const client = new TissDBClient(options(fetch));
    await expect(client.insert('c', { a: 1 })).rejects.toMatchObject({ code: 'NETWORK' });
    expect(calls).toHaveLength(1);
  });

  it("doesn't retry TissDB's own 500s, which are deterministic", async () => {
    const { fetch, calls } = scripted([{ status: 500, body: "Server error: Database 'db' not found." }]);
    const client = new TissDBClient(options(fetch));
    await expect(client.listCollections()).rejects.toMatchObject({ code: 'DATABASE_NOT_FOUND', status: 500 });
    expect(calls).toHaveLength(1);
  });

  it('sends string bodies with a JSON content type and the bearer token', async () => {
    const seen: Array<Record<string, string>> = [];
    const fetch: FetchLike = async (_url, init) => {
      seen.push(init.headers);
      expect(typeof init.body).toBe('string');
      return { status: 200, text: async () => '{"a":1}' };
    };
    const client = new TissDBClient({ ...options(fetch), token: 'T' });
    await client.put('c', 'x', { a: 1 });
    expect(seen[0]).toMatchObject({ Authorization: 'Bearer T', 'Content-Type': 'application/json' });
  });

  it('aborts a request that gets no answer within timeoutMs (code TIMEOUT)', async () => {
    const silent = createServer(() => undefined); // accepts, never answers
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as AddressInfo).port;
    try {
      const client = new TissDBClient({ baseUrl: `http://127.0.0.1:${port}`, database: 'db', timeoutMs: 100, retries: 1, retryDelayMs: 1 });
      await expect(client.get('c', 'x')).rejects.toMatchObject({ code: 'TIMEOUT' });
    } finally {
      silent.closeAllConnections();
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  it('keeps one write in flight per server by default, more only when allowed', async () => {
    let inFlight = 0;
    let peak = 0;
    const fetch: FetchLike = async () => {
      peak = Math.max(peak, ++inFlight);
      await new Promise((resolve) => setTimeout(resolve, 2));
      inFlight--;
      return { status: 201, text: async () => `{"id":"${Math.random()}"}` };
    };
    const docs = Array.from({ length: 12 }, (_, i) => ({ i }));
    await new TissDBClient(options(fetch)).bulkInsert('c', docs, { concurrency: 6 });
    expect(peak).toBe(1);
    peak = 0;
    await new TissDBClient({ ...options(fetch), maxConcurrentWrites: 3 }).bulkInsert('c', docs, { concurrency: 6 });
    expect(peak).toBe(3);
  });
});

describe('TissDBClient reading the real server\'s invalid JSON', () => {
  const fake = useFakeTissDB(); // parity: strings come back unescaped

  it('reads back quotes, backslashes and newlines stored by another client', async () => {
    const client = fake.client({ database: 'rawdb' });
    await client.createDatabase();
    await client.createCollection('c');
    const raw = '{"q": "He said \\"hi\\"", "bs": "back\\\\slash", "nl": "a\\nb", "tab": "a\\tb"}';
    await fetch(`${fake.server.url}/rawdb/c/esc`, { method: 'PUT', headers: { Authorization: 'Bearer static_test_token' }, body: raw });
    const body = await (await fetch(`${fake.server.url}/rawdb/c/esc`, { headers: { Authorization: 'Bearer static_test_token' } })).text();
    expect(() => JSON.parse(body)).toThrow(); // what production sends
    expect(await client.get('c', 'esc')).toEqual({ _id: 'esc', q: 'He said "hi"', bs: 'back\\slash', nl: 'a\nb', tab: 'a\tb' });
    expect(await client.query('c', 'SELECT * FROM c')).toEqual([{ _id: 'esc', q: 'He said "hi"', bs: 'back\\slash', nl: 'a\nb', tab: 'a\tb' }]);
  });

  it('finds exactly on array fields with pushdown: false', async () => {
    const client = fake.client({ database: 'arrdb' });
    await client.createDatabase();
    await client.createCollection('c');
    await client.put('c', 'a', { tags: ['x', 'y'] });
    await client.put('c', 'b', { tags: ['y'] });
    expect(await client.find('c', { tags: 'x' }, { pushdown: false })).toEqual([{ _id: 'a', tags: ['x', 'y'] }]);
  });
});
