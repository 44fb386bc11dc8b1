// Snapshot persistence for the fake: the whole server state as one JSON file, written atomically
// (temp file in the same directory, fsync, rename, fsync the directory) so a kill at any moment
// leaves either the old file or the new one, never a torn one.
import { open, readFile, readdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { TissDBLite } from '../core';
import { FakeDatabase } from './database';

const FORMAT = 'tissdb-lite-fake-server/1';

interface SnapshotFile {
  format: typeof FORMAT;
  databases: Record<string, { nextTransactionId: number; data: unknown }>;
}

export function serialiseDatabases(databases: Map<string, FakeDatabase>): string {
  const out: SnapshotFile = { format: FORMAT, databases: {} };
  for (const [name, db] of databases) {
    out.databases[name] = { nextTransactionId: db.nextTransactionId, data: db.db.toSnapshot() };
  }
  return JSON.stringify(out);
}

/** Temp files a killed process left behind: never the snapshot itself, safe to remove. */
async function removeStaleTemps(file: string): Promise<void> {
  const prefix = `.${basename(file)}.`;
  const names = await readdir(dirname(file)).catch(() => [] as string[]);
  await Promise.all(names.filter((n) => n.startsWith(prefix) && n.endsWith('.tmp')).map((n) => rm(join(dirname(file), n), { force: true })));
}

export async function loadSnapshotFile(file: string): Promise<Map<string, FakeDatabase>> {
  const databases = new Map<string, FakeDatabase>();
  await removeStaleTemps(file);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return databases;
    throw e;
  }
  const parsed = JSON.parse(text) as Partial<SnapshotFile>;
  if (parsed.format !== FORMAT || typeof parsed.databases !== 'object' || parsed.databases === null) {
    throw new Error(`${file} is not a tissdb-lite fake server snapshot (format ${String(parsed.format)})`);
  }
  for (const [name, entry] of Object.entries(parsed.databases)) {
    const db = new FakeDatabase(TissDBLite.fromSnapshot(entry.data));
    db.nextTransactionId = entry.nextTransactionId;
    databases.set(name, db);
  }
  return databases;
}

let tempCounter = 0;

/** Writes `content` to `file` so that readers (and a crash) only ever see a whole old or new file. */
export async function saveSnapshotFile(file: string, content: string): Promise<void> {
  const temp = join(dirname(file), `.${basename(file)}.${process.pid}.${++tempCounter}.tmp`);
  const handle = await open(temp, 'w');
  try {
    await handle.writeFile(content, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(temp, file);
  } catch (e) {
    await rm(temp, { force: true });
    throw e;
  }
  await syncDirectory(dirname(file));
}

/** Makes the rename itself durable; some platforms (Windows) can't open directories, which is fine. */
async function syncDirectory(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // best effort
  }
}
