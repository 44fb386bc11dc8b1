// createTissDBHandler mounted in plain node:http, Express and Fastify.
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { createTissDBHandler } from '../../src/server';
import { TissDBClient } from '../../src/tissdb';

async function roundTrip(baseUrl: string): Promise<void> {
  const client = new TissDBClient({ baseUrl, database: 'mounted', token: 'static_test_token' });
  await client.createDatabase();
  await client.createCollection('c');
  const id = await client.insert('c', { a: 1 });
  expect(await client.get('c', id)).toEqual({ _id: id, a: 1 });
}

function listen(server: Server): Promise<string> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));
}

describe('createTissDBHandler', () => {
  it('mounts in plain node:http', async () => {
    const server = createServer(createTissDBHandler());
    const url = await listen(server);
    try {
      await roundTrip(url);
    } finally {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    }
  });

  it('mounts under a prefix in Express, even behind express.json()', async () => {
    const app = express();
    app.use(express.json());
    app.use('/tissdb', createTissDBHandler());
    const server = createServer(app);
    const url = await listen(server);
    try {
      await roundTrip(`${url}/tissdb`);
    } finally {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    }
  });

  it('mounts in Fastify through reply.hijack()', async () => {
    const handler = createTissDBHandler();
    const app = Fastify();
    app.removeAllContentTypeParsers();
    app.addContentTypeParser('*', (_req, _payload, done) => done(null)); // leave the body to the handler
    app.all('/*', (request, reply) => {
      reply.hijack();
      handler(request.raw, reply.raw);
    });
    const url = await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      await roundTrip(url);
      handler.database('mounted').collection('c'); // the same engine, reachable from the test
    } finally {
      await app.close();
    }
  });
});

describe('createTissDBHandler options', () => {
  it('refuses snapshot (only startFakeTissDB can load and save one)', () => {
    expect(() => createTissDBHandler({ snapshot: 'x.json' })).toThrow(/only supported by startFakeTissDB/);
  });
});
