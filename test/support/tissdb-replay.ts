// Replays shared/tissdb/transcripts.jsonl (beside the checkout) against a server (tissdb-wire.md §11): every
// exchange over a raw socket, bytes as curl sent them (or the recorded raw request), generated ids
// captured from our answers and substituted where the transcript used the real ones.
import type { Exchange } from './transcripts';
import { connect } from 'node:net';


export interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** How many `HTTP/1.1 ` status lines came back (pipelining check). */
  responses: number;
}

export function sendRaw(port: number, bytes: string | Buffer): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const parts: Buffer[] = [];
    socket.on('data', (d: Buffer) => parts.push(d));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(parts).toString('utf8');
      const split = text.indexOf('\r\n\r\n');
      const head = split < 0 ? text : text.slice(0, split);
      const [statusLine = '', ...lines] = head.split('\r\n');
      const headers: Record<string, string> = {};
      for (const line of lines) {
        const colon = line.indexOf(':');
        if (colon > 0) headers[line.slice(0, colon)] = line.slice(colon + 1).trim();
      }
      resolve({
        status: Number(statusLine.split(' ')[1] ?? 0) || 0,
        headers,
        body: split < 0 ? '' : text.slice(split + 4),
        responses: text.split('HTTP/1.1 ').length - 1,
      });
    });
    socket.write(bytes);
  });
}

/** The bytes curl 7.88 sends for a recorded exchange. */
export function curlBytes(port: number, method: string, path: string, headers: Record<string, string>, body: string | null): Buffer {
  let head = `${method} ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUser-Agent: curl/7.88.1\r\nAccept: */*\r\n`;
  for (const [k, v] of Object.entries(headers)) head += `${k}: ${v}\r\n`;
  const payload = body === null ? Buffer.alloc(0) : Buffer.from(body, 'utf8');
  if (body !== null) head += `Content-Length: ${payload.length}\r\n`;
  return Buffer.concat([Buffer.from(`${head}\r\n`, 'utf8'), payload]);
}

function fill(template: string, vars: Map<string, string>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => vars.get(name) ?? `{{${name}}}`);
}

/** Finds the key whose value the transcript captured, so the same key can be read from our answer. */
function findKey(value: unknown, wanted: string): string | undefined {
  if (Array.isArray(value)) return value.map((v) => findKey(v, wanted)).find((k) => k !== undefined);
  if (typeof value !== 'object' || value === null) return undefined;
  for (const [k, v] of Object.entries(value)) {
    if (String(v) === wanted) return k;
    const inner = findKey(v, wanted);
    if (inner !== undefined) return inner;
  }
  return undefined;
}

function readKey(body: string, key: string): string | undefined {
  const match = new RegExp(`"${key}":"?([^",}]+)"?`).exec(body);
  return match?.[1];
}

/** Values that differ on every run by design (§11): INSERT's random ids, NOW(), feedback ids. */
export function normalise(body: string): string {
  return body
    .replace(/"inserted_id":"\d+"/g, '"inserted_id":"<random>"')
    .replace(/Feedback created with ID: \d+/g, 'Feedback created with ID: <generated>')
    .replace(/"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z)"/g, (whole, iso: string) =>
      Math.abs(Date.parse(iso) - Date.now()) < 3 * 86_400_000 || iso.startsWith('2026-11-2') ? '"<now>"' : whole,
    );
}

export interface ReplayResult {
  seq: number;
  name: string;
  expectedStatus: number;
  actualStatus: number;
  expectedBody: string;
  actualBody: string;
  match: boolean;
}

export class Replayer {
  /** Real (recorded) value → our value, for every capture so far. */
  private readonly realToOurs = new Map<string, string>();
  private readonly vars = new Map<string, string>();

  constructor(private port: number) {}

  setPort(port: number): void {
    this.port = port;
  }

  async run(x: Exchange): Promise<ReplayResult> {
    const headers = x.headers_template ? mapValues(x.headers_template, (v) => fill(v, this.vars)) : (x.headers ?? {});
    const path = x.path_template ? fill(x.path_template, this.vars) : x.path;
    const body = x.body_template ? fill(x.body_template, this.vars) : x.body;
    const bytes = x.raw_request ?? curlBytes(this.port, x.method, path, headers, body);
    const answer = await sendRaw(this.port, bytes);
    for (const [name, real] of Object.entries(x.captures ?? {})) {
      const key = findKey(safeJson(x.response), String(real));
      const ours = key === undefined ? undefined : readKey(answer.body, key);
      if (ours !== undefined) {
        this.vars.set(name, ours);
        // Short captures (transaction ids 1, 2, 3) are counters that match anyway; replacing "1"
        // everywhere would corrupt the expected text.
        if (String(real).length >= 6) this.realToOurs.set(String(real), ours);
      }
    }
    let expected = x.response;
    for (const [real, ours] of this.realToOurs) expected = expected.split(real).join(ours);
    const expectedBody = normalise(expected);
    const actualBody = normalise(answer.body);
    return {
      seq: x.seq,
      name: x.name,
      expectedStatus: x.status,
      actualStatus: answer.status,
      expectedBody,
      actualBody,
      match: x.status === answer.status && expectedBody === actualBody,
    };
  }
}

function mapValues(record: Record<string, string>, fn: (v: string) => string): Record<string, string> {
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, fn(v)]));
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
