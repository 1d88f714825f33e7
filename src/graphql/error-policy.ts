// What clients see of an error: a code, and a message written by us or by
// GraphQL's own validation, never database text, a stack or a file path
// (unless PAPERGRAPH_DEBUG_ERRORS=true). Every error carries the request id;
// server faults are logged with it, so an operator finds the cause of what a
// client reports. HTTP status follows the worst error: 503 (with Retry-After)
// when the database is out of reach or too busy, 400 for the client's mistakes.
import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLError, GraphQLFormattedError } from 'graphql';
import { DbError, driverCode, type DbErrorKind } from '../db/db-errors.js';
import type { GraphQLContext } from './context.js';
import { LIMIT_CODES, TOKEN_LIMIT_MESSAGE, type LimitName } from './limits.js';

const DB_CODES: Record<DbErrorKind, string> = {
  'query-syntax': 'BAD_USER_INPUT',
  'bad-bookmark': 'BAD_USER_INPUT',
  timeout: 'QUERY_TIMEOUT',
  unavailable: 'SERVICE_UNAVAILABLE',
  busy: 'SERVICE_UNAVAILABLE',
  other: 'INTERNAL_SERVER_ERROR',
};

/** The error code clients see for a database failure of this kind. */
export const dbErrorCode = (kind: DbErrorKind) => DB_CODES[kind];

/** Codes whose messages are written for clients (ours, Apollo's or GraphQL's). */
const CLIENT_CODES = new Set([
  'BAD_USER_INPUT',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  ...Object.values(LIMIT_CODES),
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'QUERY_TIMEOUT',
  'SERVICE_UNAVAILABLE',
]);

/** GraphQL's messages can quote the input (a 1 MB variable); clients get the start. */
const MAX_MESSAGE = 300;

/** seconds a client should wait before retrying after a 503 */
export const RETRY_AFTER_SECONDS = 1;

// graphql-js's parser message for its maxTokens option (its own fixed text, "more that" in 16.x).
const TOKEN_LIMIT = /^Syntax Error: Document contains more th\w+ \d+ tokens/;

function codeOf(error: unknown): string {
  const original = unwrapResolverError(error);
  if (original instanceof DbError) return DB_CODES[original.kind];
  const code = (error as GraphQLError).extensions?.code;
  return typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR';
}

const clip = (s: string) => (s.length > MAX_MESSAGE ? `${s.slice(0, MAX_MESSAGE)}...` : s);

// graphql-js's "did you mean" hints, in validation and in variable coercion
// (`Did you mean "first"?`, `Did you mean the enum value "MODEL"?`).
const SUGGESTION = / ?Did you mean [^?]*\?/g;

export interface ErrorPolicy {
  /** Show Apollo's errors untouched (PAPERGRAPH_DEBUG_ERRORS). */
  debug: boolean;
  /** Hide the schema's names that a message suggests (NODE_ENV=production). */
  production: boolean;
}

export function formatError(formatted: GraphQLFormattedError, error: unknown, policy: ErrorPolicy): GraphQLFormattedError {
  if (policy.debug) return formatted;
  const original = unwrapResolverError(error);
  let code = codeOf(error);
  let message = formatted.message;
  if (original instanceof DbError) message = original.message;
  let limit = formatted.extensions?.limit;
  // Apollo gives every validation error the code GRAPHQL_VALIDATION_FAILED; a limit keeps its own.
  if (typeof limit === 'string' && limit in LIMIT_CODES) code = LIMIT_CODES[limit as LimitName];
  if (code === 'GRAPHQL_PARSE_FAILED' && TOKEN_LIMIT.test(message)) {
    message = TOKEN_LIMIT_MESSAGE;
    limit = 'tokens';
  }
  if (policy.production) message = message.replace(SUGGESTION, '');
  if (!CLIENT_CODES.has(code)) {
    code = 'INTERNAL_SERVER_ERROR';
    message = 'internal error: the server failed to answer; quote the requestId when you report it';
  }
  return {
    message: clip(message),
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    ...(formatted.path ? { path: formatted.path } : {}),
    extensions: { code, ...(limit ? { limit } : {}) },
  };
}

/** A line per server fault on stderr: JSON, with the request id clients see. */
export type FaultLog = (entry: Record<string, unknown>) => void;
export const stderrLog: FaultLog = (entry) => process.stderr.write(`${JSON.stringify({ time: new Date().toISOString(), ...entry })}\n`);

export function errorPolicyPlugin(log: FaultLog = stderrLog): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart({ contextValue }) {
      const codes = new Set<string>();
      return {
        async didEncounterErrors({ errors, operationName }) {
          for (const error of errors) {
            const code = codeOf(error);
            codes.add(code);
            if (CLIENT_CODES.has(code) && code !== 'SERVICE_UNAVAILABLE' && code !== 'QUERY_TIMEOUT') continue;
            const original = unwrapResolverError(error) as Error;
            const cause = original instanceof DbError ? (original.cause as { message?: string } | undefined) : undefined;
            log({
              level: code === 'INTERNAL_SERVER_ERROR' ? 'error' : 'warn',
              requestId: contextValue.requestId,
              code,
              operation: operationName ?? null,
              path: error.path?.join('.') ?? null,
              ...(original instanceof DbError ? { statement: original.statement, dbCode: driverCode(original), dbMessage: cause?.message } : {}),
              message: original.message,
              // An outage is one known cause, logged per request: its stack says nothing more.
              ...(code === 'INTERNAL_SERVER_ERROR' ? { stack: original.stack } : {}),
            });
          }
        },
        async willSendResponse({ response }) {
          response.http.headers.set('x-request-id', contextValue.requestId);
          if (codes.has('SERVICE_UNAVAILABLE')) {
            response.http.status = 503;
            response.http.headers.set('retry-after', String(RETRY_AFTER_SECONDS));
          } else if (codes.has('BAD_USER_INPUT') && (!response.http.status || response.http.status < 400)) {
            response.http.status = 400;
          }
          if (response.body.kind !== 'single') return;
          for (const e of response.body.singleResult.errors ?? []) {
            (e as { extensions?: Record<string, unknown> }).extensions = { ...e.extensions, requestId: contextValue.requestId };
          }
        },
      };
    },
  };
}
