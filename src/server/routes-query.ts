// Mirrors tissdb-wire.md §3 and §5: `_query` (TissQL through the engine's `tissdb` dialect; the
// collection segment of the URL is ignored and transactions are not seen), `_index`, `_stats`
// and `_feedback`.
import type { Role } from './auth';
import { forbidsWrite } from './auth';
import { engineFailure, readObjectBody } from './context';
import type { ServerContext } from './context';
import type { FakeDatabase } from './database';
import { toWireDoc } from './database';
import { runStandardSql } from './sql-shapes';
import { json, mistake, text } from './wire';
import type { WireRequest, WireResponse } from './wire';

/** The text after "Server error: " on the real server: TissQL errors of the tissdb dialect carry it. */
function errorText(error: unknown): string {
  if (typeof error === 'object' && error !== null) {
    const server = (error as { serverMessage?: unknown }).serverMessage;
    if (typeof server === 'string') return server;
  }
  return error instanceof Error ? error.message : String(error);
}

const READ_ONLY_STATEMENT = /^\s*select\b/i;

export function runQuery(ctx: ServerContext, req: WireRequest, db: FakeDatabase, role: Role): WireResponse {
  const body = readObjectBody(ctx, req.body);
  if (!body.ok) return body.response;
  if (!Object.hasOwn(body.value, 'query')) {
    return mistake(ctx.quirks, 400, ctx.quirks.serverErrorStatuses ? 'map::at' : 'Missing query in request body.');
  }
  const query = body.value.query;
  if (typeof query !== 'string') {
    return mistake(ctx.quirks, 400, ctx.quirks.serverErrorStatuses ? 'std::get: wrong index for variant' : 'query must be a string.');
  }
  const denied = forbidsWrite(role, ctx.quirks, !READ_ONLY_STATEMENT.test(query));
  if (denied) return denied;
  let rows: unknown;
  try {
    rows = ctx.quirks.tissdbDialect ? db.db.sql(query, [], { dialect: 'tissdb' }) : runStandardSql(db.db, query);
  } catch (e) {
    return mistake(ctx.quirks, 400, errorText(e));
  }
  if (!READ_ONLY_STATEMENT.test(query)) ctx.changed();
  const list = Array.isArray(rows) ? rows : [rows];
  return json(ctx.quirks, 200, list.map((row) => (isRecord(row) ? toWireDoc(row as never) : row)));
}

function isRecord(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

export function createIndex(ctx: ServerContext, req: WireRequest, db: FakeDatabase, collection: string, role: Role): WireResponse {
  const denied = forbidsWrite(role, ctx.quirks, true);
  if (denied) return denied;
  const body = readObjectBody(ctx, req.body);
  if (!body.ok) return body.response;
  const { field, fields } = body.value;
  const list = field !== undefined ? [field] : Array.isArray(fields) ? fields : [];
  if (list.some((f) => typeof f !== 'string')) {
    return mistake(ctx.quirks, 400, ctx.quirks.serverErrorStatuses ? 'std::get: wrong index for variant' : 'Index fields must be strings.');
  }
  if (!db.hasCollection(collection)) return mistake(ctx.quirks, 404, `Collection not found: ${collection}`);
  if (list.length > 0) {
    const coll = db.db.collection(collection);
    const wanted = (list as string[]).join(',');
    // Same index again is a no-op (seq 281); `unique` is ignored like the real server does (seq 284).
    if (!coll.listIndexes().some((ix) => ix.fields.join(',') === wanted)) {
      try {
        coll.createIndex(list as string[]);
      } catch (e) {
        return engineFailure(ctx, e);
      }
      ctx.changed();
    }
  }
  return text(200, 'Index creation initiated.');
}

export function stats(ctx: ServerContext, db: FakeDatabase): WireResponse {
  return json(ctx.quirks, 200, {
    feedback_entries: db.count('knowledge_feedback'),
    total_accesses: 0,
    total_docs: db.count('knowledge'),
  });
}

export function feedback(ctx: ServerContext, req: WireRequest, db: FakeDatabase, role: Role): WireResponse {
  const denied = forbidsWrite(role, ctx.quirks, true);
  if (denied) return denied;
  const body = readObjectBody(ctx, req.body);
  if (!body.ok) return body.response;
  if (!db.hasCollection('knowledge_feedback')) return mistake(ctx.quirks, 404, 'Collection not found: knowledge_feedback');
  const id = ctx.nextId();
  const { _id: _ignored, ...fields } = body.value;
  try {
    db.putDoc('knowledge_feedback', id, fields);
  } catch (e) {
    return engineFailure(ctx, e);
  }
  ctx.changed();
  return text(201, `Feedback created with ID: ${id}`);
}
