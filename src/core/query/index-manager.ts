// The indexes of one collection. Indexes hold positions, never documents: while any index
// exists, every document gets a position (`seq`) in insertion order, kept across updates like the
// store's Map keeps its order, so indexed finds return documents in store order without sorting
// strings. Like MongoDB, a unique index treats a missing field as null: two documents without
// the field collide.
import { TissDBLiteError } from '../errors';
import { FORBIDDEN_KEYS } from '../values';
import type { Doc, IndexInfo } from '../types';
import { FieldIndex } from './field-index';
import type { HashKey } from './keys';
import { ResultCache } from './result-cache';

/** One write as the index layer sees it: insert has no `before`, remove has no `after`. */
export interface IndexChange {
  id: string;
  before: Doc | undefined;
  after: Doc | undefined;
}

export interface IndexCreateSpec {
  fields: string[];
  unique: boolean;
  name?: string;
}

export class IndexManager {
  private readonly byName = new Map<string, FieldIndex>();
  private readonly seqOf = new Map<string, number>();
  /** The stored document at each position (undefined once removed), mirroring the store. */
  private docs: Array<Doc | undefined> = [];
  /** Exactly-answered find results; emptied by every method below that changes anything. */
  readonly results = new ResultCache();

  constructor(readonly collection: string) {}

  /** Builds an index over `docs` (the store, in insertion order). See the file comment for unique. */
  create(spec: IndexCreateSpec, docs: Iterable<Doc>): string {
    const { fields, unique } = this.checkSpec(spec);
    this.results.clear();
    const name = spec.name ?? fields.map((f) => `${f}_1`).join('_');
    const existing = this.byName.get(name);
    if (existing) {
      if (sameFields(existing.fields, fields) && existing.unique === unique) return name;
      this.fail(`an index named "${name}" already exists with different fields or options`);
    }
    for (const other of this.byName.values()) {
      if (sameFields(other.fields, fields)) {
        if (other.unique === unique) return other.name;
        this.fail(`an index on ${fields.join(', ')} already exists ("${other.name}") with different options`);
      }
    }
    if (this.byName.size === 0) this.track(docs);
    const index = new FieldIndex(name, fields, unique);
    try {
      this.docs.forEach((doc, seq) => {
        if (doc === undefined) return;
        index.add(seq, doc);
        if (unique) this.assertUniqueAfterAdd(index, doc);
      });
    } catch (e) {
      if (this.byName.size === 0) this.untrack();
      throw e;
    }
    this.byName.set(name, index);
    this.live = undefined;
    return name;
  }

  drop(name: string): void {
    this.results.clear();
    this.live = undefined;
    if (!this.byName.delete(name)) {
      throw new TissDBLiteError('INVALID_ARGUMENT', `dropIndex: no index "${name}" on collection "${this.collection}"`, {
        collection: this.collection,
        index: name,
      });
    }
    if (this.byName.size === 0) this.untrack();
  }

  list(): IndexInfo[] {
    return Array.from(this.byName.values(), (i) => ({ name: i.name, fields: [...i.fields], unique: i.unique }));
  }

  /** The live indexes, for the planner. Shared between calls until the next create/drop: do not modify. */
  all(): readonly FieldIndex[] {
    return (this.live ??= Array.from(this.byName.values()));
  }

  private live: FieldIndex[] | undefined;

  /** The single-field index on `field`, if there is one. */
  singleField(field: string): FieldIndex | undefined {
    for (const index of this.all()) if (!index.compound && index.fields[0] === field) return index;
    return undefined;
  }

  get size(): number {
    return this.byName.size;
  }

  /** Insertion position of a document; undefined when unknown or when no index exists. */
  positionOf(id: string): number | undefined {
    return this.seqOf.get(id);
  }

  /** One more than the highest position in use. */
  get capacity(): number {
    return this.docs.length;
  }

  /**
   * The stored documents by position (holes where removed), in store order while any index
   * exists; an array walks faster than the store's Map. Do not modify.
   */
  get byPosition(): ReadonlyArray<Doc | undefined> {
    return this.docs;
  }

  /** The stored document at a position. */
  docAt(seq: number): Doc | undefined {
    return this.docs[seq];
  }

  /**
   * Throws DUPLICATE_KEY if the batch, applied in order, would leave two documents under one key of
   * a unique index. Only the end state counts (two documents may swap values in one batch).
   * Changes nothing either way.
   */
  check(changes: readonly IndexChange[]): void {
    for (const index of this.byName.values()) {
      if (index.unique) this.checkIndex(index, changes);
    }
  }

  private checkIndex(index: FieldIndex, changes: readonly IndexChange[]): void {
    if (changes.every((c) => c.before === undefined)) {
      this.checkInserts(index, changes);
      return;
    }
    // The ids under each touched key once the batch is applied; arrays, as they hold 0-2 ids.
    const overlay = new Map<HashKey, string[]>();
    const current = (hash: HashKey): string[] => {
      let ids = overlay.get(hash);
      if (!ids) {
        ids = this.idsIn(index, hash);
        overlay.set(hash, ids);
      }
      return ids;
    };
    const added: Array<HashKey | string> = []; // hash, id, hash, id, ...
    for (const { id, before, after } of changes) {
      if (before) {
        for (const hash of index.hashesOf(before)) {
          const ids = current(hash);
          const at = ids.indexOf(id);
          if (at >= 0) ids.splice(at, 1);
        }
      }
      if (after) {
        for (const hash of index.hashesOf(after)) {
          const ids = current(hash);
          if (!ids.includes(id)) ids.push(id);
          added.push(hash, id);
        }
      }
    }
    for (let i = 0; i < added.length; i += 2) {
      const hash = added[i] as HashKey;
      if ((overlay.get(hash)?.length ?? 0) > 1) this.duplicateAt(index, added[i + 1] as string, hash, changes);
    }
  }

