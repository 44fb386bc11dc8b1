// Mirrors the real TissDB server's JSON reader (tissdb-wire.md §4.4, §4.5): tokenise everything
// first, then parse. Escapes `\" \\ \/ \b \f \n \r \t` only (`\u` is refused), numbers are any run
// of digits, `.`, `-`, `+`, `e`, `E` converted by prefix like C++ `std::stod`, duplicate keys keep
// the last value. Errors carry the server's exact exception text so the fake can answer with it.

export type WireJson = string | number | boolean | null | WireJson[] | { [key: string]: WireJson };

export type WireReadResult = { ok: true; value: WireJson } | { ok: false; error: string };

type Token =
  | { kind: 'punct'; text: '{' | '}' | '[' | ']' | ':' | ',' }
  | { kind: 'string'; value: string }
  | { kind: 'number'; value: number }
  | { kind: 'literal'; value: boolean | null };

class ReadFailure {
  constructor(readonly message: string) {}
}

const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
const NUMBER_CHAR = /[0-9.\-+eE]/;
const STOD_PREFIX = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/;

/** `std::stod` on a token: the longest numeric prefix, "stod" when there is none or it overflows. */
function stod(text: string): number {
  const prefix = STOD_PREFIX.exec(text)?.[0];
  if (prefix === undefined) throw new ReadFailure('stod');
  const value = Number(prefix);
  const mantissa = prefix.split(/[eE]/)[0] ?? '';
  if (!Number.isFinite(value) || (value === 0 && /[1-9]/.test(mantissa))) throw new ReadFailure('stod');
  return value;
}

function readString(text: string, start: number): [string, number] {
  let out = '';
  let i = start + 1;
  while (i < text.length) {
    const c = text[i] as string;
    if (c === '"') return [out, i + 1];
    if (c === '\\') {
      const mapped = ESCAPES[text[i + 1] ?? ''];
      if (mapped === undefined) throw new ReadFailure('Invalid escape sequence.');
      out += mapped;
      i += 2;
      continue;
    }
    out += c;
    i++;
  }
  throw new ReadFailure('Tokenizer error: Unterminated string.');
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\v' || c === '\f') {
      i++;
    } else if ('{}[]:,'.includes(c)) {
      tokens.push({ kind: 'punct', text: c as '{' });
      i++;
    } else if (c === '"') {
      const [value, next] = readString(text, i);
      tokens.push({ kind: 'string', value });
      i = next;
    } else if (c === '-' || (c >= '0' && c <= '9')) {
      let end = i;
      while (end < text.length && NUMBER_CHAR.test(text[end] as string)) end++;
      tokens.push({ kind: 'number', value: stod(text.slice(i, end)) });
      i = end;
    } else {
      const word = ['true', 'false', 'null'].find((w) => text.startsWith(w, i));
      if (word === undefined) throw new ReadFailure('Tokenizer error: Unexpected character.');
      tokens.push({ kind: 'literal', value: word === 'null' ? null : word === 'true' });
      i += word.length;
    }
  }
  return tokens;
}

function isPunct(token: Token | undefined, text: string): boolean {
  return token?.kind === 'punct' && token.text === text;
}

/** Own-property assignment, so a key named `__proto__` is data, never a prototype change. */
function setKey(target: Record<string, WireJson>, key: string, value: WireJson): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

class Parser {
  private pos = 0;
  constructor(private readonly tokens: Token[]) {}

  parseDocument(): WireJson {
    if (this.tokens.length === 0) throw new ReadFailure('Cannot parse empty string.');
    const value = this.parseValue();
    if (this.pos < this.tokens.length) throw new ReadFailure('Expected end of input.');
    return value;
  }

  private parseValue(): WireJson {
    const token = this.tokens[this.pos++];
    if (token === undefined) throw new ReadFailure('Unexpected token when parsing value.');
    if (token.kind === 'punct') {
      if (token.text === '{') return this.parseObject();
      if (token.text === '[') return this.parseArray();
      throw new ReadFailure('Unexpected token when parsing value.');
    }
    return token.value;
  }

  private parseObject(): WireJson {
    const out: Record<string, WireJson> = {};
    if (isPunct(this.tokens[this.pos], '}')) {
      this.pos++;
      return out;
    }
    for (;;) {
      const key = this.tokens[this.pos++];
      if (key?.kind !== 'string') throw new ReadFailure('Expected string key.');
      if (!isPunct(this.tokens[this.pos++], ':')) throw new ReadFailure("Expected ':' after key.");
      setKey(out, key.value, this.parseValue());
      const next = this.tokens[this.pos++];
      if (isPunct(next, '}')) return out;
      if (!isPunct(next, ',')) throw new ReadFailure("Expected ',' or '}' in object.");
    }
  }

  private parseArray(): WireJson {
    const out: WireJson[] = [];
    if (isPunct(this.tokens[this.pos], ']')) {
      this.pos++;
      return out;
    }
    for (;;) {
      out.push(this.parseValue());
      const next = this.tokens[this.pos++];
      if (isPunct(next, ']')) return out;
      if (!isPunct(next, ',')) throw new ReadFailure("Expected ',' or ']' in array.");
    }
  }
}

/**
 * Reads JSON the way the real server does.
 * @example readTissDBJson('{"a": 007}') // -> { ok: true, value: { a: 7 } }
 * @example readTissDBJson('{"a": 1,}')  // -> { ok: false, error: 'Expected string key.' }
 */
export function readTissDBJson(text: string): WireReadResult {
  try {
    return { ok: true, value: new Parser(tokenize(text)).parseDocument() };
  } catch (e) {
    if (e instanceof ReadFailure) return { ok: false, error: e.message };
    throw e;
  }
}
