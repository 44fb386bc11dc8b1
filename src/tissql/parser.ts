/**
 * `parseTissQL(sql, { dialect })`: one statement to its syntax tree. Every failure is a
 * TISSQL_SYNTAX TissDBLiteError; linear in the input (one token pass, recursion depth capped).
 */
import type { Dialect, Statement } from './ast';
import { Cursor } from './cursor';
import { TissDBLiteError } from './errors';
import { parseSelect } from './parse-select';
import { parseDelete, parseInsert, parseUpdate } from './parse-write';

export interface ParseOptions {
  /** 'tissql' (default): SQL. 'tissdb': the real server's grammar and quirks. */
  dialect?: Dialect;
}

export interface ParsedStatement {
  statement: Statement;
  /** How many `?` placeholders the statement holds. */
  paramCount: number;
}

/**
 * @example
 * parseTissQL('SELECT name FROM people WHERE age > 30')
 * // -> { type: 'select', columns: [{ expr: { type: 'field', path: ['name'], pos: 7 }, alias: null }],
 * //      from: { name: 'people', alias: null, pos: 17 }, where: { type: 'compare', op: '>', ... }, ... }
 */
export function parseTissQL(sql: string, options: ParseOptions = {}): Statement {
  return parseStatement(sql, options).statement;
}

export function parseStatement(sql: string, options: ParseOptions = {}): ParsedStatement {
  if (typeof sql !== 'string') {
    throw new TissDBLiteError('INVALID_ARGUMENT', `parseTissQL: expected the statement as a string, got ${typeof sql}`);
  }
  const dialect = options.dialect ?? 'tissql';
  if (dialect !== 'tissql' && dialect !== 'tissdb') {
    throw new TissDBLiteError('INVALID_ARGUMENT', `parseTissQL: unknown dialect '${String(dialect)}'`);
  }
  const c = new Cursor(sql, dialect);
  const statement = parseOne(c);
  if (dialect === 'tissql') {
    c.acceptOp(';');
    if (!c.atEnd()) throw c.fail('unexpected text after the statement', 'the end of the statement');
  }
  return { statement, paramCount: c.paramCount };
}

function parseOne(c: Cursor): Statement {
  if (c.isWord('SELECT')) return parseSelect(c);
  if (c.isWord('INSERT')) return parseInsert(c);
  if (c.isWord('UPDATE')) return parseUpdate(c);
  if (c.isWord('DELETE')) return parseDelete(c);
  throw c.fail('expected a statement', 'SELECT, INSERT, UPDATE or DELETE', 'Unsupported statement type');
}
