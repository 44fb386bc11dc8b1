/**
 * Expression → MongoDB filter, when one exists with the same meaning.
 *
 * `semantics: 'mongo'` (condition strings): `!=` is `$ne` (true for a missing field), NOT is
 * `$nor`/`$not`, `= null` matches null or missing, exactly as Mongo filters behave.
 * `semantics: 'sql'` (the 'tissql' dialect): NULL and missing are unknown, so NOT is pushed down
 * to complements that exclude them (`NOT a < 5` → `{a: {$not: {$lt: 5}, $ne: null}}`).
 * `undefined` means "not expressible": the caller evaluates the expression itself (evaluate.ts).
 */
import type { CompareOp, Expr } from './ast';
import { constantValue, fieldName } from './constant';
import { likeToRegexSource } from './like';

export type Filter = Record<string, unknown>;
export type FilterSemantics = 'mongo' | 'sql';

/** Matches nothing: every document has an `_id`. */
export function never(): Filter {
  return { _id: { $in: [] } };
}

const MONGO_OPS: Record<CompareOp, string> = { '=': '$eq', '!=': '$ne', '<': '$lt', '<=': '$lte', '>': '$gt', '>=': '$gte' };
const FLIP: Record<CompareOp, CompareOp> = { '=': '=', '!=': '!=', '<': '>', '<=': '>=', '>': '<', '>=': '<=' };
const COMPLEMENT: Record<CompareOp, CompareOp> = { '=': '!=', '!=': '=', '<': '>=', '<=': '>', '>': '<=', '>=': '<' };

export interface ToFilterContext {
  semantics: FilterSemantics;
  params: readonly unknown[];
}

export function exprToFilter(expr: Expr, ctx: ToFilterContext): Filter | undefined {
  return translate(expr, ctx, false);
}

function translate(expr: Expr, ctx: ToFilterContext, negate: boolean): Filter | undefined {
  if (expr.type === 'not') {
    // Mongo's NOT is two-valued, so it wraps; SQL's is pushed down to three-valued complements.
    if (ctx.semantics === 'mongo') return mongoNot(translate(expr.operand, ctx, false));
    return translate(expr.operand, ctx, !negate);
  }
  if (expr.type === 'and' || expr.type === 'or') {
    const left = translate(expr.left, ctx, negate);
    const right = translate(expr.right, ctx, negate);
    if (left === undefined || right === undefined) return undefined;
    return combine((expr.type === 'and') !== negate ? '$and' : '$or', left, right);
  }
  return leaf(expr, ctx, negate);
}

function combine(op: '$and' | '$or', left: Filter, right: Filter): Filter {
  const parts: Filter[] = [];
  for (const side of [left, right]) {
    const nested = Object.keys(side).length === 1 ? side[op] : undefined;
    if (Array.isArray(nested)) parts.push(...(nested as Filter[]));
    else parts.push(side);
  }
  return { [op]: parts };
}

/** `{a: 5}` → `{a: {$ne: 5}}`, `{a: {$gt: 5}}` → `{a: {$not: {$gt: 5}}}`, anything else → `$nor`. */
function mongoNot(filter: Filter | undefined): Filter | undefined {
  if (filter === undefined) return undefined;
  const keys = Object.keys(filter);
  const key = keys[0];
  if (keys.length === 1 && key !== undefined && !key.startsWith('$')) {
    const cond = filter[key];
    if (isOperatorObject(cond)) return { [key]: { $not: cond } };
    if (!isPlainObject(cond)) return { [key]: { $ne: cond } };
  }
  return { $nor: [filter] };
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);
}

function isOperatorObject(v: unknown): v is Record<string, unknown> {
  return isPlainObject(v) && Object.keys(v).length > 0 && Object.keys(v).every((k) => k.startsWith('$'));
}

