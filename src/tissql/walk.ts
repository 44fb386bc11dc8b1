/** Expression tree traversal helpers. */
import type { Expr } from './ast';

export function children(e: Expr): Expr[] {
  switch (e.type) {
    case 'not':
    case 'neg':
      return [e.operand];
    case 'and':
    case 'or':
    case 'compare':
    case 'arith':
      return [e.left, e.right];
    case 'like':
      return [e.operand, e.pattern];
    case 'between':
      return [e.operand, e.low, e.high];
    case 'in':
      return [e.operand, ...e.list];
    case 'isNull':
      return [e.operand];
    case 'call':
      return e.args;
    case 'extract':
      return [e.from];
    case 'aggregate':
      return e.arg === null ? [] : [e.arg];
    default:
      return [];
  }
}

/** Aggregate nodes, outermost first (an aggregate's argument is not searched). */
export function findAggregates(e: Expr): Array<Extract<Expr, { type: 'aggregate' }>> {
  const out: Array<Extract<Expr, { type: 'aggregate' }>> = [];
  const stack: Expr[] = [e];
  while (stack.length > 0) {
    const node = stack.pop() as Expr;
    if (node.type === 'aggregate') out.push(node);
    else stack.push(...children(node).reverse());
  }
  return out;
}

export function hasAggregate(e: Expr): boolean {
  return findAggregates(e).length > 0;
}
