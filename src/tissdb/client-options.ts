import type { FindOptions } from '../core';
import type { FetchLike } from './transport';
import type { ResponseStrings } from './response-read';

/**
 * @example
 * const client = new TissDBClient({ baseUrl: 'http://127.0.0.1:9876', database: 'shop', token: 'static_test_token' })
 */
export interface TissDBClientOptions {
  /** e.g. `http://127.0.0.1:9876` (a trailing slash is fine). */
  baseUrl: string;
  database: string;
  /** Sent as `Authorization: Bearer <token>`. */
  token?: string;
  /** Defaults to the global fetch (Node 18+, browsers, Velo). */
  fetch?: FetchLike;
  /** Per attempt. Default 30 000 ms. */
  timeoutMs?: number;
  /** Extra attempts for idempotent requests that got no answer (or 429/502/503/504). Default 2. */
  retries?: number;
  /** Base of the exponential backoff between retries. Default 100 ms. */
  retryDelayMs?: number;
  /**
   * Writes in flight at once against this server. Default 1: the real server loses writes under
   * concurrency (tissdb-wire.md §8). Raise it only for a server known to be safe (e.g. the fake).
   */
  maxConcurrentWrites?: number;
  /** Tag values TissDB would corrupt instead of refusing them (see encodeTissDBDocument). Default false. */
  reversible?: boolean;
  /**
   * How response strings are read: 'raw' for the real server, which doesn't escape them, 'json' for a
   * server that writes valid JSON. Default 'auto': 'json' when the answer carries the fake's
   * `X-TissDB-Lite-Mode: strings=json` header (e.g. `quirks: 'none'`), else 'raw'.
   */
  responseStrings?: ResponseStrings | 'auto';
  /**
   * The server's TissQL semantics, which decides what `find` may push down and how `query` binds
   * parameters: 'tissdb' for the real server, 'tissql' for a standard-SQL server. Default 'auto':
   * what the fake announces in `X-TissDB-Lite-Mode` (one `GET /_health` asks if no answer has told
   * yet), else 'tissdb'.
   */
  dialect?: 'tissdb' | 'tissql' | 'auto';
}

export interface BulkInsertOptions {
  /** Documents sent at once (each still passes the write gate). Default 1. */
  concurrency?: number;
  onProgress?: (progress: { done: number; total: number }) => void;
}

export interface TissDBFindOptions extends FindOptions {
  /**
   * Send the translatable part of the filter to the server as a WHERE (default true). The server
   * never matches inside arrays, so filters on fields holding arrays need `false` to stay exact.
   */
  pushdown?: boolean;
}
