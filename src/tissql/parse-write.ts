/**
 * INSERT, UPDATE and DELETE. 'tissdb' mirrors the server: one VALUES row is read (a second one is
 * ignored with the rest of the text, seq 256), and SET targets are plain names (`SET a.b = 1`
 * fails with "Expected token = but got .", seq 268).
 */
import type { DeleteStatement, Expr, InsertStatement, UpdateStatement } from './ast';
import type { Cursor } from './cursor';
import { parseExpr } from './parse-expr';
import { parseName, parseTableRef } from './parse-select';

export function parseInsert(c: Cursor): InsertStatement {
  const pos = c.expectWord('INSERT').start;
  c.expectWord('INTO');
  const table = parseTableRef(c);
  let columns: string[] | null = null;
  if (c.acceptOp('(')) {
    columns = [];
    do columns.push(parseName(c, 'a column name'));
    while (c.acceptOp(','));
    c.expectOp(')');
  }
  c.expectWord('VALUES');
  const rows: Expr[][] = [];
  do {
    c.expectOp('(');
    const row: Expr[] = [];
    do row.push(parseExpr(c));
    while (c.acceptOp(','));
    c.expectOp(')');
    rows.push(row);
  } while (c.dialect === 'tissql' && c.acceptOp(','));
  return { type: 'insert', table, columns, rows, pos };
}

export function parseUpdate(c: Cursor): UpdateStatement {
  const pos = c.expectWord('UPDATE').start;
  const table = parseTableRef(c);
  c.expectWord('SET');
  const set: UpdateStatement['set'] = [];
  do {
    const field = [parseName(c, 'a field name')];
    while (c.dialect === 'tissql' && c.acceptOp('.')) field.push(parseName(c, 'a field name'));
    c.expectOp('=');
    set.push({ field, value: parseExpr(c) });
  } while (c.acceptOp(','));
  const where = c.acceptWord('WHERE') ? parseExpr(c) : null;
  return { type: 'update', table, set, where, pos };
}

export function parseDelete(c: Cursor): DeleteStatement {
  const pos = c.expectWord('DELETE').start;
  c.expectWord('FROM');
  const table = parseTableRef(c);
  const where = c.acceptWord('WHERE') ? parseExpr(c) : null;
  return { type: 'delete', table, where, pos };
}
