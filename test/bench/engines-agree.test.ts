// The quick mode of the issue-7 benchmark: every engine (tissdb-lite from dist/, its zero-copy mode,
// LokiJS, NeDB, better-sqlite3, mingo, sift) must return the hand-written baseline's count and
// checksum for every operation. Timing is not asserted; this only guards correctness.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));

interface OpResult {
  count?: number;
  checksum?: string;
  skipped?: boolean;
  error?: string;
}
interface EngineRun {
  engine: string;
  fatal?: string;
  results?: Record<string, OpResult>;
}
interface SizeRun {
  size: number;
  ops: string[];
  failures: string[];
  checks: number;
  byEngine: Record<string, EngineRun>;
}

const ENGINES = ['baseline', 'tissdb-lite', 'tissdb-lite-noclone', 'lokijs', 'nedb', 'sqlite', 'mingo', 'sift'];

describe('benchmark engines agree (bench/run.mjs --quick)', () => {
  it('every engine returns the hand-written baseline results for every operation', () => {
    expect(existsSync(join(root, 'dist/index.js')), 'dist/index.js is missing: run `npm run build` first').toBe(true);
    const dir = mkdtempSync(join(tmpdir(), 'tissdb-bench-'));
    try {
      const json = join(dir, 'quick.json');
      const run = spawnSync(process.execPath, ['bench/run.mjs', '--quick', '--size', '2k', '--json', json], {
        cwd: root,
        encoding: 'utf8',
        timeout: 55_000,
      });
      expect(run.status, `bench/run.mjs --quick failed:\n${run.stderr}`).toBe(0);
      const [result] = JSON.parse(readFileSync(json, 'utf8')) as SizeRun[];
      expect(result).toBeDefined();
      if (!result) return;
      expect(result.failures).toEqual([]);
      expect(Object.keys(result.byEngine).sort()).toEqual([...ENGINES].sort());
      const base = result.byEngine.baseline?.results ?? {};
      expect(Object.keys(base).sort()).toEqual([...result.ops].sort());
      for (const engine of ENGINES) {
        const runOf = result.byEngine[engine];
        expect(runOf?.fatal, `${engine} crashed`).toBeUndefined();
        for (const op of result.ops) {
          const r = runOf?.results?.[op];
          if (!r || r.skipped) continue;
          expect({ engine, op, count: r.count, checksum: r.checksum })
            .toEqual({ engine, op, count: base[op]?.count, checksum: base[op]?.checksum });
        }
      }
      // tissdb-lite takes part in every operation of the issue.
      const lite = result.byEngine['tissdb-lite']?.results ?? {};
      expect(result.ops.filter((op) => !lite[op] || lite[op].skipped)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    // Takes about 3 s; the headroom is for a CI machine busy with the rest of the suite.
  }, 60_000);
});
