/**
 * Velo data hooks (backend/data.js): `<Collection>_<hook>(value, context)`. Before-hooks may return a
 * replacement item/id/query, and their rejection aborts the operation; after-hooks' value replaces
 * the result "whether the Promise is fulfilled or rejected" (Velo afterRemove() docs), a rejection
 * also reaching `onFailure`. A value of the wrong kind is ignored (the original is kept).
 * `{ suppressHooks: true }` skips them all.
 */
import type { WixItem } from './codec';
import type { DataHooksModule, WixDataHookContext } from './types';

export type HookName =
  | 'beforeInsert' | 'afterInsert' | 'beforeUpdate' | 'afterUpdate' | 'beforeRemove' | 'afterRemove'
  | 'beforeGet' | 'afterGet' | 'beforeQuery' | 'afterQuery' | 'beforeCount' | 'afterCount' | 'onFailure';

type Accept<T> = (value: unknown) => value is T;

export const isItem = (value: unknown): value is WixItem =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
export const isId = (value: unknown): value is string => typeof value === 'string';
export const isCount = (value: unknown): value is number => typeof value === 'number';

export class HookRunner {
  readonly #module: DataHooksModule | undefined;
  readonly #userId: string | null;
  readonly #userRole: string;

  constructor(module: DataHooksModule | undefined, userId: string | null, userRole: string) {
    this.#module = module;
    this.#userId = userId;
    this.#userRole = userRole;
  }

  context(collectionName: string, extra: Partial<WixDataHookContext> = {}): WixDataHookContext {
    return { collectionName, userId: this.#userId, userRole: this.#userRole, ...extra };
  }

  #find(collection: string, hook: HookName): ((value: unknown, context: WixDataHookContext) => unknown) | undefined {
    const fn = this.#module?.[`${collection}_${hook}`];
    return typeof fn === 'function' ? (fn as (value: unknown, context: WixDataHookContext) => unknown) : undefined;
  }

  /** Runs the hook if defined; its (awaited) return value replaces `value` when `accept` takes it. */
  async run<T>(
    collection: string,
    hook: HookName,
    value: T,
    accept: Accept<T>,
    suppress: boolean | undefined,
    context: WixDataHookContext = this.context(collection),
  ): Promise<T> {
    if (suppress) return value;
    const fn = this.#find(collection, hook);
    if (!fn) return value;
    if (!hook.startsWith('after')) {
      const returned = await fn(value, context);
      return accept(returned) ? returned : value;
    }
    try {
      const returned = await fn(value, context);
      return accept(returned) ? returned : value;
    } catch (rejected) {
      // Velo: the write already happened; a rejected after-hook's value is still the result (an
      // Error isn't a value of the right kind, so the original stands), and onFailure hears of it.
      await this.failed(collection, rejected, false, context);
      return accept(rejected) && !(rejected instanceof Error) ? rejected : value;
    }
  }

  /** Tells `onFailure` (if any) and returns the error for rethrowing; onFailure's own errors are ignored. */
  async failed(collection: string, error: unknown, suppress: boolean | undefined, context?: WixDataHookContext): Promise<unknown> {
    if (suppress) return error;
    const fn = this.#find(collection, 'onFailure');
    if (fn) {
      try {
        await fn(error, context ?? this.context(collection));
      } catch {
        // The caller gets the original failure either way.
      }
    }
    return error;
  }
}
