// `tissdb-lite serve` as a process, driven the way code written for TissDB's REST API drives the
// real server: a plain HTTP client with JSON bodies, a bearer token and /testdb/... paths.
import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'tissdb-cli-'));
let cli = join(root, 'dist/cli.js');

beforeAll(async () => {
  // CI builds dist/ first; without a build, bundle the same source so the test still runs.
  if (!existsSync(cli)) {
    cli = join(dir, 'cli.mjs');
    await build({ entryPoints: [join(root, 'src/cli/index.ts')], bundle: true, platform: 'node', format: 'esm', outfile: cli, logLevel: 'error' });
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Running {
  child: ChildProcessWithoutNullStreams;
  url: string;
  lines: string[];
  exited: Promise<number | null>;
}

async function serve(args: string[]): Promise<Running> {
  const child = spawn(process.execPath, [cli, 'serve', '--port', '0', ...args], { stdio: 'pipe' });
  const lines: string[] = [];
  // 'close' (not 'exit'): every log line has been read by then.
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  const first = await new Promise<string>((resolve, reject) => {
    const reader = createInterface({ input: child.stdout });
    reader.on('line', (line) => {
      if (lines.length === 0) resolve(line);
      lines.push(line);
    });
    child.on('exit', () => reject(new Error(`serve exited early: ${lines.join('\n')}`)));
  });
  const url = /listening on (http:\/\/\S+)/.exec(first)?.[1];
  if (url === undefined) throw new Error(`no URL in the first log line: ${first}`);
  return { child, url, lines, exited };
}

const headers = { Authorization: 'Bearer static_test_token', 'Content-Type': 'application/json' };

describe('tissdb-lite serve', () => {
  it('serves plain REST clients, logs each request and stops cleanly on SIGTERM', async () => {
    const server = await serve([]);
    const call = async (method: string, path: string, body?: unknown) => {
      const response = await fetch(server.url + path, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
      return { status: response.status, text: await response.text() };
    };
    expect(await call('PUT', '/testdb')).toEqual({ status: 201, text: "Database 'testdb' created." });
    expect(await call('PUT', '/testdb/users')).toEqual({ status: 201, text: "Collection 'users' created." });
    const created = await call('POST', '/testdb/users', { name: 'Alice', age: 30 });
    expect(created.status).toBe(201);
    const { id } = JSON.parse(created.text) as { id: string };
    expect(await call('GET', `/testdb/users/${id}`)).toEqual({ status: 200, text: `{"_id":"${id}","age":30,"name":"Alice"}` });
    expect(await call('PUT', '/testdb/users/u1', { name: 'Bob', age: 41 })).toEqual({ status: 200, text: '{"age":41,"name":"Bob"}' });
    const rows = await call('POST', '/testdb/_query', { query: 'SELECT name FROM users WHERE age > 35' });
    expect(JSON.parse(rows.text)).toEqual([{ _id: 'u1', name: 'Bob' }]);
    expect(await call('DELETE', '/testdb/users/u1')).toEqual({ status: 204, text: '' });
    expect(await call('GET', '/testdb/users/u1')).toEqual({ status: 404, text: 'Document not found.' });
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(server.lines.filter((l) => / (GET|PUT|POST|DELETE) \/testdb/.test(l))).toHaveLength(8);
    expect(server.lines.at(-1)).toContain('stopped');
  });

  it('keeps data in --snapshot across a SIGINT restart', async () => {
    const file = join(dir, 'snap.json');
    const first = await serve(['--snapshot', file, '--quirks', 'none']);
    await fetch(`${first.url}/keep`, { method: 'PUT', headers });
    await fetch(`${first.url}/keep/c`, { method: 'PUT', headers });
    await fetch(`${first.url}/keep/c/x`, { method: 'PUT', headers, body: '{"n":12345678901}' });
    first.child.kill('SIGINT');
    expect(await first.exited).toBe(0);
    const second = await serve(['--snapshot', file, '--quirks', 'none']);
    const got = await fetch(`${second.url}/keep/c/x`, { headers });
    expect(await got.text()).toBe('{"_id":"x","n":12345678901}');
    second.child.kill('SIGTERM');
    await second.exited;
  });

  it('runs without auth and refuses bad usage with exit code 2', async () => {
    const open = await serve(['--no-auth']);
    expect((await fetch(`${open.url}/_databases`)).status).toBe(200);
    open.child.kill('SIGTERM');
    await open.exited;
    const bad = spawn(process.execPath, [cli, 'serve', '--quirks', 'weird']);
    const code = await new Promise((resolve) => bad.on('exit', resolve));
    expect(code).toBe(2);
  });
});
