/**
 * MongoDB filter → calls on a wix-data builder, only where the meaning is the same: implicit/$eq →
 * eq, $ne → ne, null equality → isEmpty / isNotEmpty, $gt/$gte/$lt/$lte → gt/ge/lt/le, $in → hasSome,
 * $nin → not(hasSome), $all → hasAll, $and → chained conditions, $or → or, $nor and $not → not,
 * literal case-insensitive $regex → contains/startsWith/endsWith. Everything else throws
 * INVALID_QUERY naming the operator, rather than run a query that returns more or fewer items.
 *
 * `$exists` has no exact equivalent (Wix's isEmpty counts null as empty, Mongo's $exists doesn't):
 * `{ $exists: true, $ne: null }` translates, bare `$exists` only with `nullIsMissing: true`.
 */
import { TissDBLiteError } from '../../core';
import { isDate, isPlainObject } from '../_tree';
import type { WixDataLike, WixFilterBuilder } from './builder';
import { regexToText } from './regex';

export interface TranslateOptions {
  /** Declares that no stored value is null, which makes `$exists` equal to isNotEmpty / isEmpty. */
  nullIsMissing?: boolean;
}

type Scalar = string | number | boolean | Date;

function invalid(operator: string, why: string): never {
  throw new TissDBLiteError('INVALID_QUERY', `toWixQuery: ${operator} ${why}`, { operator });
}

const isScalar = (v: unknown): v is Scalar =>
  typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v)) || (isDate(v) && !Number.isNaN(v.getTime()));
const isComparable = (v: unknown): v is string | number | Date => isScalar(v) && typeof v !== 'boolean';

function comparableList(operator: string, field: string, values: unknown): Array<string | number | Date> {
  if (!Array.isArray(values) || values.length === 0) return invalid(operator, `on "${field}" needs a non-empty array`);
  if (!values.every(isComparable)) return invalid(operator, `on "${field}": Wix only matches String, Number or Date values`);
  return values;
}

export class FilterTranslator {
  readonly #wix: WixDataLike;
  readonly #options: TranslateOptions;

  constructor(wix: WixDataLike, options: TranslateOptions = {}) {
    this.#wix = wix;
    this.#options = options;
  }

  #empty(): WixFilterBuilder {
    return this.#wix.filter() as WixFilterBuilder;
  }

  /** `builder` with every condition of `filter` ANDed on. */
  apply<B extends WixFilterBuilder>(builder: B, filter: unknown): B {
    if (!isPlainObject(filter)) return invalid('filter', 'must be a plain object');
    let out: WixFilterBuilder = builder;
    for (const [key, value] of Object.entries(filter)) {
      if (key === '$and') out = this.#list(key, value).reduce<WixFilterBuilder>((b, sub) => this.apply(b, sub), out);
      else if (key === '$or') out = out.and(this.#anyOf(this.#list(key, value)));
      else if (key === '$nor') out = out.not(this.#anyOf(this.#list(key, value)));
      else if (key.startsWith('$')) invalid(key, 'has no Wix Data equivalent');
      else out = this.#field(out, key, value);
    }
    return out as B;
  }

  #list(operator: string, value: unknown): unknown[] {
    if (!Array.isArray(value) || value.length === 0) return invalid(operator, 'needs a non-empty array of filters');
    return value;
  }

  /** Wix's or() is "everything so far, or this": starting from the first branch gives a plain union. */
  #anyOf(branches: unknown[]): WixFilterBuilder {
    const [first, ...rest] = branches;
    return rest.reduce<WixFilterBuilder>((b, sub) => b.or(this.apply(this.#empty(), sub)), this.apply(this.#empty(), first));
  }

  #field(builder: WixFilterBuilder, field: string, value: unknown): WixFilterBuilder {
    if (value instanceof RegExp) return this.#regex(builder, field, value, undefined);
    if (!isPlainObject(value) || !Object.keys(value).some((k) => k.startsWith('$'))) return this.#equals(builder, field, value, '$eq');
    const ops = value;
    let out = builder;
    for (const [op, arg] of Object.entries(ops)) {
      if (op === '$options') {
        if (!('$regex' in ops)) invalid('$options', `on "${field}" needs $regex`);
      } else if (op === '$regex') out = this.#regex(out, field, arg, ops.$options);
      else if (op === '$exists') out = this.#exists(out, field, arg, ops);
      else out = this.#operator(out, field, op, arg);
    }
    return out;
  }

  #equals(builder: WixFilterBuilder, field: string, value: unknown, op: '$eq' | '$ne'): WixFilterBuilder {
    if (value === null) return op === '$eq' ? builder.isEmpty(field) : builder.isNotEmpty(field);
    if (!isScalar(value)) return invalid(op, `on "${field}": Wix compares String, Number, Boolean or Date values, not ${Array.isArray(value) ? 'arrays' : typeof value}`);
    return op === '$eq' ? builder.eq(field, value) : builder.ne(field, value);
  }

  #operator(builder: WixFilterBuilder, field: string, op: string, arg: unknown): WixFilterBuilder {
    switch (op) {
      case '$eq':
      case '$ne':
        return this.#equals(builder, field, arg, op);
      case '$gt':
      case '$gte':
      case '$lt':
      case '$lte': {
        if (!isComparable(arg)) return invalid(op, `on "${field}": Wix compares String, Number or Date values only`);
        const method = ({ $gt: 'gt', $gte: 'ge', $lt: 'lt', $lte: 'le' } as const)[op];
        return builder[method](field, arg);
      }
      case '$in':
        return builder.hasSome(field, comparableList(op, field, arg));
      case '$nin':
        return builder.not(this.#empty().hasSome(field, comparableList(op, field, arg)));
      case '$all':
        return builder.hasAll(field, comparableList(op, field, arg));
      case '$not':
        if (!(arg instanceof RegExp) && !isPlainObject(arg)) return invalid(op, `on "${field}" needs an operator object or a RegExp`);
        return builder.not(this.#field(this.#empty(), field, arg));
      default:
        return invalid(op, `on "${field}" has no Wix Data equivalent`);
    }
  }

  #regex(builder: WixFilterBuilder, field: string, pattern: unknown, options: unknown): WixFilterBuilder {
    const { method, text } = regexToText(field, pattern, options);
    return builder[method](field, text);
  }

  #exists(builder: WixFilterBuilder, field: string, arg: unknown, siblings: Record<string, unknown>): WixFilterBuilder {
    if (typeof arg !== 'boolean') return invalid('$exists', `on "${field}" takes true or false`);
    if (arg && '$ne' in siblings && siblings.$ne === null) return builder; // implied by the $ne: null beside it
    if (!this.#options.nullIsMissing) {
      return invalid('$exists', `on "${field}": Wix treats null as empty, so use { $ne: null } / null equality, or pass { nullIsMissing: true }`);
    }
    return arg ? builder.isNotEmpty(field) : builder.isEmpty(field);
  }
}
