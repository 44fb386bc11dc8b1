// A client for the TissDB REST API (tissdb-wire.md §3) over the standard fetch. No `node:` imports.
import { TissDBLiteError, findIn } from '../core';
import type { Doc, Filter } from '../core';
import { bindParams } from './bind-params';
import type { BulkInsertOptions, TissDBClientOptions, TissDBFindOptions } from './client-options';
import { decodeTissDBDocument, encodeTissDBDocument } from './codec';
import { TissDBError } from './errors';
import { planFind } from './find-plan';
import { readResponseJson } from './response-read';
import { send } from './transport';
import type { FetchLike, TransportOptions, WireAnswer, WireCall } from './transport';
import { urlSegment } from './url-segment';
import { compareBytewise } from './wire-json-write';
import { WriteGate, gateFor } from './write-gate';

interface Shared {
  transport: TransportOptions;
  gate: WriteGate;
  options: TissDBClientOptions;
  /** The server's TissQL dialect, once an answer told it (the real server never announces one). */
  dialect?: 'tissdb' | 'tissql';
}

function parseMode(mode: string | undefined): { strings: 'raw' | 'json'; dialect: 'tissdb' | 'tissql' } {
  return {
    strings: mode !== undefined && /strings=json/.test(mode) ? 'json' : 'raw',
    dialect: mode !== undefined && /dialect=tissql/.test(mode) ? 'tissql' : 'tissdb',
  };
}

export class TissDBClient {
  readonly database: string;
  #shared: Shared;
  #transactionId: number | undefined;

  constructor(options: TissDBClientOptions) {
    this.database = urlSegment(options.database, 'database', 'constructor');
    this.#shared = createShared(options);
  }

  /** Set on the view `transaction(fn)` hands to `fn`: every document request carries it. */
  get transactionId(): number | undefined {
    return this.#transactionId;
  }

  /** The same client (transport, write gate, learned server flavour) inside transaction `id`. */
  #view(id: number): TissDBClient {
    const view = new TissDBClient(this.#shared.options);
    view.#shared = this.#shared;
    view.#transactionId = id;
    return view;
  }

  // ---- databases, collections, health ------------------------------------------------------------

  /** `GET /_health`: true when the server answers 200 "OK". Never throws. */
  async health(): Promise<boolean> {
    try {
      const answer = await this.#call({ method: 'GET', path: '/_health', idempotent: true });
      return answer.body === 'OK';
    } catch {
      return false;
    }
  }

  async listDatabases(): Promise<string[]> {
    return this.#json({ method: 'GET', path: '/_databases', idempotent: true }) as Promise<string[]>;
  }

  /** `PUT /{db}`. Throws DATABASE_EXISTS unless `{ existOk: true }`. */
  async createDatabase(options: { existOk?: boolean } = {}): Promise<boolean> {
    try {
      await this.#write({ method: 'PUT', path: `/${this.database}`, idempotent: false });
      return true;
    } catch (e) {
      if (options.existOk && e instanceof TissDBError && e.code === 'DATABASE_EXISTS') return false;
      throw e;
    }
  }

  async deleteDatabase(): Promise<void> {
    await this.#write({ method: 'DELETE', path: `/${this.database}`, idempotent: false });
  }

  /** `PUT /{db}/{c}`: true when created, false when it already existed. */
  async createCollection(collection: string): Promise<boolean> {
    const answer = await this.#write({ method: 'PUT', path: this.#path(collection, 'createCollection'), idempotent: true });
    return answer.status === 201;
  }

  /** `DELETE /{db}/{c}`: true when dropped, false when there was no such collection. */
  async deleteCollection(collection: string): Promise<boolean> {
    const answer = await this.#write({ method: 'DELETE', path: this.#path(collection, 'deleteCollection'), idempotent: false, accept: ['COLLECTION_NOT_FOUND'] });
    return answer.status === 204;
  }

  async listCollections(): Promise<string[]> {
    return this.#json({ method: 'GET', path: `/${this.database}/_collections`, idempotent: true }) as Promise<string[]>;
  }

  // ---- documents ----------------------------------------------------------------------------------

