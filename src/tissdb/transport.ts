// One HTTP exchange with a TissDB server over the standard fetch: string bodies (so fetch sends
// Content-Length; the real server can't read chunked bodies, tissdb-wire.md §1), a timeout per
// attempt through AbortController, retries with exponential backoff only for idempotent requests and
// only when no answer came or a proxy said "try again" (TissDB's own 500s are deterministic).
import { TissDBError, codeFor } from './errors';
import type { TissDBErrorCode } from './errors';

export type FetchLike = (input: string, init: { method: string; headers: Record<string, string>; body?: string; signal: AbortSignal }) => Promise<{
  status: number;
  text(): Promise<string>;
  headers?: { get(name: string): string | null };
}>;

/** What a tissdb-lite fake announces when it is not in parity (see src/server/wire.ts). */
export const MODE_HEADER = 'x-tissdb-lite-mode';

export interface TransportOptions {
  baseUrl: string;
  token?: string | undefined;
  fetch: FetchLike;
  timeoutMs: number;
  retries: number;
  retryDelayMs: number;
  /** Told the mode header of every answer (undefined when absent), to learn the server's flavour. */
  onMode?: (mode: string | undefined) => void;
}

export interface WireCall {
  method: 'GET' | 'PUT' | 'POST' | 'DELETE';
  path: string;
  body?: string;
  idempotent: boolean;
  transactionId?: number | undefined;
  context?: 'commit' | 'query' | 'other';
  /** Error codes that are answers, not failures (e.g. DOCUMENT_NOT_FOUND for get). 2xx always are. */
  accept?: readonly TissDBErrorCode[];
}

export interface WireAnswer {
  status: number;
  body: string;
  /** The server's `X-TissDB-Lite-Mode` header; absent on the real server. */
  mode?: string;
  /** Set when a non-2xx answer was accepted through `WireCall.accept`. */
  code?: TissDBErrorCode;
}

const RETRY_STATUSES = new Set([429, 502, 503, 504]);

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function attempt(opts: TransportOptions, call: WireCall, url: string): Promise<WireAnswer> {
  const headers: Record<string, string> = { Accept: 'application/json, text/plain' };
  if (opts.token !== undefined) headers.Authorization = `Bearer ${opts.token}`;
  if (call.body !== undefined) headers['Content-Type'] = 'application/json';
  if (call.transactionId !== undefined) headers['X-Transaction-ID'] = String(call.transactionId);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), opts.timeoutMs);
  try {
    const init = { method: call.method, headers, signal: controller.signal, ...(call.body === undefined ? {} : { body: call.body }) };
    const response = await opts.fetch(url, init);
    const mode = response.headers?.get(MODE_HEADER) ?? undefined;
    const answer: WireAnswer = { status: response.status, body: await response.text() };
    if (mode !== undefined) answer.mode = mode;
    opts.onMode?.(mode);
    return answer;
  } catch (e) {
    const timedOut = controller.signal.aborted;
    const code: TissDBErrorCode = timedOut ? 'TIMEOUT' : 'NETWORK';
    const message = timedOut ? `no answer within ${opts.timeoutMs} ms` : `request failed: ${(e as Error).message}`;
    throw new TissDBError({ status: 0, body: '', code, method: call.method, url, message, cause: e });
  } finally {
    clearTimeout(timer);
  }
}

export async function send(opts: TransportOptions, call: WireCall): Promise<WireAnswer> {
  const url = opts.baseUrl + call.path;
  const tries = call.idempotent ? opts.retries + 1 : 1;
  for (let i = 1; ; i++) {
    let answer: WireAnswer;
    try {
      answer = await attempt(opts, call, url);
    } catch (e) {
      if (i >= tries) throw e;
      await sleep(backoff(opts.retryDelayMs, i));
      continue;
    }
    if (RETRY_STATUSES.has(answer.status) && i < tries) {
      await sleep(backoff(opts.retryDelayMs, i));
      continue;
    }
    if (answer.status >= 200 && answer.status < 300) return answer;
    const code = codeFor(answer.status, answer.body, call.context);
    if (call.accept?.includes(code)) return { ...answer, code };
    throw new TissDBError({ status: answer.status, body: answer.body, code, method: call.method, url });
  }
}

/** Exponential with full jitter, capped at 32 times the base delay. */
function backoff(base: number, attempt: number): number {
  return Math.random() * base * 2 ** Math.min(attempt - 1, 5);
}
