// Markdown for the comparison table and the tissdb-lite scaling table.
import { formatBytes, formatCount, formatNs, formatRatio } from './format.mjs';
import { label, OP_BY_NAME } from './ops.mjs';
import { machine, packageVersion } from './machine.mjs';
import { evaluateTargets, targetsMarkdown } from './targets.mjs';

const NAMES = {
  'tissdb-lite': 'tissdb-lite',
  'tissdb-lite-noclone': 'tissdb-lite `clone:false`',
  'tissdb-lite-noindex': 'tissdb-lite `clone:false`, no indexes (scan)',
  lokijs: 'LokiJS',
  nedb: 'NeDB',
  sqlite: 'better-sqlite3 (memory)',
  mingo: 'mingo over an array',
  sift: 'sift over an array',
  baseline: 'hand-written JS (Map + Array)',
};
export const engineName = (e) => NAMES[e] ?? e;
const PACKAGES = { lokijs: 'lokijs', nedb: '@seald-io/nedb', sqlite: 'better-sqlite3', mingo: 'mingo', sift: 'sift' };

export const DIALECT_NOTES = `Notes on the peers (each engine runs in its own process; same documents, same queries):
- LokiJS: insertMany is \`insert(docs, true)\` (batch mode: plain \`insert(array)\` maintains the binary
  indices per document, which is quadratic); \`{age: {$gte: 30, $lte: 34}}\` silently applies only the first operator, so ranges are written
  \`{$between: [lo, hi]}\` and \`$gte\` + \`$lt\` as two clauses under \`$and\`; \`$in\` on the array field \`tags\`
  matches nothing, so it is written \`$containsAny\`; group-by uses \`mapReduce\`; export uses Loki's
  'parse-stringify' clone, after which \`createdAt\` is turned back into a Date. Reads return Loki's live objects.
- NeDB: promise API (every call awaited); group-by fetches \`city\` and \`profile.score\` and sums in JS.
- better-sqlite3: \`:memory:\`, one row per document (JSON text) with \`id\`, \`city\`, \`age\` extracted into
  indexed columns; other fields via \`json_extract\` / \`json_each\`; rows are parsed back into documents.
  Its memory is SQLite's page count, not JS heap.
- mingo / sift: queries over the generated array (no store, so no insert/export; sift has no sort,
  aggregation or update). Reads return the array's own objects.
- hand-written: copies documents in and on export, returns stored objects on reads; indexes are a
  Map by \`_id\`, a Map city -> docs and an array sorted by age; top-k and group-by in one pass.
- tissdb-lite returns copies by default; the \`clone:false\` column is \`new TissDBLite({ clone: false })\`
  (deep-frozen shared documents; \`get\` included). Export returns deep copies in both.`;

function header(title, meta) {
  const m = machine();
  const versions = ['tissdb-lite', ...Object.values(PACKAGES)].map((p) => `${p} ${packageVersion(p)}`).join(', ');
  return [
    `## ${title}`,
    '',
    `Machine: ${m.cpu}, ${m.cores} cores, ${m.memGB} GB RAM, ${m.os}, Node ${m.node}; load average ${meta.loadAtStart} at the start of the run, ${m.load} at the end.`,
    `Versions: ${versions}.`,
    `Run: ${meta.date}, seed ${meta.seed}${meta.quick ? ', quick mode (one call per op)' : ''}. Median ${meta.clock === 'cpu' ? 'CPU time (process.cpuUsage, all threads)' : 'wall time (process.hrtime)'} per call over repeated samples after a warm-up; ratio = engine / hand-written.`,
  ].join('\n');
}

const cell = (r, base) => {
  if (!r || r.skipped) return '-';
  if (r.error) return 'error';
  const ratio = base && !base.skipped && base.medianNs ? ` (${formatRatio(r.medianNs / base.medianNs)})` : '';
  return `${formatNs(r.medianNs)}${ratio}`;
};

export function comparisonMarkdown(run, meta) {
  const engines = [...run.byEngine.keys()].sort((a, b) => order(a) - order(b));
  const base = run.byEngine.get('baseline');
  const lines = [header(`${label(run.size)} documents: tissdb-lite against its peers`, meta), ''];
  lines.push(`| operation (${label(run.size)}) | rows | ${engines.map(engineName).join(' | ')} |`);
  lines.push(`|---|---:|${engines.map(() => '---:').join('|')}|`);
  for (const op of run.ops) {
    const b = base?.results[op];
    const cells = engines.map((e) => (run.byEngine.get(e).fatal ? 'crashed' : cell(run.byEngine.get(e).results?.[op], b)));
    lines.push(`| ${OP_BY_NAME.get(op).label(run.size)} | ${b?.count === undefined ? '' : formatCount(b.count)} | ${cells.join(' | ')} |`);
  }
  const baseMem = base?.memory?.perDoc;
  const mem = engines.map((e) => {
    const m = run.byEngine.get(e).memory;
    if (!m) return '-';
    const ratio = baseMem && m.kind === 'heap' ? ` (${formatRatio(m.perDoc / baseMem)})` : '';
    return `${formatBytes(m.perDoc)}${m.kind === 'pages' ? ' pages' : ''}${ratio}`;
  });
  lines.push(`| memory per document after load | | ${mem.join(' | ')} |`);
  lines.push('', `Correctness: ${run.checks} (engine, operation) results compared with the hand-written baseline's count and checksum: ${run.failures.length ? `**${run.failures.length} MISMATCHES**` : 'all equal'}.`);
  const targets = evaluateTargets(run.byEngine, ['tissdb-lite', 'tissdb-lite-noclone']);
  if (targets.length) {
    lines.push('', `### Issue 7 targets at ${label(run.size)}`, '', targetsMarkdown(targets, engineName));
    lines.push('', 'LokiJS, mingo, sift and the hand-written baseline hand out their stored objects; tissdb-lite by default returns copies. For reads, the `clone:false` rows are the like-for-like comparison; the default rows show the price of copies.');
  }
  lines.push('', DIALECT_NOTES, '');
  return lines.join('\n');
}

