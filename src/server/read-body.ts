// Reads a node:http request body as text with a size cap: a declared Content-Length over the cap is
// refused before reading anything, and a stream that grows past it is cut off at the cap, so a huge
// or endless body never sits in memory.
import type { IncomingMessage } from 'node:http';

export type BodyRead = { ok: true; body: string } | { ok: false; status: 413 | 400 };

export interface ReadBodyOptions {
  maxBytes: number;
  /** Re-frame a chunked body as the raw chunk stream the real server would have read (§1). */
  rawChunked: boolean;
}

/** A body a framework's parser already consumed (express.json(), text(), raw()). */
function preParsed(req: IncomingMessage): string | undefined {
  const body = (req as IncomingMessage & { body?: unknown }).body;
  if (!req.readableEnded || body === undefined) return undefined;
  if (typeof body === 'string') return body;
  if (body instanceof Uint8Array) return new TextDecoder().decode(body);
  return JSON.stringify(body);
}

export function readRequestBody(req: IncomingMessage, options: ReadBodyOptions): Promise<BodyRead> {
  const parsed = preParsed(req);
  if (parsed !== undefined) return Promise.resolve({ ok: true, body: parsed });
  // Consumed by middleware that kept nothing: waiting for 'end' would wait forever.
  if (req.readableEnded) return Promise.resolve({ ok: true, body: '' });
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > options.maxBytes) return Promise.resolve({ ok: false, status: 413 });
  const chunked = options.rawChunked && /chunked/i.test(req.headers['transfer-encoding'] ?? '');
  return new Promise((resolve) => {
    const parts: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (result: BodyRead): void => {
      if (done) return;
      done = true;
      req.removeListener('data', onData);
      resolve(result);
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > options.maxBytes) {
        req.pause();
        finish({ ok: false, status: 413 });
        return;
      }
      parts.push(chunked ? Buffer.concat([Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from('\r\n')]) : chunk);
    };
    req.on('data', onData);
    req.once('end', () => {
      if (chunked) parts.push(Buffer.from('0\r\n\r\n'));
      finish({ ok: true, body: Buffer.concat(parts).toString('utf8') });
    });
    req.once('error', () => finish({ ok: false, status: 400 }));
    req.once('aborted', () => finish({ ok: false, status: 400 }));
  });
}
