/**
 * Mirrors Velo's WixDataFilter (wix-data `filter()`): an immutable chain of conditions; every method
 * returns a new filter. Argument errors don't throw here: Velo records them and rejects the
 * find()/count() that runs the query, and so does this.
 */
import { WixDataError, wixErrors } from '../errors';
import {
  allOf,
  betweenCondition,
  compareCondition,
  emptyCondition,
  eqCondition,
  neCondition,
  setCondition,
  textCondition,
  type Condition,
  type MongoFilter,
} from './conditions';

export interface FilterState {
  /** Undefined for `wixData.filter()`, which may join a query on any collection. */
  readonly collection: string | undefined;
  readonly conditions: readonly MongoFilter[];
  readonly errors: readonly WixDataError[];
}

export class WixDataFilter {
  /** @internal */
  protected readonly state: FilterState;

  /** @internal Use `wixData.filter()` or `wixData.query(collection)`. */
  constructor(state: FilterState) {
    this.state = state;
  }

  /** @internal The conditions as one MongoDB filter. */
  toMongoFilter(): MongoFilter {
    return allOf(this.state.conditions);
  }

  /** @internal Argument errors recorded along the chain; the first one rejects find()/count(). */
  get invalidArguments(): readonly WixDataError[] {
    return this.state.errors;
  }

  /** @internal */
  protected derive(patch: Partial<FilterState>): this {
    const Species = this.constructor as new (state: FilterState) => this;
    return new Species({ ...this.state, ...patch });
  }

  private add(condition: Condition): this {
    if (condition instanceof WixDataError) return this.derive({ errors: [...this.state.errors, condition] });
    return this.derive({ conditions: [...this.state.conditions, condition] });
  }

  eq(field: string, value: unknown): this {
    return this.add(eqCondition(field, value));
  }
  ne(field: string, value: unknown): this {
    return this.add(neCondition(field, value));
  }
  gt(field: string, value: string | number | Date): this {
    return this.add(compareCondition('gt', field, value));
  }
  ge(field: string, value: string | number | Date): this {
    return this.add(compareCondition('ge', field, value));
  }
  lt(field: string, value: string | number | Date): this {
    return this.add(compareCondition('lt', field, value));
  }
  le(field: string, value: string | number | Date): this {
    return this.add(compareCondition('le', field, value));
  }
  between(field: string, rangeStart: string | number | Date, rangeEnd: string | number | Date): this {
    return this.add(betweenCondition(field, rangeStart, rangeEnd));
  }
  contains(field: string, text: string): this {
    return this.add(textCondition('contains', field, text));
  }
  startsWith(field: string, text: string): this {
    return this.add(textCondition('startsWith', field, text));
  }
  endsWith(field: string, text: string): this {
    return this.add(textCondition('endsWith', field, text));
  }
  hasSome(field: string, ...values: unknown[]): this {
    return this.add(setCondition('hasSome', field, values));
  }
  hasAll(field: string, ...values: unknown[]): this {
    return this.add(setCondition('hasAll', field, values));
  }
  isEmpty(field: string): this {
    return this.add(emptyCondition('isEmpty', field));
  }
  isNotEmpty(field: string): this {
    return this.add(emptyCondition('isNotEmpty', field));
  }

  /** Items matching this chain and `filter`. */
  and(filter: WixDataFilter): this {
    return this.combine('and', filter, (mine, theirs) => [mine, theirs]);
  }

  /**
   * Items matching this chain up to here, or `filter`. With no earlier condition the left side is
   * `{}`, which matches everything (as the real module does).
   */
  or(filter: WixDataFilter): this {
    return this.combine('or', filter, (mine, theirs) => [{ $or: [mine, theirs] }]);
  }

  /** Items matching this chain and not `filter`. */
  not(filter: WixDataFilter): this {
    return this.combine('not', filter, (mine, theirs) => [mine, { $nor: [theirs] }]);
  }

  private combine(
    method: string,
    filter: WixDataFilter,
    join: (mine: MongoFilter, theirs: MongoFilter) => MongoFilter[],
  ): this {
    if (!(filter instanceof WixDataFilter)) {
      return this.add(wixErrors.invalidArgument(method, 'the argument must be a WixDataFilter or WixDataQuery.'));
    }
    const theirs = filter.state.collection;
    const mine = this.state.collection;
    if (theirs !== undefined && mine !== undefined && theirs !== mine) {
      return this.add(wixErrors.otherCollection(method, mine, theirs));
    }
    const errors = [...this.state.errors, ...filter.state.errors];
    const conditions = join(this.toMongoFilter(), filter.toMongoFilter()).filter((f) => Object.keys(f).length > 0);
    return this.derive({ conditions, errors });
  }
}
