// The fake as a node:http request listener, mountable in plain node:http, Express or Fastify.
// Every answer has exactly the real server's head: Content-Type, Content-Length, Connection: close
// (tissdb-wire.md §1); no Date header, no keep-alive.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { TissDBLiteError } from '../core';
import type { TissDBLite } from '../core';
import { createFakeState } from './create-context';
import type { FakeState } from './create-context';
import { handleWireRequest } from './handle';
import type { FakeTissDBOptions } from './options';
import { readRequestBody } from './read-body';
import { MODE_HEADER, modeHeaderValue, text } from './wire';
import type { WireRequest, WireResponse } from './wire';

export const DEFAULT_MAX_BODY_BYTES = 16 * 1024 * 1024;

export type TissDBRequestListener = ((req: IncomingMessage, res: ServerResponse) => void) & {
  /** The engine behind database `name` (created when missing): seed or inspect data directly. */
  database(name: string): TissDBLite;
};

export interface ListenerHooks {
  /** Lets the raw-framing layer append bytes node:http parsed as a second request (§1). */
  completeBody?: (req: IncomingMessage, body: string) => Promise<string>;
  /** Lets the raw-framing layer send a HEAD answer with its body, as the real server does. */
  writeHead?: (req: IncomingMessage, res: ServerResponse, response: WireResponse) => boolean;
}

function headersOf(req: IncomingMessage): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [key, value] of Object.entries(req.headers)) out[key] = Array.isArray(value) ? value.join(', ') : value;
  return out;
}

export function writeWireResponse(res: ServerResponse, response: WireResponse, mode?: string): void {
  if (res.headersSent) return;
  res.sendDate = false;
  res.shouldKeepAlive = false;
  const headers: Record<string, string | number> = {
    'Content-Type': response.contentType,
    'Content-Length': Buffer.byteLength(response.body),
    Connection: 'close',
  };
  if (mode !== undefined) headers[MODE_HEADER] = mode;
  res.writeHead(response.status, headers);
  res.end(response.body);
}

export function createListener(state: FakeState, options: FakeTissDBOptions, hooks: ListenerHooks = {}): TissDBRequestListener {
  const maxBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const rawChunked = state.ctx.quirks.rawFraming;
  const mode = modeHeaderValue(state.ctx.quirks);
  const listener = (req: IncomingMessage, res: ServerResponse): void => {
    const started = Date.now();
    void (async () => {
      let response: WireResponse;
      const read = await readRequestBody(req, { maxBytes, rawChunked });
      if (!read.ok) {
        response = read.status === 413 ? text(413, 'Request body too large.') : text(400, 'Bad request.');
      } else {
        const body = hooks.completeBody ? await hooks.completeBody(req, read.body) : read.body;
        const wire: WireRequest = { method: req.method ?? 'GET', path: req.url ?? '/', headers: headersOf(req), body };
        response = handleWireRequest(state.ctx, wire);
      }
      if (!hooks.writeHead?.(req, res, response)) writeWireResponse(res, response, mode);
      if (!read.ok) res.once('finish', () => req.socket.destroy());
      options.onRequest?.({
        method: req.method ?? '?',
        path: req.url ?? '?',
        status: response.status,
        bytes: Buffer.byteLength(response.body),
        ms: Date.now() - started,
      });
    })().catch((e: unknown) => {
      writeWireResponse(res, text(500, `Server error: ${e instanceof Error ? e.message : String(e)}`), mode);
    });
  };
  return Object.assign(listener, { database: (name: string) => state.database(name) });
}

/**
 * A request listener to mount in any Node HTTP app; it holds its own databases in memory.
 * @example
 * const handler = createTissDBHandler({ quirks: 'tissdb' })
 * http.createServer(handler).listen(9876)
 * app.use('/tissdb', handler)   // Express: the mount prefix is stripped from req.url
 * Timeouts and snapshots belong to startFakeTissDB; here the host server's settings apply.
 */
export function createTissDBHandler(options: FakeTissDBOptions = {}): TissDBRequestListener {
  if (options.snapshot !== undefined) {
    // Loading is async and saving needs a close hook; a bare listener has neither.
    throw new TissDBLiteError('INVALID_ARGUMENT', 'createTissDBHandler: snapshot is only supported by startFakeTissDB');
  }
  return createListener(createFakeState(options), options);
}
