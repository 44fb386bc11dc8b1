// examples/backend/movies.js is written for Wix (`import wixData from 'wix-data'`); here it runs
// unchanged against createWixData, with the site's backend/data.js hooks.
import { describe, it, expect, vi, beforeEach } from 'vitest';
import { createWixData, type WixDataModule } from '../../src/wix';
import { tickingDb } from '../support/wix-fixtures';

const fake = vi.hoisted(() => ({ current: undefined as unknown as WixDataModule }));
vi.mock('wix-data', () => ({
  default: new Proxy({}, { get: (_target, name) => (fake.current as unknown as Record<string | symbol, unknown>)[name] }),
}));

interface MoviesBackend {
  addMovie(movie: object): Promise<Record<string, unknown>>;
  moviesOfDecade(decade: number): Promise<string[]>;
  search(text: string, genres: string[]): Promise<string[]>;
  allTitles(): Promise<string[]>;
  ratingsByGenre(): Promise<Array<{ genre: string; rating: number }>>;
  rate(id: string, rating: number): Promise<Record<string, unknown>>;
  importMovies(movies: object[]): Promise<{ inserted: number; skipped: number; failed: number[] }>;
}
// Plain JS modules without typings, loaded by path so TypeScript doesn't look for declarations.
const backendPath = '../../examples/backend/movies.js';
const hooksPath = '../../examples/backend/data.js';
const backend = (await import(backendPath)) as MoviesBackend;
const hooks = (await import(hooksPath)) as Record<string, unknown>;

beforeEach(async () => {
  fake.current = createWixData(tickingDb(), { hooks });
  await backend.importMovies([
    { _id: 'alien', title: 'Alien', year: 1979, genre: 'sf', rating: 5 },
    { _id: 'aliens', title: ' Aliens ', year: 1986, genre: 'action', rating: 4 },
    { _id: 'heat', title: 'Heat', year: 1995, genre: 'crime', rating: 4 },
    { _id: 'jaws', title: 'Jaws', year: 1975, genre: 'action', rating: 2 },
  ]);
});

describe('the Velo backend module on the fake', () => {
  it('queries by range, text and genre', async () => {
    expect(await backend.moviesOfDecade(1970)).toEqual(['Jaws (1975)', 'Alien (1979)']);
    expect(await backend.search('ALIEN', ['action', 'crime'])).toEqual(['Aliens']);
  });

  it('pages through results with hasNext()/next()', async () => {
    expect(await backend.allTitles()).toEqual(['Alien', 'Aliens', 'Heat', 'Jaws']);
  });

  it('aggregates', async () => {
    expect(await backend.ratingsByGenre()).toEqual([
      { genre: 'sf', rating: 5 },
      { genre: 'crime', rating: 4 },
      { genre: 'action', rating: 3 },
    ]);
  });

  it('runs the site hooks: titles are trimmed and required, ratings rise by at most 1', async () => {
    await expect(backend.addMovie({ year: 2000 })).rejects.toThrow('A movie needs a title');
    expect((await backend.rate('jaws', 5)).rating).toBe(3);
  });

  it('bulk import reports skipped and failed items', async () => {
    const result = await backend.importMovies([{ _id: 'alien', title: 'Dup' }, { title: '' }, { title: 'Up' }]);
    expect(result).toEqual({ inserted: 1, skipped: 1, failed: [1] });
  });
});
