// Mirrors tissdb-wire.md §3, the rows for `/`, `/_health`, `/_databases` and `/{db}`.
import { FakeDatabase } from './database';
import { forbidsWrite } from './auth';
import type { Role } from './auth';
import { findDatabase } from './context';
import type { ServerContext } from './context';
import { ENDPOINT_NOT_FOUND, NO_CONTENT, json, mistake, text } from './wire';
import type { WireRequest, WireResponse } from './wire';

export function routeRoot(req: WireRequest): WireResponse {
  return req.method === 'GET' ? text(200, 'OK') : ENDPOINT_NOT_FOUND;
}

export function routeHealth(req: WireRequest): WireResponse | undefined {
  return req.method === 'GET' && req.path === '/_health' ? text(200, 'OK') : undefined;
}

export function listDatabases(ctx: ServerContext): WireResponse {
  return json(ctx.quirks, 200, sortedNames(ctx.databases.keys()));
}

export function sortedNames(names: Iterable<string>): string[] {
  // Plain `<` matches the server's byte order except above U+FFFF, which database names never reach.
  return [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

export function routeDatabase(ctx: ServerContext, req: WireRequest, name: string, role: Role): WireResponse {
  if (req.method === 'PUT') {
    const denied = forbidsWrite(role, ctx.quirks, true);
    if (denied) return denied;
    if (ctx.databases.has(name)) return mistake(ctx.quirks, 409, `Database '${name}' already exists.`);
    ctx.databases.set(name, new FakeDatabase());
    ctx.changed();
    return text(201, `Database '${name}' created.`);
  }
  if (req.method === 'DELETE') {
    // RBAC runs before the lookup, so it fires for missing databases too (seq 25, 36).
    if (role !== 'admin') return text(403, 'You do not have permission to delete a database.');
    if (!ctx.databases.delete(name)) return mistake(ctx.quirks, 404, `Database '${name}' not found.`);
    ctx.changed();
    return NO_CONTENT;
  }
  const db = findDatabase(ctx, name);
  if (!(db instanceof FakeDatabase)) return db;
  return req.method === 'GET' || req.method === 'POST' ? text(400, 'Collection name missing from URL.') : ENDPOINT_NOT_FOUND;
}
