// `ui: true` / `--ui`: a read-only look at the fake from a browser, served at GET /_ui. The page
// talks to the same REST API any client uses (bearer token, /_databases, /{db}/_collections,
// /{db}/_query), so what it shows is what a client would get, quirks included: in parity mode a
// body that isn't valid JSON is shown as the raw text the server sent.
import type { WireResponse } from './wire';

export const UI_PATH = '/_ui';

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>tissdb-lite: fake TissDB</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{font:14px system-ui,sans-serif;margin:0;display:grid;grid-template-columns:16rem 1fr;min-height:100vh}
nav{background:#f3f4f6;padding:1rem;border-right:1px solid #ddd}main{padding:1rem}
h1{font-size:1rem;margin:0 0 1rem}label{display:block;margin:.5rem 0 .2rem;color:#555}
input,select,textarea{width:100%;box-sizing:border-box;font:inherit}textarea{height:5rem;font-family:monospace}
ul{list-style:none;padding:0}li button{background:none;border:0;color:#1d4ed8;cursor:pointer;padding:.15rem 0}
table{border-collapse:collapse;margin-top:1rem}td,th{border:1px solid #ddd;padding:.25rem .5rem;text-align:left;font-family:monospace;vertical-align:top}
pre{background:#f9fafb;padding:.5rem;white-space:pre-wrap}.err{color:#b91c1c}
</style></head><body>
<nav><h1>Fake TissDB</h1>
<label for="token">Bearer token</label><input id="token" value="static_test_token">
<label for="db">Database</label><select id="db"></select>
<label>Collections</label><ul id="collections"></ul></nav>
<main><label for="q">TissQL (POST /{db}/_query)</label>
<textarea id="q"></textarea><button id="run">Run</button>
<div id="out"></div></main>
<script>
const $ = (id) => document.getElementById(id);
async function call(method, path, body) {
  const res = await fetch(path, { method, headers: { Authorization: 'Bearer ' + $('token').value }, body });
  const text = await res.text();
  let value; try { value = JSON.parse(text); } catch { value = undefined; }
  return { status: res.status, text, value };
}
function show(r) {
  const out = $('out'); out.textContent = '';
  if (r.status >= 400 || !Array.isArray(r.value)) {
    const pre = document.createElement('pre'); if (r.status >= 400) pre.className = 'err';
    pre.textContent = r.status + ' ' + r.text; out.append(pre); return;
  }
  const keys = [...new Set(r.value.flatMap((row) => Object.keys(row)))];
  const table = document.createElement('table'); const head = table.insertRow();
  for (const k of keys) { const th = document.createElement('th'); th.textContent = k; head.append(th); }
  for (const row of r.value) { const tr = table.insertRow(); for (const k of keys) tr.insertCell().textContent = k in row ? JSON.stringify(row[k]) : ''; }
  const count = document.createElement('p'); count.textContent = r.value.length + ' row(s)'; out.append(count, table);
}
async function loadCollections() {
  const list = $('collections'); list.textContent = '';
  if (!$('db').value) return;
  const r = await call('GET', '/' + $('db').value + '/_collections');
  for (const name of r.value ?? []) {
    const li = document.createElement('li'); const b = document.createElement('button'); b.textContent = name;
    b.onclick = () => { $('q').value = 'SELECT * FROM ' + name; run(); }; li.append(b); list.append(li);
  }
  if (r.value && r.value.length) { $('q').value = 'SELECT * FROM ' + r.value[0]; await run(); }
}
async function loadDatabases() {
  const r = await call('GET', '/_databases');
  $('db').textContent = '';
  for (const name of r.value ?? []) $('db').append(new Option(name, name));
  if (r.status >= 400) show(r);
  await loadCollections();
}
async function run() { if ($('db').value) show(await call('POST', '/' + $('db').value + '/_query', JSON.stringify({ query: $('q').value }))); }
$('db').onchange = loadCollections; $('token').onchange = loadDatabases; $('run').onclick = run;
loadDatabases();
</script></body></html>
`;

export function uiPage(): WireResponse {
  return { status: 200, contentType: 'text/html; charset=utf-8', body: PAGE };
}
