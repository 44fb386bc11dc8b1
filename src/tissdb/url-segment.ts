// The real server splits the raw path on "/" and never percent-decodes (tissdb-wire.md §1), while
// fetch normalises URLs (spaces become %20, "." and ".." segments vanish). Names are therefore only
// accepted when fetch sends them byte for byte and the server reads them back unchanged.
import { TissDBLiteError } from '../core';

const SAFE_SEGMENT = /^[A-Za-z0-9\-._~!$&'()*+,;=:@]+$/;

export function urlSegment(value: string, what: string, operation: string): string {
  if (typeof value !== 'string' || !SAFE_SEGMENT.test(value) || value === '.' || value === '..') {
    throw new TissDBLiteError(
      'INVALID_ARGUMENT',
      `TissDBClient.${operation}: ${what} ${JSON.stringify(value)} can't be used in a TissDB URL ` +
        "(allowed: letters, digits and -._~!$&'()*+,;=:@; the server does no percent-decoding)",
    );
  }
  return value;
}
