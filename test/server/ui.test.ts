import { afterEach, describe, expect, it } from 'vitest';
import { startFakeTissDB } from '../../src/server';

const servers: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

describe('ui: true', () => {
  it('serves a browser page at GET /_ui that reads the data through the API', async () => {
    const server = await startFakeTissDB({ port: 0, ui: true });
    servers.push(server);
    const res = await fetch(`${server.url}/_ui`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const page = await res.text();
    expect(page).toContain('<title>tissdb-lite: fake TissDB</title>');
    expect(page).toContain("'/_databases'");
    expect(page).toContain("'/_query'");
  });

  it('is off by default, where /_ui is an ordinary database path as on the real server', async () => {
    const server = await startFakeTissDB({ port: 0 });
    servers.push(server);
    const res = await fetch(`${server.url}/_ui`, { headers: { Authorization: 'Bearer static_test_token' } });
    expect(res.status).toBe(500);
    expect(await res.text()).toBe("Server error: Database '_ui' not found.");
  });
});
