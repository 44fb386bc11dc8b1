import type { TissDBLite } from '../core';
import type { ServerContext } from './context';
import { FakeDatabase } from './database';
import { createNanoIdClock } from './ids';
import { quirksOf, resolveAuth } from './options';
import type { FakeTissDBOptions } from './options';

export interface FakeState {
  readonly ctx: ServerContext;
  /** Bumped on every change; the snapshot writer compares it with the last saved version. */
  version(): number;
  /** The engine behind database `name`, created empty when missing (tests seed data through it). */
  database(name: string): TissDBLite;
}

export function createFakeState(options: FakeTissDBOptions, databases = new Map<string, FakeDatabase>()): FakeState {
  let version = 0;
  const ctx: ServerContext = {
    quirks: quirksOf(options),
    auth: resolveAuth(options),
    databases,
    nextId: options.generateId ?? createNanoIdClock(),
    ui: options.ui === true,
    changed: () => {
      version++;
    },
  };
  return {
    ctx,
    version: () => version,
    database(name) {
      let db = databases.get(name);
      if (db === undefined) {
        db = new FakeDatabase();
        databases.set(name, db);
        ctx.changed();
      }
      // Writes made directly on the engine must reach the snapshot too.
      return db.db;
    },
  };
}
