// Benchmark harness of issue 7 (`npm run bench -- [options]`). Every engine runs in its own child
// process (engine-runner.mjs); every result is checked against the hand-written baseline and any
// mismatch fails the run (exit 1) without overwriting bench/results/.
//
//   --size 10k|100k|1m   documents (default 100k; 1m runs insert, lookups, count and memory only)
//   --engines a,b        tissdb-lite, tissdb-lite-noclone, lokijs, nedb, sqlite, mingo, sift, baseline
//   --ops x,y            insertMany, get, findCity, findCityEach, findAgeRange, findAgeRangeEach, findIndexedPlus, fullScan, countRange,
//                        countWide, sortLimit, groupBy, update, exportAll
//   --quick              one call per operation, no timing samples, nothing written (the npm test mode)
//   --scaling            tissdb-lite (`clone: false`) with and without indexes at --sizes (default 1k,10k,100k)
//   --json FILE          also write the raw results as JSON
//   --no-write           print only;  --budget MS  timing budget per operation (default 1500)
//   --seed N             workload seed (default 42)
//   --clock wall|cpu     what the table reports: wall time (hrtime, default) or this process's CPU time
//                        (process.cpuUsage: robust when other jobs load the machine; both are in --json)
//   --cpu-prof DIR       write a V8 CPU profile per engine process into DIR; read it with
//                        `node bench/profile-top.mjs FILE --under timeOp` (the operations, not the load)
import { fork } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve as resolvePath } from 'node:path';
import { compareToBaseline } from './lib/compare.mjs';
import { DEFAULT_OPS, OP_BY_NAME, OPS, OPS_1M, SCALING_OPS, label, parseSize } from './lib/ops.mjs';
import { machine } from './lib/machine.mjs';
import { comparisonMarkdown, scalingMarkdown } from './lib/report.mjs';
import { DEFAULT_SEED } from './lib/workload.mjs';

const ENGINES = ['tissdb-lite', 'tissdb-lite-noclone', 'lokijs', 'nedb', 'sqlite', 'mingo', 'sift', 'baseline'];
const ALIASES = { loki: 'lokijs', '@seald-io/nedb': 'nedb', 'better-sqlite3': 'sqlite', hand: 'baseline', noclone: 'tissdb-lite-noclone' };
const RUNNER = new URL('./engine-runner.mjs', import.meta.url).pathname;
const RESULTS = new URL('./results/', import.meta.url);

function parseArgs(argv) {
  const opts = { clock: 'wall', seed: DEFAULT_SEED, budgetMs: 1500, write: true, quick: false, scaling: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`${arg} needs a value`);
      return argv[++i];
    };
    if (arg === '--size') opts.size = parseSize(value());
    else if (arg === '--sizes') opts.sizes = value().split(',').map(parseSize);
    else if (arg === '--engines') opts.engines = value().split(',').map((e) => ALIASES[e.trim()] ?? e.trim());
    else if (arg === '--ops') opts.ops = value().split(',').map((o) => o.trim());
    else if (arg === '--quick') opts.quick = true;
    else if (arg === '--scaling') opts.scaling = true;
    else if (arg === '--json') opts.json = value();
    else if (arg === '--no-write') opts.write = false;
    else if (arg === '--budget') opts.budgetMs = Number(value());
    else if (arg === '--seed') opts.seed = Number(value());
    else if (arg === '--cpu-prof') opts.cpuProf = value();
    else if (arg === '--clock') opts.clock = value();
    else throw new Error(`unknown option ${arg} (see the top of bench/run.mjs)`);
  }
  for (const e of opts.engines ?? []) if (!ENGINES.includes(e) && e !== 'tissdb-lite-noindex') throw new Error(`unknown engine ${e}`);
  for (const o of opts.ops ?? []) if (!OP_BY_NAME.has(o)) throw new Error(`unknown op ${o}`);
  if (opts.clock !== 'wall' && opts.clock !== 'cpu') throw new Error('--clock is wall or cpu');
  if (opts.quick) opts.write = false;
  return opts;
}

