// Engines in their own process (forked by run.mjs with --expose-gc): loads the workload, measures
// heap per document, runs each operation once to fingerprint its result, then times it and sends
// everything back over IPC. argv[2] is the JSON config built by run.mjs; `cfg.engines` is one engine
// (the comparison) or two (the scaling table's indexed-vs-scan pair, timed in alternating samples so
// both see the same machine load).
import { generateDocs } from './lib/workload.mjs';
import { OPS } from './lib/ops.mjs';

const cfg = JSON.parse(process.argv[2]);
// If run.mjs dies (Ctrl-C, kill), do not linger holding gigabytes.
process.on('disconnect', () => process.exit(1));
const now = () => process.hrtime.bigint();
const gc = () => {
  if (typeof globalThis.gc !== 'function') throw new Error('engine-runner needs --expose-gc');
  globalThis.gc();
  globalThis.gc();
};
const TARGET_SAMPLE_NS = 20e6; // batch cheap calls so a timed sample lasts >= 20 ms
const MIN_SAMPLES = 5;
const MAX_SAMPLES = 31;
const budgetNs = (cfg.budgetMs ?? 1500) * 1e6;

/** CPU time (user + system, all threads of this process) since `start`, in ns: immune to other processes. */
function cpuNs(start) {
  const d = process.cpuUsage(start);
  return (d.user + d.system) * 1000;
}

let sink; // keeps results alive so the JIT cannot drop the calls being timed

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Loads `size` documents into a fresh store, measuring the heap it holds once the input is dropped. */
async function load(mod) {
  gc();
  const heap0 = process.memoryUsage().heapUsed;
  let docs = generateDocs(cfg.size, cfg.seed);
  const engine = await mod.create();
  const c0 = process.cpuUsage();
  const t0 = now();
  const inserted = await engine.insertMany(docs);
  const loadNs = Number(now() - t0);
  const loadCpuNs = cpuNs(c0);
  docs = null;
  gc();
  const heap1 = process.memoryUsage().heapUsed;
  const memory = engine.memoryBytes
    ? { perDoc: engine.memoryBytes() / cfg.size, kind: 'pages' }
    : { perDoc: (heap1 - heap0) / cfg.size, kind: 'heap' };
  return { engine, inserted, loadNs, loadCpuNs, memory };
}

async function main() {
  const subjects = [];
  for (const name of cfg.engines) {
    const mod = await import(`./engines/${name}.mjs`);
    subjects.push({ name, mod, skip: new Set(mod.info.skip ?? []), isAsync: Boolean(mod.info.async), value: 0 });
  }
  for (const s of subjects) Object.assign(s, await load(s.mod));
  const outs = subjects.map((s) => ({ engine: s.name, info: s.mod.info, size: cfg.size, memory: s.memory, results: {} }));

  for (const op of OPS) {
    if (!cfg.ops.includes(op.name)) continue;
    const active = [];
    subjects.forEach((s, i) => {
      const supported = !s.skip.has(op.name) && (op.name === 'insertMany' || typeof s.engine[op.as ?? op.name] === 'function');
      if (supported) active.push({ s, out: outs[i] });
      else outs[i].results[op.name] = { skipped: true };
    });
    try {
      const results = op.name === 'insertMany' ? await timeInsert(op, active.map((a) => a.s)) : await timeOp(op, active.map((a) => a.s));
      active.forEach((a, i) => { a.out.results[op.name] = results[i]; });
    } catch (err) {
      for (const a of active) a.out.results[op.name] ??= { error: String(err?.stack ?? err) };
    }
  }
  process.send(outs, () => process.exit(0));
}

async function timeInsert(op, subjects) {
  const summaries = subjects.map((s) => op.summarize([s.inserted]));
  if (cfg.quick) return subjects.map((s, i) => ({ ...summaries[i], medianNs: s.loadNs, cpuNs: s.loadCpuNs, samples: 1, reps: 1 }));
  const slowest = Math.max(...subjects.map((s) => s.loadNs));
  const count = Math.max(1, Math.min(5, Math.floor((2 * budgetNs) / slowest)));
  const times = subjects.map(() => []);
  const cpu = subjects.map(() => []);
  for (let k = 0; k < count; k++) {
    for (const [i, s] of subjects.entries()) {
      let docs = generateDocs(cfg.size, cfg.seed);
      gc();
      let fresh = await s.mod.create();
      const c0 = process.cpuUsage();
      const t0 = now();
      const n = await fresh.insertMany(docs);
      times[i].push(Number(now() - t0));
      cpu[i].push(cpuNs(c0));
      if (n !== s.inserted) throw new Error(`${s.name}: insertMany returned ${n}, first load returned ${s.inserted}`);
      docs = null;
      fresh = null;
    }
  }
  return subjects.map((s, i) => ({ ...summaries[i], medianNs: median(times[i]), cpuNs: median(cpu[i]), samples: count, reps: 1 }));
}

