// A process killed (SIGKILL) while it keeps saving snapshots leaves a whole file: the old one or a
// new one, never a torn one (temp file + fsync + rename).
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { startFakeTissDB } from '../../src/server';

const dir = mkdtempSync(join(tmpdir(), 'tissdb-kill-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('snapshot saves under SIGKILL', () => {
  it('always leaves a parseable snapshot', async () => {
    const entry = join(dir, 'saver.ts');
    const source = fileURLToPath(new URL('../../src/server/snapshot-file.ts', import.meta.url));
    writeFileSync(
      entry,
      `import { saveSnapshotFile } from ${JSON.stringify(source)};
       const file = process.argv[2];
       const pad = 'x'.repeat(300_000);
       for (let version = 1; ; version++) {
         await saveSnapshotFile(file, JSON.stringify({ version, pad }));
         console.log(version);
       }`,
    );
    const saver = join(dir, 'saver.mjs');
    await build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'esm', outfile: saver, logLevel: 'error' });
    const file = join(dir, 'snap.json');
    for (let round = 0; round < 3; round++) {
      const child = spawn(process.execPath, [saver, file], { stdio: ['ignore', 'pipe', 'inherit'] });
      const exited = new Promise((resolve) => child.on('close', resolve));
      await new Promise<void>((resolve) => {
        createInterface({ input: child.stdout }).on('line', (line) => {
          if (Number(line) >= 5 + round * 3) resolve();
        });
      });
      child.kill('SIGKILL');
      await exited;
      const saved = JSON.parse(readFileSync(file, 'utf8')) as { version: number; pad: string };
      expect(saved.version).toBeGreaterThanOrEqual(5 + round * 3);
      expect(saved.pad).toHaveLength(300_000);
    }
  });

  it('removes temp files a killed process left behind when the server loads the snapshot', async () => {
    const file = join(dir, 'left.json');
    writeFileSync(join(dir, '.left.json.12345.7.tmp'), '{"torn":');
    const server = await startFakeTissDB({ snapshot: file });
    await server.close();
    expect(readdirSync(dir).filter((n) => n.startsWith('.left.json.'))).toEqual([]);
  });
});
