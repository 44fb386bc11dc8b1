// Mirrors tissdb-wire.md §3: `/{db}/{coll}` create, drop and POST insert (201 `{"id": ...}`).
import type { Role } from './auth';
import { forbidsWrite } from './auth';
import { engineFailure, readObjectBody } from './context';
import type { ServerContext } from './context';
import type { FakeDatabase } from './database';
import { lookupTransaction, notActive } from './transaction-header';
import { ENDPOINT_NOT_FOUND, NO_CONTENT, json, mistake, text } from './wire';
import type { WireRequest, WireResponse } from './wire';

export function routeCollection(
  ctx: ServerContext,
  req: WireRequest,
  db: FakeDatabase,
  name: string,
  role: Role,
): WireResponse {
  if (req.method === 'GET') return ENDPOINT_NOT_FOUND; // no "list documents" endpoint (seq 51)
  if (req.method !== 'PUT' && req.method !== 'DELETE' && req.method !== 'POST') return ENDPOINT_NOT_FOUND;
  const denied = forbidsWrite(role, ctx.quirks, true);
  if (denied) return denied;
  if (req.method === 'PUT') {
    if (db.hasCollection(name)) return text(200, `Collection '${name}' already exists.`);
    db.db.createCollection(name);
    ctx.changed();
    return text(201, `Collection '${name}' created.`);
  }
  if (req.method === 'DELETE') {
    if (!db.hasCollection(name)) return text(404, `Collection does not exist: ${name}`);
    db.db.dropCollection(name);
    ctx.changed();
    return NO_CONTENT;
  }
  return insertDocument(ctx, req, db, name);
}

function insertDocument(ctx: ServerContext, req: WireRequest, db: FakeDatabase, name: string): WireResponse {
  const body = readObjectBody(ctx, req.body);
  if (!body.ok) return body.response;
  const { _id: _ignored, ...fields } = body.value; // a body `_id` is ignored on POST (seq 60-62)
  const tx = lookupTransaction(ctx, db, req);
  if (tx.kind === 'invalid') return tx.response;
  if (tx.kind === 'inactive') return notActive(ctx, tx.id);
  const id = ctx.nextId();
  if (tx.kind === 'active') {
    tx.tx.ops.push({ kind: 'put', collection: name, id, doc: fields });
    return json(ctx.quirks, 201, { id });
  }
  if (!db.hasCollection(name)) return mistake(ctx.quirks, 404, `Collection not found: ${name}`);
  try {
    db.putDoc(name, id, fields);
  } catch (e) {
    return engineFailure(ctx, e);
  }
  ctx.changed();
  return json(ctx.quirks, 201, { id });
}
