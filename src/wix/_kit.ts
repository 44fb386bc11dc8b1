// What every operation of the fake module shares: the store, the hook runner, the flavour
// (Velo mutates the object passed to insert/save/update; @wix/data doesn't), and the failure path.
import { WixStore, asWixError } from './_store';
import { wixErrors } from './errors';
import { HookRunner } from './hooks';
import { isPlainObject } from './_tree';
import type { WixDataOptions } from './types';

export interface Kit {
  readonly store: WixStore;
  readonly hooks: HookRunner;
  /** Velo's insert/save/update write the system fields back onto the caller's object. */
  readonly mutateInput: boolean;
}

/** Options as passed: undefined or an object (WDE0018 otherwise). */
export function readOptions(method: string, options: unknown): WixDataOptions {
  if (options === undefined || options === null) return {};
  if (!isPlainObject(options)) throw wixErrors.badOptions(method);
  return options as WixDataOptions;
}

/**
 * Runs an operation: any failure becomes the WixDataError Wix would give, `onFailure` hears of it,
 * and the returned promise rejects with it.
 */
export async function guarded<T>(kit: Kit, collection: unknown, options: WixDataOptions, run: () => Promise<T>): Promise<T> {
  const name = typeof collection === 'string' ? collection : String(collection);
  try {
    return await run();
  } catch (error) {
    throw await kit.hooks.failed(name, asWixError(error, name), options.suppressHooks);
  }
}

export function requireCollectionName(collection: unknown): string {
  if (typeof collection !== 'string') throw wixErrors.collectionName(collection);
  return collection;
}

/** A public method's frame: options read (WDE0018), then {@link guarded}. Always a promise. */
export async function operation<T>(
  kit: Kit, method: string, collection: unknown, options: unknown, body: (options: WixDataOptions) => Promise<T>,
): Promise<T> {
  const opts = readOptions(method, options);
  return guarded(kit, collection, opts, () => body(opts));
}
