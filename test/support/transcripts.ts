// The real TissDB server's captured exchanges (shared/tissdb/transcripts.jsonl, tissdb-wire.md §11),
// read by both replays: the fake server's (over sockets) and TissQL's (straight into the engine).
import { readFileSync } from 'node:fs';

export interface Exchange {
  seq: number;
  name: string;
  method: string;
  path: string;
  headers: Record<string, string> | null;
  body: string | null;
  status: number;
  response: string;
  raw_request?: string;
  captures?: Record<string, string | number>;
  path_template?: string;
  body_template?: string;
  headers_template?: Record<string, string>;
  note?: string;
}

export const TRANSCRIPTS_URL = new URL('../../../shared/tissdb/transcripts.jsonl', import.meta.url);

export function loadTranscripts(): Exchange[] {
  return readFileSync(TRANSCRIPTS_URL, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Exchange);
}
