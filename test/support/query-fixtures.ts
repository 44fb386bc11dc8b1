// A small, deterministic people collection for the query layer's example-based tests.
import { IndexManager } from '../../src/core/query';
import type { Doc } from '../../src/core/types';

const CITIES = ['Oslo', 'Rome', 'Lima', 'Pune', 'Kyiv'];
const TAGS = ['red', 'green', 'blue', 'cyan'];

export function people(n = 50): Doc[] {
  const out: Doc[] = [];
  for (let i = 0; i < n; i++) {
    out.push({
      _id: `p${i}`,
      name: `person ${i}`,
      age: 18 + ((i * 7) % 50),
      city: CITIES[i % CITIES.length] as string,
      tags: TAGS.filter((_, t) => (i + t) % 3 === 0),
      profile: { score: (i * 13) % 101, active: i % 2 === 0 },
      createdAt: new Date(Date.UTC(2024, 0, 1 + i)),
    });
  }
  return out;
}

export function peopleStore(n = 50, specs: Array<{ fields: string[]; unique?: boolean; name?: string }> = []) {
  const store = new Map<string, Doc>(people(n).map((d) => [d._id as string, d]));
  const indexes = new IndexManager('people');
  for (const spec of specs) indexes.create({ unique: false, ...spec }, store.values());
  return { store, indexes, docs: [...store.values()] };
}
