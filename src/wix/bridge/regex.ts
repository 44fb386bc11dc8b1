// Which MongoDB $regex filters Wix can run exactly: a literal text, case-insensitive ('i' and no
// other flag), anchored at the start (startsWith), the end (endsWith) or neither (contains), since
// Wix's three text conditions are case-insensitive literal matches. Anything else has no equivalent.
import { TissDBLiteError } from '../../core';

export type TextMatch = { method: 'contains' | 'startsWith' | 'endsWith'; text: string };

const META = new Set([...'\\^$.|?*+()[]{}/']);

/** The literal a regex source spells, or undefined if it uses any regex construct. */
function literalOf(source: string): string | undefined {
  let out = '';
  for (let i = 0; i < source.length; i++) {
    const ch = source[i] as string;
    if (ch === '\\') {
      const next = source[i + 1];
      if (next === undefined || !META.has(next) && next !== '-') return undefined;
      out += next;
      i++;
    } else if (META.has(ch)) {
      return undefined;
    } else out += ch;
  }
  return out;
}

export function regexToText(field: string, pattern: unknown, options: unknown): TextMatch {
  const fail = (why: string): never => {
    throw new TissDBLiteError('INVALID_QUERY', `toWixQuery: $regex on "${field}" ${why}; Wix Data can only match a literal text case-insensitively (contains/startsWith/endsWith)`, { operator: '$regex' });
  };
  let source: string;
  let flags: string;
  if (pattern instanceof RegExp) {
    source = pattern.source;
    flags = pattern.flags + (typeof options === 'string' ? options : '');
  } else if (typeof pattern === 'string') {
    source = pattern;
    flags = typeof options === 'string' ? options : '';
  } else return fail('is not a string or RegExp');
  if ([...new Set(flags)].join('') !== 'i') return fail(`has flags "${flags}" (only "i" is translatable)`);
  const anchoredStart = source.startsWith('^');
  const anchoredEnd = source.endsWith('$') && !source.endsWith('\\$');
  if (anchoredStart && anchoredEnd) return fail('is anchored at both ends');
  const text = literalOf(source.slice(anchoredStart ? 1 : 0, anchoredEnd ? -1 : undefined));
  if (text === undefined) return fail(`"${source}" is not a literal text`);
  if (text === '') return fail('matches the empty text');
  return { method: anchoredStart ? 'startsWith' : anchoredEnd ? 'endsWith' : 'contains', text };
}
