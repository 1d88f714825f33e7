// A Database for resolver-routing tests only (test/unit/graphql/routing.test.ts):
// it records which named read statement the resolvers asked for, with which
// parameters, and answers with the rows the test gives per statement. It runs
// no Cypher, so it says nothing about the statements or the API's answers;
// those are tested on the real Neo4j (test/integration), as the house rules ask.
import { ApolloServer } from '@apollo/server';
import { loadConfig } from '../../src/config.js';
import type { Database, ReadOptions, Row } from '../../src/db/database.js';
import type { EntityProjection, PaperWithAbstract } from '../../src/db/projections.js';
import type { ReadName, ReadRows } from '../../src/db/read-rows.js';
import type { Extractor } from '../../src/extract/types.js';
import { createContext, type GraphQLContext } from '../../src/graphql/context.js';
import { peopleResolvers } from '../../src/graphql/people-resolvers.js';
import { resolvers } from '../../src/graphql/resolvers.js';
import { loadTypeDefs } from '../../src/graphql/schema.js';
import { timeResolvers } from '../../src/graphql/time-resolvers.js';

/** One statement the resolvers asked for. */
export interface RecordedRead {
  name: string;
  params: Row;
  /** Whether it may share a transaction (ReadOptions.shared). */
  shared: boolean;
}

/** Rows per statement name, made from the parameters the statement was given. */
export type Answers = { [N in ReadName]?: (params: Row) => ReadRows[N][] };

/**
 * The part of Database the reads above src/db call (read), recording each
 * call. A statement the test gave no rows for fails the operation, so an
 * unexpected route shows up as an error naming the statement.
 */
export function recordingDatabase(answers: Answers) {
  const reads: RecordedRead[] = [];
  const adapter: Pick<Database, 'read'> = {
    async read(name: string, params: Row = {}, opts: ReadOptions = {}) {
      reads.push({ name, params, shared: opts.shared ?? false });
      const answer = answers[name as ReadName] as ((p: Row) => Row[]) | undefined;
      if (!answer) throw new Error(`routing test: no rows given for ${name}`);
      return answer(params) as never;
    },
  };
  // Resolvers take a Database; they (and graphReads, timeReads, peopleReads) call only read.
  return { db: adapter as Database, reads };
}

/** The API's schema and resolvers, as src/graphql/server.ts gives them to Apollo (without its HTTP plugins and limits). */
export function routingServer(): ApolloServer<GraphQLContext> {
  return new ApolloServer<GraphQLContext>({ typeDefs: loadTypeDefs(), resolvers: [resolvers, timeResolvers, peopleResolvers] });
}

const config = loadConfig({ NODE_ENV: 'test' });
/** Reads never extract: an extractor that is called fails the test. */
const noExtractor = new Proxy({}, { get: () => { throw new Error('routing test: the extractor was used'); } }) as Extractor;

/** Runs one operation on a fresh request context over `db`; returns data and errors. */
export async function runOperation(server: ApolloServer<GraphQLContext>, db: Database, query: string, variables: Record<string, unknown> = {}) {
  const res = await server.executeOperation({ query, variables }, { contextValue: createContext({ db, extractor: noExtractor, config }) });
  if (res.body.kind !== 'single') throw new Error('routing test: expected a single result');
  return res.body.singleResult;
}

export const paperRow = (id: string, extra: Partial<PaperWithAbstract> = {}): PaperWithAbstract => ({
  id,
  title: `Paper ${id}`,
  url: null,
  published: '2024-03-01',
  authors: [],
  arxivId: null,
  abstract: null,
  ...extra,
});

/** An entity projection for an id `type:key` (how entity ids are written). */
export const entityRow = (id: string, paperCount = 1): EntityProjection => {
  const [type, key] = id.split(':') as [string, string];
  return { id, type, key, name: key, aliases: [], paperCount };
};
