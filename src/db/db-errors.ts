// How this server tells database failures apart: the one place that reads
// Neo4j's and the driver's error codes. Everything is decided by code (Neo4j's
// status codes, and the driver's own classification in isRetryableError, which
// covers its connection codes ServiceUnavailable and SessionExpired and every
// Neo.TransientError), never by message text. The rest of the code asks this
// module: DbError.kind, isOutage, driverCode.
import { error as neo4jErrors, isRetryableError, Neo4jError } from 'neo4j-driver';
import { cypher } from './cypher.js';

/**
 * Neo4j status codes (https://neo4j.com/docs/status-codes/current/errors/all-errors/)
 * with a meaning of their own here. Matched as prefixes: Neo4j 5 spells a
 * timeout set by the client `...TransactionTimedOutClientConfiguration`.
 */
const NEO4J_CODES = {
  timedOut: 'Neo.ClientError.Transaction.TransactionTimedOut',
  badBookmark: 'Neo.ClientError.Transaction.InvalidBookmark',
  procedureFailed: 'Neo.ClientError.Procedure.ProcedureCallFailed',
} as const;

export type DbErrorKind = 'query-syntax' | 'bad-bookmark' | 'timeout' | 'unavailable' | 'busy' | 'other';

/**
 * A database failure with a kind the API can map to an error code. The
 * message is ours, fit for a client; the driver's error (with Neo4j's own
 * text) stays in `cause`, for the server log.
 */
export class DbError extends Error {
  constructor(
    readonly kind: DbErrorKind,
    message: string,
    readonly statement: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The driver could not reach Neo4j at all (refused, reset, timed out connecting), as against a transient error of a running Neo4j. */
export const isUnreachable = (err: unknown) =>
  err instanceof Neo4jError && (err.code === neo4jErrors.SERVICE_UNAVAILABLE || err.code === neo4jErrors.SESSION_EXPIRED);

/** The database is out of reach or refusing work for now (the driver's own classification): retry later. */
export const isOutage = (err: unknown) => isRetryableError(err) || (err instanceof DbError && (err.kind === 'unavailable' || err.kind === 'busy'));

/**
 * Neo4j's or the driver's code of a failure (of the error itself, or of the
 * driver error a DbError wraps), for logs and reports: a code names the
 * problem without Neo4j's message text, which can quote the data.
 */
export function driverCode(err: unknown): string | undefined {
  const source = err instanceof DbError ? err.cause : err;
  const code = (source as { code?: unknown } | null | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}

const FULLTEXT_CALL = 'db.index.fulltext.queryNodes';

/**
 * A failed procedure call in a full-text statement is the user's Lucene query
 * (the statements pass nothing else to the procedure); what the driver may
 * retry (a lost connection, a transient server state) is an outage once its
 * retries are spent.
 */
export function classify(err: unknown, statement: string): DbError {
  if (err instanceof DbError) return err;
  // Not the database's: a bug in the work itself (a listener, a resolver); it stays what it is.
  if (!(err instanceof Neo4jError)) return new DbError('other', 'the database failed to answer this request', statement, { cause: err });
  const code = driverCode(err) ?? '';
  if (code.startsWith(NEO4J_CODES.timedOut)) {
    return new DbError('timeout', 'the database query took too long and was stopped', statement, { cause: err });
  }
  if (code.startsWith(NEO4J_CODES.badBookmark)) {
    return new DbError('bad-bookmark', 'a bookmark given is not one this database issued', statement, { cause: err });
  }
  if (isRetryableError(err)) {
    return new DbError('unavailable', 'the database is not reachable; try again shortly', statement, { cause: err });
  }
  if (code.startsWith(NEO4J_CODES.procedureFailed) && cypher(statement).includes(FULLTEXT_CALL)) {
    return new DbError('query-syntax', 'the full-text query could not be parsed (Lucene syntax: close quotes and brackets, escape special characters with \\)', statement, { cause: err });
  }
  return new DbError('other', 'the database failed to answer this request', statement, { cause: err });
}
