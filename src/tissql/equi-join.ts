/**
 * Hash lookup for 'tissql' joins whose ON holds `left.f = right.g`: instead of trying every right
 * row for every left row, each left row tries only the right rows whose key can be equal (plus
 * the rows whose key is missing or null, which the full ON still decides). Candidates are always
 * re-checked with the whole ON, so results equal the nested loop's, in the same order.
 */
import type { Expr } from './ast';
import { canonicalKey } from './canonical';

export interface EquiKey {
  left: string[];
  right: string[];
}

function conjuncts(e: Expr): Expr[] {
  return e.type === 'and' ? [...conjuncts(e.left), ...conjuncts(e.right)] : [e];
}

/** The first `a.x = b.y` conjunct with one side on the joined alias and the other on an earlier one. */
export function findEquiKey(on: Expr | null, leftAliases: ReadonlySet<string>, rightAlias: string): EquiKey | undefined {
  if (on === null || leftAliases.has(rightAlias)) return undefined;
  for (const c of conjuncts(on)) {
    if (c.type !== 'compare' || c.op !== '=' || c.left.type !== 'field' || c.right.type !== 'field') continue;
    const [a, b] = [c.left.path, c.right.path];
    if (a.length < 2 || b.length < 2) continue;
    if (a[0] === rightAlias && leftAliases.has(b[0] as string)) return { left: b, right: a };
    if (b[0] === rightAlias && leftAliases.has(a[0] as string)) return { left: a, right: b };
  }
  return undefined;
}

/** The keys a value can be equal under: itself, and for an array each element too. */
function keysOf(value: unknown): string[] {
  if (!Array.isArray(value)) return [canonicalKey(value)];
  return [...new Set([canonicalKey(value), ...value.map(canonicalKey)])];
}

export class RightIndex {
  private readonly byKey = new Map<string, number[]>();
  private readonly always: number[] = [];

  constructor(
    private readonly size: number,
    rightValues: unknown[],
  ) {
    rightValues.forEach((v, i) => {
      if (v === null || v === undefined) {
        this.always.push(i);
        return;
      }
      for (const k of keysOf(v)) {
        const list = this.byKey.get(k);
        if (list === undefined) this.byKey.set(k, [i]);
        else list.push(i);
      }
    });
  }

  /** Right row positions worth checking for a left key value, ascending. */
  candidates(leftValue: unknown): number[] {
    if (leftValue === null || leftValue === undefined) return Array.from({ length: this.size }, (_, i) => i);
    const found = new Set(this.always);
    for (const k of keysOf(leftValue)) for (const i of this.byKey.get(k) ?? []) found.add(i);
    return [...found].sort((x, y) => x - y);
  }
}
