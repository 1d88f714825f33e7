import { cypherNamesUnder, cypherStatements } from './cypher.js';
import type { Database } from './database.js';

/**
 * Applies cypher/migrations/* in name order. Schema statements are idempotent
 * (IF NOT EXISTS) and run at every start; data backfills (statements that
 * batch themselves with CALL ... IN TRANSACTIONS) fill in only what is missing,
 * and run once per database: they scan every link, so they are recorded when
 * done (a :Backfill node) and skipped afterwards.
 */
export async function migrate(db: Database): Promise<number> {
  let applied = 0;
  for (const name of cypherNamesUnder('migrations')) {
    for (const [i, statement] of cypherStatements(name).entries()) {
      if (/\bIN\s+TRANSACTIONS\b/i.test(statement)) {
        const backfill = `${name}#${i + 1}`;
        const [row] = await db.read('schema/backfill-done', { name: backfill });
        if (row?.done) continue;
        // Backfills batch themselves and so cannot run inside a transaction.
        await db.runAutoCommit(statement);
        await db.write((run) => run('schema/record-backfill', { name: backfill }));
      } else {
        await db.runSchemaStatement(statement);
      }
      applied++;
    }
  }
  // Full-text indexes populate asynchronously; queries right after start need them online.
  await db.read('read/await-indexes');
  return applied;
}
