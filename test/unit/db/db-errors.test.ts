import { Neo4jError } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { classify, DbError, driverCode, isOutage } from '../../../src/db/db-errors.js';

// The driver's own error class with Neo4j's codes (GQL status 50N42: general processing exception): the kinds are decided by code alone.
const neo4jError = (code: string) => new Neo4jError('text that must not matter', code, '50N42', 'general processing exception');

describe('database errors by code', () => {
  it('tell a timeout, a bad bookmark and an outage apart by their codes', () => {
    expect(classify(neo4jError('Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration'), 'read/ping').kind).toBe('timeout');
    expect(classify(neo4jError('Neo.ClientError.Transaction.InvalidBookmark'), 'read/ping').kind).toBe('bad-bookmark');
    for (const code of ['ServiceUnavailable', 'SessionExpired', 'Neo.TransientError.Transaction.DeadlockDetected']) {
      const err = neo4jError(code);
      expect(isOutage(err), code).toBe(true);
      expect(classify(err, 'read/ping').kind, code).toBe('unavailable');
      expect(isOutage(classify(err, 'read/ping')), code).toBe(true);
    }
    expect(isOutage(neo4jError('Neo.ClientError.Statement.SyntaxError'))).toBe(false);
  });

  it('call a failed procedure the Lucene query only in a full-text statement', () => {
    const failed = neo4jError('Neo.ClientError.Procedure.ProcedureCallFailed');
    expect(classify(failed, 'read/search').kind).toBe('query-syntax');
    expect(classify(failed, 'read/ping').kind).toBe('other');
  });

  it('leave errors that are not the driver\'s as they are, and keep the driver\'s code for logs', () => {
    const bug = new TypeError('x is undefined');
    const wrapped = classify(bug, 'read/ping');
    expect(wrapped.kind).toBe('other');
    expect(wrapped.cause).toBe(bug);
    expect(classify(wrapped, 'other/name')).toBe(wrapped);
    expect(driverCode(classify(neo4jError('Neo.ClientError.Schema.ConstraintValidationFailed'), 'read/ping'))).toBe('Neo.ClientError.Schema.ConstraintValidationFailed');
    expect(driverCode(neo4jError('ServiceUnavailable'))).toBe('ServiceUnavailable');
    expect(driverCode(new DbError('busy', 'busy', 'admission'))).toBeUndefined();
    expect(driverCode(bug)).toBeUndefined();
  });
});
