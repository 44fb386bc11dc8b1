/** SQL LIKE: `%` any run, `_` one character, case-sensitive, whole string (tissdb-wire.md §5.3). */

const SPECIAL = new Set(['\\', '^', '$', '.', '|', '?', '*', '+', '(', ')', '[', ']', '{', '}', '/', '-']);

export function likeToRegexSource(pattern: string): string {
  let out = '^';
  for (const ch of pattern) {
    if (ch === '%') out += '.*';
    else if (ch === '_') out += '.';
    else out += SPECIAL.has(ch) ? `\\${ch}` : ch;
  }
  return `${out}$`;
}

/**
 * Linear-time matcher (no backtracking regex over user input): greedy `%` with one saved
 * restart point, the classic wildcard algorithm.
 */
export function likeMatch(text: string, pattern: string): boolean {
  const s = Array.from(text);
  const p = Array.from(pattern);
  let si = 0;
  let pi = 0;
  let star = -1;
  let mark = 0;
  while (si < s.length) {
    if (pi < p.length && p[pi] !== '%' && (p[pi] === '_' || p[pi] === s[si])) {
      si++;
      pi++;
    } else if (pi < p.length && p[pi] === '%') {
      star = pi++;
      mark = si;
    } else if (star >= 0) {
      pi = star + 1;
      si = ++mark;
    } else {
      return false;
    }
  }
  while (pi < p.length && p[pi] === '%') pi++;
  return pi === p.length;
}
