// Mirrors tissdb-wire.md §2: `Authorization: Bearer <token>` split on whitespace, two 401 texts,
// the `/_health` bypass, and RBAC that (on the real server) guards only `DELETE /{db}`.
import type { ResolvedAuth } from './options';
import type { QuirkSwitches } from './quirks';
import { text } from './wire';
import type { WireRequest, WireResponse } from './wire';

export type Role = 'admin' | 'readOnly' | 'none';

export function roleOf(auth: ResolvedAuth, header: string | undefined): Role {
  if (!auth.enabled) return 'admin';
  if (header === undefined) return 'none';
  const words = header.split(/\s+/).filter((w) => w !== '');
  if (words[0] !== 'Bearer' || words[1] === undefined) return 'none';
  if (auth.admin.has(words[1])) return 'admin';
  return auth.readOnly.has(words[1]) ? 'readOnly' : 'none';
}

/** `undefined` when the request may go on, else the 401 to send. */
export function authenticate(req: WireRequest, auth: ResolvedAuth, quirks: QuirkSwitches): WireResponse | undefined {
  if (!auth.enabled) return undefined;
  if (req.path === '/_health' && (quirks.healthAuthBypass || req.method === 'GET')) return undefined;
  const header = req.headers.authorization;
  if (header === undefined) return text(401, 'Authorization header missing.');
  return roleOf(auth, header) === 'none' ? text(401, 'Invalid or missing bearer token.') : undefined;
}

/** Writes a read-only token may not do once `readOnlyWrites` is off (everything but reads). */
export function forbidsWrite(role: Role, quirks: QuirkSwitches, isWrite: boolean): WireResponse | undefined {
  if (quirks.readOnlyWrites || !isWrite || role === 'admin') return undefined;
  return text(403, 'You do not have permission to write.');
}
