// The correctness gate: every engine's count and checksum must equal the hand-written baseline's.

export function compareToBaseline(byEngine, ops) {
  const failures = [];
  let checks = 0;
  const base = byEngine.get('baseline');
  for (const [engine, run] of byEngine) {
    if (run.fatal) {
      failures.push(`${engine}: crashed: ${run.fatal}`);
      continue;
    }
    for (const op of ops) {
      const r = run.results[op];
      const b = base?.results?.[op];
      if (!r || r.skipped) continue;
      if (r.error) {
        failures.push(`${engine} ${op}: threw: ${r.error}`);
        continue;
      }
      if (!b || b.error || b.skipped) {
        failures.push(`${engine} ${op}: no baseline result to compare with`);
        continue;
      }
      checks++;
      if (r.count !== b.count || r.checksum !== b.checksum) {
        failures.push(`${engine} ${op}: count ${r.count} checksum ${r.checksum}, baseline count ${b.count} checksum ${b.checksum}`);
      }
    }
  }
  return { failures, checks };
}
