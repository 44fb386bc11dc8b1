import { Aggregator } from 'mingo';
import { TissDBLiteError } from './errors';
import { Listeners } from './events';
import { assertSafeExpression } from './guard';
import type { CollectionHost, CollectionState } from './host';
import { checkFindOptions } from './find-options';
import { normalizeIndexSpec, type NormalizedIndexSpec } from './index-specs';
import { IndexManager, aggregateFast, countMatches, projector, runFind, type IndexChange } from './query';
import type {
  ChangeEvent, ChangeListener, ChangeOp, Doc, ExplainResult, Filter, FindOptions, IndexInfo, NewDoc,
  RemoveOptions, SortSpec, Stored, UpdateOptions, UpdateResult, UpdateSpec,
} from './types';
import { prepareUpdate, upsertSeed } from './updates';
import { cloneValue, isDate, isPlainObject, toStoredDocument, type SystemValues } from './values';

/** Package-internal hooks (transactions, snapshots, imports); not part of the public API. */
export const INTERNAL: unique symbol = Symbol('tissdb-lite.collection');

export interface CollectionInternals {
  state(): CollectionState;
  restore(state: CollectionState): void;
  deliver(event: ChangeEvent): void;
  /** Stored (frozen) documents in insertion order; callers must not keep or mutate them. */
  stored(): IterableIterator<Doc>;
  put(docs: readonly Doc[], mode: 'insert' | 'upsert' | 'replace', keepDates: boolean): { inserted: number; updated: number };
}

function asDate(value: unknown): Date | undefined {
  if (isDate(value) && !Number.isNaN(value.getTime())) return new Date(value.getTime());
  if (typeof value === 'string') {
    const parsed = new Date(value);
    if (/^\d{4}-\d\d-\d\dT/.test(value) && !Number.isNaN(parsed.getTime())) return parsed;
  }
  return undefined;
}

function plainObject(value: unknown, context: string): Record<string, unknown> {
  if (!isPlainObject(value)) {
    throw new TissDBLiteError('INVALID_DOCUMENT', `${context}: expected a plain object`);
  }
  return value;
}

/**
 * A named set of documents with secondary indexes. Documents are stored as private frozen copies
 * in a Map keyed by `_id` (insertion order); reads return copies unless `clone: false` is asked for.
 *
 * @example
 * const users = db.createCollection('users', { indexes: ['city'] });
 * users.insert({ name: 'Ada', city: 'Oslo' });
 * users.find({ city: 'Oslo' }).length // -> 1
 */
export class Collection<T extends object = Doc> {
  readonly name: string;
  readonly #host: CollectionHost;
  #docs = new Map<string, Doc>();
  #indexes: IndexManager;
  readonly #listeners = new Listeners();

  constructor(name: string, host: CollectionHost, indexes: readonly NormalizedIndexSpec[] = []) {
    this.name = name;
    this.#host = host;
    this.#indexes = new IndexManager(name);
    for (const spec of indexes) this.#indexes.create(spec, []);
  }

  /** Number of documents. */
  get size(): number {
    return this.#docs.size;
  }

