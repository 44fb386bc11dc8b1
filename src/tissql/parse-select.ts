/**
 * SELECT. In 'tissdb' the clause order and the narrow select list mirror the server's parser
 * (tissdb-wire.md §5.1): an item is `AGG(name)`, `COUNT(*)` or any single token (so
 * `SELECT name AS n` fails with "Expected token FROM but got AS"), one optional join, names only
 * in GROUP BY and ORDER BY, `LIMIT number` parsed and kept (the executor ignores it), and
 * `WITH DRILLDOWN (...)` parsed and dropped.
 */
import type { Expr, Join, OrderItem, SelectItem, SelectStatement, TableRef } from './ast';
import type { Cursor } from './cursor';
import { AGGREGATE_FNS, isReserved } from './keywords';
import { parseExpr } from './parse-expr';
import { parseAggregate, parseField } from './parse-primary';

export function parseSelect(c: Cursor): SelectStatement {
  const pos = c.expectWord('SELECT').start;
  const server = c.dialect === 'tissdb';
  const distinct = !server && c.acceptWord('DISTINCT');
  const columns = c.acceptOp('*') ? null : server ? parseServerItems(c) : parseItems(c);
  c.expectWord('FROM');
  const from = parseTableRef(c);
  const joins = parseJoins(c);
  const where = c.acceptWord('WHERE') ? parseExpr(c) : null;
  const groupBy: Expr[] = [];
  if (c.isWord('GROUP')) {
    c.next();
    c.expectWord('BY');
    do groupBy.push(server ? parseField(c) : parseExpr(c));
    while (c.acceptOp(','));
  }
  const having = !server && c.acceptWord('HAVING') ? parseExpr(c) : null;
  const orderBy = c.isWord('ORDER') ? parseOrderBy(c) : [];
  const [limit, offset] = parseLimitOffset(c);
  if (server && c.isWord('WITH') && c.isWord('DRILLDOWN', 1)) skipDrilldown(c);
  let union: SelectStatement['union'] = null;
  if (c.acceptWord('UNION')) {
    const all = c.acceptWord('ALL');
    c.enter(5);
    try {
      union = { all, select: parseSelect(c) };
    } finally {
      c.leave(5);
    }
  }
  return { type: 'select', distinct, columns, from, joins, where, groupBy, having, orderBy, limit, offset, union, pos };
}

function parseItems(c: Cursor): SelectItem[] {
  const items: SelectItem[] = [];
  do {
    const expr = parseExpr(c);
    let alias: string | null = null;
    if (c.acceptWord('AS')) alias = parseName(c, 'a column alias');
    else if ((c.peek().kind === 'word' && !isReserved(c.peek().value, 'tissql')) || c.peek().kind === 'qident') {
      alias = parseName(c, 'a column alias');
    }
    items.push({ expr, alias });
  } while (c.acceptOp(','));
  return items;
}

function parseServerItems(c: Cursor): SelectItem[] {
  const items: SelectItem[] = [];
  do {
    const t = c.peek();
    if (t.kind === 'word' && AGGREGATE_FNS.has(t.value.toUpperCase())) {
      items.push({ expr: parseServerAggregate(c), alias: null });
      continue;
    }
    if (t.kind === 'eof') break;
    c.next();
    const path = [t.value];
    if (c.isOp('.') && c.peek(1).kind !== 'eof') {
      c.next();
      path.push(c.next().value);
    }
    items.push({ expr: { type: 'field', path, pos: t.start }, alias: null });
  } while (c.acceptOp(','));
  return items;
}

/** `COUNT(*)`, or `AGG(any-token)`: `COUNT(DISTINCT city)` fails at `city` as on the server. */
function parseServerAggregate(c: Cursor): Expr {
  const t = c.peek();
  if (!c.isOp('(', 1)) {
    c.next();
    throw c.fail('expected (', "'('", c.serverExpected('('));
  }
  const fnToken = c.peek();
  if (c.peek(2).kind === 'op' && c.peek(2).value === '*') return parseAggregate(c);
  c.next();
  c.next();
  const arg = c.next();
  c.expectOp(')');
  return {
    type: 'aggregate',
    fn: fnToken.value.toUpperCase() as 'COUNT',
    arg: { type: 'field', path: [arg.value], pos: arg.start },
    distinct: false,
    pos: t.start,
  };
}

export function parseName(c: Cursor, what: string): string {
  const t = c.peek();
  if (t.kind === 'qident' || (t.kind === 'word' && !isReserved(t.value, c.dialect))) return c.next().value;
  throw c.fail(`expected ${what}`, what, c.dialect === 'tissdb' ? `Expected ${what}` : undefined);
}

export function parseTableRef(c: Cursor): TableRef {
  const pos = c.peek().start;
  const name = parseName(c, 'a collection name');
  let alias: string | null = null;
  if (c.acceptWord('AS')) alias = parseName(c, 'an alias');
  else if ((c.peek().kind === 'word' && !isReserved(c.peek().value, c.dialect)) || c.peek().kind === 'qident') {
    alias = c.next().value;
  }
  return { name, alias, pos };
}

function parseJoins(c: Cursor): Join[] {
  const joins: Join[] = [];
  for (;;) {
    const kindWord = ['INNER', 'LEFT', 'RIGHT', 'FULL', 'CROSS'].find((w) => c.isWord(w));
    if (kindWord === undefined && !c.isWord('JOIN')) return joins;
    if (kindWord !== undefined) c.next();
    if (c.dialect === 'tissql' && kindWord !== undefined && kindWord !== 'INNER' && kindWord !== 'CROSS') c.acceptWord('OUTER');
    c.expectWord('JOIN');
    const table = parseTableRef(c);
    const kind = (kindWord ?? 'INNER').toLowerCase() as Join['kind'];
    let on: Expr | null = null;
    if (kind !== 'cross') {
      if (c.dialect === 'tissql') c.expectWord('ON');
      else if (!c.acceptWord('ON')) {
        joins.push({ kind, table, on: null });
        return joins;
      }
      on = parseExpr(c);
    }
    joins.push({ kind, table, on });
    if (c.dialect === 'tissdb') return joins;
  }
}

function parseOrderBy(c: Cursor): OrderItem[] {
  c.next();
  c.expectWord('BY');
  const items: OrderItem[] = [];
  do {
    const expr = c.dialect === 'tissdb' ? parseField(c) : parseExpr(c);
    let direction: OrderItem['direction'] = 'asc';
    if (c.acceptWord('DESC')) direction = 'desc';
    else c.acceptWord('ASC');
    items.push({ expr, direction });
  } while (c.acceptOp(','));
  return items;
}

function parseLimitOffset(c: Cursor): [Expr | null, Expr | null] {
  let limit: Expr | null = null;
  let offset: Expr | null = null;
  if (c.dialect === 'tissdb') {
    if (c.acceptWord('LIMIT')) {
      const t = c.peek();
      if (t.kind !== 'number') throw c.fail('expected a number after LIMIT', 'a number', 'Expected numeric literal for LIMIT clause.');
      c.next();
      limit = { type: 'literal', value: t.num ?? 0, pos: t.start };
    }
    return [limit, offset];
  }
  if (c.acceptWord('LIMIT')) limit = parseExpr(c);
  if (c.acceptWord('OFFSET')) offset = parseExpr(c);
  return [limit, offset];
}

function skipDrilldown(c: Cursor): void {
  c.next();
  c.next();
  c.expectOp('(');
  while (!c.atEnd() && !c.isOp(')')) c.next();
  c.expectOp(')');
}
