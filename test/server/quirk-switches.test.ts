// Each data-losing quirk is its own switch: a partial object starts from parity.
import { describe, expect, it } from 'vitest';
import { resolveQuirks, startFakeTissDB } from '../../src/server';

const ADMIN = { Authorization: 'Bearer static_test_token' };

describe('quirk switches', () => {
  it("resolves 'tissdb' to all on, 'none' to all off, partials over parity", () => {
    const parity = resolveQuirks('tissdb');
    expect(Object.values(parity).every((v) => v === true)).toBe(true);
    expect(Object.values(resolveQuirks('none')).every((v) => v === false)).toBe(true);
    expect(resolveQuirks({ sixDigitNumbers: false })).toEqual({ ...parity, sixDigitNumbers: false });
    expect(resolveQuirks(undefined)).toEqual(parity);
  });

  it('turns off one quirk and keeps the rest', async () => {
    const server = await startFakeTissDB({ quirks: { sixDigitNumbers: false, unescapedStrings: false } });
    try {
      await fetch(`${server.url}/q`, { method: 'PUT', headers: ADMIN });
      await fetch(`${server.url}/q/c`, { method: 'PUT', headers: ADMIN });
      const put = await fetch(`${server.url}/q/c/x`, { method: 'PUT', headers: ADMIN, body: '{"n": 1234567, "s": "a\\"b"}' });
      expect(await put.json()).toEqual({ n: 1234567, s: 'a"b' });
      // Still parity elsewhere: a missing database is a 500 with the C++ text.
      const missing = await fetch(`${server.url}/nodb/c/x`, { headers: ADMIN });
      expect([missing.status, await missing.text()]).toEqual([500, "Server error: Database 'nodb' not found."]);
      // ... and PUT /_health still creates a database without a token.
      expect((await fetch(`${server.url}/_health`, { method: 'PUT' })).status).toBe(201);
    } finally {
      await server.close();
    }
  });

  it('with readOnlyWrites off, refuses writes by the read-only token', async () => {
    const server = await startFakeTissDB({ quirks: { readOnlyWrites: false } });
    try {
      const ro = { Authorization: 'Bearer read_only_token' };
      expect((await fetch(`${server.url}/ro`, { method: 'PUT', headers: ro })).status).toBe(403);
      expect((await fetch(`${server.url}/_databases`, { headers: ro })).status).toBe(200);
    } finally {
      await server.close();
    }
  });

  it('supports custom tokens and no auth', async () => {
    const custom = await startFakeTissDB({ token: 'secret' });
    const open = await startFakeTissDB({ token: null });
    try {
      expect(custom.token).toBe('secret');
      expect((await fetch(`${custom.url}/_databases`, { headers: { Authorization: 'Bearer secret' } })).status).toBe(200);
      expect((await fetch(`${custom.url}/_databases`, { headers: ADMIN })).status).toBe(401);
      expect(open.token).toBeNull();
      expect((await fetch(`${open.url}/_databases`)).status).toBe(200);
    } finally {
      await custom.close();
      await open.close();
    }
  });
});
