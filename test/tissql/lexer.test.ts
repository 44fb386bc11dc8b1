import { describe, expect, it } from 'vitest';
import { tokenize } from '../../src/tissql/lexer';

const kinds = (text: string, mode: 'tissql' | 'tissdb' = 'tissql') =>
  tokenize(text, mode).map((t) => `${t.kind}:${t.value}`);

describe('tokenize', () => {
  it('words, numbers, strings, quoted identifiers and operators with positions', () => {
    const tokens = tokenize("SELECT `a b`, x1 FROM t WHERE n >= -1.5e3 AND s = 'it''s'");
    expect(tokens.map((t) => [t.kind, t.value, t.start, t.end])).toEqual([
      ['word', 'SELECT', 0, 6],
      ['qident', 'a b', 7, 12],
      ['op', ',', 12, 13],
      ['word', 'x1', 14, 16],
      ['word', 'FROM', 17, 21],
      ['word', 't', 22, 23],
      ['word', 'WHERE', 24, 29],
      ['word', 'n', 30, 31],
      ['op', '>=', 32, 34],
      ['op', '-', 35, 36],
      ['number', '1.5e3', 36, 41],
      ['word', 'AND', 42, 45],
      ['word', 's', 46, 47],
      ['op', '=', 48, 49],
      ['string', "it's", 50, 57],
      ['eof', '', 57, 57],
    ]);
    expect(tokens[10]?.num).toBe(1500);
  });

  it('comments and double-quoted strings in tissql', () => {
    expect(kinds('a -- note\n= /* x */ "b"')).toEqual(['word:a', 'op:=', 'string:b', 'eof:']);
  });

  it("tissdb mode copies the server's tokenizer", () => {
    expect(kinds('a <> 1', 'tissdb')).toEqual(['word:a', 'op:<', 'op:>', 'number:1', 'eof:']);
    expect(kinds('name = "Alice";', 'tissdb')).toEqual(['word:name', 'op:=', 'word:Alice', 'eof:']);
    expect(kinds("x = 'unterminated", 'tissdb')).toEqual(['word:x', 'op:=', 'string:unterminated', 'eof:']);
    expect(tokenize('1.2.3', 'tissdb')[0]).toMatchObject({ kind: 'number', num: 1.2 });
    expect(kinds('1e5', 'tissdb')).toEqual(['number:1', 'word:e5', 'eof:']);
  });

  it('refuses what it does not know in tissql', () => {
    expect(() => tokenize('a # b')).toThrowError(expect.objectContaining({ code: 'TISSQL_SYNTAX', position: 2, found: '#' }));
    expect(() => tokenize('12abc')).toThrowError(expect.objectContaining({ code: 'TISSQL_SYNTAX', position: 2 }));
    expect(() => tokenize("x = 'a\nb\nc")).toThrowError(expect.objectContaining({ line: 1, column: 5 }));
    expect(() => tokenize("x = 1\n  AND y = 'open")).toThrowError(expect.objectContaining({ position: 16, line: 2, column: 11 }));
  });
});
