import { describe, expect, it } from 'vitest';
import { ResultCache } from '../../../src/core/query/result-cache';
import type { Doc } from '../../../src/core/types';

const docs = (n: number): Doc[] => Array.from({ length: n }, (_, i) => ({ _id: `d${i}` }));

/** What a find does: serve a hit, or build and keep the result when admitted. */
function ask(cache: ResultCache, key: string): 'hit' | 'kept' | 'built' {
  if (cache.get(key)) return 'hit';
  if (!cache.admit(key)) return 'built';
  cache.set(key, docs(3), 1000);
  return 'kept';
}

describe('ResultCache admission', () => {
  it('keeps a result from its second request and serves it until cleared', () => {
    const cache = new ResultCache();
    expect([ask(cache, 'q'), ask(cache, 'q'), ask(cache, 'q')]).toEqual(['built', 'kept', 'hit']);
    cache.clear();
    expect(ask(cache, 'q')).toBe('built');
  });

  it('does not thrash when a cycle of queries is larger than the cache', () => {
    const cache = new ResultCache();
    const keys = Array.from({ length: 20 }, (_, i) => `q${i}`);
    const outcomes: string[] = [];
    for (let round = 0; round < 4; round++) for (const k of keys) outcomes.push(ask(cache, k));
    // Every round after the first keeps at most the 8 entries' worth: no round evicts and refills them all.
    const kept = outcomes.filter((o) => o === 'kept').length;
    const hits = outcomes.filter((o) => o === 'hit').length;
    expect(kept).toBeLessThanOrEqual(8);
    expect(hits).toBeGreaterThanOrEqual(8 * 2);
  });

  it('lets a hot query in over entries asked for less often', () => {
    const cache = new ResultCache();
    for (let i = 0; i < 8; i++) for (let r = 0; r < 2; r++) ask(cache, `old${i}`);
    expect(['built', 'built', 'built'].map(() => ask(cache, 'hot'))).toContain('kept');
    expect(ask(cache, 'hot')).toBe('hit');
  });
});