async function timeOp(op, subjects) {
  const params = op.params(cfg.size, cfg.seed);
  const runs = [];
  for (const s of subjects) {
    // A failing engine reports its error; the others in the process still get timed.
    try {
      runs.push({ s, ...(await fingerprint(op, s, params)) });
    } catch (err) {
      runs.push({ s, error: String(err?.stack ?? err) });
    }
  }
  const ok = runs.filter((r) => !r.error);
  if (!cfg.quick && ok.length) {
    // The fingerprint call ran cold: calibrating also warms up (the JIT, the engine's caches).
    for (const r of ok) r.est = await calibrate(r, params);
    for (const r of ok) r.reps = Math.max(1, Math.ceil(TARGET_SAMPLE_NS / r.est));
    const costliest = Math.max(...ok.map((r) => r.reps * r.est));
    let samples = Math.max(MIN_SAMPLES, Math.min(MAX_SAMPLES, Math.floor(budgetNs / (ok.length * costliest))));
    if (costliest > budgetNs / 2) samples = 3; // very slow engines: three samples, not five
    for (const r of ok) Object.assign(r, { times: [], cpu: [] });
    for (let k = 0; k < samples; k++) {
      // Paired runs alternate the order (AB, BA, ...) so neither engine always follows the other.
      for (const r of k % 2 ? [...ok].reverse() : ok) {
        const { wall, cpu } = await sample(r, params);
        r.times.push(wall / r.reps);
        r.cpu.push(cpu / r.reps);
      }
    }
    for (const r of ok) Object.assign(r, { medianNs: median(r.times), cpuNs: median(r.cpu), samples });
  }
  for (const r of ok) if (op.mutates) await r.fn(params[0], -1);
  return runs.map((r) => (r.error ? { error: r.error }
    : { ...r.summary, medianNs: r.medianNs ?? r.est, cpuNs: r.cpuNs ?? r.est, samples: r.samples ?? 1, reps: r.reps ?? 1 }));
}

/** Runs every parameter once: the result fingerprint, the first warm-up and the cost estimate. */
async function fingerprint(op, s, params) {
  const fn = s.engine[op.as ?? op.name].bind(s.engine);
  const results = [];
  const t0 = now();
  for (const p of params) results.push(await fn(p, ++s.value));
  const est = Math.max(1, Number(now() - t0) / params.length);
  return { fn, est, summary: op.summarize(results) };
}

/**
 * Per-call cost once warm: batches doubling in size until one lasts TARGET_SAMPLE_NS, then one more
 * batch of that size; the faster of the two gives the estimate.
 */
async function calibrate(r, params) {
  let reps = 1;
  for (;;) {
    const { wall } = await sample(r, params, reps);
    if (wall >= TARGET_SAMPLE_NS || reps >= 1 << 24) {
      // The faster of two: one batch may have paid a major GC or an engine's periodic rebuild.
      const again = await sample(r, params, reps);
      return Math.max(1, Math.min(wall, again.wall) / reps);
    }
    reps = Math.min(reps * 8, Math.max(reps * 2, Math.ceil((reps * TARGET_SAMPLE_NS) / Math.max(1, wall))));
  }
}

async function sample(r, params, reps = r.reps) {
  const ns = r.s.isAsync ? await asyncSample(r.fn, params, reps, r.s.value + 1) : syncSample(r.fn, params, reps, r.s.value + 1);
  r.s.value += reps;
  return ns;
}

// `base + i` is the update op's $set value (a new one per call); read-only ops ignore it.
function syncSample(fn, params, reps, base) {
  const len = params.length;
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < reps; i++) sink = fn(params[i % len], base + i);
  const wall = Number(process.hrtime.bigint() - t0);
  return { wall, cpu: cpuNs(c0) };
}

async function asyncSample(fn, params, reps, base) {
  const len = params.length;
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < reps; i++) sink = await fn(params[i % len], base + i);
  const wall = Number(process.hrtime.bigint() - t0);
  return { wall, cpu: cpuNs(c0) };
}

main().catch((err) => {
  process.send(cfg.engines.map((engine) => ({ engine, fatal: String(err?.stack ?? err) })), () => process.exit(1));
});
