/** Shared state of one statement's run, and how documents are read for each dialect. */
import type { Dialect } from './ast';
import type { EvalContext } from './evaluate';
import { compareBytes } from './server-values';
import type { DataSource, Row } from './source';
import { put } from './put';

export interface RunContext {
  source: DataSource;
  dialect: Dialect;
  params: readonly unknown[];
  now: Date;
  /** 'tissdb' only: makes the INSERT ids (random unsigned 64-bit integers as decimal strings). */
  randomId: () => string;
}

export function evalContext(ctx: RunContext, extra: Partial<EvalContext> = {}): EvalContext {
  return { dialect: ctx.dialect, params: ctx.params, now: ctx.now, ...extra };
}

/**
 * The real server has no `_createdDate`/`_updatedDate`; the core adds them to every document, so
 * the 'tissdb' dialect hides them (only when they are the engine's Dates).
 */
export function hideSystemDates(doc: Row): Row {
  if (!(doc['_createdDate'] instanceof Date) && !(doc['_updatedDate'] instanceof Date)) return doc;
  const copy: Row = {};
  for (const [k, v] of Object.entries(doc)) {
    if ((k === '_createdDate' || k === '_updatedDate') && v instanceof Date) continue;
    put(copy, k, v);
  }
  return copy;
}

/** A full scan as the server does it: every document, ordered by `_id` bytewise (§5.2). */
export function serverScan(ctx: RunContext, collection: string): Row[] {
  if (!ctx.source.hasCollection(collection)) return [];
  return ctx.source
    .find(collection, {})
    .map(hideSystemDates)
    .sort((a, b) => compareBytes(String(a['_id']), String(b['_id'])));
}

/** Keys sorted bytewise, as the server's ordered-map JSON objects are. */
export function sortKeys(row: Row): Row {
  const out: Row = {};
  for (const k of Object.keys(row).sort(compareBytes)) put(out, k, row[k]);
  return out;
}

export function idOf(row: Row): string {
  const id = row['_id'];
  return typeof id === 'string' ? id : String(id);
}

/** `(Math.random)`-based: src/tissql may not import node:crypto, and these ids are not secrets. */
export function randomUint64String(): string {
  const hi = BigInt(Math.floor(Math.random() * 2 ** 32));
  const lo = BigInt(Math.floor(Math.random() * 2 ** 32));
  return ((hi << 32n) | lo).toString();
}
