/**
 * INSERT, UPDATE and DELETE over a DataSource.
 * 'tissql': `{ affected }`; a missing collection is COLLECTION_NOT_FOUND; constant SETs with a
 * Mongo-expressible WHERE become one `updateMany`, anything else is evaluated per document.
 * 'tissdb' (tissdb-wire.md §5.2-5.3): summary rows; UPDATE/DELETE on a missing collection count 0,
 * INSERT into one fails ("Collection not found: x"); SET values are computed from the original
 * document; a typed date or time can't be assigned (an existing field stays, a new one is null).
 */
import type { CompiledDelete, CompiledInsert, CompiledUpdate } from './compiled';
import { TissDBLiteError } from './errors';
import { evaluate, matches } from './evaluate';
import type { RunContext } from './run-context';
import { evalContext, idOf, serverScan } from './run-context';
import { isInterval, isTemporal } from './server-values';
import type { Row } from './source';
import { put } from './put';

function missing(op: string, collection: string, serverMessage?: string): TissDBLiteError {
  return new TissDBLiteError('COLLECTION_NOT_FOUND', `TissQL ${op}: collection '${collection}' does not exist`, {
    collection,
    ...(serverMessage === undefined ? {} : { serverMessage }),
  });
}

export function runInsert(q: CompiledInsert, ctx: RunContext): Row[] | { affected: number } {
  if (!ctx.source.hasCollection(q.collection)) {
    throw missing('INSERT', q.collection, `Collection not found: ${q.collection}`);
  }
  if (ctx.dialect === 'tissql') {
    for (const row of q.rows) ctx.source.insert(q.collection, row);
    return { affected: q.rows.length };
  }
  const id = ctx.randomId();
  const { _id: _ignored, ...fields } = q.rows[0] ?? {};
  ctx.source.insert(q.collection, { ...fields, _id: id });
  return [{ _id: 'summary', inserted_count: 1, inserted_id: id }];
}

/** Documents a WHERE selects when it isn't a Mongo filter (or in 'tissdb', always). */
function targets(ctx: RunContext, collection: string, filter: Record<string, unknown> | null, where: CompiledUpdate['where']): Row[] {
  if (ctx.dialect === 'tissdb') {
    const docs = serverScan(ctx, collection);
    const ectx = evalContext(ctx);
    return where === null ? docs : docs.filter((d) => matches(where, d, ectx));
  }
  const docs = ctx.source.find(collection, filter ?? {});
  if (filter !== null || where === null) return docs;
  const ectx = evalContext(ctx);
  return docs.filter((d) => matches(where, d, ectx));
}

export function runUpdate(q: CompiledUpdate, ctx: RunContext): Row[] | { affected: number } {
  const server = ctx.dialect === 'tissdb';
  if (!ctx.source.hasCollection(q.collection)) {
    if (server) return [{ _id: 'summary', updated_count: 0 }];
    throw missing('UPDATE', q.collection);
  }
  if (!server && q.set.some((s) => s.field === '_id' || s.field.startsWith('_id.'))) {
    throw new TissDBLiteError('INVALID_QUERY', `TissQL UPDATE ${q.collection}: _id can't be changed`, { collection: q.collection });
  }
  if (!server && q.filter !== null && q.update !== null) {
    return { affected: ctx.source.updateMany(q.collection, q.filter, q.update.$set) };
  }
  const docs = targets(ctx, q.collection, q.filter, q.where);
  const ectx = evalContext(ctx);
  const changes = docs.map((doc) => {
    const fields: Record<string, unknown> = {};
    for (const s of q.set) {
      const value = evaluate(s.expr, doc, ectx);
      if (!server) put(fields, s.field, value === undefined ? null : value);
      else if (isTemporal(value) || isInterval(value)) {
        if (!Object.hasOwn(doc, s.field)) put(fields, s.field, null);
      } else if (s.field !== '_id') put(fields, s.field, value);
    }
    return { id: idOf(doc), fields };
  });
  for (const c of changes) ctx.source.setFields(q.collection, c.id, c.fields);
  return server ? [{ _id: 'summary', updated_count: changes.length }] : { affected: changes.length };
}

export function runDelete(q: CompiledDelete, ctx: RunContext): Row[] | { affected: number } {
  const server = ctx.dialect === 'tissdb';
  if (!ctx.source.hasCollection(q.collection)) {
    if (server) return [{ _id: 'summary', deleted_count: 0 }];
    throw missing('DELETE', q.collection);
  }
  if (!server && q.filter !== null) return { affected: ctx.source.removeMany(q.collection, q.filter) };
  const ids = targets(ctx, q.collection, q.filter, q.where).map(idOf);
  const removed = ids.length === 0 ? 0 : ctx.source.removeMany(q.collection, { _id: { $in: ids } });
  return server ? [{ _id: 'summary', deleted_count: removed }] : { affected: removed };
}
