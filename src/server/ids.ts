// Mirrors tissdb-wire.md §4.1: POST ids are nanoseconds since the epoch as a 19-digit string.
// Strictly increasing, so two inserts in the same millisecond still get distinct, ordered ids.

export function createNanoIdClock(now: () => number = Date.now): () => string {
  let last = 0n;
  return () => {
    const wall = BigInt(now()) * 1_000_000n + BigInt(Math.floor(Math.random() * 1000)) * 1000n;
    last = wall > last ? wall : last + 1n;
    return last.toString();
  };
}
