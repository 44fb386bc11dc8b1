// An application module as a site's backend would have it: it talks to TissDB only through a
// TissDBClient it is given, so tests can hand it one pointed at startFakeTissDB.
// In your app: `import type { TissDBClient } from 'tissdb-lite/tissdb'`.
import type { TissDBClient } from '../../src/tissdb';

export interface User {
  _id?: string;
  email: string;
  name: string;
  team: string;
  joined: Date;
}

export function createUserDirectory(client: TissDBClient) {
  return {
    async setup(): Promise<void> {
      await client.createDatabase({ existOk: true });
      await client.createCollection('users');
      await client.createIndex('users', 'team');
    },

    /** Registers a user; refuses a second registration with the same e-mail. */
    async register(user: Omit<User, '_id'>): Promise<string> {
      const existing = await client.find('users', { email: user.email });
      if (existing.length > 0) throw new Error(`register: ${user.email} is already registered`);
      return client.insert('users', user);
    },

    /** Team members, newest first, at most `limit`. */
    async team(team: string, limit = 10): Promise<User[]> {
      return (await client.find('users', { team }, { sort: { joined: -1 }, limit })) as unknown as User[];
    },

    /** Moves everyone in `from` to `to` atomically: all moves apply, or none. */
    async mergeTeams(from: string, to: string): Promise<number> {
      const members = await client.find('users', { team: from });
      await client.transaction(async (tx) => {
        for (const member of members) await tx.put('users', String(member._id), { ...member, team: to });
      });
      return members.length;
    },
  };
}
