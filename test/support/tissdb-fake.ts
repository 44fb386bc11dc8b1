// Starts a fake TissDB for a test file and hands out clients bound to it.
import { afterAll, beforeAll } from 'vitest';
import { startFakeTissDB } from '../../src/server';
import type { FakeTissDB, FakeTissDBOptions } from '../../src/server';
import { TissDBClient } from '../../src/tissdb';
import type { TissDBClientOptions } from '../../src/tissdb';

export interface FakeFixture {
  server: FakeTissDB;
  client(options?: Partial<TissDBClientOptions>): TissDBClient;
}

let counter = 0;

/** A fresh database name per call, so tests sharing a server never see each other's data. */
export function uniqueDatabase(prefix = 'db'): string {
  return `${prefix}${++counter}_${Date.now().toString(36)}`;
}

export function useFakeTissDB(options: FakeTissDBOptions = {}): FakeFixture {
  const fixture = {} as FakeFixture;
  beforeAll(async () => {
    fixture.server = await startFakeTissDB({ port: 0, ...options });
    fixture.client = (extra = {}) =>
      new TissDBClient({
        baseUrl: fixture.server.url,
        database: 'testdb',
        ...(fixture.server.token === null ? {} : { token: fixture.server.token }),
        ...extra,
      });
  });
  afterAll(async () => {
    await fixture.server.close();
  });
  return fixture;
}
