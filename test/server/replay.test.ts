// Replays every exchange of the real server's transcripts against the fake in parity mode
// (tissdb-wire.md §11) and checks that only the documented, intentional differences remain.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startFakeTissDB } from '../../src/server';
import { INTENTIONAL_DIFFERENCES, KNOWN_TISSQL_GAPS } from '../support/tissdb-differences';
import { Replayer } from '../support/tissdb-replay';
import { loadTranscripts } from '../support/transcripts';
import type { ReplayResult } from '../support/tissdb-replay';

const RESTART_BEFORE = 361;
const dir = mkdtempSync(join(tmpdir(), 'tissdb-replay-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('transcript replay against the fake (parity mode)', () => {
  it('matches every exchange except the documented differences', async () => {
    const snapshot = join(dir, 'fake.json');
    let server = await startFakeTissDB({ port: 0, snapshot });
    const replayer = new Replayer(server.port);
    const results: ReplayResult[] = [];
    for (const exchange of loadTranscripts()) {
      if (exchange.seq === RESTART_BEFORE) {
        // The transcript restarted the real server here; restart the fake on its snapshot.
        await server.close();
        server = await startFakeTissDB({ port: 0, snapshot });
        replayer.setPort(server.port);
      }
      results.push(await replayer.run(exchange));
    }
    await server.close();
    const mismatched = results.filter((r) => !r.match);
    const exact = results.length - mismatched.length;
    console.log(`transcript replay: ${exact}/${results.length} exchanges match exactly; ${mismatched.length} differ`);
    for (const r of mismatched) {
      if (process.env.REPLAY_FULL) console.log(JSON.stringify(r));
      console.log(`  seq ${r.seq} ${r.name}: expected ${r.expectedStatus} ${r.expectedBody.slice(0, 160)}\n` +
        `  ${' '.repeat(String(r.seq).length + r.name.length + 6)}got      ${r.actualStatus} ${r.actualBody.slice(0, 160)}`);
    }
    expect(results.length).toBe(366);
    const seqs = mismatched.map((r) => r.seq);
    // Every documented difference is real (nothing stale in the list) ...
    expect(seqs.filter((s) => s in INTENTIONAL_DIFFERENCES)).toEqual(Object.keys(INTENTIONAL_DIFFERENCES).map(Number));
    // ... and nothing else differs, apart from TissQL dialect gaps tracked separately.
    expect(seqs.filter((s) => !(s in INTENTIONAL_DIFFERENCES) && !(s in KNOWN_TISSQL_GAPS))).toEqual([]);
  });
});