function order(engine) {
  const i = Object.keys(NAMES).indexOf(engine);
  return i < 0 ? 99 : i;
}

const SAME_PLAN = new Set(['get', 'fullScan', 'sortLimit']);

/** runs: one comparison run per size with tissdb-lite and tissdb-lite-noindex. */
export function scalingMarkdown(runs, meta) {
  const sizes = runs.map((r) => label(r.size));
  const lines = [header('tissdb-lite scaling: indexed plan against a full scan', meta), ''];
  lines.push(`Each cell: median per call with the indexes on \`city\` and \`age\` / the same query on a collection without them (a scan) / their ratio. Both collections use \`clone: false\`, so the numbers are the engine's own work, not the copying of results. Planner target: ratio <= 1.10.`, '');
  lines.push(`| operation | ${sizes.join(' | ')} |`);
  lines.push(`|---|${sizes.map(() => '---:').join('|')}|`);
  const ops = runs[0]?.ops ?? [];
  const worst = { ratio: 0, where: '' };
  const noise = { ratio: 1, where: '' };
  for (const op of ops) {
    const cells = runs.map((run) => {
      const a = run.byEngine.get('tissdb-lite-noclone')?.results?.[op];
      const s = run.byEngine.get('tissdb-lite-noindex')?.results?.[op];
      if (!a?.medianNs || !s?.medianNs) return '-';
      const ratio = a.medianNs / s.medianNs;
      // get (the _id map), the unindexed scan and the unindexed sort run the same plan in both
      // collections: no planner decision, so their ratio only shows the measurement noise.
      if (SAME_PLAN.has(op)) {
        if (Math.abs(Math.log(ratio)) > Math.abs(Math.log(noise.ratio))) Object.assign(noise, { ratio, where: `${op} at ${label(run.size)}` });
        return `${formatNs(a.medianNs)} / ${formatNs(s.medianNs)} / ${formatRatio(ratio)} (same plan)`;
      }
      if (ratio > worst.ratio) Object.assign(worst, { ratio, where: `${op} at ${label(run.size)}` });
      return `${formatNs(a.medianNs)} / ${formatNs(s.medianNs)} / ${formatRatio(ratio)}`;
    });
    lines.push(`| ${OP_BY_NAME.get(op).label(runs[0].size)} | ${cells.join(' | ')} |`);
  }
  lines.push('', 'Per returned row (indexed plan) and per stored document (scan), to read flatness and linearity:', '');
  lines.push(`| operation | ${sizes.map((s) => `${s} per row, indexed | ${s} per doc, scan`).join(' | ')} |`);
  lines.push(`|---|${sizes.map(() => '---:|---:').join('|')}|`);
  for (const op of ops) {
    const cells = runs.map((run) => {
      const a = run.byEngine.get('tissdb-lite-noclone')?.results?.[op];
      const s = run.byEngine.get('tissdb-lite-noindex')?.results?.[op];
      // count ops: the counted rows; get: one row per call (its count is the number of ids looked up).
      const rows = op === 'get' ? 1 : Math.max(1, a?.count ?? 1);
      return `${a?.medianNs ? formatNs(a.medianNs / rows) : '-'} | ${s?.medianNs && op !== 'get' ? formatNs(s.medianNs / run.size) : '-'}`;
    });
    lines.push(`| ${OP_BY_NAME.get(op).label(runs[0].size)} | ${cells.join(' | ')} |`);
  }
  lines.push('', `Worst indexed/scan ratio where the planner chooses (filters on \`city\` / \`age\`): ${formatRatio(worst.ratio)} (${worst.where}): ${worst.ratio <= 1.1 ? 'planner target met' : '**planner target missed**'}.`);
  lines.push(`Noise gauge: the rows marked "same plan" run identical code in both collections; their ratio furthest from 1 is ${formatRatio(noise.ratio)} (${noise.where || 'n/a'}).`);
  const fails = runs.flatMap((r) => r.failures);
  lines.push(`Correctness: indexed, scan and hand-written results compared at every size: ${fails.length ? `**${fails.length} MISMATCHES**` : 'all equal'}.`, '');
  return lines.join('\n');
}
