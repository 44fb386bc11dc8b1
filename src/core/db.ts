import { conditionToFilter } from '../tissql/condition';
import { Collection, INTERNAL } from './collection';
import { TissDBLiteError } from './errors';
import { Listeners } from './events';
import type { CollectionHost } from './host';
import { defaultGenerateId } from './ids';
import { normalizeIndexSpec, sameIndexes } from './index-specs';
import { readSnapshot, snapshotCollection, SNAPSHOT_FORMAT } from './snapshot';
import { executeSql, type SqlOptions, type SqlResult } from './sql';
import { isThenable, mergeInto, newFrame, type Frame } from './transactions';
import type {
  ChangeEvent, ChangeListener, CollectionOptions, Doc, Filter, FindOptions, ImportMode, ImportResult,
  NewDoc, Snapshot, Stored, TissDBLiteOptions,
} from './types';

// Collections of any document shape live side by side; callers narrow with `collection<T>()`.
type AnyCollection = Collection<Doc>;

function checkName(name: unknown, context: string): asserts name is string {
  if (typeof name !== 'string' || name.length === 0 || name.length > 256 || name.includes('\u0000')) {
    throw new TissDBLiteError('INVALID_ARGUMENT', `${context}: a collection name is a non-empty string of at most 256 characters`);
  }
}

/**
 * An in-memory document database: collections with secondary indexes, MongoDB queries, updates
 * and aggregation, TissQL, transactions and change events. Runs anywhere JavaScript runs.
 *
 * @example
 * const db = new TissDBLite();
 * db.createCollection('users', { indexes: ['city'] });
 * db.bulkInsert('users', [{ name: 'Ada', age: 36, city: 'Oslo' }, { name: 'Bo', age: 25, city: 'Rome' }]);
 * db.find('users', "age > 30 AND city = 'Oslo'").map((u) => u.name) // -> ['Ada']
 */
export class TissDBLite {
  #collections = new Map<string, AnyCollection>();
  readonly #listeners = new Listeners();
  readonly #frames: Frame<AnyCollection>[] = [];
  readonly #host: CollectionHost;

