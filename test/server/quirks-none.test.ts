// `quirks: 'none'`: the same API with correct behaviour (issue 5): valid JSON, full precision,
// 4xx for client mistakes, LIMIT/OFFSET, SQL precedence, read-only tokens refused, atomic commit.
import { describe, expect, it } from 'vitest';
import { useFakeTissDB } from '../support/tissdb-fake';

const ADMIN = { Authorization: 'Bearer static_test_token' };
const READ_ONLY = { Authorization: 'Bearer read_only_token' };

describe("fake TissDB with quirks: 'none'", () => {
  const fake = useFakeTissDB({ quirks: 'none' });

  async function call(method: string, path: string, body?: string, headers: Record<string, string> = ADMIN) {
    const response = await fetch(fake.server.url + path, { method, headers, ...(body === undefined ? {} : { body }) });
    return { status: response.status, body: await response.text(), type: response.headers.get('content-type') };
  }

  it('answers client mistakes with 4xx instead of 500', async () => {
    expect(await call('PUT', '/nq')).toMatchObject({ status: 201 });
    expect(await call('PUT', '/nq')).toMatchObject({ status: 409, body: "Database 'nq' already exists." });
    expect(await call('GET', '/ghostdb/_collections')).toMatchObject({ status: 404, body: "Database 'ghostdb' not found." });
    await call('PUT', '/nq/c');
    expect((await call('POST', '/nq/c', '{bad json}')).status).toBe(400);
    expect((await call('POST', '/nq/c', '[1,2]')).status).toBe(400);
    expect(await call('POST', '/nq/ghost', '{"a":1}')).toMatchObject({ status: 404, body: 'Collection not found: ghost' });
    expect((await call('POST', '/nq/_query', '{"query":"SELEC * FROM c"}')).status).toBe(400);
  });

  it('writes valid JSON with full-precision numbers and escaped strings', async () => {
    await call('PUT', '/nq2');
    await call('PUT', '/nq2/c');
    const doc = { q: 'He said "hi"', nl: 'a\nb', bs: 'back\\slash', big: 12345678901, pi: 3.14159265358979, u: 'caf\u00e9' };
    const put = await call('PUT', '/nq2/c/x', JSON.stringify(doc));
    expect(JSON.parse(put.body)).toEqual(doc);
    const get = await call('GET', '/nq2/c/x');
    expect(JSON.parse(get.body)).toEqual({ _id: 'x', ...doc });
  });

  it('honours LIMIT/OFFSET and SQL precedence', async () => {
    await call('PUT', '/nq3');
    await call('PUT', '/nq3/p');
    const people = [['p1', 'Paris', 30], ['p2', 'London', 25], ['p3', 'Paris', 35], ['p5', 'London', 28]] as const;
    for (const [id, city, age] of people) await call('PUT', `/nq3/p/${id}`, JSON.stringify({ city, age }));
    const limited = await call('POST', '/nq3/_query', JSON.stringify({ query: 'SELECT age FROM p ORDER BY age LIMIT 2 OFFSET 1' }));
    expect(JSON.parse(limited.body)).toEqual([{ _id: 'p5', age: 28 }, { _id: 'p1', age: 30 }]);
    const precedence = await call('POST', '/nq3/_query', JSON.stringify({ query: "SELECT age FROM p WHERE city = 'London' OR city = 'Paris' AND age > 32" }));
    expect(JSON.parse(precedence.body).map((r: { _id: string }) => r._id).sort()).toEqual(['p2', 'p3', 'p5']);
    const count = await call('POST', '/nq3/_query', JSON.stringify({ query: 'SELECT COUNT(*) FROM p' }));
    expect(JSON.parse(count.body)).toEqual([{ _id: 'aggregate', 'COUNT(*)': 4 }]);
    const update = await call('POST', '/nq3/_query', JSON.stringify({ query: "UPDATE p SET age = 1 WHERE city = 'Paris'" }));
    expect(JSON.parse(update.body)).toEqual([{ _id: 'summary', updated_count: 2 }]);
  });

  it('refuses writes with the read-only token and keeps /_health the only open path', async () => {
    expect((await call('PUT', '/rodb', undefined, READ_ONLY)).status).toBe(403);
    expect(await call('GET', '/_databases', undefined, READ_ONLY)).toMatchObject({ status: 200 });
    expect(await call('GET', '/_health', undefined, {})).toMatchObject({ status: 200, body: 'OK' });
    expect(await call('PUT', '/_health', undefined, {})).toMatchObject({ status: 401 });
  });

  it('commits atomically: a failing operation applies nothing', async () => {
    await call('PUT', '/nq4');
    await call('PUT', '/nq4/c');
    const begin = JSON.parse((await call('POST', '/nq4/_begin')).body) as { transaction_id: number };
    const tx = { ...ADMIN, 'X-Transaction-ID': String(begin.transaction_id) };
    await call('PUT', '/nq4/c/first', '{"a":1}', tx);
    await call('PUT', '/nq4/ghost/x', '{"a":1}', tx);
    const commit = await call('POST', '/nq4/_commit', JSON.stringify({ transaction_id: begin.transaction_id }));
    expect(commit.status).toBe(409);
    expect((await call('GET', '/nq4/c/first')).status).toBe(404);
  });
});

describe('fake TissDB parity: the non-atomic commit it reproduces', () => {
  const fake = useFakeTissDB();

  it('keeps the operations before a failing one and answers 400 "Invalid JSON body."', async () => {
    const put = (path: string, body?: string, headers: Record<string, string> = ADMIN) =>
      fetch(fake.server.url + path, { method: 'PUT', headers, ...(body === undefined ? {} : { body }) });
    await put('/pa');
    await put('/pa/c');
    const begin = (await (await fetch(`${fake.server.url}/pa/_begin`, { method: 'POST', headers: ADMIN })).json()) as { transaction_id: number };
    const tx = { ...ADMIN, 'X-Transaction-ID': String(begin.transaction_id) };
    await put('/pa/c/first', '{"a":1}', tx);
    await put('/pa/ghost/x', '{"a":1}', tx);
    const commit = await fetch(`${fake.server.url}/pa/_commit`, { method: 'POST', headers: ADMIN, body: JSON.stringify({ transaction_id: begin.transaction_id }) });
    expect([commit.status, await commit.text()]).toEqual([400, 'Invalid JSON body.']);
    expect((await fetch(`${fake.server.url}/pa/c/first`, { headers: ADMIN })).status).toBe(200);
  });
});
