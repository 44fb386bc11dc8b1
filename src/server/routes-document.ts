// Mirrors tissdb-wire.md §3 and §4: `/{db}/{coll}/{id}` GET, PUT (whole-document replace, answered
// with the request body re-serialised) and DELETE, each honouring `X-Transaction-ID` (§6).
import type { Role } from './auth';
import { forbidsWrite } from './auth';
import { engineFailure, readObjectBody } from './context';
import type { ServerContext } from './context';
import type { FakeDatabase } from './database';
import { lookupTransaction, notActive } from './transaction-header';
import { ENDPOINT_NOT_FOUND, NO_CONTENT, json, mistake, text } from './wire';
import type { WireRequest, WireResponse } from './wire';

const DOCUMENT_NOT_FOUND = text(404, 'Document not found.');

export function routeDocument(
  ctx: ServerContext,
  req: WireRequest,
  db: FakeDatabase,
  collection: string,
  id: string,
  role: Role,
): WireResponse {
  if (req.method === 'GET') return getDocument(ctx, req, db, collection, id);
  if (req.method !== 'PUT' && req.method !== 'DELETE') return ENDPOINT_NOT_FOUND;
  const denied = forbidsWrite(role, ctx.quirks, true);
  if (denied) return denied;
  return req.method === 'PUT' ? putDocument(ctx, req, db, collection, id) : deleteDocument(ctx, req, db, collection, id);
}

function getDocument(ctx: ServerContext, req: WireRequest, db: FakeDatabase, collection: string, id: string): WireResponse {
  const tx = lookupTransaction(ctx, db, req);
  if (tx.kind === 'invalid') return tx.response;
  const doc = tx.kind === 'active' ? db.readInTransaction(tx.tx, collection, id) : db.getDoc(collection, id);
  return doc === undefined ? DOCUMENT_NOT_FOUND : json(ctx.quirks, 200, doc);
}

function putDocument(ctx: ServerContext, req: WireRequest, db: FakeDatabase, collection: string, id: string): WireResponse {
  const body = readObjectBody(ctx, req.body);
  if (!body.ok) return body.response;
  const { _id: _ignored, ...fields } = body.value; // the URL wins; the echo still shows the body's _id
  const tx = lookupTransaction(ctx, db, req);
  if (tx.kind === 'invalid') return tx.response;
  if (tx.kind === 'inactive') return notActive(ctx, tx.id);
  if (tx.kind === 'active') {
    tx.tx.ops.push({ kind: 'put', collection, id, doc: fields });
    return json(ctx.quirks, 200, body.value);
  }
  if (!db.hasCollection(collection)) return mistake(ctx.quirks, 404, `Collection not found: ${collection}`);
  try {
    db.putDoc(collection, id, fields);
  } catch (e) {
    return engineFailure(ctx, e);
  }
  ctx.changed();
  return json(ctx.quirks, 200, body.value);
}

function deleteDocument(ctx: ServerContext, req: WireRequest, db: FakeDatabase, collection: string, id: string): WireResponse {
  const tx = lookupTransaction(ctx, db, req);
  if (tx.kind === 'invalid') return tx.response;
  if (tx.kind === 'inactive') return notActive(ctx, tx.id);
  if (tx.kind === 'active') {
    tx.tx.ops.push({ kind: 'delete', collection, id }); // always 204 inside a transaction (seq 311)
    return NO_CONTENT;
  }
  if (!db.deleteDoc(collection, id)) return DOCUMENT_NOT_FOUND;
  ctx.changed();
  return NO_CONTENT;
}
