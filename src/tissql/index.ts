// tissdb-lite/tissql: the TissQL language, pure (no core, no node:). See notes/readme-tissql.md.
export { conditionToFilter, parseCondition } from './condition';
export { parseTissQL } from './parser';
export { printTissQL, printExpr } from './printer';
export { compileTissQL } from './compile';
export { toTissQL } from './to-tissql';
export { evaluate, matches, lookupField } from './evaluate';
export { exprToFilter } from './to-filter';
export { runTissQL, runCompiled } from './run';
export { tokenize } from './lexer';
export { TissDBLiteError, isTissDBLiteError } from './errors';
export type { ErrorCode, ErrorDetails } from './errors';
export type { ParseOptions } from './parser';
export type { CompileOptions } from './compile';
export type { ToTissQLOptions, ToTissQLResult } from './to-tissql';
export type { ToTissDBResult, ClientSide } from './to-tissdb';
export type { EvalContext } from './evaluate';
export type { Filter, FilterSemantics, ToFilterContext } from './to-filter';
export type { RunOptions } from './run';
export type { DataSource, Row, SourceFindOptions, SqlResult } from './source';
export type {
  AggregateSpec,
  CompiledDelete,
  CompiledInsert,
  CompiledJoin,
  CompiledQuery,
  CompiledSelect,
  CompiledUpdate,
  OutputColumn,
} from './compiled';
export type { Token, TokenKind, LexMode } from './lexer';
export type {
  AggregateFn,
  ArithOp,
  CompareOp,
  DeleteStatement,
  Dialect,
  Expr,
  ExtractPart,
  InsertStatement,
  IntervalUnit,
  Join,
  Literal,
  OrderItem,
  SelectItem,
  SelectStatement,
  Statement,
  TableRef,
  TemporalKind,
  UpdateStatement,
} from './ast';
