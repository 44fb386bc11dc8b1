// Abuse the fake must survive in both modes: oversized bodies, stalled and silent clients, garbage
// bytes, and a close() while sockets are still open.
import { connect } from 'node:net';
import type { Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { startFakeTissDB } from '../../src/server';
import { sendRaw } from '../support/tissdb-replay';

const AUTH = 'Authorization: Bearer static_test_token\r\n';

function openSocket(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => resolve(socket));
    socket.on('error', reject);
  });
}

function closed(socket: Socket): Promise<string> {
  const parts: Buffer[] = [];
  socket.on('data', (d: Buffer) => parts.push(d));
  return new Promise((resolve) => socket.on('close', () => resolve(Buffer.concat(parts).toString('utf8'))));
}

for (const quirks of ['tissdb', 'none'] as const) {
  describe(`hardening (quirks: ${quirks})`, () => {
    it('answers 413 to a declared body over the limit without waiting for it', async () => {
      const server = await startFakeTissDB({ quirks, maxBodyBytes: 1024 });
      try {
        const socket = await openSocket(server.port);
        const done = closed(socket);
        socket.write(`PUT /db/c/x HTTP/1.1\r\nHost: x\r\n${AUTH}Content-Length: 100000000\r\n\r\n{"a":`);
        const answer = await done;
        expect(answer).toMatch(/^HTTP\/1\.1 413 /);
        expect(answer).toContain('Request body too large.');
      } finally {
        await server.close();
      }
    });

    it('cuts off a chunked body that grows past the limit', async () => {
      const server = await startFakeTissDB({ quirks, maxBodyBytes: 1024 });
      try {
        const socket = await openSocket(server.port);
        const done = closed(socket);
        socket.write(`PUT /db/c/x HTTP/1.1\r\nHost: x\r\n${AUTH}Transfer-Encoding: chunked\r\n\r\n`);
        const chunk = 'x'.repeat(512);
        for (let i = 0; i < 8 && !socket.destroyed; i++) socket.write(`${chunk.length.toString(16)}\r\n${chunk}\r\n`);
        expect(await done).toMatch(/^HTTP\/1\.1 413 /);
      } finally {
        await server.close();
      }
    });

    it('drops a client that stalls mid-request', async () => {
      const server = await startFakeTissDB({ quirks, requestTimeoutMs: 300 });
      try {
        const socket = await openSocket(server.port);
        const done = closed(socket);
        socket.write(`PUT /db/c/x HTTP/1.1\r\nHost: x\r\n${AUTH}Content-Length: 50\r\n\r\n{"a":`);
        await done; // resolves only because the server gave up on us
        expect(socket.destroyed).toBe(true);
      } finally {
        await server.close();
      }
    });

    it('survives garbage and keeps answering', async () => {
      // Blank lines alone make node wait for a request line: the request timeout ends those.
      const server = await startFakeTissDB({ quirks, requestTimeoutMs: 500 });
      try {
        for (const garbage of ['\u0000\u0001\u0002\r\n\r\n', 'GET\r\n\r\n', 'HELLO WORLD\r\n\r\n', 'PUT /x HTTP/1.1\r\nContent-Length: -5\r\n\r\n', '\r\n'.repeat(10)]) {
          const answer = await sendRaw(server.port, garbage);
          expect(answer.status === 0 || (answer.status >= 400 && answer.status < 600)).toBe(true);
        }
        const health = await sendRaw(server.port, 'GET /_health HTTP/1.1\r\nHost: x\r\n\r\n');
        expect([health.status, health.body]).toEqual([200, 'OK']);
      } finally {
        await server.close();
      }
    });

    it('close() ends idle and half-sent connections', async () => {
      const server = await startFakeTissDB({ quirks });
      const idle = await openSocket(server.port);
      const half = await openSocket(server.port);
      half.write('GET /_health HTTP/1.1\r\n');
      const ended = Promise.all([closed(idle), closed(half)]);
      await server.close();
      await ended;
      expect(idle.destroyed && half.destroyed).toBe(true);
    });

    it('sends the real head: Content-Type, Content-Length, Connection: close (+ the mode header off parity)', async () => {
      const server = await startFakeTissDB({ quirks });
      try {
        for (const request of ['GET /_health HTTP/1.1\r\nHost: x\r\n\r\n', 'GET /_databases HTTP/1.1\r\nHost: x\r\n\r\n', `DELETE /nodb/c HTTP/1.1\r\nHost: x\r\n${AUTH}\r\n`]) {
          const answer = await sendRaw(server.port, request);
          const extra = quirks === 'none' ? ['X-TissDB-Lite-Mode'] : [];
          expect(Object.keys(answer.headers)).toEqual(['Content-Type', 'Content-Length', 'Connection', ...extra]);
          if (quirks === 'none') expect(answer.headers['X-TissDB-Lite-Mode']).toBe('strings=json; dialect=tissql');
          expect(answer.headers.Connection).toBe('close');
        }
      } finally {
        await server.close();
      }
    });
  });
}

describe('concurrent writes (the real server loses some, §8)', () => {
  it('the fake keeps every one of 200 parallel PUTs', async () => {
    const server = await startFakeTissDB({});
    const headers = { Authorization: 'Bearer static_test_token' };
    try {
      await fetch(`${server.url}/conc`, { method: 'PUT', headers });
      await fetch(`${server.url}/conc/c`, { method: 'PUT', headers });
      const answers = await Promise.all(
        Array.from({ length: 200 }, (_, i) => fetch(`${server.url}/conc/c/d${i}`, { method: 'PUT', headers, body: `{"i":${i}}` })),
      );
      expect(answers.every((a) => a.status === 200)).toBe(true);
      expect(server.database('conc').collection('c').size).toBe(200);
    } finally {
      await server.close();
    }
  });
});
