import { cypherNamesUnder, cypherStatements } from './cypher.js';
import type { Database } from './database.js';

/**
 * Applies cypher/migrations/* in name order. Every statement is idempotent
 * (IF NOT EXISTS, backfills of what is missing), so running this at each
 * start is safe and cheap.
 */
export async function migrate(db: Database): Promise<number> {
  let applied = 0;
  for (const name of cypherNamesUnder('migrations')) {
    for (const statement of cypherStatements(name)) {
      // Data backfills batch themselves (CALL ... IN TRANSACTIONS) and so cannot run in a transaction.
      if (/\bIN\s+TRANSACTIONS\b/i.test(statement)) await db.runAutoCommit(statement);
      else await db.runSchemaStatement(statement);
      applied++;
    }
  }
  // Full-text indexes populate asynchronously; queries right after start need them online.
  await db.read('read/await-indexes');
  return applied;
}
