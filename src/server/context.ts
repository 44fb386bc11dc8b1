import { readTissDBJson } from '../tissdb';
import type { Doc } from '../core';
import type { FakeDatabase } from './database';
import type { ResolvedAuth } from './options';
import type { QuirkSwitches } from './quirks';
import { mistake, text } from './wire';
import type { WireResponse } from './wire';

/** Everything a route may touch; one per server (or mounted handler). */
export interface ServerContext {
  readonly quirks: QuirkSwitches;
  readonly auth: ResolvedAuth;
  readonly databases: Map<string, FakeDatabase>;
  readonly nextId: () => string;
  /** Serve the browser page at GET /_ui (off by default: the real server has no such route). */
  readonly ui: boolean;
  /** Called after every change, so snapshots are only written when there is something new. */
  readonly changed: () => void;
}

export type BodyResult = { ok: true; value: unknown } | { ok: false; response: WireResponse };

/** Reads a JSON body the way the mode says: the real server's reader, or standard JSON with 400s. */
export function readJsonBody(ctx: ServerContext, body: string): BodyResult {
  if (ctx.quirks.lenientJsonReader) {
    const read = readTissDBJson(body);
    return read.ok ? { ok: true, value: read.value } : { ok: false, response: mistake(ctx.quirks, 400, read.error) };
  }
  if (body.trim() === '') return { ok: false, response: text(400, 'Request body is empty.') };
  try {
    return { ok: true, value: JSON.parse(body) as unknown };
  } catch (e) {
    return { ok: false, response: text(400, `Invalid JSON body: ${(e as Error).message}`) };
  }
}

export type ObjectBodyResult = { ok: true; value: Doc } | { ok: false; response: WireResponse };

/** A body that must be a JSON object (documents, index and commit requests). */
export function readObjectBody(ctx: ServerContext, body: string): ObjectBodyResult {
  const read = readJsonBody(ctx, body);
  if (!read.ok) return read;
  const value = read.value;
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) return { ok: true, value: value as Doc };
  const message = ctx.quirks.serverErrorStatuses ? 'std::get: wrong index for variant' : 'Request body must be a JSON object.';
  return { ok: false, response: mistake(ctx.quirks, 400, message) };
}

/** The database a path names, or the answer for a missing one (500 on the real server, 404 fixed). */
export function findDatabase(ctx: ServerContext, name: string): FakeDatabase | WireResponse {
  return ctx.databases.get(name) ?? mistake(ctx.quirks, 404, `Database '${name}' not found.`);
}

/** Engine errors (invalid keys, duplicate ids ...) become the answer a client mistake gets. */
export function engineFailure(ctx: ServerContext, error: unknown): WireResponse {
  return mistake(ctx.quirks, 400, error instanceof Error ? error.message : String(error));
}
