// Reads response bodies of the real TissDB server, which writes strings and keys without escaping
// (tissdb-wire.md §4.4): a stored `He said "hi"` comes back as `"He said "hi""`, a backslash as a
// single raw backslash, a newline as a raw newline. JSON.parse rejects those or, worse, misreads a
// stored `a\nb` (backslash, n) as a newline. So in 'raw' mode every byte inside quotes is content and
// a `"` ends a string only where the JSON structure can go on: a key's quote before `:`, a value's
// before `}` / `]` / `,` (and in objects `,` followed by the next key's `"`). A quote followed by one
// of those inside a stored string is undecidable; such bodies may be misread, which is why the codec
// refuses to store quotes unless it encodes them (see codec.ts).

export type ResponseStrings = 'raw' | 'json';

type Context = 'top' | 'object' | 'array';

class RawReader {
  private pos = 0;
  constructor(private readonly text: string) {}

  read(): unknown {
    const value = this.value('top');
    this.skipWs();
    if (this.pos !== this.text.length) throw new Error(`unexpected text at ${this.pos}`);
    return value;
  }

  private skipWs(): void {
    while (this.pos < this.text.length && /\s/.test(this.text[this.pos] as string)) this.pos++;
  }

  private nextNonWs(from: number): number {
    let i = from;
    while (i < this.text.length && /\s/.test(this.text[i] as string)) i++;
    return i;
  }

  private value(ctx: Context): unknown {
    this.skipWs();
    const c = this.text[this.pos];
    if (c === '{') return this.object();
    if (c === '[') return this.array();
    if (c === '"') return this.string('value', ctx);
    for (const [word, literal] of [['true', true], ['false', false], ['null', null]] as const) {
      if (this.text.startsWith(word, this.pos)) {
        this.pos += word.length;
        return literal;
      }
    }
    const number = /^-?[0-9.]+(?:[eE][+-]?\d+)?|^-?(?:inf|nan)/.exec(this.text.slice(this.pos, this.pos + 40));
    if (number === null) throw new Error(`unexpected character at ${this.pos}`);
    this.pos += number[0].length;
    return Number(number[0].replace('inf', 'Infinity').replace('nan', 'NaN'));
  }

  private closes(quote: number, kind: 'key' | 'value', ctx: Context): boolean {
    const j = this.nextNonWs(quote + 1);
    const next = this.text[j];
    if (kind === 'key') return next === ':';
    if (ctx === 'top') return j === this.text.length;
    if (ctx === 'array') return next === ']' || next === ',';
    return next === '}' || (next === ',' && this.text[this.nextNonWs(j + 1)] === '"');
  }

  private string(kind: 'key' | 'value', ctx: Context): string {
    const start = ++this.pos;
    for (let i = start; i < this.text.length; i++) {
      if (this.text[i] === '"' && this.closes(i, kind, ctx)) {
        this.pos = i + 1;
        return this.text.slice(start, i);
      }
    }
    throw new Error('unterminated string');
  }

  private object(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    this.pos++;
    this.skipWs();
    if (this.text[this.pos] === '}') {
      this.pos++;
      return out;
    }
    for (;;) {
      this.skipWs();
      if (this.text[this.pos] !== '"') throw new Error(`expected a key at ${this.pos}`);
      const key = this.string('key', 'object');
      this.skipWs();
      this.pos++; // the ':' that closes() saw
      Object.defineProperty(out, key, { value: this.value('object'), enumerable: true, writable: true, configurable: true });
      this.skipWs();
      const c = this.text[this.pos++];
      if (c === '}') return out;
      if (c !== ',') throw new Error(`expected , or } at ${this.pos - 1}`);
    }
  }

  private array(): unknown[] {
    const out: unknown[] = [];
    this.pos++;
    this.skipWs();
    if (this.text[this.pos] === ']') {
      this.pos++;
      return out;
    }
    for (;;) {
      out.push(this.value('array'));
      this.skipWs();
      const c = this.text[this.pos++];
      if (c === ']') return out;
      if (c !== ',') throw new Error(`expected , or ] at ${this.pos - 1}`);
    }
  }
}

/**
 * Parses a response body. 'raw' (the real server) treats string contents literally; 'json' (a server
 * that escapes, like the fake with `quirks: 'none'`) uses JSON.parse. Each falls back to the other.
 * @example readResponseJson('{"q":"He said "hi""}') // -> { q: 'He said "hi"' }
 */
export function readResponseJson(text: string, mode: ResponseStrings = 'raw'): unknown {
  const raw = (): unknown => new RawReader(text).read();
  const json = (): unknown => JSON.parse(text) as unknown;
  const [first, second] = mode === 'raw' ? [raw, json] : [json, raw];
  try {
    return first();
  } catch (firstError) {
    try {
      return second();
    } catch {
      throw firstError;
    }
  }
}
