import { TissDBLite } from '../../src/core';
import { createWixData, createWixDataItems, type CreateWixDataOptions } from '../../src/wix';

/** A database whose clock ticks one second per write and whose ids count up: results are repeatable. */
export function tickingDb(): TissDBLite {
  let time = Date.UTC(2024, 0, 1);
  let id = 0;
  return new TissDBLite({ now: () => new Date((time += 1000)), generateId: () => `id${String(++id).padStart(4, '0')}` });
}

export function wixFixture(options: CreateWixDataOptions = {}) {
  const db = tickingDb();
  return { db, wixData: createWixData(db, options) };
}

export function wixItemsFixture(options: CreateWixDataOptions = {}) {
  const db = tickingDb();
  return { db, items: createWixDataItems(db, options) };
}

/** Wix's documented aggregation sample, "PopulationData". */
export const POPULATION = [
  ['Buffalo', 292000, 'NY', 2000], ['Buffalo', 261000, 'NY', 2010],
  ['Los Angeles', 3703000, 'CA', 2000], ['Los Angeles', 3796000, 'CA', 2010],
  ['Miami', 362000, 'FL', 2000], ['Miami', 401000, 'FL', 2010],
  ['New York', 8015000, 'NY', 2000], ['New York', 8192000, 'NY', 2010],
  ['Orlando', 195000, 'FL', 2000], ['Orlando', 240000, 'FL', 2010],
  ['San Diego', 1228000, 'CA', 2000], ['San Diego', 1306000, 'CA', 2010],
  ['San Francisco', 777000, 'CA', 2000], ['San Francisco', 805000, 'CA', 2010],
].map(([city, population, state, year]) => ({ city, population, state, year }));

/** Expects `promise` to reject with a WixDataError of `code` whose message starts with it. */
export async function wixRejects(promise: Promise<unknown>, code: string): Promise<Error & { code: string }> {
  try {
    await promise;
  } catch (error) {
    const e = error as Error & { code: string };
    if (e.code !== code || !e.message.startsWith(`${code}: `)) {
      throw new Error(`expected ${code}, got ${e.code}: ${e.message}`);
    }
    return e;
  }
  throw new Error(`expected a ${code} rejection, but it resolved`);
}
