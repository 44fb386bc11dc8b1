// Result fingerprints compared across engines: a count plus a hash over the fields the workload
// defines (engine-added fields such as $loki, meta or _createdDate are ignored).

function fnv1a(str) {
  let h = 0x811c9dc5;
  for (let i = 0; i < str.length; i++) {
    h ^= str.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The workload's view of a document; a createdAt that is not a Date is flagged, not coerced. */
export function canon(doc) {
  if (doc === undefined || doc === null) return 'missing';
  const p = doc.profile ?? {};
  const created = doc.createdAt instanceof Date ? doc.createdAt.getTime() : `not-a-Date:${typeof doc.createdAt}`;
  return JSON.stringify([doc._id, doc.name, doc.age, doc.city, doc.tags, p.score, p.active,
    p.level ?? null, doc.note ?? null, created]);
}

/** Order-insensitive fingerprint of a set of documents. */
export function setOfDocs(docs) {
  let sum = 0;
  let xor = 0;
  for (const d of docs) {
    const h = fnv1a(canon(d));
    sum = (sum + h) >>> 0;
    xor = (xor ^ h) >>> 0;
  }
  return { count: docs.length, checksum: `${sum.toString(16)}-${xor.toString(16)}` };
}

/** Order-sensitive fingerprint of a list of documents. */
export function listOfDocs(docs) {
  let h = 0x811c9dc5;
  for (const d of docs) h = Math.imul(h ^ fnv1a(canon(d)), 0x01000193) >>> 0;
  return { count: docs.length, checksum: h.toString(16) };
}

export function ofNumber(n) {
  return { count: n, checksum: String(n) };
}

/** Group-by rows {_id: city, total, n}, compared in city order. */
export function ofGroups(rows) {
  const sorted = rows.map((r) => `${r._id}:${r.total}:${r.n}`).sort();
  return { count: rows.length, checksum: fnv1a(sorted.join('|')).toString(16) };
}
