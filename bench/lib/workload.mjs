// The user-document workload of issue 7: {_id, name, age 18-90, city (1 of 50), tags (1-5 of 20),
// profile: {score 0-100, active}, createdAt: Date}. Deterministic for a given size and seed.
import { mulberry32, permutation } from './prng.mjs';

export const CITIES = [
  'Amsterdam', 'Athens', 'Bangkok', 'Barcelona', 'Beijing', 'Berlin', 'Bogota', 'Boston', 'Brussels', 'Budapest',
  'Cairo', 'Chicago', 'Copenhagen', 'Delhi', 'Dublin', 'Dubai', 'Helsinki', 'Hanoi', 'Istanbul', 'Jakarta',
  'Johannesburg', 'Kyiv', 'Lagos', 'Lima', 'Lisbon', 'London', 'Madrid', 'Manila', 'Melbourne', 'Mexico City',
  'Milan', 'Montreal', 'Moscow', 'Mumbai', 'Nairobi', 'Oslo', 'Paris', 'Prague', 'Rome', 'Santiago',
  'Seoul', 'Shanghai', 'Singapore', 'Stockholm', 'Sydney', 'Taipei', 'Tokyo', 'Toronto', 'Vienna', 'Warsaw',
];
export const TAGS = Array.from({ length: 20 }, (_, i) => `t${String(i).padStart(2, '0')}`);
const FIRST = ['Ada', 'Ben', 'Cleo', 'Dan', 'Eva', 'Finn', 'Gia', 'Hugo', 'Iris', 'Jon',
  'Kai', 'Lena', 'Milo', 'Nora', 'Omar', 'Pia', 'Quinn', 'Rosa', 'Sam', 'Tara'];
const LAST = ['Ahn', 'Berg', 'Costa', 'Diaz', 'Eriksen', 'Fischer', 'Garcia', 'Hansen', 'Ito', 'Jensen',
  'Kowalski', 'Lopez', 'Meyer', 'Nguyen', 'Okafor', 'Petrov', 'Rossi', 'Silva', 'Tanaka', 'Weber'];

export const DEFAULT_SEED = 42;
const BASE_MS = Date.UTC(2020, 0, 1);
const SLOT_MS = 60_000;

export const idOf = (i) => `u${String(i).padStart(7, '0')}`;

/**
 * Generates `n` documents. createdAt is unique per document (one minute slot each, in a shuffled
 * order) so "sort by createdAt, limit 50" has exactly one right answer in every engine.
 */
export function generateDocs(n, seed = DEFAULT_SEED) {
  const random = mulberry32(seed);
  const slots = permutation(n, mulberry32(seed ^ 0x9e3779b9));
  const pick = (list) => list[Math.floor(random() * list.length)];
  const docs = new Array(n);
  for (let i = 0; i < n; i++) {
    const k = 1 + Math.floor(random() * 5);
    const tags = [];
    while (tags.length < k) {
      const t = pick(TAGS);
      if (!tags.includes(t)) tags.push(t);
    }
    docs[i] = {
      _id: idOf(i),
      name: `${pick(FIRST)} ${pick(LAST)}`,
      age: 18 + Math.floor(random() * 73),
      city: pick(CITIES),
      tags,
      profile: { score: Math.floor(random() * 101), active: random() < 0.5 },
      createdAt: new Date(BASE_MS + slots[i] * SLOT_MS + Math.floor(random() * SLOT_MS)),
    };
  }
  return docs;
}

/** 100 ids spread over the collection, in a seeded order. */
export function lookupIds(n, seed = DEFAULT_SEED, count = 100) {
  const random = mulberry32(seed + 7);
  return Array.from({ length: Math.min(count, n) }, () => idOf(Math.floor(random() * n)));
}
