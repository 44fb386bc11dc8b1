// The README's "unit-test your app against a fake TissDB" example: an application module
// (examples/app/user-directory.ts) tested with vitest against startFakeTissDB over real HTTP.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeTissDB } from '../../src/server';
import type { FakeTissDB } from '../../src/server';
import { TissDBClient } from '../../src/tissdb';
import { createUserDirectory } from '../../examples/app/user-directory';

let server: FakeTissDB;
let directory: ReturnType<typeof createUserDirectory>;
let run = 0;

beforeAll(async () => {
  server = await startFakeTissDB({ port: 0 }); // parity mode: production's quirks, in-process
});
afterAll(() => server.close());
beforeEach(async () => {
  const client = new TissDBClient({ baseUrl: server.url, database: `app${++run}`, token: 'static_test_token' });
  directory = createUserDirectory(client);
  await directory.setup();
});

describe('user directory (application module) against the fake TissDB', () => {
  it('registers users and lists a team newest first', async () => {
    await directory.register({ email: 'ann@x.test', name: 'Ann', team: 'red', joined: new Date('2024-01-01') });
    await directory.register({ email: 'bo@x.test', name: 'Bo', team: 'red', joined: new Date('2024-06-01') });
    await directory.register({ email: 'cy@x.test', name: 'Cy', team: 'blue', joined: new Date('2024-03-01') });
    const red = await directory.team('red');
    expect(red.map((u) => u.name)).toEqual(['Bo', 'Ann']);
    expect(red[0]?.joined).toEqual(new Date('2024-06-01'));
  });

  it('refuses a duplicate e-mail', async () => {
    await directory.register({ email: 'ann@x.test', name: 'Ann', team: 'red', joined: new Date() });
    await expect(directory.register({ email: 'ann@x.test', name: 'Ann 2', team: 'red', joined: new Date() })).rejects.toThrow(/already registered/);
  });

  it('merges teams in one transaction', async () => {
    await directory.register({ email: 'a@x.test', name: 'A', team: 'red', joined: new Date('2024-01-01') });
    await directory.register({ email: 'b@x.test', name: 'B', team: 'red', joined: new Date('2024-01-02') });
    expect(await directory.mergeTeams('red', 'blue')).toBe(2);
    expect(await directory.team('red')).toEqual([]);
    expect((await directory.team('blue')).map((u) => u.name)).toEqual(['B', 'A']);
  });

  it('shows production behaviour: a name with a quote is refused before it reaches TissDB', async () => {
    await expect(directory.register({ email: 'q@x.test', name: 'Dwayne "The Rock"', team: 'red', joined: new Date() })).rejects.toMatchObject({
      code: 'INVALID_DOCUMENT',
    });
  });
});
