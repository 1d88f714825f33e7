// Reads of authors and venues (schema/people.graphql); each function runs one
// named statement, whatever the number of keys it is given.
import type { Database } from './database.js';
import type { ReadRows } from './read-rows.js';

export type PeopleLabel = 'Author' | 'Venue';

export type PersonRow = ReadRows['read/people-by-keys'];
export type AuthorCountRow = ReadRows['read/authors-by-uids'];
export type PaperPeople = ReadRows['read/paper-people'];

export const peopleReads = (db: Database) => ({
  async byKeys(label: PeopleLabel, keys: readonly string[]) {
    return new Map((await db.read('read/people-by-keys', { label, keys }, { shared: true })).map((r) => [r.key, r]));
  },

  async authorsByUids(uids: readonly string[]) {
    return new Map((await db.read('read/authors-by-uids', { uids }, { shared: true })).map((r) => [r.uid, r]));
  },

  /** Keys are name keys for venues, node uids for authors. */
  async topEntities(label: PeopleLabel, keys: readonly string[], type: string | null, role: string | null, limit: number) {
    const statement = label === 'Author' ? 'read/author-top-entities' : 'read/venue-top-entities';
    return new Map((await db.read(statement, { keys, type, role, limit })).map((r) => [r.key, r.top]));
  },

  async paperPeople(ids: readonly string[]) {
    return new Map((await db.read('read/paper-people', { ids }, { shared: true })).map((r) => [r.id, r]));
  },
});
