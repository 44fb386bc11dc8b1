// Results of exactly-answered index finds (exact.ts), kept until the next write. An index
// answers such a find with positions from many buckets, merged back into store order and mapped
// to documents one by one; repeating the same find without a write in between gives the same
// documents, so once it is repeated it is kept and later calls are one array copy. The owner (IndexManager) empties it on every
// change to documents, positions or index definitions. Exact counts are kept the same way.
import type { Doc } from '../types';
import { FilterCache } from './filter-cache';

const MAX_ENTRIES = 8;
const MAX_COUNTS = 64;

export class ResultCache {
  private readonly entries = new Map<string, readonly Doc[]>();
  /** Documents held across entries, kept at most `limit` (one pointer per stored document). */
  private held = 0;

  /** How often each key was asked for since the last write (cleared when it grows past MAX_COUNTS). */
  private readonly seen = new Map<string, number>();

  /**
   * Whether to keep the result for `key`: from its second request since the last write, and when
   * the cache is full only if it is asked for more often than the entry it would evict. Keeping an
   * array alive across a write costs the garbage collector more (it gets promoted) than building
   * it does, so a read that is not repeated keeps nothing; and a cycle through more queries than
   * the cache holds keeps what it has instead of evicting every result before its next use.
   */
  admit(key: string): boolean {
    if (this.seen.size >= MAX_COUNTS && !this.seen.has(key)) this.seen.clear();
    const asked = (this.seen.get(key) ?? 0) + 1;
    this.seen.set(key, asked);
    if (asked < 2) return false;
    if (this.entries.size < MAX_ENTRIES) return true;
    const victim = this.entries.keys().next();
    return victim.done === true || asked > (this.seen.get(victim.value) ?? 0);
  }

  get(key: string): readonly Doc[] | undefined {
    const docs = this.entries.get(key);
    if (docs !== undefined) this.seen.set(key, (this.seen.get(key) ?? 0) + 1);
    return docs;
  }

  /** Keeps `docs` (which the caller must never hand out or modify) unless over budget. */
  set(key: string, docs: readonly Doc[], limit: number): void {
    if (docs.length > limit) return;
    while (this.entries.size > 0 && (this.entries.size >= MAX_ENTRIES || this.held + docs.length > limit)) {
      const oldest = this.entries.entries().next();
      if (oldest.done) break;
      this.held -= oldest.value[1].length;
      this.entries.delete(oldest.value[0]);
    }
    this.entries.set(key, docs);
    this.held += docs.length;
  }

  /** Exact counts by filter text (filter-cache.ts): a repeated count costs the text and one lookup. */
  private readonly counts = new FilterCache<number>(MAX_COUNTS);

  count(key: string): number | undefined {
    return this.counts.get(key);
  }

  setCount(key: string, n: number): void {
    this.counts.set(key, n);
  }

  clear(): void {
    this.counts.clear();
    if (this.seen.size > 0) this.seen.clear();
    if (this.entries.size === 0) return;
    this.entries.clear();
    this.held = 0;
  }
}
