// The fake server's request and response in transport-neutral form: the router is a function from
// one to the other, so node:http, raw sockets and tests all drive the same code.
import { writeTissDBJson } from '../tissdb';
import type { QuirkSwitches } from './quirks';

export interface WireRequest {
  /** As sent: methods are case-sensitive on the real server. */
  method: string;
  /** The raw request target, query string included, never percent-decoded (tissdb-wire.md §1). */
  path: string;
  /** Lower-case header names. */
  headers: Record<string, string | undefined>;
  body: string;
}

export interface WireResponse {
  status: number;
  contentType: 'application/json' | 'text/plain' | 'text/html; charset=utf-8';
  body: string;
}

/**
 * Only sent when the fake does NOT behave like the real server in how it writes strings or runs
 * TissQL, so parity heads stay exactly the real three. TissDBClient reads it to pick its defaults.
 */
export const MODE_HEADER = 'X-TissDB-Lite-Mode';

export function modeHeaderValue(quirks: QuirkSwitches): string | undefined {
  if (quirks.unescapedStrings && quirks.tissdbDialect) return undefined;
  return `strings=${quirks.unescapedStrings ? 'raw' : 'json'}; dialect=${quirks.tissdbDialect ? 'tissdb' : 'tissql'}`;
}

export function text(status: number, body: string): WireResponse {
  return { status, contentType: 'text/plain', body };
}

export function json(quirks: QuirkSwitches, status: number, value: unknown): WireResponse {
  const body = writeTissDBJson(value, {
    sixDigitNumbers: quirks.sixDigitNumbers,
    unescapedStrings: quirks.unescapedStrings,
  });
  return { status, contentType: 'application/json', body };
}

export const NO_CONTENT: WireResponse = text(204, '');
export const ENDPOINT_NOT_FOUND: WireResponse = text(404, 'Endpoint not found.');

/**
 * A client mistake: the real server answers 500 with the C++ exception text after "Server error: ";
 * a correct server answers `status` with the bare message.
 */
export function mistake(quirks: QuirkSwitches, status: number, message: string): WireResponse {
  return quirks.serverErrorStatuses ? text(500, `Server error: ${message}`) : text(status, message);
}
