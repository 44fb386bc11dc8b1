/** Deterministic ids: id-1, id-2, ... */
export function sequentialIds(prefix = 'id-'): () => string {
  let n = 0;
  return () => `${prefix}${++n}`;
}

/** A clock that advances one second per call from 2024-01-01. */
export function fixedClock(start = Date.UTC(2024, 0, 1)): () => Date {
  let t = start;
  return () => new Date((t += 1000));
}
