// backend/movies.js as it sits in a Wix site: ordinary Velo code, imported unchanged by
// test/wix/backend-example.test.ts, where vi.mock('wix-data') hands it tissdb-lite's fake.
import wixData from 'wix-data';

export async function addMovie(movie) {
  return wixData.insert('Movies', movie);
}

/** "Alien (1979)" labels of the movies released in a decade, oldest first. */
export async function moviesOfDecade(decade) {
  const results = await wixData.query('Movies').ge('year', decade).lt('year', decade + 10).ascending('year').find();
  return results.items.map((movie) => `${movie.title} (${movie.year})`);
}

/** Titles containing `text`, any case, in a genre from `genres`. */
export async function search(text, genres) {
  const results = await wixData.query('Movies').contains('title', text).hasSome('genre', genres).ascending('title').find();
  return results.items.map((movie) => movie.title);
}

/** Every title, however many pages it takes. */
export async function allTitles() {
  let page = await wixData.query('Movies').ascending('title').limit(2).find();
  const titles = page.items.map((movie) => movie.title);
  while (page.hasNext()) {
    page = await page.next();
    titles.push(...page.items.map((movie) => movie.title));
  }
  return titles;
}

/** Average rating per genre, best first. */
export async function ratingsByGenre() {
  const results = await wixData.aggregate('Movies').group('genre').avg('rating').descending('ratingAvg').run();
  return results.items.map((row) => ({ genre: row.genre, rating: row.ratingAvg }));
}

export async function rate(movieId, rating) {
  const movie = await wixData.get('Movies', movieId);
  if (!movie) throw new Error(`No movie ${movieId}`);
  return wixData.update('Movies', { ...movie, rating });
}

export async function importMovies(movies) {
  const result = await wixData.bulkInsert('Movies', movies);
  return { inserted: result.inserted, skipped: result.skipped, failed: result.errors.map((e) => e.originalIndex) };
}