  constructor(options: TissDBLiteOptions = {}) {
    const generateId = options.generateId ?? defaultGenerateId;
    const now = options.now ?? (() => new Date());
    this.#host = {
      // A private copy: stored documents share this Date, so the caller's must not leak in.
      now: () => new Date(now().getTime()),
      generateId: () => generateId(),
      cloneByDefault: options.clone ?? true,
      beforeWrite: (name) => this.#beforeWrite(name),
      watched: () => this.#listeners.size > 0,
      emit: (event) => this.#emit(event, undefined),
      documentsOf: (name) => this.#collections.get(name)?.export(),
    };
  }

  // ---- collections ---------------------------------------------------------------------------

  /**
   * Creates a collection, or returns the existing one of that name when `options` are absent or
   * ask for the indexes it already has (else COLLECTION_EXISTS).
   */
  createCollection<T extends object = Doc>(name: string, options?: CollectionOptions): Collection<T> {
    checkName(name, 'createCollection');
    const specs = (options?.indexes ?? []).map((spec) => normalizeIndexSpec(spec, `createCollection(${name})`));
    const existing = this.#collections.get(name);
    if (existing) {
      if (options === undefined || sameIndexes(existing.listIndexes(), specs)) return existing as unknown as Collection<T>;
      throw new TissDBLiteError('COLLECTION_EXISTS', `createCollection: collection '${name}' exists with other options`, { collection: name });
    }
    const collection = new Collection<Doc>(name, this.#host, specs);
    this.#saveRegistry();
    this.#collections.set(name, collection);
    return collection as unknown as Collection<T>;
  }

  /** The collection of that name; COLLECTION_NOT_FOUND if there is none. */
  collection<T extends object = Doc>(name: string): Collection<T> {
    const found = this.#collections.get(name);
    if (!found) {
      throw new TissDBLiteError('COLLECTION_NOT_FOUND', `Collection '${String(name)}' does not exist.`, { collection: String(name) });
    }
    return found as unknown as Collection<T>;
  }

  hasCollection(name: string): boolean {
    return this.#collections.has(name);
  }

  /** Collection names in creation order. */
  listCollections(): string[] {
    return [...this.#collections.keys()];
  }

  /** Removes a collection and its indexes; false if it didn't exist. */
  dropCollection(name: string): boolean {
    const collection = this.#collections.get(name);
    if (!collection) return false;
    this.#saveRegistry();
    this.#collections.delete(name);
    this.#emit({ op: 'drop', collection: name }, collection);
    return true;
  }

  // ---- the original tissdb-lite calls ----------------------------------------------------------

  insert<T extends object = Doc>(name: string, item: NewDoc<T>): Stored<T> {
    return this.collection<T>(name).insert(item);
  }

  /** Inserts every item or, if one is invalid or collides, none. */
  bulkInsert<T extends object = Doc>(name: string, items: readonly NewDoc<T>[]): Stored<T>[] {
    return this.collection<T>(name).insertMany(items);
  }

  /**
   * A filter object, or a condition string in the original tissdb-lite syntax
   * (`"age > 30 AND city = 'Oslo'"`).
   */
  find<T extends object = Doc>(name: string, filter?: Filter | string, options?: FindOptions): Stored<T>[] {
    const collection = this.collection<T>(name);
    return collection.find(typeof filter === 'string' ? conditionToFilter(filter) : filter, options);
  }

  /** Shallow-merges `item` into the stored document with `item._id`, as the original did. */
  update<T extends object = Doc>(name: string, item: Partial<T> & { _id: string }): Stored<T> {
    const collection = this.collection<T>(name);
    const id = (item as { _id?: unknown } | null)?._id;
    if (typeof id !== 'string') throw new TissDBLiteError('INVALID_ARGUMENT', `update(${name}): item._id (a string) is required`);
    const current = collection.get(id);
    if (!current) {
      throw new TissDBLiteError('DOCUMENT_NOT_FOUND', `Item with id '${id}' not found in collection '${name}'.`, { collection: name, id });
    }
    const { _createdDate: _c, _updatedDate: _u, ...rest } = { ...current, ...item } as Record<string, unknown>;
    return collection.replace(id, rest as T);
  }

  /** Removes by `_id`; true if a document was removed. */
  remove(name: string, id: string): boolean {
    return this.collection(name).remove(String(id)) > 0;
  }

  /** Deep copies of every document, in insertion order. */
  exportCollection<T extends object = Doc>(name: string): Stored<T>[] {
    return this.collection<T>(name).export();
  }

  /**
   * Loads documents (creating the collection if needed), keeping their `_id` and system dates.
   * `insert` fails on an existing `_id`; `upsert` replaces those; `replace` empties the collection
   * first. All or nothing.
   */
  importCollection(name: string, docs: readonly Doc[], options: { mode?: ImportMode } = {}): ImportResult {
    const mode = options.mode ?? 'insert';
    if (mode !== 'insert' && mode !== 'upsert' && mode !== 'replace') {
      throw new TissDBLiteError('INVALID_ARGUMENT', `importCollection(${name}): mode must be insert, upsert or replace`);
    }
    return this.transaction(() => this.createCollection(name)[INTERNAL].put(docs, mode, true));
  }

  // ---- TissQL ----------------------------------------------------------------------------------

  /** Runs a TissQL statement; `?` placeholders take `params` in order. */
  sql(tissql: string, params?: readonly unknown[], options?: SqlOptions): SqlResult {
    return executeSql(this, tissql, params, options);
  }

  // ---- transactions and events -----------------------------------------------------------------

  /**
   * Runs `fn`; if it throws, every write it made (documents, indexes, collections) is undone and
   * the error rethrown. Events are delivered after the outermost commit. `fn` must be synchronous:
   * a returned promise is refused, since other writes could interleave while it waits.
   */
  transaction<R>(fn: (db: this) => R): R {
    if (typeof fn !== 'function') throw new TissDBLiteError('INVALID_ARGUMENT', 'transaction(fn): fn must be a function');
    const frame = newFrame<AnyCollection>();
    this.#frames.push(frame);
    let result: R;
    try {
      result = fn(this);
      if (isThenable(result)) {
        throw new TissDBLiteError('INVALID_ARGUMENT', 'transaction(fn): fn must be synchronous (it returned a promise); its writes were rolled back');
      }
    } catch (error) {
      this.#frames.pop();
      this.#rollback(frame);
      throw error;
    }
    this.#frames.pop();
    const parent = this.#frames.at(-1);
    if (parent) mergeInto(parent, frame);
    else for (const { event, target } of frame.events) this.#deliver(event, target);
    return result;
  }

  /** Calls `listener` after each committed write to any collection; returns the unsubscribe function. */
  watch(listener: ChangeListener): () => void {
    return this.#listeners.add(listener);
  }

  #beforeWrite(name: string): void {
    const frame = this.#frames.at(-1);
    if (!frame || frame.saved.has(name)) return;
    const collection = this.#collections.get(name);
    if (collection) frame.saved.set(name, { collection, state: collection[INTERNAL].state() });
  }

  #saveRegistry(): void {
    const frame = this.#frames.at(-1);
    if (frame && !frame.registry) frame.registry = new Map(this.#collections);
  }

  #rollback(frame: Frame<AnyCollection>): void {
    if (frame.registry) this.#collections = frame.registry;
    for (const { collection, state } of frame.saved.values()) collection[INTERNAL].restore(state);
  }

  #emit(event: ChangeEvent, target: AnyCollection | undefined): void {
    const frame = this.#frames.at(-1);
    if (frame) frame.events.push({ event, target });
    else this.#deliver(event, target);
  }

  #deliver(event: ChangeEvent, target: AnyCollection | undefined): void {
    (target ?? this.#collections.get(event.collection))?.[INTERNAL].deliver(event);
    this.#listeners.emit(event);
  }

  // ---- snapshots -------------------------------------------------------------------------------

  /** A JSON-safe image of every collection, its documents (insertion order) and its indexes. */
  toSnapshot(): Snapshot {
    return {
      format: SNAPSHOT_FORMAT,
      version: 1,
      collections: [...this.#collections.values()].map((c) =>
        snapshotCollection(c.name, c.listIndexes(), c[INTERNAL].stored()),
      ),
    };
  }

  /** Rebuilds a database from {@link TissDBLite.toSnapshot}'s output (or its JSON round trip). */
  static fromSnapshot(snapshot: Snapshot | unknown, options?: TissDBLiteOptions): TissDBLite {
    const db = new TissDBLite(options);
    for (const { name, indexes, documents } of readSnapshot(snapshot)) {
      const collection = db.createCollection(name, { indexes: indexes.map((i) => ({ fields: i.fields, unique: i.unique, name: i.name })) });
      collection[INTERNAL].put(documents, 'insert', true);
    }
    return db;
  }
}