  /** check() for a batch of inserts only (insertMany): one map of the batch's own keys. */
  private checkInserts(index: FieldIndex, changes: readonly IndexChange[]): void {
    const batch = new Map<HashKey, string>();
    for (const { id, after } of changes) {
      if (!after) continue;
      for (const hash of index.hashesOf(after)) {
        const held = index.sizeOf(hash);
        const taken = held > 1 || (held === 1 && this.idsIn(index, hash)[0] !== id);
        const mate = batch.get(hash);
        if (taken || (mate !== undefined && mate !== id)) this.duplicateAt(index, id, hash, changes);
        batch.set(hash, id);
      }
    }
  }

  private duplicateAt(index: FieldIndex, id: string, hash: HashKey, changes: readonly IndexChange[]): never {
    const doc = changes.find((c) => c.id === id && c.after)?.after;
    const entry = doc ? index.keysOf(doc).find((e) => e.hash === hash) : undefined;
    return this.duplicate(index, id, entry ? entry.key : hash);
  }

  /** Applies a batch that passed check(). Never throws. */
  apply(changes: readonly IndexChange[]): void {
    this.results.clear();
    if (this.byName.size === 0) return;
    const indexes = Array.from(this.byName.values());
    for (const { id, before, after } of changes) {
      let seq = this.seqOf.get(id);
      if (seq === undefined) {
        if (!after) continue;
        seq = this.docs.length;
        this.seqOf.set(id, seq);
        this.docs.push(after);
        for (const index of indexes) index.add(seq, after);
        continue;
      }
      const old = this.docs[seq] ?? before;
      if (after) {
        this.docs[seq] = after;
        for (const index of indexes) {
          if (old && index.sameKeys(old, after)) {
            index.replace(seq, after);
            continue;
          }
          if (old) index.remove(seq, old);
          index.add(seq, after);
        }
      } else {
        this.docs[seq] = undefined;
        this.seqOf.delete(id);
        if (old) for (const index of indexes) index.remove(seq, old);
      }
    }
    if (this.docs.length > 1024 && this.seqOf.size * 2 < this.docs.length) this.compact();
  }

  /** Removes every entry; keeps the definitions. */
  clear(): void {
    this.results.clear();
    for (const index of this.byName.values()) index.clear();
    this.seqOf.clear();
    this.docs = [];
  }

  /** Test support: every index's entries as (hash, sorted ids). */
  dump(): Array<{ name: string; entries: Array<[HashKey, string[]]> }> {
    const idOf = (seq: number) => this.docs[seq]?._id as string;
    return this.all().map((i) => ({ name: i.name, entries: i.dump(idOf) }));
  }

  private idsIn(index: FieldIndex, hash: HashKey): string[] {
    return index.seqsOf(hash).map((seq) => this.docs[seq]?._id as string);
  }

  private track(docs: Iterable<Doc>): void {
    this.results.clear();
    this.untrack();
    for (const doc of docs) {
      this.seqOf.set(doc._id as string, this.docs.length);
      this.docs.push(doc);
    }
  }

  private untrack(): void {
    this.results.clear();
    this.seqOf.clear();
    this.docs = [];
  }

  /** Renumbers positions densely once removals leave most of them empty. */
  private compact(): void {
    const live = this.docs.filter((d): d is Doc => d !== undefined);
    this.track(live);
    for (const index of this.byName.values()) {
      index.clear();
      this.docs.forEach((doc, seq) => index.add(seq, doc as Doc));
    }
  }

  private assertUniqueAfterAdd(index: FieldIndex, doc: Doc): void {
    for (const hash of index.hashesOf(doc)) {
      if (index.sizeOf(hash) > 1) this.duplicateAt(index, doc._id as string, hash, [{ id: doc._id as string, before: undefined, after: doc }]);
    }
  }

  private checkSpec(spec: IndexCreateSpec): { fields: string[]; unique: boolean } {
    if (typeof spec !== 'object' || spec === null || !Array.isArray(spec.fields) || spec.fields.length === 0) {
      this.fail('an index needs a non-empty array of field names');
    }
    for (const f of spec.fields) {
      if (typeof f !== 'string' || f === '' || f.split('.').some((p) => p === '' || p.startsWith('$') || FORBIDDEN_KEYS.has(p))) {
        this.fail(`bad index field ${JSON.stringify(f)}`);
      }
    }
    if (new Set(spec.fields).size !== spec.fields.length) this.fail('an index lists a field twice');
    if (spec.name !== undefined && (typeof spec.name !== 'string' || spec.name === '')) this.fail('an index name must be a non-empty string');
    return { fields: [...spec.fields], unique: spec.unique === true };
  }

  private duplicate(index: FieldIndex, id: string, key: unknown): never {
    throw new TissDBLiteError(
      'DUPLICATE_KEY',
      `unique index "${index.name}" on collection "${this.collection}": duplicate key ${describeKey(key)} (document "${id}")`,
      { collection: this.collection, index: index.name, id },
    );
  }

  private fail(message: string): never {
    throw new TissDBLiteError('INVALID_ARGUMENT', `createIndex on collection "${this.collection}": ${message}`, {
      collection: this.collection,
    });
  }
}

function describeKey(key: unknown): string {
  if (key instanceof Date) return key.toISOString();
  try {
    return JSON.stringify(key) ?? String(key);
  } catch {
    return String(key);
  }
}

function sameFields(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((f, i) => f === b[i]);
}
