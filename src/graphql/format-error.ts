import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { DbError } from '../db/database.js';

const DB_CODES = {
  'query-syntax': 'BAD_USER_INPUT',
  timeout: 'QUERY_TIMEOUT',
  unavailable: 'SERVICE_UNAVAILABLE',
  other: 'INTERNAL_SERVER_ERROR',
} as const;

/**
 * Clients get a code and a message they can act on; database internals
 * (Cypher, server messages) never leave the process in production.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown, production: boolean): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (original instanceof DbError) {
    const code = DB_CODES[original.kind];
    const message = code === 'INTERNAL_SERVER_ERROR' && production ? 'internal error' : original.message;
    if (code === 'INTERNAL_SERVER_ERROR') console.error(`[papergraph] ${original.statement}: ${original.message}`);
    return { ...formatted, message, extensions: { ...(production ? {} : formatted.extensions), code } };
  }
  if (production && formatted.extensions?.code === 'INTERNAL_SERVER_ERROR') {
    console.error('[papergraph]', original);
    return { message: 'internal error', locations: formatted.locations, path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  }
  return formatted;
}
