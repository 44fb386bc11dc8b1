/** The people/orders data the TissDB transcripts use (seq 122-130, 220-223), in a TissDBLite. */
import { TissDBLite } from '../../src/core/index';

export const PEOPLE = [
  { _id: 'p1', name: 'Alice', age: 30, city: 'Paris', active: true, score: 88.5, tags: ['a', 'b'] },
  { _id: 'p2', name: 'Bob', age: 25, city: 'London', active: false, score: 72 },
  { _id: 'p3', name: 'Carol', age: 35, city: 'Paris', active: true, score: 95 },
  { _id: 'p4', name: 'Dave', age: 40, city: 'Berlin', active: false, score: 60, nickname: null },
  { _id: 'p5', name: 'Eve', age: 28, city: 'London', active: true, address: { city: 'Leeds', zip: 'LS1' } },
];

export const ORDERS = [
  { _id: 'o1', item: 'book', person: 'p1', qty: 2 },
  { _id: 'o2', item: 'pen', person: 'p3', qty: 10 },
  { _id: 'o3', item: 'cup', person: 'nobody', qty: 1 },
];

export function peopleDb(options: { indexes?: boolean } = {}): TissDBLite {
  const db = new TissDBLite();
  db.createCollection('people', options.indexes ? { indexes: ['city', 'age'] } : undefined);
  db.createCollection('orders');
  db.bulkInsert('people', PEOPLE);
  db.bulkInsert('orders', ORDERS);
  return db;
}
