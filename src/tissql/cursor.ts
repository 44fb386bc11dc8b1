/** A read position over the token list, shared by the expression and statement parsers. */
import type { Dialect } from './ast';
import type { Token } from './lexer';
import { tokenize } from './lexer';
import { syntaxError } from './syntax-error';
import type { TissDBLiteError } from './errors';

/**
 * Depth guard: nesting plus the length of left-folded chains (`a AND b AND c ...` is a tree that
 * deep). Deeper input is a syntax error rather than a stack overflow in the code that walks trees.
 */
export const MAX_DEPTH = 1000;

export class Cursor {
  readonly tokens: Token[];
  private index = 0;
  private depth = 0;
  /** Next `?` index. */
  paramCount = 0;

  /** Which reserved-word list applies: a condition string reserves fewer words than a statement. */
  readonly words: Dialect | 'condition';

  constructor(
    readonly text: string,
    readonly dialect: Dialect,
    condition = false,
  ) {
    this.tokens = tokenize(text, dialect);
    this.words = condition ? 'condition' : dialect;
  }

  peek(offset = 0): Token {
    const t = this.tokens[Math.min(this.index + offset, this.tokens.length - 1)];
    // The token list always ends with 'eof', so this never runs; it satisfies the type checker.
    if (t === undefined) throw new Error('unreachable: empty token list');
    return t;
  }

  next(): Token {
    const t = this.peek();
    if (t.kind !== 'eof') this.index++;
    return t;
  }

  atEnd(): boolean {
    return this.peek().kind === 'eof';
  }

  /** Case-insensitive keyword test on an unquoted word. */
  isWord(word: string, offset = 0): boolean {
    const t = this.peek(offset);
    return t.kind === 'word' && t.value.toUpperCase() === word;
  }

  isOp(op: string, offset = 0): boolean {
    const t = this.peek(offset);
    return t.kind === 'op' && t.value === op;
  }

  acceptWord(word: string): boolean {
    if (!this.isWord(word)) return false;
    this.index++;
    return true;
  }

  acceptOp(op: string): boolean {
    if (!this.isOp(op)) return false;
    this.index++;
    return true;
  }

  expectWord(word: string, serverMessage?: string): Token {
    if (!this.isWord(word)) throw this.fail(`expected ${word}`, word, serverMessage ?? this.serverExpected(word));
    return this.next();
  }

  expectOp(op: string, serverMessage?: string): Token {
    if (!this.isOp(op)) throw this.fail(`expected '${op}'`, `'${op}'`, serverMessage ?? this.serverExpected(op));
    return this.next();
  }

  /** The real server's wording: `Expected token FROM but got AS` (the empty string at the end). */
  serverExpected(what: string): string {
    return `Expected token ${what} but got ${this.peek().kind === 'eof' ? '' : this.peek().value}`;
  }

  fail(problem: string, expected: string, serverMessage?: string, token: Token = this.peek()): TissDBLiteError {
    const err = syntaxError(this.text, token.start, problem, token.value, expected);
    if (serverMessage !== undefined && this.dialect === 'tissdb') {
      Object.assign(err, { serverMessage });
    }
    return err;
  }

  /** `weight`: how much of the budget one level costs (a parenthesised expression costs more). */
  enter(weight = 1): void {
    this.depth += weight;
    if (this.depth > MAX_DEPTH) {
      throw this.fail('the statement nests too deeply', 'a shallower expression', 'Unexpected token in expression');
    }
  }

  leave(count = 1): void {
    this.depth -= count;
  }

  /** Parses `first (sep next)*` as a left fold, counting each link against the depth guard. */
  fold<T>(first: () => T, link: (left: T) => T | undefined): T {
    let left = first();
    let links = 0;
    try {
      for (;;) {
        this.enter();
        links++;
        const next = link(left);
        if (next === undefined) return left;
        left = next;
      }
    } finally {
      this.leave(links);
    }
  }
}
