/**
 * A fake Velo `wix-data` module on a TissDBLite: the same method names, arguments, results and
 * errors, so backend code written for Wix runs unchanged in tests.
 *
 * @example
 * const wixData = createWixData(new TissDBLite(), { ownerId: 'user-1' });
 * await wixData.insert('Movies', { title: 'Alien', year: 1979 });
 * const { items } = await wixData.query('Movies').ge('year', 1970).find();
 * items[0].title // -> 'Alien'
 */
import { TissDBLite } from '../core';
import { WixStore } from './_store';
import type { Kit } from './_kit';
import { WixDataAggregate } from './aggregate';
import { WixDataFilter } from './filter/wix-filter';
import { HookRunner } from './hooks';
import { createBulkOps } from './items/bulk';
import { createSingleItemOps } from './items/single';
import { createQueryRunner } from './query/runner';
import { WixDataQuery } from './query/wix-query';
import { createReferenceOps } from './references';
import type { WixDataModule } from './module-types';
import type { CreateWixDataOptions } from './types';

export type Flavour = 'velo' | 'sdk';

/** @internal Shared by createWixData (Velo) and createWixDataItems (@wix/data). */
export function buildModule(db: TissDBLite | undefined, options: CreateWixDataOptions, flavour: Flavour): WixDataModule {
  const store = new WixStore(db ?? new TissDBLite(), options);
  const hooks = new HookRunner(options.hooks, options.ownerId ?? null, options.userRole ?? 'siteOwner');
  const kit: Kit = { store, hooks, mutateInput: flavour === 'velo' };
  const runner = createQueryRunner({ ...kit, totals: flavour });
  const references = createReferenceOps(kit, (o) => (flavour === 'velo' ? true : o.returnTotalCount === true));
  return {
    db: store.db,
    query: (collectionId: string): WixDataQuery => WixDataQuery.create(collectionId, runner),
    filter: (): WixDataFilter => new WixDataFilter({ collection: undefined, conditions: [], errors: [] }),
    aggregate: (collectionId: string): WixDataAggregate => WixDataAggregate.create(kit, collectionId),
    ...createSingleItemOps(kit),
    ...createBulkOps(kit),
    ...references,
  };
}

/** The Velo `wix-data` module (`import wixData from 'wix-data'`), backed by `db` (a new one if omitted). */
export function createWixData(db?: TissDBLite, options: CreateWixDataOptions = {}): WixDataModule {
  return buildModule(db, options, 'velo');
}
