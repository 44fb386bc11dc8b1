import { describe, expect, it } from 'vitest';
import type { SelectStatement } from '../../src/tissql/ast';
import { parseTissQL } from '../../src/tissql/parser';
import { stripPositions } from '../support/tissql-arbitraries';

const where = (sql: string, dialect: 'tissql' | 'tissdb' = 'tissql') =>
  stripPositions((parseTissQL(sql, { dialect }) as SelectStatement).where);
const f = (name: string) => ({ type: 'field', path: [name] });
const n = (value: number) => ({ type: 'literal', value });

describe('parseTissQL', () => {
  it('a full SELECT', () => {
    const ast = parseTissQL(
      'SELECT DISTINCT p.name AS who, COUNT(*) FROM people p LEFT JOIN orders o ON o.person = p._id ' +
        "WHERE p.age >= ? GROUP BY p.name HAVING COUNT(*) > 1 ORDER BY who DESC, 2 LIMIT 10 OFFSET ? UNION ALL SELECT * FROM x",
    ) as SelectStatement;
    expect(ast.distinct).toBe(true);
    expect(ast.columns?.map((c) => c.alias)).toEqual(['who', null]);
    expect(ast.from).toEqual({ name: 'people', alias: 'p', pos: 45 });
    expect(ast.joins[0]).toMatchObject({ kind: 'left', table: { name: 'orders', alias: 'o' } });
    expect(stripPositions(ast.where)).toEqual({ type: 'compare', op: '>=', left: { type: 'field', path: ['p', 'age'] }, right: { type: 'param' } });
    expect(ast.orderBy.map((o) => o.direction)).toEqual(['desc', 'asc']);
    expect(stripPositions(ast.limit)).toEqual(n(10));
    expect(ast.offset).toMatchObject({ type: 'param', index: 1 });
    expect(ast.union).toMatchObject({ all: true, select: { columns: null, from: { name: 'x' } } });
  });

  it('SQL precedence in tissql, a left fold in tissdb', () => {
    const sql = 'SELECT * FROM t WHERE a = 1 OR b = 2 AND c = 3';
    const cmp = (x: string, v: number) => ({ type: 'compare', op: '=', left: f(x), right: n(v) });
    expect(where(sql)).toEqual({ type: 'or', left: cmp('a', 1), right: { type: 'and', left: cmp('b', 2), right: cmp('c', 3) } });
    expect(where(sql, 'tissdb')).toEqual({ type: 'and', left: { type: 'or', left: cmp('a', 1), right: cmp('b', 2) }, right: cmp('c', 3) });
  });

  it('predicates, arithmetic, temporal literals and functions', () => {
    expect(where("SELECT * FROM t WHERE NOT a IN (1, 2) AND b NOT LIKE 'x%' AND c IS NOT NULL")).toMatchObject({
      type: 'and',
      left: { type: 'and', left: { type: 'not', operand: { type: 'in', not: false } }, right: { type: 'like', not: true } },
      right: { type: 'isNull', not: true },
    });
    expect(where('SELECT * FROM t WHERE a - -2 * b > 0')).toEqual({
      type: 'compare',
      op: '>',
      left: { type: 'arith', op: '-', left: f('a'), right: { type: 'arith', op: '*', left: n(-2), right: f('b') } },
      right: n(0),
    });
    expect(where("SELECT * FROM t WHERE EXTRACT(year FROM d) = 2024 AND ts > NOW() - INTERVAL 2 DAYS AND d < DATE '2024-01-01'")).toMatchObject({
      left: { left: { left: { type: 'extract', part: 'year' } }, right: { right: { right: { type: 'interval', amount: 2, unit: 'day' } } } },
      right: { right: { type: 'temporal', kind: 'date', text: '2024-01-01' } },
    });
  });

  it('INSERT, UPDATE, DELETE', () => {
    expect(stripPositions(parseTissQL("INSERT INTO t (a, b) VALUES (1, 'x'), (2, NULL)"))).toEqual({
      type: 'insert',
      table: { name: 't', alias: null },
      columns: ['a', 'b'],
      rows: [[n(1), { type: 'literal', value: 'x' }], [n(2), { type: 'literal', value: null }]],
    });
    expect(stripPositions(parseTissQL('UPDATE t SET a.b = a.b + 1 WHERE c'))).toEqual({
      type: 'update',
      table: { name: 't', alias: null },
      set: [{ field: ['a', 'b'], value: { type: 'arith', op: '+', left: { type: 'field', path: ['a', 'b'] }, right: n(1) } }],
      where: f('c'),
    });
    expect(stripPositions(parseTissQL('delete from t;'))).toEqual({ type: 'delete', table: { name: 't', alias: null }, where: null });
  });

  it("tissdb: what the server ignores is ignored, what it refuses fails with its message", () => {
    expect(where("SELECT name FROM people WHERE name IN ('a') ORDER BY x", 'tissdb')).toEqual(f('name'));
    expect(where('SELECT name FROM people WHERE age == 30', 'tissdb')).toEqual(f('age'));
    const s = parseTissQL('SELECT * FROM t GROUP BY c HAVING COUNT(*) > 1 ORDER BY c', { dialect: 'tissdb' }) as SelectStatement;
    expect(s.having).toBeNull();
    expect(s.orderBy).toEqual([]);
    const cases: Array<[string, string]> = [
      ['SELECT name FROM people WHERE age <> 30', 'Unexpected token in expression'],
      ['SELECT name FROM people WHERE NOT active = true', 'Unexpected token in expression'],
      ['SELECT COUNT(DISTINCT city) FROM people', 'Expected token ) but got city'],
      ['SELECT DISTINCT city FROM people', 'Expected token FROM but got city'],
      ['SELECT 1', 'Expected token FROM but got '],
      ['SELEC * FROM people', 'Unsupported statement type'],
      ['', 'Unsupported statement type'],
      ['SELECT name FROM people LIMIT abc', 'Expected numeric literal for LIMIT clause.'],
      ['UPDATE people SET address.city = 1', 'Expected token = but got .'],
      ['DELETE orders WHERE qty > 1', 'Expected token FROM but got orders'],
      ['INSERT INTO misc (a) VALUES ({"x": 1})', 'Expected token ) but got 1'],
    ];
    for (const [sql, serverMessage] of cases) {
      expect(() => parseTissQL(sql, { dialect: 'tissdb' }), sql).toThrowError(expect.objectContaining({ code: 'TISSQL_SYNTAX', serverMessage }));
    }
  });

  it('syntax errors name the spot', () => {
    expect(() => parseTissQL('SELECT * FROM t WHERE a = 1 b')).toThrowError(expect.objectContaining({ position: 28, found: 'b' }));
    expect(() => parseTissQL('SELECT * FROM')).toThrowError(expect.objectContaining({ position: 13, found: '', expected: 'a collection name' }));
    expect(() => parseTissQL('SELECT a FROM t JOIN u')).toThrowError(expect.objectContaining({ expected: 'ON' }));
    expect(() => parseTissQL('SELECT * FROM t WHERE a BETWEEN 1 OR 2')).toThrowError(expect.objectContaining({ expected: 'AND' }));
    expect(() => parseTissQL('SELECT * FROM select')).toThrowError(expect.objectContaining({ position: 14 }));
  });
});
