/**
 * AST → TissQL text ('tissql' dialect). Adds parentheses only where precedence needs them and
 * backticks names that would otherwise read as keywords, so `parseTissQL(printTissQL(ast))`
 * gives back `ast` (positions aside).
 */
import type { Expr, Join, SelectStatement, Statement, TableRef } from './ast';
import { isReserved } from './keywords';

const SOFT_KEYWORDS = new Set([
  'DATE', 'TIME', 'DATETIME', 'TIMESTAMP', 'INTERVAL', 'NOW', 'EXTRACT', 'COUNT', 'SUM', 'AVG', 'MIN', 'MAX',
]);

export function quoteName(name: string): string {
  if (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) && !isReserved(name, 'tissql') && !SOFT_KEYWORDS.has(name.toUpperCase())) {
    return name;
  }
  return `\`${name.replace(/`/g, '``')}\``;
}

export function quoteString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

export function printNumber(n: number): string {
  if (Object.is(n, -0)) return '-0';
  if (!Number.isFinite(n)) return Number.isNaN(n) ? '(0 / 0)' : n > 0 ? '(1 / 0)' : '(-1 / 0)';
  return String(n);
}

function precedence(e: Expr): number {
  switch (e.type) {
    case 'or':
      return 1;
    case 'and':
      return 2;
    case 'not':
      return 3;
    case 'compare':
    case 'like':
    case 'between':
    case 'in':
    case 'isNull':
      return 4;
    case 'arith':
      return e.op === '+' || e.op === '-' ? 5 : 6;
    case 'neg':
      return 7;
    default:
      return 8;
  }
}

export function printExpr(e: Expr, minPrec = 0): string {
  const text = printBare(e);
  return precedence(e) < minPrec ? `(${text})` : text;
}

function printBare(e: Expr): string {
  switch (e.type) {
    case 'literal':
      if (e.value === null) return 'NULL';
      if (typeof e.value === 'boolean') return e.value ? 'TRUE' : 'FALSE';
      return typeof e.value === 'number' ? printNumber(e.value) : quoteString(e.value);
    case 'temporal':
      return `${e.kind.toUpperCase()} ${quoteString(e.text)}`;
    case 'interval':
      return `INTERVAL ${e.amount >= 0 && Number.isFinite(e.amount) ? printNumber(e.amount) : quoteString(String(e.amount))} ${e.unit.toUpperCase()}`;
    case 'param':
      return '?';
    case 'field':
      return e.path.map(quoteName).join('.');
    case 'not':
      return `NOT ${printExpr(e.operand, 3)}`;
    case 'neg': {
      const inner = e.operand;
      const wrap = inner.type === 'neg' || (inner.type === 'literal' && typeof inner.value === 'number');
      return `-${wrap ? `(${printBare(inner)})` : printExpr(inner, 7)}`;
    }
    case 'and':
    case 'or': {
      const p = e.type === 'or' ? 1 : 2;
      return `${printExpr(e.left, p)} ${e.type.toUpperCase()} ${printExpr(e.right, p + 1)}`;
    }
    case 'compare':
      return `${printExpr(e.left, 5)} ${e.op} ${printExpr(e.right, 5)}`;
    case 'arith': {
      const p = precedence(e);
      return `${printExpr(e.left, p)} ${e.op} ${printExpr(e.right, p + 1)}`;
    }
    case 'like':
      return `${printExpr(e.operand, 5)} ${e.not ? 'NOT LIKE' : 'LIKE'} ${printExpr(e.pattern, 5)}`;
    case 'between':
      return `${printExpr(e.operand, 5)} ${e.not ? 'NOT BETWEEN' : 'BETWEEN'} ${printExpr(e.low, 5)} AND ${printExpr(e.high, 5)}`;
    case 'in':
      return `${printExpr(e.operand, 5)} ${e.not ? 'NOT IN' : 'IN'} (${e.list.map((x) => printExpr(x, 5)).join(', ')})`;
    case 'isNull':
      return `${printExpr(e.operand, 5)} IS ${e.not ? 'NOT NULL' : 'NULL'}`;
    case 'call':
      return `${e.name}(${e.args.map((a) => printExpr(a)).join(', ')})`;
    case 'extract':
      return `EXTRACT(${e.part.toUpperCase()} FROM ${printExpr(e.from)})`;
    case 'aggregate':
      return `${e.fn}(${e.distinct ? 'DISTINCT ' : ''}${e.arg === null ? '*' : printExpr(e.arg)})`;
  }
}

function printTable(t: TableRef): string {
  return t.alias === null ? quoteName(t.name) : `${quoteName(t.name)} AS ${quoteName(t.alias)}`;
}

function printJoin(j: Join): string {
  const head = `${j.kind.toUpperCase()} JOIN ${printTable(j.table)}`;
  return j.on === null ? head : `${head} ON ${printExpr(j.on)}`;
}

function printSelect(s: SelectStatement): string {
  const parts = ['SELECT'];
  if (s.distinct) parts.push('DISTINCT');
  parts.push(
    s.columns === null
      ? '*'
      : s.columns.map((c) => (c.alias === null ? printExpr(c.expr) : `${printExpr(c.expr)} AS ${quoteName(c.alias)}`)).join(', '),
  );
  parts.push('FROM', printTable(s.from), ...s.joins.map(printJoin));
  if (s.where !== null) parts.push('WHERE', printExpr(s.where));
  if (s.groupBy.length > 0) parts.push('GROUP BY', s.groupBy.map((g) => printExpr(g)).join(', '));
  if (s.having !== null) parts.push('HAVING', printExpr(s.having));
  if (s.orderBy.length > 0) {
    parts.push('ORDER BY', s.orderBy.map((o) => `${printExpr(o.expr)} ${o.direction.toUpperCase()}`).join(', '));
  }
  if (s.limit !== null) parts.push('LIMIT', printExpr(s.limit));
  if (s.offset !== null) parts.push('OFFSET', printExpr(s.offset));
  if (s.union !== null) parts.push(s.union.all ? 'UNION ALL' : 'UNION', printSelect(s.union.select));
  return parts.join(' ');
}

/**
 * @example
 * printTissQL(parseTissQL('select name from people where age>30 or city=\'Oslo\' and x=1'))
 * // -> "SELECT name FROM people WHERE age > 30 OR city = 'Oslo' AND x = 1"
 */
export function printTissQL(statement: Statement): string {
  switch (statement.type) {
    case 'select':
      return printSelect(statement);
    case 'insert': {
      const cols = statement.columns === null ? '' : ` (${statement.columns.map(quoteName).join(', ')})`;
      const rows = statement.rows.map((r) => `(${r.map((x) => printExpr(x)).join(', ')})`).join(', ');
      return `INSERT INTO ${printTable(statement.table)}${cols} VALUES ${rows}`;
    }
    case 'update': {
      const set = statement.set.map((s) => `${s.field.map(quoteName).join('.')} = ${printExpr(s.value)}`).join(', ');
      const where = statement.where === null ? '' : ` WHERE ${printExpr(statement.where)}`;
      return `UPDATE ${printTable(statement.table)} SET ${set}${where}`;
    }
    case 'delete':
      return `DELETE FROM ${printTable(statement.table)}${statement.where === null ? '' : ` WHERE ${printExpr(statement.where)}`}`;
  }
}
