import { resolveQuirks } from './quirks';
import type { QuirkSwitches, QuirksOption } from './quirks';

/** The real server's two hard-coded tokens (tissdb-wire.md §2). */
export const DEFAULT_ADMIN_TOKEN = 'static_test_token';
export const DEFAULT_READ_ONLY_TOKEN = 'read_only_token';

/**
 * @example
 * const server = await startFakeTissDB({ port: 0 })           // parity with the real server
 * const strict = await startFakeTissDB({ quirks: 'none' })    // correct JSON, statuses, SQL
 * const mixed = await startFakeTissDB({ quirks: { sixDigitNumbers: false } }) // parity, full precision
 */
export interface FakeTissDBOptions {
  /** 0 picks a free port. Default 0 for `startFakeTissDB` (the CLI defaults to 8080). */
  port?: number;
  /** Default 127.0.0.1 (the real server binds every interface; a fake shouldn't). */
  host?: string;
  /** Replaces the admin token list with this one token; `null` turns authentication off. */
  token?: string | null;
  /** Accepted tokens by role. Default: the real server's `static_test_token` and `read_only_token`. */
  tokens?: { admin?: string[]; readOnly?: string[] };
  /** Default 'tissdb' (parity). A partial object starts from parity and overrides what it names. */
  quirks?: QuirksOption;
  /** A JSON file: loaded at start when it exists, saved atomically on an interval and on close. */
  snapshot?: string;
  /** Milliseconds between snapshot saves (only when something changed). Default 5000. */
  snapshotIntervalMs?: number;
  /** Serve a browser page at GET /_ui to browse databases and run TissQL. Default false. */
  ui?: boolean;
  /** Largest request body accepted; larger ones get 413 without being buffered. Default 16 MiB. */
  maxBodyBytes?: number;
  /** A request (head and body) must arrive within this. Default 30 000 ms. */
  requestTimeoutMs?: number;
  /** Called once per answered request, e.g. for a log line. */
  onRequest?: (entry: RequestLogEntry) => void;
  /** Source of POST ids. Default: nanoseconds since the epoch, as the real server. */
  generateId?: () => string;
}

export interface RequestLogEntry {
  method: string;
  path: string;
  status: number;
  bytes: number;
  ms: number;
}

export interface ResolvedAuth {
  /** False when `token: null`: every request is treated as admin. */
  enabled: boolean;
  admin: ReadonlySet<string>;
  readOnly: ReadonlySet<string>;
}

export function resolveAuth(options: FakeTissDBOptions): ResolvedAuth {
  if (options.token === null) return { enabled: false, admin: new Set(), readOnly: new Set() };
  const admin = options.tokens?.admin ?? (options.token === undefined ? [DEFAULT_ADMIN_TOKEN] : [options.token]);
  const readOnly = options.tokens?.readOnly ?? [DEFAULT_READ_ONLY_TOKEN];
  return { enabled: true, admin: new Set(admin), readOnly: new Set(readOnly) };
}

export function quirksOf(options: FakeTissDBOptions): QuirkSwitches {
  return resolveQuirks(options.quirks);
}
