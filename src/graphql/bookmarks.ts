// Reading your own writes across API instances. Behind a load balancer a
// client's mutation and its next query can land on different instances, and
// on a cluster the next query's reads can go to a member that has not applied
// the mutation yet. So every mutation's response carries the bookmarks of what
// its instance has committed, and a request that sends them back waits (one
// round trip, on whichever instance gets it) until Neo4j has applied them.
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { DbError } from '../db/db-errors.js';
import type { GraphQLContext } from './context.js';
import { dbErrorCode } from './error-policy.js';

export const BOOKMARK_HEADER = 'papergraph-bookmark';

/** A mutation's instance may hold a few bookmarks (one per transaction in flight); more is not ours. */
const MAX_BOOKMARKS = 16;
const MAX_BOOKMARK_LENGTH = 256;
/** Neo4j's bookmarks are base64 with a prefix (FB:...); nothing else belongs in the header. */
const BOOKMARK = /^[A-Za-z0-9+/=:_-]+$/;

const badBookmark = (problem: string) =>
  new GraphQLError(`the ${BOOKMARK_HEADER} header ${problem}; send it back as a mutation's response gave it (comma-separated bookmarks)`, {
    extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
  });

/** The bookmarks a request's header names (none when it has no header). */
export function bookmarksFromHeader(value: string | undefined): string[] {
  if (value === undefined || value.trim() === '') return [];
  const bookmarks = value.split(',').map((b) => b.trim()).filter(Boolean);
  if (bookmarks.length > MAX_BOOKMARKS) throw badBookmark(`holds ${bookmarks.length} bookmarks (at most ${MAX_BOOKMARKS})`);
  for (const b of bookmarks) {
    if (b.length > MAX_BOOKMARK_LENGTH || !BOOKMARK.test(b)) throw badBookmark(`holds "${b.slice(0, 40)}", which is not a bookmark`);
  }
  return bookmarks;
}

export function bookmarkPlugin(): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart({ request }) {
      return {
        // Before any resolver reads: every read of the request then follows the bookmarks.
        async didResolveOperation({ contextValue }) {
          const bookmarks = bookmarksFromHeader(request.http?.headers.get(BOOKMARK_HEADER));
          if (bookmarks.length === 0) return;
          try {
            await contextValue.db.catchUp(bookmarks);
          } catch (err) {
            if (err instanceof DbError && err.kind === 'bad-bookmark') throw badBookmark('names a bookmark this database did not issue');
            // Outside any resolver: give the database's failure its code here (the error policy sets the status).
            if (err instanceof DbError) throw new GraphQLError(err.message, { originalError: err, extensions: { code: dbErrorCode(err.kind) } });
            throw err;
          }
        },
        async willSendResponse({ operation, contextValue, response }) {
          if (operation?.operation !== 'mutation') return;
          const bookmarks = await contextValue.db.lastBookmarks();
          if (bookmarks.length > 0) response.http.headers.set(BOOKMARK_HEADER, bookmarks.join(','));
        },
      };
    },
  };
}
