// Mirrors tissdb-wire.md §6: `_begin` / `_commit` / `_rollback`, their exact answers, and the real
// server's non-atomic commit (operations before a failing one stay applied, answer 400
// "Invalid JSON body.", transaction left open). With `nonAtomicCommit` off a commit is all or nothing.
import type { ServerContext } from './context';
import { readJsonBody } from './context';
import type { FakeDatabase, Transaction } from './database';
import { json, text } from './wire';
import type { WireRequest, WireResponse } from './wire';

const INVALID_BODY = text(400, 'Invalid JSON body.');

export function begin(ctx: ServerContext, db: FakeDatabase): WireResponse {
  return json(ctx.quirks, 200, { transaction_id: db.begin() });
}

/** The transaction id of a commit/rollback body, or the 400 the real server sends. */
function transactionIdOf(ctx: ServerContext, body: string): number | WireResponse {
  const read = readJsonBody(ctx, body);
  if (!read.ok) return INVALID_BODY;
  const value = read.value;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return INVALID_BODY;
  if (!Object.hasOwn(value, 'transaction_id')) return text(400, 'Missing transaction_id in request body.');
  const id = (value as { transaction_id: unknown }).transaction_id;
  return typeof id === 'number' && Number.isFinite(id) ? Math.trunc(id) : INVALID_BODY;
}

export function commit(ctx: ServerContext, req: WireRequest, db: FakeDatabase): WireResponse {
  const id = transactionIdOf(ctx, req.body);
  if (typeof id !== 'number') return id;
  const tx = db.activeTransaction(id);
  if (tx === undefined) return json(ctx.quirks, 200, { success: false });
  const failure = ctx.quirks.nonAtomicCommit ? applyInOrder(db, tx) : applyAtomically(db, tx);
  if (failure !== undefined) {
    ctx.changed();
    return ctx.quirks.nonAtomicCommit ? INVALID_BODY : text(409, `Transaction ${id} not committed: ${failure}`);
  }
  tx.active = false;
  ctx.changed();
  return json(ctx.quirks, 200, { success: true });
}

function applyInOrder(db: FakeDatabase, tx: Transaction): string | undefined {
  try {
    for (const op of tx.ops) db.applyOp(op);
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}

function applyAtomically(db: FakeDatabase, tx: Transaction): string | undefined {
  try {
    db.db.transaction(() => {
      for (const op of tx.ops) db.applyOp(op);
    });
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}

export function rollback(ctx: ServerContext, req: WireRequest, db: FakeDatabase): WireResponse {
  const id = transactionIdOf(ctx, req.body);
  if (typeof id !== 'number') return id;
  const tx = db.transactions.get(id);
  if (tx !== undefined) tx.active = false;
  return json(ctx.quirks, 200, { success: true }); // always, even for unknown ids (seq 324)
}
