import { conformingPaperId, paperIdProblem } from '../ids.js';
import { cypherNamesUnder, cypherStatements } from './cypher.js';
import type { Database } from './database.js';
import { migrateEvidenceToOffsets } from './migrate-evidence.js';

const ID_POLICY_BACKFILL = 'code:paper-id-policy-1';
const ID_PAGE = 10_000;

/**
 * Papers stored before the id policy (src/ids.ts) may have ids it refuses: one
 * shaped like an entity id (`method:x`, which `Query.node` resolved to the
 * entity, hiding the paper), over-long, or with spaces, `?` or `#`. They get a
 * policy-keeping id (the old one kept in `formerIds`), so every stored paper is
 * reachable by `node(id:)` and no two nodes share an id. The policy lives in
 * TypeScript only, so ids are read in pages and checked there.
 */
async function renameOffPolicyPaperIds(db: Database): Promise<{ from: string; to: string; problem: string }[]> {
  const renames: { from: string; to: string; problem: string }[] = [];
  let after = '';
  for (;;) {
    const rows = await db.read('schema/paper-ids-page', { after, limit: ID_PAGE });
    for (const { id } of rows as { id: string }[]) {
      const problem = paperIdProblem(id);
      if (problem) renames.push({ from: id, to: conformingPaperId(id), problem });
    }
    if (rows.length < ID_PAGE) break;
    after = rows.at(-1)!.id as string;
  }
  for (let i = 0; i < renames.length; i += 1000) {
    const chunk = renames.slice(i, i + 1000).map(({ from, to }) => ({ from, to }));
    await db.write((run) => run('schema/rename-papers', { renames: chunk }));
  }
  return renames;
}

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
  const [policy] = await db.read('schema/backfill-done', { name: ID_POLICY_BACKFILL });
  if (!policy?.done) {
    for (const r of await renameOffPolicyPaperIds(db)) {
      const from = r.from.length > 80 ? `${r.from.slice(0, 80)}...` : r.from;
      console.warn(`papergraph: paper id "${from}" renamed to "${r.to}" (${r.problem})`);
    }
    await db.write((run) => run('schema/record-backfill', { name: ID_POLICY_BACKFILL }));
    applied++;
  }
  if (await migrateEvidenceToOffsets(db)) applied++;
  // Full-text indexes populate asynchronously; queries right after start need them online.
  await db.read('read/await-indexes');
  return applied;
}
