/**
 * The one tokenizer behind condition strings (`db.find(name, "age >= 30")`) and full TissQL.
 *
 * `mode: 'tissql'` is strict: an unknown character or an unterminated string is a TISSQL_SYNTAX
 * error. `mode: 'tissdb'` copies the real server's tokenizer (tissdb-wire.md §5.1): unknown
 * characters (`;`, `"`, `%`, backticks, ...) are skipped, an unterminated string runs to the end,
 * numbers are runs of digits and dots read by prefix, and `<>` is two tokens.
 * Single pass, no regular expressions over the input: linear in its length.
 */
import { syntaxError } from './syntax-error';

export type TokenKind = 'word' | 'qident' | 'number' | 'string' | 'op' | 'eof';

export interface Token {
  kind: TokenKind;
  /** Words as written, strings and quoted identifiers decoded, operators as written. */
  value: string;
  /** Numbers only. */
  num?: number;
  /** Strings only: which quote opened it. */
  quote?: "'" | '"';
  start: number;
  end: number;
}

export type LexMode = 'tissql' | 'tissdb';

const TWO_CHAR_OPS = new Set(['!=', '<>', '<=', '>=', '==', '||']);
const ONE_CHAR_OPS = new Set(['(', ')', ',', '.', '*', '+', '-', '/', '=', '<', '>', '?', ';', '%']);

const isDigit = (c: string): boolean => c >= '0' && c <= '9';
const isWordStart = (c: string): boolean =>
  (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_' || c === '$';
const isWordChar = (c: string): boolean => isWordStart(c) || isDigit(c);
const isSpace = (c: string): boolean =>
  c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f' || c === '\v';

export function tokenize(text: string, mode: LexMode = 'tissql'): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charAt(i);
    if (isSpace(c)) {
      i++;
      continue;
    }
    if (mode === 'tissql' && c === '-' && text.charAt(i + 1) === '-') {
      while (i < n && text.charAt(i) !== '\n') i++;
      continue;
    }
    if (mode === 'tissql' && c === '/' && text.charAt(i + 1) === '*') {
      const close = text.indexOf('*/', i + 2);
      if (close < 0) throw syntaxError(text, i, 'unterminated comment', '/*', '*/');
      i = close + 2;
      continue;
    }
    const start = i;
    if (isWordStart(c)) {
      while (i < n && isWordChar(text.charAt(i))) i++;
      tokens.push({ kind: 'word', value: text.slice(start, i), start, end: i });
    } else if (isDigit(c) || (mode === 'tissql' && c === '.' && isDigit(text.charAt(i + 1)))) {
      i = mode === 'tissql' ? scanSqlNumber(text, i) : scanServerNumber(text, i);
      const raw = text.slice(start, i);
      tokens.push({ kind: 'number', value: raw, num: Number.parseFloat(raw), start, end: i });
    } else if (c === "'" || (c === '"' && mode === 'tissql')) {
      const [value, next] = scanQuoted(text, i, mode);
      i = next;
      tokens.push({ kind: 'string', value, quote: c, start, end: i });
    } else if (c === '`' && mode === 'tissql') {
      const [value, next] = scanQuoted(text, i, mode);
      i = next;
      tokens.push({ kind: 'qident', value, start, end: i });
    } else {
      const two = text.slice(i, i + 2);
      if ((mode === 'tissql' || (two !== '<>' && two !== '||')) && TWO_CHAR_OPS.has(two)) {
        i += 2;
        tokens.push({ kind: 'op', value: two, start, end: i });
      } else if (ONE_CHAR_OPS.has(c) && (mode === 'tissql' || (c !== ';' && c !== '%'))) {
        i++;
        tokens.push({ kind: 'op', value: c, start, end: i });
      } else if (mode === 'tissdb') {
        i++;
      } else {
        throw syntaxError(text, i, `unexpected character '${c}'`, c, 'a token');
      }
    }
  }
  tokens.push({ kind: 'eof', value: '', start: n, end: n });
  return tokens;
}

function scanSqlNumber(text: string, i: number): number {
  const n = text.length;
  while (i < n && isDigit(text.charAt(i))) i++;
  if (text.charAt(i) === '.' && isDigit(text.charAt(i + 1))) {
    i++;
    while (i < n && isDigit(text.charAt(i))) i++;
  }
  const e = text.charAt(i);
  if (e === 'e' || e === 'E') {
    let j = i + 1;
    if (text.charAt(j) === '+' || text.charAt(j) === '-') j++;
    if (isDigit(text.charAt(j))) {
      while (j < n && isDigit(text.charAt(j))) j++;
      i = j;
    }
  }
  if (i < n && isWordStart(text.charAt(i))) {
    throw syntaxError(text, i, 'a number runs into a word', text.charAt(i), 'a space or an operator');
  }
  return i;
}

/** The server reads any run of digits and dots, converted by prefix (`1.2.3` is 1.2). */
function scanServerNumber(text: string, i: number): number {
  while (i < text.length && (isDigit(text.charAt(i)) || text.charAt(i) === '.')) i++;
  return i;
}

/** A doubled quote inside stands for one quote, as in SQL. */
function scanQuoted(text: string, i: number, mode: LexMode): [string, number] {
  const quote = text.charAt(i);
  const n = text.length;
  let out = '';
  let j = i + 1;
  for (;;) {
    const close = text.indexOf(quote, j);
    if (close < 0) {
      if (mode === 'tissdb') return [out + text.slice(j), n];
      const what = quote === '`' ? 'identifier' : 'string';
      throw syntaxError(text, i, `unterminated ${what}`, quote, `a closing ${quote}`);
    }
    out += text.slice(j, close);
    if (text.charAt(close + 1) === quote) {
      out += quote;
      j = close + 2;
    } else {
      return [out, close + 1];
    }
  }
}
