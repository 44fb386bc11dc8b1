/**
 * Replays shared/tissdb/transcripts.jsonl (beside the checkout) into TissDBLite databases: document and
 * collection writes (with X-Transaction-ID buffering and commit), and every TissQL statement
 * through `db.sql(..., { dialect: 'tissdb' })`, collecting what we answered next to what the
 * real server answered.
 */
import { loadTranscripts, type Exchange } from './transcripts';
import { TissDBLite } from '../../src/core/index';
import { isTissDBLiteError } from '../../src/tissql/errors';
import { writeTissDBJson } from '../../src/tissdb';

export interface QueryOutcome {
  seq: number;
  name: string;
  query: string;
  expectedStatus: number;
  expected: string;
  status: number;
  actual: string;
}


function bodyOf(x: Exchange): string | null {
  if (x.body !== null) return x.body;
  if (x.raw_request === undefined) return null;
  const at = x.raw_request.indexOf('\r\n\r\n');
  return at < 0 ? null : x.raw_request.slice(at + 4);
}

function header(x: Exchange, name: string): string | undefined {
  for (const [k, v] of Object.entries(x.headers ?? {})) if (k.toLowerCase() === name) return v;
  return undefined;
}

type Op = { kind: 'put'; coll: string; id: string; doc: Record<string, unknown> } | { kind: 'delete'; coll: string; id: string };

function applyOp(db: TissDBLite, op: Op): void {
  if (!db.hasCollection(op.coll)) throw new Error(`Collection not found: ${op.coll}`);
  const c = db.collection(op.coll);
  if (op.kind === 'delete') {
    c.remove(op.id);
    return;
  }
  const { _id: _ignored, ...fields } = op.doc;
  if (c.get(op.id)) c.replace(op.id, fields as Record<string, never>);
  else c.insert({ ...(fields as Record<string, never>), _id: op.id });
}

export function replayTranscripts(lastSeq = 360): QueryOutcome[] {
  const dbs = new Map<string, TissDBLite>();
  const txs = new Map<string, Op[]>();
  const outcomes: QueryOutcome[] = [];
  for (const x of loadTranscripts()) {
    if (x.seq > lastSeq) break;
    const parts = x.path.split('?')[0]?.split('/').filter((p) => p !== '') ?? [];
    const [dbName, coll, id] = parts as [string?, string?, string?];
    if (dbName === undefined) continue;
    const ok = x.status >= 200 && x.status < 300;
    if (x.method === 'PUT' && parts.length === 1 && x.status === 201) dbs.set(dbName, new TissDBLite());
    if (x.method === 'DELETE' && parts.length === 1 && x.status === 204) dbs.delete(dbName);
    const db = dbs.get(dbName);
    if (db === undefined || coll === undefined) continue;
    const txHeader = header(x, 'x-transaction-id');
    const tx = txHeader !== undefined && /^\d+$/.test(txHeader) ? `${dbName}:${txHeader}` : undefined;
    if (coll === '_query' || id === '_query') {
      const query = statementOf(x);
      if (x.method === 'POST' && query !== undefined) outcomes.push(runQuery(db, x, query));
      continue;
    }
    if (coll === '_begin' && ok) {
      txs.set(`${dbName}:${JSON.parse(x.response).transaction_id}`, []);
      continue;
    }
    if ((coll === '_commit' || coll === '_rollback') && x.method === 'POST') {
      const key = `${dbName}:${JSON.parse(bodyOf(x) ?? '{}').transaction_id}`;
      const ops = txs.get(key);
      if (coll === '_commit' && ops !== undefined) {
        while (ops.length > 0) {
          try {
            applyOp(db, ops[0] as Op);
          } catch {
            break;
          }
          ops.shift();
        }
        if (ops.length === 0) txs.delete(key);
      } else if (coll === '_rollback') txs.delete(key);
      continue;
    }
    if (!ok) continue;
    if ((coll === '_collections' || coll === '_stats') && x.method === 'GET') continue;
    if (id === '_index' && x.method === 'POST') continue;
    let op: Op | undefined;
    if (coll === '_feedback' && x.method === 'POST') {
      const fid = /ID: (\S+)/.exec(x.response)?.[1] ?? '';
      op = { kind: 'put', coll: 'knowledge_feedback', id: fid, doc: JSON.parse(bodyOf(x) ?? '{}') };
    } else if (id === undefined) {
      if (x.method === 'PUT') db.createCollection(coll);
      if (x.method === 'DELETE') db.dropCollection(coll);
      if (x.method === 'POST') op = { kind: 'put', coll, id: JSON.parse(x.response).id, doc: JSON.parse(bodyOf(x) ?? '{}') };
    } else if (parts.length === 3 && x.method === 'PUT') {
      op = { kind: 'put', coll, id, doc: JSON.parse(bodyOf(x) ?? '{}') };
    } else if (parts.length === 3 && x.method === 'DELETE') {
      op = { kind: 'delete', coll, id };
    }
    if (op === undefined) continue;
    if (tx !== undefined && txs.has(tx)) (txs.get(tx) as Op[]).push(op);
    else if (op.kind === 'put' || db.hasCollection(op.coll)) applyOp(db, op);
  }
  return outcomes;
}

/** The TissQL text of a `_query` request; `undefined` when the body itself is what failed. */
function statementOf(x: Exchange): string | undefined {
  try {
    const query = (JSON.parse(bodyOf(x) ?? '') as { query?: unknown }).query;
    return typeof query === 'string' ? query : undefined;
  } catch {
    return undefined;
  }
}

function runQuery(db: TissDBLite, x: Exchange, query: string): QueryOutcome {
  const base = { seq: x.seq, name: x.name, query, expectedStatus: x.status, expected: x.response };
  const inserted = /"inserted_id":"(\d+)"/.exec(x.response)?.[1];
  try {
    const rows = db.sql(query, [], { dialect: 'tissdb', ...(inserted ? { randomId: () => inserted } : {}) });
    return { ...base, status: 200, actual: writeTissDBJson(rows) };
  } catch (e) {
    if (!isTissDBLiteError(e)) throw e;
    return { ...base, status: 500, actual: `Server error: ${e.serverMessage ?? e.message}` };
  }
}