  /**
   * Stores `doc` and returns its id. Without `_id` the server generates one (POST); with `_id` the
   * document is PUT under that id (the server would ignore a body `_id` on POST), replacing any
   * document already stored there.
   */
  async insert(collection: string, doc: object): Promise<string> {
    const id = (doc as { _id?: unknown })._id;
    if (id !== undefined) {
      await this.put(collection, String(id), doc);
      return String(id);
    }
    const body = JSON.stringify(this.#encode(doc));
    const answer = await this.#write({ method: 'POST', path: this.#path(collection, 'insert'), body, idempotent: false, transactionId: this.transactionId });
    const parsed = readResponseJson(answer.body) as { id?: unknown };
    if (typeof parsed.id !== 'string') throw this.#invalid('POST', collection, answer);
    return parsed.id;
  }

  /** `GET /{db}/{c}/{id}`: the document with `_id`, or null (missing document or collection). */
  async get(collection: string, id: string): Promise<Doc | null> {
    const path = this.#path(collection, 'get', id);
    const answer = await this.#call({ method: 'GET', path, idempotent: true, accept: ['DOCUMENT_NOT_FOUND'], transactionId: this.transactionId });
    if (answer.code === 'DOCUMENT_NOT_FOUND') return null;
    return decodeTissDBDocument(this.#read(answer));
  }

  /** `PUT /{db}/{c}/{id}`: replaces the whole document (no merge). */
  async put(collection: string, id: string, doc: object): Promise<void> {
    const body = JSON.stringify(this.#encode(doc));
    await this.#write({ method: 'PUT', path: this.#path(collection, 'put', id), body, idempotent: true, transactionId: this.transactionId });
  }

  /** `DELETE /{db}/{c}/{id}`: false when there was nothing to delete (inside a transaction always true). */
  async delete(collection: string, id: string): Promise<boolean> {
    const path = this.#path(collection, 'delete', id);
    const answer = await this.#write({ method: 'DELETE', path, idempotent: false, accept: ['DOCUMENT_NOT_FOUND'], transactionId: this.transactionId });
    return answer.status === 204;
  }

  /** `POST /{db}/{c}/_index` with one field or a compound list. */
  async createIndex(collection: string, fields: string | string[]): Promise<void> {
    const body = JSON.stringify(typeof fields === 'string' ? { field: fields } : { fields });
    await this.#write({ method: 'POST', path: `${this.#path(collection, 'createIndex')}/_index`, body, idempotent: true });
  }

  // ---- queries ------------------------------------------------------------------------------------

  /**
   * Runs TissQL on the server; `?` placeholders are bound on the client with safe quoting (the
   * server takes no parameters). Rows are decoded like documents. The server ignores transactions here.
   */
  async query(collection: string, tissql: string, params: readonly unknown[] = []): Promise<Doc[]> {
    const dialect = await this.#dialect();
    const query = bindParams(tissql, params, { timestampStrings: dialect === 'tissdb' ? 'refuse' : 'allow' });
    const readOnly = /^\s*select\b/i.test(query);
    const call: WireCall = {
      method: 'POST',
      path: `${this.#path(collection, 'query')}/_query`,
      body: JSON.stringify({ query }),
      idempotent: readOnly,
      context: 'query',
    };
    const answer = readOnly ? await this.#call(call) : await this.#write(call);
    const rows = this.#read(answer);
    if (!Array.isArray(rows)) throw this.#invalid('POST', collection, answer);
    return rows.map((row) => decodeTissDBDocument(row));
  }

  /**
   * Mongo-style find with exactly `collection.find(filter, options)`'s result on a TissDBLite holding
   * the same documents (natural order = `_id` order, the server's scan order): the part the server
   * evaluates right is sent as TissQL, the rest is applied here. The pushed-down WHERE assumes the
   * filtered fields hold scalars (the server never matches inside arrays); for filters on array
   * fields pass `{ pushdown: false }`.
   */
  async find(collection: string, filter: Filter = {}, options: TissDBFindOptions = {}): Promise<Doc[]> {
    const { pushdown = true, ...findOptions } = options;
    const reversible = this.#shared.options.reversible ?? false;
    const plan = planFind(collection, filter, findOptions, { pushdown, reversible, dialect: await this.#dialect() });
    const rows = await this.query(collection, plan.query);
    rows.sort((a, b) => compareBytewise(String(a._id), String(b._id)));
    return findIn(rows, plan.clientSide.filter, plan.clientSide.options);
  }

  /** Every document of the collection, in `_id` order. */
  async exportCollection(collection: string): Promise<Doc[]> {
    return this.query(collection, `SELECT * FROM ${urlSegment(collection, 'collection', 'exportCollection')}`);
  }

  /**
   * Inserts `docs` with at most `concurrency` requests in flight (each still passes the write gate)
   * and returns the ids in input order. Not atomic: on failure the documents already stored stay.
   */
  async bulkInsert(collection: string, docs: readonly object[], options: BulkInsertOptions = {}): Promise<string[]> {
    const concurrency = Math.max(1, Math.floor(options.concurrency ?? 1));
    const ids = new Array<string>(docs.length);
    let next = 0;
    let done = 0;
    let failure: unknown;
    const worker = async (): Promise<void> => {
      while (failure === undefined && next < docs.length) {
        const index = next++;
        try {
          ids[index] = await this.insert(collection, docs[index] as object);
        } catch (e) {
          failure ??= e;
          return;
        }
        options.onProgress?.({ done: ++done, total: docs.length });
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, docs.length) }, worker));
    if (failure !== undefined) throw failure;
    return ids;
  }

  /**
   * `_begin`, then `fn` with a view of this client whose document requests carry
   * `X-Transaction-ID`, then `_commit`; `_rollback` if `fn` throws or the commit fails. Queries are
   * not transactional on TissDB (the server ignores the header there).
   */
  async transaction<T>(fn: (tx: TissDBClient) => Promise<T>): Promise<T> {
    const begun = await this.#json({ method: 'POST', path: `/${this.database}/_begin`, idempotent: false });
    const id = (begun as { transaction_id?: unknown }).transaction_id;
    if (typeof id !== 'number') throw new TissDBLiteError('INVALID_QUERY', `TissDBClient.transaction: _begin answered ${JSON.stringify(begun)}`);
    const view = this.#view(id);
    let result: T;
    try {
      result = await fn(view);
    } catch (e) {
      await this.#finish('_rollback', id).catch(() => undefined);
      throw e;
    }
    try {
      const answer = await this.#finish('_commit', id);
      const success = (readResponseJson(answer.body) as { success?: unknown }).success;
      if (success !== true) {
        throw new TissDBError({ status: answer.status, body: answer.body, code: 'TRANSACTION_FAILED', method: 'POST', url: `/${this.database}/_commit`, message: `transaction ${id} was not active` });
      }
    } catch (e) {
      await this.#finish('_rollback', id).catch(() => undefined);
      throw e;
    }
    return result;
  }

  // ---- internals ----------------------------------------------------------------------------------

  #finish(endpoint: '_commit' | '_rollback', id: number): Promise<WireAnswer> {
    const call: WireCall = {
      method: 'POST',
      path: `/${this.database}/${endpoint}`,
      body: JSON.stringify({ transaction_id: id }),
      idempotent: endpoint === '_rollback',
      context: 'commit',
    };
    return this.#write(call);
  }

  #path(collection: string, operation: string, id?: string): string {
    const c = urlSegment(collection, 'collection', operation);
    return id === undefined ? `/${this.database}/${c}` : `/${this.database}/${c}/${urlSegment(id, 'id', operation)}`;
  }

  #encode(doc: object): object {
    return encodeTissDBDocument(doc, { reversible: this.#shared.options.reversible ?? false });
  }

  /** The dialect option, or what the server announced; one `GET /_health` asks when nothing has yet. */
  async #dialect(): Promise<'tissdb' | 'tissql'> {
    const configured = this.#shared.options.dialect ?? 'auto';
    if (configured !== 'auto') return configured;
    if (this.#shared.dialect === undefined) await this.health();
    return this.#shared.dialect ?? 'tissdb';
  }

  #read(answer: WireAnswer): unknown {
    const configured = this.#shared.options.responseStrings ?? 'auto';
    try {
      return readResponseJson(answer.body, configured === 'auto' ? parseMode(answer.mode).strings : configured);
    } catch (e) {
      throw new TissDBError({ status: answer.status, body: answer.body, code: 'INVALID_RESPONSE', method: '?', url: this.#shared.transport.baseUrl, message: `unreadable response: ${(e as Error).message}`, cause: e });
    }
  }

  #invalid(method: string, collection: string, answer: WireAnswer): TissDBError {
    return new TissDBError({ status: answer.status, body: answer.body, code: 'INVALID_RESPONSE', method, url: `/${this.database}/${collection}` });
  }

  async #json(call: WireCall): Promise<unknown> {
    const answer = call.method === 'GET' ? await this.#call(call) : await this.#write(call);
    return this.#read(answer);
  }

  #call(call: WireCall): Promise<WireAnswer> {
    return send(this.#shared.transport, call);
  }

  #write(call: WireCall): Promise<WireAnswer> {
    return this.#shared.gate.run(() => send(this.#shared.transport, call));
  }
}

function createShared(options: TissDBClientOptions): Shared {
  const baseUrl = String(options.baseUrl).replace(/\/+$/, '');
  const global = globalThis.fetch as unknown as FetchLike | undefined;
  // Called unbound, browsers' fetch throws "Illegal invocation".
  const fetchImpl: FetchLike | undefined = options.fetch ?? (global === undefined ? undefined : (url, init) => global(url, init));
  if (fetchImpl === undefined) throw new TissDBLiteError('INVALID_ARGUMENT', 'TissDBClient: no global fetch; pass options.fetch');
  const transport: TransportOptions = {
    baseUrl,
    token: options.token,
    fetch: fetchImpl,
    timeoutMs: options.timeoutMs ?? 30_000,
    retries: options.retries ?? 2,
    retryDelayMs: options.retryDelayMs ?? 100,
  };
  const shared: Shared = { transport, gate: gateFor(baseUrl, options.maxConcurrentWrites ?? 1), options };
  transport.onMode = (mode) => {
    shared.dialect = parseMode(mode).dialect;
  };
  return shared;
}