/** Forks one runner process for `engines` (one, or the scaling pair) and resolves with their results. */
function runEngines(engines, cfg) {
  const heapMb = cfg.size >= 500_000 ? 16384 : 4096;
  return new Promise((resolve) => {
    const started = Date.now();
    const profiling = cfg.cpuProf ? ['--cpu-prof', `--cpu-prof-dir=${cfg.cpuProf}`, `--cpu-prof-name=${engines.join('+')}-${label(cfg.size)}.cpuprofile`] : [];
    const child = fork(RUNNER, [JSON.stringify({ ...cfg, engines })], {
      execArgv: ['--expose-gc', `--max-old-space-size=${heapMb}`, ...profiling],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let message;
    child.on('message', (m) => { message = m; });
    child.on('exit', (code, signal) => {
      process.stderr.write(`  [${label(cfg.size)}] ${engines.join(' + ')}: ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
      if (message) resolve(message);
      else resolve(engines.map((engine) => ({ engine, fatal: `process exited with ${signal ?? `code ${code}`} before reporting` })));
    });
  });
}

/** groups: engine lists, one process each. The baseline runs first, alone: it is the reference. */
async function runSize(size, groups, ops, opts) {
  const ordered = OPS.map((o) => o.name).filter((o) => ops.includes(o));
  const cfg = { size, seed: opts.seed, ops: ordered, quick: opts.quick, budgetMs: opts.budgetMs, cpuProf: opts.cpuProf && resolvePath(opts.cpuProf) };
  const byEngine = new Map();
  const all = [['baseline'], ...groups.map((g) => g.filter((e) => e !== 'baseline')).filter((g) => g.length)];
  for (const group of all) {
    for (const out of await runEngines(group, cfg)) byEngine.set(out.engine, out);
  }
  if (opts.clock === 'cpu') {
    for (const run of byEngine.values()) {
      for (const r of Object.values(run.results ?? {})) if (r.cpuNs !== undefined) Object.assign(r, { wallNs: r.medianNs, medianNs: r.cpuNs });
    }
  }
  const { failures, checks } = compareToBaseline(byEngine, ordered);
  return { size, ops: ordered, byEngine, failures, checks };
}

function save(name, markdown) {
  mkdirSync(RESULTS, { recursive: true });
  const file = new URL(name, RESULTS);
  writeFileSync(file, markdown);
  process.stderr.write(`wrote ${file.pathname}\n`);
}

function toJson(runs) {
  return runs.map((r) => ({ ...r, byEngine: Object.fromEntries(r.byEngine) }));
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const meta = { loadAtStart: machine().load, date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC', seed: opts.seed, quick: opts.quick, clock: opts.clock };
  let runs;
  let markdown;
  let file;
  if (opts.scaling) {
    const sizes = opts.sizes ?? [1000, 10_000, 100_000];
    const ops = opts.ops ?? SCALING_OPS;
    runs = [];
    for (const size of sizes) runs.push(await runSize(size, [['tissdb-lite-noclone', 'tissdb-lite-noindex']], ops, opts));
    markdown = scalingMarkdown(runs, meta);
    file = 'scaling.md';
  } else {
    const size = opts.size ?? 100_000;
    // Quick mode is a correctness check, so it covers every op (countWide included).
    const ops = opts.ops ?? (opts.quick ? OPS.map((o) => o.name) : size >= 1_000_000 ? OPS_1M : DEFAULT_OPS);
    runs = [await runSize(size, (opts.engines ?? ENGINES).map((e) => [e]), ops, opts)];
    markdown = comparisonMarkdown(runs[0], meta);
    file = `${label(size).toLowerCase()}.md`;
  }
  console.log(markdown);
  if (opts.json) writeFileSync(opts.json, JSON.stringify(toJson(runs), null, 1));
  const failures = runs.flatMap((r) => r.failures);
  if (failures.length) {
    console.error(`\nFAILED: ${failures.length} result(s) differ from the hand-written baseline or crashed:`);
    for (const f of failures) console.error(`  - ${f}`);
    console.error('bench/results/ left unchanged.');
    process.exit(1);
  }
  if (opts.write) save(file, markdown);
}

main().catch((err) => {
  console.error(err?.stack ?? err);
  process.exit(1);
});
