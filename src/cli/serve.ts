// `tissdb-lite serve`: the fake TissDB on a port, one log line per request, clean stop on
// SIGINT/SIGTERM (the snapshot is saved before exit).
import { parseArgs } from 'node:util';
import { startFakeTissDB } from '../server';
import type { FakeTissDBOptions } from '../server';
import { UsageError } from './usage-error';

export const SERVE_USAGE = `Usage: tissdb-lite serve [--port 8080] [--host 127.0.0.1] [--token T | --no-auth]
                         [--quirks tissdb|none] [--snapshot FILE] [--ui]

  --port N         port to listen on (0 picks a free one; the first log line shows it). Default 8080
  --host H         interface to bind. Default 127.0.0.1
  --token T        admin token (default: the real server's static_test_token; read_only_token also works)
  --no-auth        accept every request without a token
  --quirks MODE    tissdb (default): behave like the real server, bugs included; none: correct behaviour
  --snapshot FILE  load FILE at start, save it atomically every few seconds and on stop`;

export function parseServeArgs(args: string[]): FakeTissDBOptions {
  const { values } = parseArgs({
    args,
    options: {
      port: { type: 'string', default: '8080' },
      host: { type: 'string', default: '127.0.0.1' },
      token: { type: 'string' },
      'no-auth': { type: 'boolean', default: false },
      quirks: { type: 'string', default: 'tissdb' },
      snapshot: { type: 'string' },
      ui: { type: 'boolean', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be 0-65535, got ${values.port}`);
  if (values.quirks !== 'tissdb' && values.quirks !== 'none') throw new UsageError(`--quirks must be tissdb or none, got ${values.quirks}`);
  if (values['no-auth'] && values.token !== undefined) throw new UsageError('--token and --no-auth exclude each other');
  const options: FakeTissDBOptions = { port, host: values.host, quirks: values.quirks, ui: values.ui };
  if (values['no-auth']) options.token = null;
  else if (values.token !== undefined) options.token = values.token;
  if (values.snapshot !== undefined) options.snapshot = values.snapshot;
  return options;
}

export async function serve(args: string[], log: (line: string) => void = console.log): Promise<void> {
  const options = parseServeArgs(args);
  options.onRequest = (e) => log(`${new Date().toISOString()} ${e.method} ${e.path} ${e.status} ${e.bytes}B ${e.ms}ms`);
  const server = await startFakeTissDB(options);
  const auth = server.token === null ? 'off' : `Bearer ${server.token}`;
  log(`tissdb-lite serve: listening on ${server.url} (quirks: ${options.quirks}, auth: ${auth}, snapshot: ${options.snapshot ?? 'none'})`);
  if (options.ui) log(`tissdb-lite serve: browse at ${server.url}/_ui`);
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    log(`tissdb-lite serve: ${signal}, stopping`);
    server.close().then(
      () => {
        log('tissdb-lite serve: stopped');
        process.exit(0);
      },
      (e: unknown) => {
        log(`tissdb-lite serve: error while stopping: ${(e as Error).message}`);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}
