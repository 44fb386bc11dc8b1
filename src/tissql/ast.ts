/**
 * The TissQL syntax tree. Every node carries `pos`, the 0-based offset of its first character in
 * the source (`-1` for nodes built by code rather than parsed). Plain data: JSON-serialisable.
 */

export type Literal = string | number | boolean | null;

export type CompareOp = '=' | '!=' | '<' | '<=' | '>' | '>=';
export type ArithOp = '+' | '-' | '*' | '/';
export type TemporalKind = 'date' | 'time' | 'datetime' | 'timestamp';
export type IntervalUnit = 'microsecond' | 'millisecond' | 'second' | 'minute' | 'hour' | 'day';
export type ExtractPart = 'year' | 'month' | 'day' | 'hour' | 'minute' | 'second';
export type AggregateFn = 'COUNT' | 'SUM' | 'AVG' | 'MIN' | 'MAX';

export type Expr =
  | { type: 'literal'; value: Literal; pos: number }
  /** `DATE '2024-03-01'` and friends; `text` as written between the quotes. */
  | { type: 'temporal'; kind: TemporalKind; text: string; pos: number }
  | { type: 'interval'; amount: number; unit: IntervalUnit; pos: number }
  /** `?`: 0-based index in order of appearance. */
  | { type: 'param'; index: number; pos: number }
  /** `a`, `a.b.c`; with joins the first part may name a table alias. */
  | { type: 'field'; path: string[]; pos: number }
  | { type: 'not'; operand: Expr; pos: number }
  | { type: 'neg'; operand: Expr; pos: number }
  | { type: 'and' | 'or'; left: Expr; right: Expr; pos: number }
  | { type: 'compare'; op: CompareOp; left: Expr; right: Expr; pos: number }
  | { type: 'arith'; op: ArithOp; left: Expr; right: Expr; pos: number }
  | { type: 'like'; not: boolean; operand: Expr; pattern: Expr; pos: number }
  | { type: 'between'; not: boolean; operand: Expr; low: Expr; high: Expr; pos: number }
  | { type: 'in'; not: boolean; operand: Expr; list: Expr[]; pos: number }
  | { type: 'isNull'; not: boolean; operand: Expr; pos: number }
  /** `NOW()`, `DATE(e)`, `TIME(e)`. */
  | { type: 'call'; name: 'NOW' | 'DATE' | 'TIME'; args: Expr[]; pos: number }
  | { type: 'extract'; part: ExtractPart; from: Expr; pos: number }
  /** `COUNT(*)` has `arg: null`. Only in select lists, HAVING and ORDER BY. */
  | { type: 'aggregate'; fn: AggregateFn; arg: Expr | null; distinct: boolean; pos: number };

export interface SelectItem {
  expr: Expr;
  alias: string | null;
}

export interface TableRef {
  name: string;
  alias: string | null;
  pos: number;
}

export interface Join {
  kind: 'inner' | 'left' | 'right' | 'full' | 'cross';
  table: TableRef;
  on: Expr | null;
}

export interface OrderItem {
  expr: Expr;
  direction: 'asc' | 'desc';
}

export interface SelectStatement {
  type: 'select';
  distinct: boolean;
  /** `null` means `*`. */
  columns: SelectItem[] | null;
  from: TableRef;
  joins: Join[];
  where: Expr | null;
  groupBy: Expr[];
  having: Expr | null;
  orderBy: OrderItem[];
  limit: Expr | null;
  offset: Expr | null;
  union: { all: boolean; select: SelectStatement } | null;
  pos: number;
}

export interface InsertStatement {
  type: 'insert';
  table: TableRef;
  /** `null` when the statement has no column list. */
  columns: string[] | null;
  rows: Expr[][];
  pos: number;
}

export interface UpdateStatement {
  type: 'update';
  table: TableRef;
  set: Array<{ field: string[]; value: Expr }>;
  where: Expr | null;
  pos: number;
}

export interface DeleteStatement {
  type: 'delete';
  table: TableRef;
  where: Expr | null;
  pos: number;
}

export type Statement = SelectStatement | InsertStatement | UpdateStatement | DeleteStatement;

export type Dialect = 'tissql' | 'tissdb';
