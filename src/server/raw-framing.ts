// Mirrors tissdb-wire.md §1 where node:http frames requests differently from the real server, which
// does one `recv`, then reads on only while the body is shorter than Content-Length, and answers one
// request per connection:
// - bytes after the body node:http considered complete (no Content-Length, or more than it said) are
//   part of the body on the real server (seq 119, 353); node:http reports them as a malformed second
//   request, so they are caught in 'clientError' and appended to the pending body;
// - a lowercase method (`get`, seq 118) or bare-LF line endings (seq 122) are refused by node's
//   parser; the real server routes them, so the raw head is parsed here and routed the same way;
// - a HEAD answer carries its body on the real server (seq 7); node:http would drop it;
// - `Expect: 100-continue` is never answered with 100 (seq 355).
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { ServerContext } from './context';
import { handleWireRequest } from './handle';
import type { ListenerHooks } from './node-handler';
import type { RequestLogEntry } from './options';
import { MODE_HEADER, modeHeaderValue } from './wire';
import type { WireRequest, WireResponse } from './wire';

const REASONS: Record<number, string> = {
  200: 'OK', 201: 'Created', 204: 'No Content', 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden',
  404: 'Not Found', 409: 'Conflict', 413: 'Payload Too Large', 500: 'Internal Server Error',
};

export function rawResponseBytes(response: WireResponse, mode?: string): Buffer {
  const body = Buffer.from(response.body, 'utf8');
  const head =
    `HTTP/1.1 ${response.status} ${REASONS[response.status] ?? 'Unknown'}\r\n` +
    `Content-Type: ${response.contentType}\r\nContent-Length: ${body.length}\r\nConnection: close\r\n` +
    `${mode === undefined ? '' : `${MODE_HEADER}: ${mode}\r\n`}\r\n`;
  return Buffer.concat([Buffer.from(head, 'latin1'), body]);
}

/** Parses a request head the way the real server does: lines split on LF, a trailing CR dropped. */
export function parseRawRequest(raw: Buffer): WireRequest | undefined {
  const text = raw.toString('utf8');
  const end = /\r?\n\r?\n/.exec(text);
  if (end === null) return undefined;
  const [requestLine = '', ...headerLines] = text.slice(0, end.index).split(/\r?\n/);
  const [method, path] = requestLine.split(' ');
  if (method === undefined || path === undefined) return undefined;
  const headers: Record<string, string> = {};
  for (const line of headerLines) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { method, path, headers, body: text.slice(end.index + end[0].length) };
}

const ROUTABLE = /^[A-Za-z]{1,16}$/;
/** Errors the real server would not survive either or that mean "too big / too slow": no routing. */
const UNROUTABLE = new Set(['HPE_HEADER_OVERFLOW', 'ERR_HTTP_REQUEST_TIMEOUT', 'ECONNRESET']);

interface ParserError extends Error {
  code?: string;
  rawPacket?: Buffer;
  bytesParsed?: number;
}

/** Installs the raw-framing behaviour on a server; returns the hooks its request listener needs. */
export function installRawFraming(server: Server, ctx: ServerContext, log?: (entry: RequestLogEntry) => void): ListenerHooks {
  const pending = new WeakMap<Socket, { leftover: Buffer[] }>();
  server.on('request', (req: IncomingMessage) => {
    pending.set(req.socket, { leftover: [] });
  });
  // The real server never answers `Expect: 100-continue` (seq 355); the client sends the body anyway.
  server.on('checkContinue', (req: IncomingMessage, res: ServerResponse) => server.emit('request', req, res));
  server.on('clientError', (err: ParserError, socket: Socket) => {
    const inFlight = pending.get(socket);
    if (inFlight !== undefined) {
      // node:http took the first request as complete; the rest of the packet was body to the real server.
      if (err.rawPacket && err.bytesParsed !== undefined) inFlight.leftover.push(err.rawPacket.subarray(err.bytesParsed));
      return;
    }
    const parsed = err.rawPacket ? parseRawRequest(err.rawPacket) : undefined;
    if (parsed !== undefined && ROUTABLE.test(parsed.method) && !UNROUTABLE.has(err.code ?? '') && socket.writable) {
      const started = Date.now();
      const response = handleWireRequest(ctx, parsed);
      socket.end(rawResponseBytes(response, modeHeaderValue(ctx.quirks)));
      log?.({ method: parsed.method, path: parsed.path, status: response.status, bytes: Buffer.byteLength(response.body), ms: Date.now() - started });
      return;
    }
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain\r\nContent-Length: 12\r\nConnection: close\r\n\r\nBad request.');
    else socket.destroy();
  });
  return {
    completeBody: async (req, body) => {
      // clientError for the same packet fires synchronously after 'request'; one turn is enough.
      await new Promise((resolve) => setImmediate(resolve));
      const extra = pending.get(req.socket)?.leftover ?? [];
      return extra.length === 0 ? body : body + Buffer.concat(extra).toString('utf8');
    },
    writeHead: (req: IncomingMessage, res: ServerResponse, response: WireResponse) => {
      if (req.method !== 'HEAD') return false;
      res.socket?.end(rawResponseBytes(response, modeHeaderValue(ctx.quirks)));
      return true;
    },
  };
}
