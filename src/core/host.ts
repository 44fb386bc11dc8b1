import type { ChangeEvent, Doc } from './types';

/**
 * What a collection needs from the database that owns it. Keeping this an interface lets
 * collection.ts stay ignorant of transactions' bookkeeping and of the other collections.
 */
export interface CollectionHost {
  now(): Date;
  generateId(): string;
  readonly cloneByDefault: boolean;
  /** Called before each write, so an open transaction can save the collection's state first. */
  beforeWrite(collection: string): void;
  /** Whether any database-wide listener is subscribed. */
  watched(): boolean;
  /** Delivers an event now, or after the commit when a transaction is open. */
  emit(event: ChangeEvent): void;
  /** Documents of another collection, for `$lookup`; undefined when it doesn't exist. */
  documentsOf(collection: string): Doc[] | undefined;
}

/** A collection's restorable state: stored documents are frozen, so copying the map is enough. */
export interface CollectionState {
  docs: Map<string, Doc>;
  indexes: ReadonlyArray<{ name: string; fields: string[]; unique: boolean }>;
}
