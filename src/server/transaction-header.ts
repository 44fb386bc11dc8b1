// Mirrors tissdb-wire.md §6: `X-Transaction-ID` is read like C++ `std::stoll`: a non-numeric value
// is ignored (the write happens at once), `-1` means "no transaction", anything else must name an
// active transaction of this database or the write fails.
import type { FakeDatabase, Transaction } from './database';
import type { ServerContext } from './context';
import { mistake, text } from './wire';
import type { WireRequest, WireResponse } from './wire';

export type TxLookup =
  | { kind: 'none' }
  | { kind: 'active'; tx: Transaction }
  | { kind: 'inactive'; id: number }
  | { kind: 'invalid'; response: WireResponse };

export function lookupTransaction(ctx: ServerContext, db: FakeDatabase, req: WireRequest): TxLookup {
  const header = req.headers['x-transaction-id'];
  if (header === undefined) return { kind: 'none' };
  const prefix = /^\s*[+-]?\d+/.exec(header)?.[0];
  if (prefix === undefined) {
    if (ctx.quirks.serverErrorStatuses) return { kind: 'none' };
    return { kind: 'invalid', response: text(400, `Invalid X-Transaction-ID header: ${header}`) };
  }
  const id = Number(prefix);
  if (id === -1) return { kind: 'none' };
  const tx = db.activeTransaction(id);
  return tx === undefined ? { kind: 'inactive', id } : { kind: 'active', tx };
}

/** The answer for a write naming a finished or unknown transaction (seq 318, 326). */
export function notActive(ctx: ServerContext, id: number): WireResponse {
  const message = ctx.quirks.serverErrorStatuses
    ? 'Cannot add operation: transaction is not active.'
    : `Cannot add operation: transaction ${id} is not active.`;
  return mistake(ctx.quirks, 409, message);
}
