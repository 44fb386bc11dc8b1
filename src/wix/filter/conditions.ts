/**
 * Velo WixDataFilter conditions as MongoDB filter fragments, so the core runs them (and its indexes
 * apply). Semantics per the wix-data WixDataFilter docs: eq is type-strict and case-sensitive and
 * matches any element of an array field; gt/ge/lt/le compare same-type values only (mingo's
 * comparison operators skip other types, as Wix does); between is start-inclusive, end-exclusive;
 * contains/startsWith/endsWith are case-insensitive substring tests; hasSome/hasAll are
 * case-sensitive; isEmpty is true for missing, null and undefined, not for "".
 */
import { WixDataError, wixErrors } from '../errors';
import { isDate } from '../_tree';

export type MongoFilter = Record<string, unknown>;

/** A fragment, or the argument error Velo would reject the find() with. */
export type Condition = MongoFilter | WixDataError;

type Comparable = string | number | Date;

const isComparable = (value: unknown): value is Comparable =>
  typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value)) || isDate(value);

const kindOf = (value: Comparable): string => (isDate(value) ? 'date' : typeof value);

function fieldError(method: string, field: unknown): WixDataError | undefined {
  if (typeof field !== 'string') return wixErrors.fieldName(field);
  if (field === '' || field.startsWith('$')) {
    return wixErrors.invalidArgument(method, `[${field}] is not a valid field name.`);
  }
  return undefined;
}

const on = (field: string, operator: string, value: unknown): MongoFilter => ({ [field]: { [operator]: value } });

export function eqCondition(field: unknown, value: unknown): Condition {
  return fieldError('eq', field) ?? on(field as string, '$eq', value === undefined ? null : value);
}

export function neCondition(field: unknown, value: unknown): Condition {
  return fieldError('ne', field) ?? on(field as string, '$ne', value === undefined ? null : value);
}

/** gt/ge/lt/le: Number, String or Date, as the docs list. */
export function compareCondition(method: 'gt' | 'ge' | 'lt' | 'le', field: unknown, value: unknown): Condition {
  const bad = fieldError(method, field);
  if (bad) return bad;
  if (!isComparable(value)) {
    return wixErrors.invalidArgument(method, `value must be a String, Number or Date, got [${String(value)}].`);
  }
  const operator = { gt: '$gt', ge: '$gte', lt: '$lt', le: '$lte' }[method];
  return on(field as string, operator, value);
}

export function betweenCondition(field: unknown, start: unknown, end: unknown): Condition {
  const bad = fieldError('between', field);
  if (bad) return bad;
  if (!isComparable(start) || !isComparable(end) || kindOf(start) !== kindOf(end)) {
    return wixErrors.invalidArgument('between', 'rangeStart and rangeEnd must be Strings, Numbers or Dates of the same type.');
  }
  return { [field as string]: { $gte: start, $lt: end } };
}

const escapeRegex = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** contains/startsWith/endsWith: case-insensitive, the text matched literally. */
export function textCondition(method: 'contains' | 'startsWith' | 'endsWith', field: unknown, text: unknown): Condition {
  const bad = fieldError(method, field);
  if (bad) return bad;
  if (typeof text !== 'string') return wixErrors.invalidArgument(method, `value must be a String, got [${String(text)}].`);
  const literal = escapeRegex(text);
  const source = method === 'startsWith' ? `^${literal}` : method === 'endsWith' ? `${literal}$` : literal;
  return on(field as string, '$regex', new RegExp(source, 'i'));
}

/** hasSome/hasAll take an array or the values as further arguments. */
export function setCondition(method: 'hasSome' | 'hasAll', field: unknown, values: unknown[]): Condition {
  const bad = fieldError(method, field);
  if (bad) return bad;
  const list = values.length === 1 && Array.isArray(values[0]) ? (values[0] as unknown[]) : values;
  if (!list.every(isComparable)) {
    return wixErrors.invalidArgument(method, 'values must be Strings, Numbers or Dates.');
  }
  return on(field as string, method === 'hasSome' ? '$in' : '$all', list);
}

export function emptyCondition(method: 'isEmpty' | 'isNotEmpty', field: unknown): Condition {
  return fieldError(method, field) ?? on(field as string, method === 'isEmpty' ? '$eq' : '$ne', null);
}

/** ANDs fragments the way Mongo reads them: none is `{}`, one is itself. */
export function allOf(fragments: readonly MongoFilter[]): MongoFilter {
  if (fragments.length === 0) return {};
  if (fragments.length === 1) return fragments[0] as MongoFilter;
  return { $and: [...fragments] };
}
