// A papergraph client for Apollo Client 4 whose cache keeps its data: copy it
// into a frontend (with `@apollo/client` and `rxjs` installed) and point it at
// the server. test/integration/clients.test.ts runs the example operations
// through it and fails on any cache warning.
import { ApolloClient, HttpLink, InMemoryCache, type StoreObject, type TypePolicies } from '@apollo/client';
import { relayStylePagination } from '@apollo/client/utilities';
// Generated from schema/ by `npm run codegen` (fragment-matcher plugin), shipped in
// the package as dist/src/client/possible-types.js: which types implement Node and
// Entity, so fragments on the interfaces (`... on Entity { name }`) match.
import generated from '../../src/client/possible-types.js';

export const possibleTypes = generated.possibleTypes;

/** A record kept whole inside its parent (it has no identity of its own); its lists are the server's answer, replaced not merged. */
const embedded = { keyFields: false } as const;
/** Normalised by `key` when the query asked for it, else kept inside its parent (Author and Venue have `key`, not `id`). */
const byKey = (typename: string) => ({ keyFields: (o: Readonly<StoreObject>) => (typeof o.key === 'string' ? `${typename}:${o.key}` : false) });
const replace = { merge: false } as const;

export const typePolicies: TypePolicies = {
  Query: {
    fields: {
      // Relay connections: pages of one list (same filter arguments) are merged in order.
      papers: relayStylePagination(['where', 'orderBy']),
      entities: relayStylePagination(['type', 'query', 'orderBy']),
      newEntities: relayStylePagination(['type', 'from', 'to']),
      search: replace,
      cooccurrence: replace,
      trending: replace,
    },
  },
  // Inherited by Model, Dataset, Method, Task and Metric through possibleTypes.
  Entity: {
    fields: {
      papers: relayStylePagination(['role']),
      cooccurring: replace,
      timeline: replace,
    },
  },
  Paper: { fields: { entities: replace, related: replace, authorList: replace } },
  // `id` is paper x entity (`2305.03047>method:lora`); without it, a link stays inside its paper.
  PaperEntity: { fields: { evidence: replace } },
  // One per graph: a singleton record, so two queries asking different stats fields share it.
  GraphStats: { keyFields: [], fields: { byType: replace } },
  Author: { ...byKey('Author'), fields: { topEntities: replace } },
  Venue: { ...byKey('Venue'), fields: { topEntities: replace } },
  TypeCount: embedded,
  SearchHit: embedded,
  CooccurrenceCell: embedded,
  EntityCount: embedded,
  RelatedPaper: { ...embedded, fields: { shared: replace } },
  Evidence: embedded,
  TimelinePoint: { ...embedded, fields: { byRole: replace } },
  RoleCount: embedded,
  FirstSeen: embedded,
  TrendingEntity: embedded,
  IngestResult: embedded,
  IngestError: embedded,
};

export function papergraphCache(): InMemoryCache {
  return new InMemoryCache({ possibleTypes, typePolicies });
}

export function papergraphApolloClient(uri = 'http://localhost:4000/graphql'): ApolloClient {
  return new ApolloClient({ link: new HttpLink({ uri }), cache: papergraphCache() });
}
