import { TissDBLiteError } from './errors';
import type { ChangeEvent, ChangeListener } from './types';

/**
 * Listener registry. A listener that throws must not undo or fail a write that already committed,
 * so its error is rethrown on a fresh task, where it surfaces like any uncaught error.
 */
export class Listeners {
  readonly #listeners = new Set<ChangeListener>();

  add(listener: ChangeListener): () => void {
    if (typeof listener !== 'function') {
      throw new TissDBLiteError('INVALID_ARGUMENT', 'watch(listener): listener must be a function');
    }
    // Wrapped so the same function can subscribe twice and each unsubscribe removes one.
    const entry: ChangeListener = (event) => listener(event);
    this.#listeners.add(entry);
    return () => {
      this.#listeners.delete(entry);
    };
  }

  get size(): number {
    return this.#listeners.size;
  }

  emit(event: ChangeEvent): void {
    for (const listener of this.#listeners) {
      try {
        listener(event);
      } catch (error) {
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  }
}
