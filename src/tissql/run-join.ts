/**
 * Joins as nested loops over the two sides. Rows are flat, as the real server makes them
 * (tissdb-wire.md §5.2): keys `alias.field` (including `alias._id`) and `_id` `"<left>_<right>"`.
 * An unmatched LEFT row keeps the left side's prefixed keys and the left `_id` (seq 226 shows
 * `{"_id":"o3","orders.item":"cup"}`). In 'tissdb' RIGHT/FULL append the unmatched right
 * documents raw (§9, source only); in 'tissql' they keep their prefixed keys.
 */
import type { CompiledSelect } from './compiled';
import { matches } from './evaluate';
import type { RunContext } from './run-context';
import { evalContext, idOf, serverScan } from './run-context';
import { RightIndex, findEquiKey } from './equi-join';
import type { Row } from './source';
import { put } from './put';

function prefixed(alias: string, doc: Row): Row {
  const out: Row = {};
  for (const [k, v] of Object.entries(doc)) put(out, `${alias}.${k}`, v);
  return out;
}

function loadSide(ctx: RunContext, collection: string): Row[] {
  if (ctx.dialect === 'tissdb') return serverScan(ctx, collection);
  return ctx.source.find(collection, {});
}

/** Rows of `FROM a JOIN b ...`, already flat; `left` holds the FROM side's documents. */
export function joinRows(q: CompiledSelect, left: Row[], ctx: RunContext): Row[] {
  const server = ctx.dialect === 'tissdb';
  let rows: Row[] = left.map((doc) => ({ ...prefixed(q.alias, doc), _id: idOf(doc) }));
  const ectx = evalContext(ctx, server ? {} : { field: flatField });
  const aliases = new Set([q.alias]);
  for (const join of q.joins) {
    const right = loadSide(ctx, join.collection);
    const rightRows = right.map((doc) => ({ doc, flat: prefixed(join.alias, doc) }));
    const key = server ? undefined : findEquiKey(join.on, aliases, join.alias);
    const index = key && new RightIndex(rightRows.length, rightRows.map((r) => flatField(key.right, r.flat)));
    const all = rightRows.map((_, i) => i);
    aliases.add(join.alias);
    const usedRight = new Set<number>();
    const out: Row[] = [];
    for (const l of rows) {
      let matched = false;
      const tries = key && index ? index.candidates(flatField(key.left, l)) : all;
      for (const i of tries) {
        const r = rightRows[i] as (typeof rightRows)[number];
        const combined: Row = { ...l, ...r.flat, _id: `${idOf(l)}_${idOf(r.doc)}` };
        if (join.on === null || matches(join.on, combined, ectx)) {
          matched = true;
          usedRight.add(i);
          out.push(combined);
        }
      }
      if (!matched && (join.kind === 'left' || join.kind === 'full')) out.push(l);
    }
    if (join.kind === 'right' || join.kind === 'full') {
      rightRows.forEach((r, i) => {
        if (!usedRight.has(i)) out.push(server ? r.doc : { ...r.flat, _id: idOf(r.doc) });
      });
    }
    rows = out;
  }
  return rows;
}

/**
 * 'tissql' field lookup on a flat joined row: `o.item` is the key `o.item`; a longer path
 * descends into it (`o.address.city`); an unqualified name is the first alias that has it.
 */
export function flatField(path: string[], row: Row): unknown {
  for (let n = path.length; n >= 1; n--) {
    const key = path.slice(0, n).join('.');
    if (Object.hasOwn(row, key)) return descend(row[key], path.slice(n));
  }
  if (path.length >= 1) {
    for (const key of Object.keys(row)) {
      const dot = key.indexOf('.');
      if (dot >= 0 && key.slice(dot + 1) === path[0]) return descend(row[key], path.slice(1));
    }
  }
  return undefined;
}

function descend(value: unknown, rest: string[]): unknown {
  let v = value;
  for (const part of rest) {
    if (typeof v !== 'object' || v === null || !Object.hasOwn(v, part)) return undefined;
    v = (v as Row)[part];
  }
  return v;
}
