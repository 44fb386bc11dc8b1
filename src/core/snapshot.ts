import { TissDBLiteError } from './errors';
import { decodeDates, encodeDates } from './json-codec';
import type { Doc, IndexInfo, Snapshot } from './types';

export const SNAPSHOT_FORMAT = 'tissdb-lite/snapshot';

export function snapshotCollection(name: string, indexes: IndexInfo[], docs: Iterable<Doc>): Snapshot['collections'][number] {
  return { name, indexes, documents: Array.from(docs, (doc) => encodeDates(doc)) };
}

/** Checks a snapshot's shape and decodes its documents' Dates. */
export function readSnapshot(value: unknown): Array<{ name: string; indexes: IndexInfo[]; documents: Doc[] }> {
  const fail = (why: string): never => {
    throw new TissDBLiteError('INVALID_ARGUMENT', `TissDBLite.fromSnapshot: ${why}`);
  };
  const snap = value as Partial<Snapshot> | null;
  if (typeof snap !== 'object' || snap === null) fail('expected a snapshot object');
  if (snap?.format !== SNAPSHOT_FORMAT || snap.version !== 1) fail(`not a ${SNAPSHOT_FORMAT} version 1 object`);
  if (!Array.isArray(snap?.collections)) fail('collections must be an array');
  return (snap?.collections ?? []).map((c, i) => {
    if (typeof c?.name !== 'string' || !Array.isArray(c.indexes) || !Array.isArray(c.documents)) {
      fail(`collection #${i} must have name, indexes and documents`);
    }
    return { name: c.name, indexes: c.indexes, documents: c.documents.map((d) => decodeDates(d) as Doc) };
  });
}
