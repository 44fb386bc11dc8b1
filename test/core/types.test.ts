// The public types are part of the API: Collection<T> carries the document shape through.
import { describe, expectTypeOf, it } from 'vitest';
import { TissDBLite, type Collection, type Stored } from '../../src/core';

interface User {
  name: string;
  age: number;
  tags?: string[];
}

describe('Collection<T> types', () => {
  it('threads T through inserts and reads', () => {
    const db = new TissDBLite();
    const users = db.createCollection<User>('users');
    expectTypeOf(users).toEqualTypeOf<Collection<User>>();
    const ada = users.insert({ name: 'Ada', age: 36 });
    expectTypeOf(ada).toEqualTypeOf<Stored<User>>();
    expectTypeOf(ada._id).toBeString();
    expectTypeOf(ada._createdDate).toEqualTypeOf<Date>();
    expectTypeOf(users.find({ age: { $gt: 1 } })).toEqualTypeOf<Stored<User>[]>();
    expectTypeOf(users.get('x')).toEqualTypeOf<Stored<User> | undefined>();
    expectTypeOf(db.collection<User>('users').findOne()).toEqualTypeOf<Stored<User> | undefined>();
    // @ts-expect-error: age must be a number
    users.insert({ name: 'Bo', age: 'old' });
    // @ts-expect-error: name is required
    users.insert({ age: 3 });
  });
});
