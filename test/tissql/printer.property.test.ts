import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTissQL } from '../../src/tissql/parser';
import { printTissQL } from '../../src/tissql/printer';
import { statementArb, stripPositions } from '../support/tissql-arbitraries';

describe('printTissQL', () => {
  it('parse(print(ast)) equals ast for random statements', () => {
    fc.assert(
      fc.property(statementArb, (ast) => {
        const text = printTissQL(ast);
        expect(stripPositions(parseTissQL(text))).toEqual(stripPositions(ast));
      }),
      { numRuns: 300 },
    );
  });

  it('print is a fixed point after one round', () => {
    fc.assert(
      fc.property(statementArb, (ast) => {
        const once = printTissQL(ast);
        expect(printTissQL(parseTissQL(once))).toBe(once);
      }),
      { numRuns: 200 },
    );
  });

  it.each([
    ["select name from people where age>30 or city='Oslo' and x=1", "SELECT name FROM people WHERE age > 30 OR city = 'Oslo' AND x = 1"],
    ['SELECT * FROM t WHERE (a OR b) AND NOT (c = 1)', 'SELECT * FROM t WHERE (a OR b) AND NOT c = 1'],
    ['select `date`, count(*) n from t group by `date`', 'SELECT `date`, COUNT(*) AS n FROM t GROUP BY `date`'],
    ["insert into t (a, b) values (1, 'x'), (-2.5, null)", "INSERT INTO t (a, b) VALUES (1, 'x'), (-2.5, NULL)"],
    ['update t set a = a - -1 where b is not null', 'UPDATE t SET a = a - -1 WHERE b IS NOT NULL'],
  ])('%s', (input, printed) => {
    expect(printTissQL(parseTissQL(input))).toBe(printed);
  });
});
