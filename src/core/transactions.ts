import type { CollectionState } from './host';
import type { ChangeEvent } from './types';

/**
 * One level of `db.transaction()`. A frame saves each collection's state just before the frame
 * first writes to it (stored documents are frozen, so that is a copy of the id map, not of the
 * documents) and holds the frame's events until the outermost commit.
 */
export interface Frame<C> {
  /** Collection states before this frame's first write to each. */
  saved: Map<string, { collection: C; state: CollectionState }>;
  /** The name → collection registry before this frame first created or dropped a collection. */
  registry: Map<string, C> | undefined;
  events: Array<{ event: ChangeEvent; target: C | undefined }>;
}

export function newFrame<C>(): Frame<C> {
  return { saved: new Map(), registry: undefined, events: [] };
}

/** Folds a committed inner frame into its parent: the parent keeps its older saved states. */
export function mergeInto<C>(parent: Frame<C>, child: Frame<C>): void {
  for (const [name, saved] of child.saved) if (!parent.saved.has(name)) parent.saved.set(name, saved);
  parent.registry ??= child.registry;
  parent.events.push(...child.events);
}

export function isThenable(value: unknown): boolean {
  return typeof (value as { then?: unknown } | null)?.then === 'function';
}
