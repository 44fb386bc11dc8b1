// The speed targets of issue 7, checked against one run's medians.
import { formatRatio } from './format.mjs';

const READS = ['get', 'findCity', 'findCityEach', 'findAgeRange', 'findAgeRangeEach', 'findIndexedPlus', 'fullScan', 'countRange', 'sortLimit', 'groupBy'];

/** [op, reference engine, max ratio, description] */
const RATIO_TARGETS = [
  ...READS.map((op) => [op, 'lokijs', 1, 'at least as fast as LokiJS']),
  ['get', 'baseline', 2, 'get within 2x of hand-written'],
  ['findCity', 'baseline', 2, 'indexed find within 2x of hand-written'],
  ['findIndexedPlus', 'baseline', 2, 'indexed find within 2x of hand-written'],
  ['findCityEach', 'baseline', 2, 'indexed find within 2x of hand-written'],
  ['findAgeRange', 'baseline', 2, 'range within 2x of hand-written'],
  ['findAgeRangeEach', 'baseline', 2, 'range within 2x of hand-written'],
  ['countRange', 'baseline', 2, 'count within 2x of hand-written'],
  ['fullScan', 'baseline', 1.5, 'full scan within 1.5x of hand-written'],
  ['sortLimit', 'baseline', 3, 'top-k sort within 3x of hand-written'],
  ['groupBy', 'baseline', 2, 'group-by within 2x of hand-written'],
  ['update', 'sqlite', 3, 'update within 3x of better-sqlite3'],
  ['insertMany', 'baseline', 2, 'insertMany within 2x of hand-written'],
  ['exportAll', 'baseline', 1.5, 'export within 1.5x of hand-written'],
];

/** Rows `{ target, engine, ratio, met }` for every target whose operands were measured. */
export function evaluateTargets(byEngine, subjects) {
  const rows = [];
  const time = (engine, op) => byEngine.get(engine)?.results?.[op]?.medianNs;
  for (const subject of subjects) {
    if (!byEngine.has(subject)) continue;
    for (const [op, ref, max, text] of RATIO_TARGETS) {
      const a = time(subject, op);
      const b = time(ref, op);
      if (a === undefined || b === undefined) continue;
      rows.push({ subject, target: `${op}: ${text}`, ratio: a / b, max, met: a / b <= max });
    }
    const mem = byEngine.get(subject)?.memory?.perDoc;
    const baseMem = byEngine.get('baseline')?.memory?.perDoc;
    if (mem !== undefined && baseMem) {
      rows.push({ subject, target: 'heap per document within 1.3x of hand-written (target is at 1M)', ratio: mem / baseMem, max: 1.3, met: mem / baseMem <= 1.3 });
    }
  }
  return rows;
}

export function targetsMarkdown(rows, names) {
  if (!rows.length) return '';
  const lines = ['| engine | target | ratio | limit | |', '|---|---|---:|---:|---|'];
  for (const r of rows) {
    lines.push(`| ${names(r.subject)} | ${r.target} | ${formatRatio(r.ratio)} | ${formatRatio(r.max)} | ${r.met ? 'met' : '**missed**'} |`);
  }
  return lines.join('\n');
}
