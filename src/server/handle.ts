// The fake's router: tissdb-wire.md §3 in the order the real server tests its routes. `/_health`
// first, then authentication, then the path split on "/" with empty segments dropped and nothing
// decoded (§1): `/db//c//id` works, `a%20b` is a literal id, `?x=1` is part of the last segment.
import { authenticate, forbidsWrite, roleOf } from './auth';
import type { Role } from './auth';
import type { ServerContext } from './context';
import { findDatabase } from './context';
import { FakeDatabase } from './database';
import { routeCollection } from './routes-collection';
import { routeDocument } from './routes-document';
import { createIndex, feedback, runQuery, stats } from './routes-query';
import { listDatabases, routeDatabase, routeHealth, routeRoot, sortedNames } from './routes-root';
import { begin, commit, rollback } from './routes-transaction';
import { UI_PATH, uiPage } from './ui-page';
import { ENDPOINT_NOT_FOUND, json, text } from './wire';
import type { WireRequest, WireResponse } from './wire';

export function handleWireRequest(ctx: ServerContext, req: WireRequest): WireResponse {
  try {
    return route(ctx, req);
  } catch (e) {
    // A bug or an engine surprise must answer, never take the server down.
    return text(500, `Server error: ${e instanceof Error ? e.message : String(e)}`);
  }
}

function route(ctx: ServerContext, req: WireRequest): WireResponse {
  // The page is static; the data it shows comes through the authenticated API.
  if (ctx.ui && req.method === 'GET' && req.path === UI_PATH) return uiPage();
  const health = routeHealth(req);
  if (health) return health;
  const unauthenticated = authenticate(req, ctx.auth, ctx.quirks);
  if (unauthenticated) return unauthenticated;
  const role = roleOf(ctx.auth, req.headers.authorization);
  const segments = req.path.split('/').filter((s) => s !== '');
  const [first, second, third] = segments;
  if (first === undefined) return routeRoot(req);
  if (segments.length === 1) {
    if (first === '_databases' && req.method === 'GET') return listDatabases(ctx);
    return routeDatabase(ctx, req, first, role);
  }
  const db = findDatabase(ctx, first);
  if (!(db instanceof FakeDatabase)) return db;
  if (segments.length === 2) return routeDatabaseChild(ctx, req, db, second as string, role);
  if (segments.length === 3) return routeCollectionChild(ctx, req, db, second as string, third as string, role);
  return ENDPOINT_NOT_FOUND;
}

function routeDatabaseChild(ctx: ServerContext, req: WireRequest, db: FakeDatabase, name: string, role: Role): WireResponse {
  if (req.method === 'GET' && name === '_collections') return listCollections(ctx, db);
  if (req.method === 'GET' && name === '_stats') return stats(ctx, db);
  if (req.method === 'POST') {
    if (name === '_query') return runQuery(ctx, req, db, role);
    if (name === '_feedback') return feedback(ctx, req, db, role);
    if (name === '_begin' || name === '_commit' || name === '_rollback') {
      const denied = forbidsWrite(role, ctx.quirks, true);
      if (denied) return denied;
      if (name === '_begin') return begin(ctx, db);
      return name === '_commit' ? commit(ctx, req, db) : rollback(ctx, req, db);
    }
  }
  return routeCollection(ctx, req, db, name, role);
}

function listCollections(ctx: ServerContext, db: FakeDatabase): WireResponse {
  return json(ctx.quirks, 200, sortedNames(db.collectionNames()));
}

function routeCollectionChild(
  ctx: ServerContext,
  req: WireRequest,
  db: FakeDatabase,
  collection: string,
  id: string,
  role: Role,
): WireResponse {
  if (req.method === 'POST' && id === '_query') return runQuery(ctx, req, db, role); // URL collection ignored
  if (req.method === 'POST' && id === '_index') return createIndex(ctx, req, db, collection, role);
  return routeDocument(ctx, req, db, collection, id, role);
}
