/**
 * TISSQL_SYNTAX errors: position, 1-based line and column, what was found and expected, and a
 * message that quotes the line with a caret under the spot.
 */
import { TissDBLiteError } from './errors';

const EXCERPT_RADIUS = 40;

export function lineAndColumn(text: string, position: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < position && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: position - lineStart + 1 };
}

/** `...WHERE age >= AND...` with a caret under the offending token, at most ~80 characters wide. */
export function caretExcerpt(text: string, position: number): string {
  let lineStart = text.lastIndexOf('\n', Math.max(0, position - 1)) + 1;
  if (position === 0) lineStart = 0;
  let lineEnd = text.indexOf('\n', position);
  if (lineEnd < 0) lineEnd = text.length;
  const from = Math.max(lineStart, position - EXCERPT_RADIUS);
  const to = Math.min(lineEnd, position + EXCERPT_RADIUS);
  const prefix = from > lineStart ? '...' : '';
  const suffix = to < lineEnd ? '...' : '';
  const excerpt = prefix + text.slice(from, to).replace(/\t/g, ' ') + suffix;
  const caret = ' '.repeat(prefix.length + position - from) + '^';
  return `${excerpt}\n${caret}`;
}

export function syntaxError(
  text: string,
  position: number,
  problem: string,
  found: string,
  expected: string,
): TissDBLiteError {
  const { line, column } = lineAndColumn(text, position);
  const shown = found === '' ? 'end of input' : `'${found.length > 30 ? `${found.slice(0, 30)}...` : found}'`;
  const message =
    `TissQL syntax error at line ${line}, column ${column}: ${problem} (found ${shown}, expected ${expected})\n` +
    caretExcerpt(text, position);
  return new TissDBLiteError('TISSQL_SYNTAX', message, { position, line, column, found, expected });
}
