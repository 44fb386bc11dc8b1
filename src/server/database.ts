// One fake TissDB database: a TissDBLite holding its collections plus the per-database transaction
// counter and buffers (tissdb-wire.md §6). Documents are kept exactly as the wire sent them; the
// engine's `_createdDate`/`_updatedDate` never reach the wire because the real server has neither.
import { TissDBLite } from '../core';
import type { Doc } from '../core';

export type TxOp =
  | { kind: 'put'; collection: string; id: string; doc: Doc }
  | { kind: 'delete'; collection: string; id: string };

export interface Transaction {
  active: boolean;
  ops: TxOp[];
}

const SYSTEM_FIELDS = new Set(['_createdDate', '_updatedDate']);
// A client's own `_createdDate`/`_updatedDate` (e.g. a TissDBLite export loaded into TissDB) are
// ordinary fields on the real server, but the engine owns those names and would overwrite them, so
// they are stored under these names and renamed back on the way out.
const ESCAPE = '\u0001';

/** The wire fields as the engine stores them (system-field names moved aside). */
export function toStoredFields(fields: Doc): Doc {
  const out: Doc = {};
  for (const [key, value] of Object.entries(fields)) out[SYSTEM_FIELDS.has(key) ? ESCAPE + key : key] = value;
  return out;
}

/**
 * A stored document as the wire shows it: `_id` plus the fields, without the engine's timestamps
 * (always Dates, which JSON bodies can't produce) and with a client's own fields of those names back.
 */
export function toWireDoc(doc: Doc): Doc {
  const out: Doc = {};
  for (const [key, value] of Object.entries(doc)) {
    if (SYSTEM_FIELDS.has(key) && value instanceof Date) continue;
    out[key.startsWith(ESCAPE) && SYSTEM_FIELDS.has(key.slice(1)) ? key.slice(1) : key] = value;
  }
  return out;
}

export class FakeDatabase {
  readonly transactions = new Map<number, Transaction>();
  nextTransactionId = 1;

  constructor(readonly db: TissDBLite = new TissDBLite()) {}

  hasCollection(name: string): boolean {
    return this.db.hasCollection(name);
  }

  collectionNames(): string[] {
    return this.db.listCollections();
  }

  getDoc(collection: string, id: string): Doc | undefined {
    if (!this.db.hasCollection(collection)) return undefined;
    const doc = this.db.collection(collection).get(id) as Doc | undefined;
    return doc === undefined ? undefined : toWireDoc(doc);
  }

  /** PUT semantics: the whole document is replaced, `_id` comes from the URL. */
  putDoc(collection: string, id: string, body: Doc): void {
    const coll = this.db.collection(collection);
    const { _id: _ignored, ...fields } = body;
    const stored = toStoredFields(fields);
    if (coll.get(id) === undefined) coll.insert({ ...stored, _id: id });
    else coll.replace(id, stored);
  }

  deleteDoc(collection: string, id: string): boolean {
    if (!this.db.hasCollection(collection)) return false;
    return this.db.collection(collection).remove(id) > 0;
  }

  count(collection: string): number {
    return this.db.hasCollection(collection) ? this.db.collection(collection).size : 0;
  }

  begin(): number {
    const id = this.nextTransactionId++;
    this.transactions.set(id, { active: true, ops: [] });
    return id;
  }

  activeTransaction(id: number): Transaction | undefined {
    const tx = this.transactions.get(id);
    return tx?.active ? tx : undefined;
  }

  /** GET inside a transaction: its own buffered writes and deletes win over committed state. */
  readInTransaction(tx: Transaction, collection: string, id: string): Doc | undefined {
    for (let i = tx.ops.length - 1; i >= 0; i--) {
      const op = tx.ops[i] as TxOp;
      if (op.collection !== collection || op.id !== id) continue;
      return op.kind === 'put' ? { ...op.doc, _id: id } : undefined;
    }
    return this.getDoc(collection, id);
  }

  applyOp(op: TxOp): void {
    if (!this.db.hasCollection(op.collection)) throw new Error(`Collection not found: ${op.collection}`);
    if (op.kind === 'put') this.putDoc(op.collection, op.id, op.doc);
    else this.deleteDoc(op.collection, op.id);
  }
}
