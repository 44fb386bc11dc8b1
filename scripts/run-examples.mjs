// Runs every example as its own process: each one asserts what it prints and exits non-zero on a
// mismatch, so a broken example fails `npm test` the way a failing test does.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const dir = new URL('../examples/', import.meta.url).pathname;
const files = readdirSync(dir).filter((f) => /\.(mjs|js|cjs)$/.test(f)).sort();
let failed = 0;
for (const file of files) {
  const started = Date.now();
  const run = spawnSync(process.execPath, [join(dir, file)], { encoding: 'utf8', timeout: 60_000 });
  const ok = run.status === 0;
  if (!ok) failed++;
  console.log(`${ok ? 'ok  ' : 'FAIL'} examples/${file} (${Date.now() - started} ms)`);
  if (!ok) console.log(run.stdout, run.stderr);
}
console.log(`examples: ${files.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