function leaf(expr: Expr, ctx: ToFilterContext, negate: boolean): Filter | undefined {
  const sql = ctx.semantics === 'sql';
  switch (expr.type) {
    case 'compare':
      return compareLeaf(expr.op, expr.left, expr.right, ctx, negate);
    case 'isNull': {
      const f = fieldName(expr.operand);
      if (f === undefined) return undefined;
      return expr.not !== negate ? { [f]: { $ne: null } } : { [f]: null };
    }
    case 'in': {
      const f = fieldName(expr.operand);
      const values = expr.list.map((e) => constantValue(e, ctx.params));
      if (f === undefined || values.some((v) => v === undefined)) return undefined;
      const list = values.map((v) => v?.value);
      const positive = expr.not === negate;
      if (!sql) return { [f]: positive ? { $in: list } : { $nin: list } };
      if (positive) return { [f]: { $in: list.filter((v) => v !== null) } };
      return list.includes(null) ? never() : { [f]: { $nin: [...list, null] } };
    }
    case 'like': {
      const f = fieldName(expr.operand);
      const pattern = constantValue(expr.pattern, ctx.params);
      if (f === undefined || typeof pattern?.value !== 'string') return undefined;
      const regex = { $regex: likeToRegexSource(pattern.value), $options: 's' };
      return expr.not === negate ? { [f]: regex } : { [f]: { $not: regex, $ne: null } };
    }
    case 'between':
      return betweenLeaf(expr, ctx, negate);
    case 'field':
      return { [fieldName(expr) as string]: !negate };
    case 'literal':
      if (expr.value === null) return never();
      if (typeof expr.value === 'boolean') return expr.value !== negate ? {} : never();
      return undefined;
    default:
      return undefined;
  }
}

function compareLeaf(written: CompareOp, left: Expr, right: Expr, ctx: ToFilterContext, negate: boolean): Filter | undefined {
  let op = written;
  let f = fieldName(left);
  let value = constantValue(right, ctx.params);
  if (f === undefined || value === undefined) {
    f = fieldName(right);
    value = constantValue(left, ctx.params);
    op = FLIP[op];
  }
  if (f === undefined || value === undefined) return fieldVsField(written, left, right, ctx);
  const v = value.value;
  if (ctx.semantics === 'mongo') {
    if (op === '=') return { [f]: v };
    return { [f]: { [MONGO_OPS[op]]: v } };
  }
  if (v === null) return never();
  if (negate && op !== '=' && op !== '!=') return { [f]: { $not: { [MONGO_OPS[op]]: v }, $ne: null } };
  const effective = negate ? COMPLEMENT[op] : op;
  if (effective === '=') return { [f]: isPlainObject(v) || Array.isArray(v) ? { $eq: v } : v };
  if (effective === '!=') return { [f]: { $nin: [v, null] } };
  return { [f]: { [MONGO_OPS[effective]]: v } };
}

/** `a < b` between two fields: Mongo's `$expr` (aggregation comparison order), condition strings only. */
function fieldVsField(op: CompareOp, left: Expr, right: Expr, ctx: ToFilterContext): Filter | undefined {
  const a = fieldName(left);
  const b = fieldName(right);
  if (ctx.semantics !== 'mongo' || a === undefined || b === undefined) return undefined;
  return { $expr: { [MONGO_OPS[op]]: [`$${a}`, `$${b}`] } };
}

function betweenLeaf(expr: Extract<Expr, { type: 'between' }>, ctx: ToFilterContext, negate: boolean): Filter | undefined {
  const f = fieldName(expr.operand);
  const low = constantValue(expr.low, ctx.params);
  const high = constantValue(expr.high, ctx.params);
  if (f === undefined || low === undefined || high === undefined) return undefined;
  const inside = { [f]: { $gte: low.value, $lte: high.value } };
  if (expr.not === negate) {
    return ctx.semantics === 'sql' && (low.value === null || high.value === null) ? never() : inside;
  }
  if (ctx.semantics === 'mongo') return { $nor: [inside] };
  if (low.value === null || high.value === null) return undefined;
  return { [f]: { $not: { $gte: low.value, $lte: high.value }, $ne: null } };
}
