// Reads of authors and venues (schema/people.graphql); each function runs one
// named statement, whatever the number of keys it is given.
import type { Database, Row } from './database.js';

export type PeopleLabel = 'Author' | 'Venue';

const byKey = (rows: Row[], key: string, value: string) => new Map(rows.map((r) => [r[key] as string, r[value]]));

export const peopleReads = (db: Database) => ({
  async byKeys(label: PeopleLabel, keys: readonly string[]) {
    return new Map((await db.read('read/people-by-keys', { label, keys }, { shared: true })).map((r) => [r.key as string, r]));
  },

  async authorsByUids(uids: readonly string[]) {
    return new Map((await db.read('read/authors-by-uids', { uids }, { shared: true })).map((r) => [r.uid as string, r]));
  },

  /** Keys are name keys for venues, node uids for authors. */
  async topEntities(label: PeopleLabel, keys: readonly string[], type: string | null, role: string | null, limit: number) {
    const statement = label === 'Author' ? 'read/author-top-entities' : 'read/venue-top-entities';
    return byKey(await db.read(statement, { keys, type, role, limit }), 'key', 'top') as Map<string, Row[]>;
  },

  async paperPeople(ids: readonly string[]) {
    return new Map((await db.read('read/paper-people', { ids }, { shared: true })).map((r) => [r.id as string, r]));
  },
});
