/**
 * A regex that is a plain literal, optionally anchored (`/^Al/`, `/son$/`, `/x/`), as a LIKE
 * pattern (`Al%`, `%son`, `%x%`). Anything with real regex syntax, or a literal holding `%` or
 * `_` (LIKE has no escape here), has no equivalent: `undefined`.
 */
const META = new Set(['\\', '^', '$', '.', '|', '?', '*', '+', '(', ')', '[', ']', '{', '}']);

export function regexToLike(value: unknown): string | undefined {
  const source = value instanceof RegExp ? value.source : typeof value === 'string' ? value : undefined;
  if (source === undefined) return undefined;
  let body = source;
  const start = body.startsWith('^');
  if (start) body = body.slice(1);
  const end = body.endsWith('$') && !body.endsWith('\\$');
  if (end) body = body.slice(0, -1);
  let literal = '';
  for (let i = 0; i < body.length; i++) {
    const ch = body.charAt(i);
    if (ch === '\\') {
      const next = body.charAt(i + 1);
      if (!META.has(next) && next !== '/' && next !== '-') return undefined;
      literal += next;
      i++;
    } else if (META.has(ch)) {
      return undefined;
    } else {
      literal += ch;
    }
  }
  if (literal.includes('%') || literal.includes('_')) return undefined;
  return `${start ? '' : '%'}${literal}${end ? '' : '%'}`;
}