  #context(method: string): string {
    return `${this.name}.${method}`;
  }

  #out(doc: Doc, clone: boolean | undefined): Stored<T> {
    return ((clone ?? this.#host.cloneByDefault) ? cloneValue(doc) : doc) as unknown as Stored<T>;
  }

  /**
   * The one write path: check unique indexes, let an open transaction save state, apply, then
   * announce. Events are built only when someone listens, since inserts are a hot path.
   */
  #write(changes: IndexChange[], op: ChangeOp | ((change: IndexChange) => ChangeOp)): void {
    this.#indexes.check(changes);
    this.#host.beforeWrite(this.name);
    for (const change of changes) {
      if (change.after) this.#docs.set(change.id, change.after);
      else this.#docs.delete(change.id);
    }
    this.#indexes.apply(changes);
    if (this.#listeners.size === 0 && !this.#host.watched()) return;
    for (const change of changes) {
      const doc = (change.after ?? change.before) as Doc;
      this.#host.emit({ op: typeof op === 'string' ? op : op(change), collection: this.name, id: change.id, doc });
    }
  }

  #newStored(input: unknown, now: Date, context: string, dates?: { created?: Date | undefined; updated?: Date | undefined }): Doc {
    const fields = plainObject(input, context);
    const given = fields._id;
    if (given !== undefined && (typeof given !== 'string' || given === '')) {
      throw new TissDBLiteError('INVALID_DOCUMENT', `${context}: _id must be a non-empty string`);
    }
    return toStoredDocument(fields, context, {
      _id: given ?? this.#host.generateId(),
      _createdDate: dates?.created ?? now,
      _updatedDate: dates?.updated ?? now,
    });
  }

  /** System fields for a new version of `before`: same `_id` and creation date, updated now. */
  #system(before: Doc, now: Date): SystemValues {
    return { _id: before._id as string, _createdDate: before._createdDate as Date, _updatedDate: now };
  }

  #duplicate(id: string, context: string): TissDBLiteError {
    return new TissDBLiteError('DUPLICATE_KEY', `${context}: a document with _id "${id}" already exists in "${this.name}"`, {
      collection: this.name,
      id,
      index: '_id',
    });
  }

  /** Inserts a copy of `doc`; `_id` is kept when given, otherwise generated. */
  insert(doc: NewDoc<T>): Stored<T> {
    return this.insertMany([doc])[0] as Stored<T>;
  }

  /** Inserts all of `docs` or, if any is invalid or collides, none of them. */
  insertMany(docs: readonly NewDoc<T>[]): Stored<T>[] {
    const context = this.#context('insertMany');
    if (!Array.isArray(docs)) throw new TissDBLiteError('INVALID_ARGUMENT', `${context}: expected an array of documents`);
    const now = this.#host.now();
    const stored = docs.map((doc) => this.#newStored(doc, now, context));
    const seen = new Set<string>();
    for (const doc of stored) {
      const id = doc._id as string;
      if (this.#docs.has(id) || seen.has(id)) throw this.#duplicate(id, context);
      seen.add(id);
    }
    this.#write(
      stored.map((after) => ({ id: after._id as string, before: undefined, after })),
      'insert',
    );
    return stored.map((doc) => this.#out(doc, undefined));
  }

  /** The document with this `_id`, or undefined. */
  get(id: string, options: Pick<FindOptions, 'clone'> = {}): Stored<T> | undefined {
    const doc = this.#docs.get(id);
    return doc === undefined ? undefined : this.#out(doc, options.clone);
  }

  #run(filter: Filter | undefined, options: FindOptions | undefined, method: string) {
    const context = this.#context(method);
    const opts = checkFindOptions(options, context);
    const query: { sort?: SortSpec; skip?: number; limit?: number } = {};
    if (opts.sort !== undefined) query.sort = opts.sort;
    if (opts.skip !== undefined) query.skip = opts.skip;
    if (opts.limit !== undefined) query.limit = opts.limit;
    return { opts, result: runFind(this.#docs, this.#indexes, filter ?? {}, query) };
  }

  /** Documents matching a MongoDB filter, with optional sort, skip, limit and projection. */
  find(filter?: Filter, options?: FindOptions): Stored<T>[] {
    const { opts, result } = this.#run(filter, options, 'find');
    const clone = opts.clone ?? this.#host.cloneByDefault;
    const { projection } = opts;
    // runFind builds a fresh array, so shared (frozen) documents can go out as they are.
    if (!clone && projection === undefined) return result.docs as unknown as Stored<T>[];
    if (projection === undefined) return result.docs.map((doc) => this.#out(doc, clone));
    const project = projector(projection);
    return result.docs.map((doc) => {
      const projected = project(doc);
      return (clone ? cloneValue(projected) : Object.freeze(projected)) as unknown as Stored<T>;
    });
  }

  findOne(filter?: Filter, options?: FindOptions): Stored<T> | undefined {
    return this.find(filter, { ...options, limit: 1 })[0];
  }

  count(filter?: Filter): number {
    return countMatches(this.#docs, this.#indexes, filter ?? {});
  }

  /** How `find` would answer: the plan, the index used, documents examined and returned. */
  explain(filter?: Filter, options?: FindOptions): ExplainResult {
    const { result } = this.#run(filter, options, 'explain');
    const out: ExplainResult = { plan: result.plan, scanned: result.scanned, returned: result.docs.length };
    if (result.index !== undefined) out.index = result.index;
    if (result.indexes !== undefined) out.indexes = result.indexes;
    return out;
  }

  /**
   * Applies MongoDB update operators to the first match, or every match with `multi`. With
   * `upsert` and no match, inserts the filter's equality fields with the update applied.
   */
  update(filter: Filter, update: UpdateSpec, options: UpdateOptions = {}): UpdateResult {
    const context = this.#context('update');
    const now = this.#host.now();
    const prepared = prepareUpdate(update, now, context);
    const query: { limit?: number } = options.multi ? {} : { limit: 1 };
    const matched = runFind(this.#docs, this.#indexes, filter, query).docs;
    if (matched.length === 0) {
      return options.upsert ? this.#upsert(filter, prepared, now, context) : { matched: 0, modified: 0 };
    }
    const { docs: updated, changed } = prepared.apply(matched, filter);
    const changes: IndexChange[] = [];
    updated.forEach((copy, i) => {
      if (!changed[i]) return;
      const before = matched[i] as Doc;
      const after = toStoredDocument(copy, context, this.#system(before, now));
      changes.push({ id: before._id as string, before, after });
    });
    this.#write(changes, 'update');
    return { matched: matched.length, modified: changes.length };
  }

  #upsert(filter: Filter, prepared: ReturnType<typeof prepareUpdate>, now: Date, context: string): UpdateResult {
    const seed = { ...upsertSeed(filter), ...(prepared.onInsert ?? {}) };
    const base = toStoredDocument(seed, context);
    const [built] = prepared.apply([base], {}).docs;
    const doc = this.#newStored(built, now, context);
    const id = doc._id as string;
    if (this.#docs.has(id)) throw this.#duplicate(id, context);
    this.#write([{ id, before: undefined, after: doc }], 'insert');
    return { matched: 0, modified: 0, upsertedId: id };
  }

  /** Replaces the whole document with this `_id` (system fields are kept, `_updatedDate` bumped). */
  replace(id: string, doc: T): Stored<T> {
    const context = this.#context('replace');
    const before = this.#docs.get(id);
    if (before === undefined) {
      throw new TissDBLiteError('DOCUMENT_NOT_FOUND', `${context}: no document with _id "${id}" in "${this.name}"`, {
        collection: this.name,
        id,
      });
    }
    const fields = plainObject(doc, context);
    if (fields._id !== undefined && fields._id !== id) {
      throw new TissDBLiteError('INVALID_ARGUMENT', `${context}: _id is immutable ("${String(fields._id)}" given for "${id}")`);
    }
    const now = this.#host.now();
    const after = toStoredDocument(fields, context, this.#system(before, now));
    this.#write([{ id, before, after }], 'replace');
    return cloneValue(after) as unknown as Stored<T>;
  }

  /** Removes the document with this `_id`, or the first (with `multi`, every) match of a filter. */
  remove(filterOrId: Filter | string, options: RemoveOptions = {}): number {
    const context = this.#context('remove');
    let victims: Doc[];
    if (typeof filterOrId === 'string') {
      const doc = this.#docs.get(filterOrId);
      victims = doc ? [doc] : [];
    } else if (typeof filterOrId === 'object' && filterOrId !== null && !Array.isArray(filterOrId)) {
      victims = runFind(this.#docs, this.#indexes, filterOrId, options.multi ? {} : { limit: 1 }).docs;
    } else {
      throw new TissDBLiteError('INVALID_ARGUMENT', `${context}: expected an _id string or a filter object`);
    }
    this.#write(
      victims.map((before) => ({ id: before._id as string, before, after: undefined })),
      'remove',
    );
    return victims.length;
  }

  /** Removes every document; indexes stay defined. */
  clear(): void {
    this.#host.beforeWrite(this.name);
    this.#docs = new Map();
    this.#indexes.clear();
    this.#host.emit({ op: 'clear', collection: this.name });
  }

  /** Runs a MongoDB aggregation pipeline (mingo); `$lookup` sees this database's collections. */
  aggregate(pipeline: object[]): unknown[] {
    const context = this.#context('aggregate');
    if (!Array.isArray(pipeline)) throw new TissDBLiteError('INVALID_ARGUMENT', `${context}: pipeline must be an array of stages`);
    assertSafeExpression(pipeline, context);
    for (const stage of pipeline) {
      const keys = typeof stage === 'object' && stage !== null ? Object.keys(stage) : [];
      if (keys.length !== 1) throw new TissDBLiteError('INVALID_QUERY', `${context}: each stage must be an object with one operator`);
      if (keys[0] === '$out' || keys[0] === '$merge') {
        throw new TissDBLiteError('INVALID_QUERY', `${context}: ${keys[0]} is not supported (write results with insertMany)`);
      }
    }
    const run = (stages: object[], input: unknown[]): unknown[] => {
      try {
        return new Aggregator(stages as Record<string, unknown>[], {
          scriptEnabled: false,
          collectionResolver: (name) => this.#host.documentsOf(name) ?? [],
        }).run(input);
      } catch (error) {
        throw new TissDBLiteError('INVALID_QUERY', `${context}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
      }
    };
    // Leading $match / $group without copying the store (query/aggregate.ts); else mingo on copies.
    return aggregateFast(this.#docs, this.#indexes, pipeline, run) ?? run(pipeline, Array.from(this.#docs.values(), (doc) => cloneValue(doc)));
  }

  /** Creates an index (idempotent for the same fields) and returns its name. */
  createIndex(fields: string | string[], options: { unique?: boolean; name?: string } = {}): string {
    const spec = normalizeIndexSpec({ fields: typeof fields === 'string' ? [fields] : fields, ...options }, this.#context('createIndex'));
    this.#host.beforeWrite(this.name);
    return this.#indexes.create(spec, this.#docs.values());
  }

  dropIndex(name: string): void {
    this.#host.beforeWrite(this.name);
    this.#indexes.drop(name);
  }

  listIndexes(): IndexInfo[] {
    return this.#indexes.list();
  }

  /** Deep copies of every document, in insertion order. */
  export(): Stored<T>[] {
    return Array.from(this.#docs.values(), (doc) => cloneValue(doc) as unknown as Stored<T>);
  }

  /** Calls `listener` after each committed write to this collection; returns the unsubscribe function. */
  watch(listener: ChangeListener): () => void {
    return this.#listeners.add(listener);
  }

  /** @internal */
  get [INTERNAL](): CollectionInternals {
    return {
      state: () => ({ docs: new Map(this.#docs), indexes: this.#indexes.list() }),
      restore: (state) => {
        this.#docs = state.docs;
        this.#indexes = new IndexManager(this.name);
        for (const spec of state.indexes) this.#indexes.create(spec, this.#docs.values());
      },
      deliver: (event) => this.#listeners.emit(event),
      stored: () => this.#docs.values(),
      put: (docs, mode, keepDates) => this.#put(docs, mode, keepDates),
    };
  }

  #put(docs: readonly Doc[], mode: 'insert' | 'upsert' | 'replace', keepDates: boolean): { inserted: number; updated: number } {
    const context = this.#context('import');
    if (!Array.isArray(docs)) throw new TissDBLiteError('INVALID_ARGUMENT', `${context}: expected an array of documents`);
    const now = this.#host.now();
    const base = mode === 'replace' ? new Map<string, Doc>() : this.#docs;
    const changes: IndexChange[] = [];
    const seen = new Set<string>();
    let updated = 0;
    for (const input of docs) {
      const fields = plainObject(input, context);
      const existing = typeof fields._id === 'string' ? base.get(fields._id) : undefined;
      const after = this.#newStored(fields, now, context, {
        created: (keepDates ? asDate(fields._createdDate) : undefined) ?? (existing?._createdDate as Date | undefined),
        updated: keepDates ? asDate(fields._updatedDate) : undefined,
      });
      const id = after._id as string;
      if (seen.has(id) || (existing && mode === 'insert')) throw this.#duplicate(id, context);
      seen.add(id);
      if (existing) updated++;
      changes.push({ id, before: existing, after });
    }
    if (mode === 'replace') {
      this.#indexes.check([...Array.from(this.#docs.values(), (before) => ({ id: before._id as string, before, after: undefined })), ...changes]);
      this.clear();
    }
    this.#write(changes, (change) => (change.before ? 'replace' : 'insert'));
    return { inserted: changes.length - updated, updated };
  }
}
