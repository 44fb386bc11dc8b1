// Prints the functions with the most self time in a V8 .cpuprofile (from `npm run bench -- --cpu-prof DIR`):
//   node bench/profile-top.mjs DIR/tissdb-lite-100k.cpuprofile [--top 25] [--under timeOp] [--filter dist/]
// --under NAME counts only samples with a frame named NAME on the stack (timeOp: the timed operations,
// timeInsert: the insert samples), so the initial load does not drown the operation being studied.
import { readFileSync } from 'node:fs';

const args = process.argv.slice(2);
const opt = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const file = args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
const top = Number(opt('--top')) || 25;
const filter = opt('--filter') ?? '';
const under = opt('--under');
if (!file) {
  console.error('usage: node bench/profile-top.mjs FILE.cpuprofile [--top N] [--under FUNCTION] [--filter TEXT]');
  process.exit(2);
}
const profile = JSON.parse(readFileSync(file, 'utf8'));
const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const inside = new Map();
const isUnder = (id) => {
  if (!under) return true;
  if (inside.has(id)) return inside.get(id);
  const n = nodes.get(id);
  const p = parent.get(id);
  const v = n.callFrame.functionName === under || (p !== undefined && isUnder(p));
  inside.set(id, v);
  return v;
};
const byFunction = new Map();
let total = 0;
profile.samples.forEach((id, i) => {
  if (!isUnder(id)) return;
  const us = profile.timeDeltas[i] ?? 0;
  const { functionName, url, lineNumber } = nodes.get(id).callFrame;
  total += us;
  const key = `${functionName || '(anonymous)'} ${url.replace(/^.*\/(node_modules|work\/main)\//, '')}:${lineNumber + 1}`;
  byFunction.set(key, (byFunction.get(key) ?? 0) + us);
});
const rows = [...byFunction].filter(([k]) => k.includes(filter)).sort((a, b) => b[1] - a[1]).slice(0, top);
console.log(`total ${(total / 1000).toFixed(0)} ms sampled${under ? ` under ${under}` : ''}`);
for (const [k, us] of rows) console.log(`${(us / 1000).toFixed(1).padStart(9)} ms ${((100 * us) / total).toFixed(1).padStart(5)}%  ${k}`);
