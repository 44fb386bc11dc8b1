// `startFakeTissDB`: the fake on its own node:http server, with the real server's one-request-per-
// connection behaviour, raw framing (parity), timeouts for stalled clients, snapshots and a close
// that ends open sockets.
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TissDBLite } from '../core';
import { createFakeState } from './create-context';
import type { FakeState } from './create-context';
import { createListener } from './node-handler';
import type { ListenerHooks } from './node-handler';
import { DEFAULT_ADMIN_TOKEN } from './options';
import type { FakeTissDBOptions } from './options';
import type { QuirkSwitches } from './quirks';
import { installRawFraming } from './raw-framing';
import { loadSnapshotFile, saveSnapshotFile, serialiseDatabases } from './snapshot-file';

export interface FakeTissDB {
  /** `http://host:port`, no trailing slash. */
  readonly url: string;
  readonly port: number;
  readonly host: string;
  /** The admin token clients should send, or `null` when authentication is off. */
  readonly token: string | null;
  readonly quirks: Readonly<QuirkSwitches>;
  /** The engine behind database `name` (created when missing): seed or inspect data directly. */
  database(name: string): TissDBLite;
  /** Writes the snapshot now (when `snapshot` is set). */
  saveSnapshot(): Promise<void>;
  /** Stops listening, ends open sockets, writes a last snapshot. */
  close(): Promise<void>;
}

const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

function listen(server: Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.removeListener('error', reject);
      resolve(server.address() as AddressInfo);
    });
  });
}

function snapshotSaver(state: FakeState, file: string | undefined): () => Promise<void> {
  let last = '';
  let running: Promise<void> = Promise.resolve();
  return () => {
    if (file === undefined) return Promise.resolve();
    // Saves run one after another, so an older state never overwrites a newer one.
    running = running.then(async () => {
      const content = serialiseDatabases(state.ctx.databases);
      if (content === last) return;
      await saveSnapshotFile(file, content);
      last = content;
    });
    return running;
  };
}

/**
 * @example
 * const server = await startFakeTissDB({ port: 0 })
 * await fetch(`${server.url}/_health`)                    // -> 200 "OK"
 * server.database('testdb').insert('users', { name: 'Ann' })
 * await server.close()
 */
export async function startFakeTissDB(options: FakeTissDBOptions = {}): Promise<FakeTissDB> {
  const databases = options.snapshot === undefined ? undefined : await loadSnapshotFile(options.snapshot);
  const state = createFakeState(options, databases);
  const timeout = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  const server = createServer({ requestTimeout: timeout, headersTimeout: Math.min(timeout, 60_000), keepAlive: false });
  server.keepAliveTimeout = 1;
  // Idle sockets (connected, nothing sent) are dropped too, so a silent client can't hold one forever.
  server.setTimeout(timeout, (socket) => socket.destroy());
  const hooks: ListenerHooks = state.ctx.quirks.rawFraming ? installRawFraming(server, state.ctx, options.onRequest) : {};
  if (!state.ctx.quirks.rawFraming) {
    server.on('clientError', (_err, socket) => {
      if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain\r\nContent-Length: 12\r\nConnection: close\r\n\r\nBad request.');
      else socket.destroy();
    });
  }
  server.on('request', createListener(state, options, hooks));
  const host = options.host ?? '127.0.0.1';
  const address = await listen(server, options.port ?? 0, host);
  const save = snapshotSaver(state, options.snapshot);
  const interval = options.snapshot === undefined ? undefined : setInterval(() => void save().catch(() => undefined), options.snapshotIntervalMs ?? 5000);
  interval?.unref();
  let closing: Promise<void> | undefined;
  const urlHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const token = options.token === null ? null : (options.tokens?.admin?.[0] ?? options.token ?? DEFAULT_ADMIN_TOKEN);
  return {
    url: `http://${urlHost}:${address.port}`,
    port: address.port,
    host: address.address,
    token,
    quirks: state.ctx.quirks,
    database: (name) => state.database(name),
    saveSnapshot: save,
    close() {
      closing ??= (async () => {
        if (interval) clearInterval(interval);
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
        await save();
      })();
      return closing;
    },
  };
}
