// snapshot: FILE: loaded at start, saved atomically on an interval and on close.
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startFakeTissDB } from '../../src/server';

const dir = mkdtempSync(join(tmpdir(), 'tissdb-snapshot-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const ADMIN = { Authorization: 'Bearer static_test_token' };

describe('fake TissDB snapshots', () => {
  it('keeps databases, collections, documents and indexes across a restart', async () => {
    const file = join(dir, 'a.json');
    const first = await startFakeTissDB({ snapshot: file });
    await fetch(`${first.url}/shop`, { method: 'PUT', headers: ADMIN });
    await fetch(`${first.url}/shop/items`, { method: 'PUT', headers: ADMIN });
    await fetch(`${first.url}/shop/items/i1`, { method: 'PUT', headers: ADMIN, body: '{"name":"pen","price":1.5}' });
    await fetch(`${first.url}/shop/items/_index`, { method: 'POST', headers: ADMIN, body: '{"field":"name"}' });
    await first.close();
    const second = await startFakeTissDB({ snapshot: file });
    try {
      const got = await fetch(`${second.url}/shop/items/i1`, { headers: ADMIN });
      expect(await got.text()).toBe('{"_id":"i1","name":"pen","price":1.5}');
      expect(second.database('shop').collection('items').listIndexes().map((i) => i.fields)).toContainEqual(['name']);
    } finally {
      await second.close();
    }
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('saves on the interval, so a kill between saves leaves a whole file', async () => {
    const file = join(dir, 'b.json');
    const server = await startFakeTissDB({ snapshot: file, snapshotIntervalMs: 20 });
    try {
      await fetch(`${server.url}/live`, { method: 'PUT', headers: ADMIN });
      for (let i = 0; i < 50 && !readSafely(file).includes('"live"'); i++) await new Promise((r) => setTimeout(r, 20));
      expect(readSafely(file)).toContain('"live"');
      expect(() => JSON.parse(readFileSync(file, 'utf8'))).not.toThrow();
    } finally {
      await server.close();
    }
  });

  it('refuses a file that is not a snapshot', async () => {
    const file = join(dir, 'c.json');
    writeFileSync(file, '{"something":"else"}');
    await expect(startFakeTissDB({ snapshot: file })).rejects.toThrow(/not a tissdb-lite fake server snapshot/);
  });

  it('seeds through server.database(name) and serves it', async () => {
    const server = await startFakeTissDB({});
    try {
      server.database('seeded').createCollection('users').insert({ _id: 'u1', name: 'Ann' });
      const got = await fetch(`${server.url}/seeded/users/u1`, { headers: ADMIN });
      expect(await got.text()).toBe('{"_id":"u1","name":"Ann"}');
    } finally {
      await server.close();
    }
  });
});

function readSafely(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}
