// A papergraph client for urql with Graphcache (normalised caching) that runs
// without cache warnings: copy it into a frontend (with `@urql/core` and
// `@urql/exchange-graphcache` installed). test/integration/clients.test.ts runs
// the example operations through it and fails on any warning.
import { Client, fetchExchange } from '@urql/core';
import { cacheExchange, type KeyingConfig, type ResolverConfig } from '@urql/exchange-graphcache';
import { relayPagination } from '@urql/exchange-graphcache/extras';
// Generated from schema/ by `npm run codegen` (urql-introspection plugin), shipped as
// dist/src/client/urql-schema.js: the schema's shape, so Graphcache matches fragments on
// Node and Entity exactly, reading and writing.
import schema from '../../src/client/urql-schema.js';

const none = () => null;

/**
 * How each type without an `id` is keyed. null: kept inside its parent (it has no
 * identity of its own). Connections, edges and PageInfo need no entry.
 */
export const keys: KeyingConfig = {
  // Has an id (paper x entity); a query that does not ask for it keeps the links inside the paper.
  PaperEntity: (pe) => (typeof pe.id === 'string' ? pe.id : null),
  Author: (a) => (typeof a.key === 'string' ? a.key : null),
  Venue: (v) => (typeof v.key === 'string' ? v.key : null),
  GraphStats: none,
  TypeCount: none,
  SearchHit: none,
  CooccurrenceCell: none,
  EntityCount: none,
  RelatedPaper: none,
  Evidence: none,
  TimelinePoint: none,
  RoleCount: none,
  FirstSeen: none,
  TrendingEntity: none,
  IngestResult: none,
  IngestError: none,
};

const entityPapers = { papers: relayPagination() };

/** Relay connections: pages of one list (same filter arguments) are merged in order. */
export const resolvers: ResolverConfig = {
  Query: { papers: relayPagination(), entities: relayPagination(), newEntities: relayPagination() },
  // Graphcache resolvers are per concrete type, not per interface.
  Model: entityPapers,
  Dataset: entityPapers,
  Method: entityPapers,
  Task: entityPapers,
  Metric: entityPapers,
};

export function papergraphUrqlClient(url = 'http://localhost:4000/graphql'): Client {
  return new Client({
    url,
    exchanges: [cacheExchange({ schema, keys, resolvers }), fetchExchange],
  });
}
