import { afterAll, beforeAll, inject } from 'vitest';
import { Database } from '../../src/db/database.js';
import { migrate } from '../../src/db/migrate.js';
import { ingest } from '../../src/ingest/pipeline.js';
import { readSource } from '../../src/ingest/readers.js';
import { projectPath } from '../../src/paths.js';
import { defaultExtractor } from '../../src/runtime.js';

function openDatabase(): Database {
  const t = inject('neo4j');
  return new Database({ uri: t.uri, user: t.user, password: t.password, database: t.database });
}

async function empty(db: Database): Promise<void> {
  await migrate(db);
  await wipe(db);
}

/** The sample corpus (data/hf-papers.txt), ingested as the CLI does. */
async function ingestSample(db: Database): Promise<void> {
  await ingest(readSource(projectPath('data', 'hf-papers.txt')), { db, extractor: defaultExtractor() });
}

/** A Database on the suite's Neo4j, with the schema applied and no data. */
export async function freshDatabase(): Promise<Database> {
  const db = openDatabase();
  await empty(db);
  return db;
}

/** A fresh database holding the sample corpus. */
export async function sampleDatabase(): Promise<Database> {
  const db = await freshDatabase();
  await ingestSample(db);
  return db;
}

/**
 * A test file's one database: emptied (schema applied, no data) before the file's tests and
 * closed after them. A driver connects only when first used, so the Database can be made
 * at once and held in a plain const, while the work waits for the hooks.
 */
export function useFreshDatabase(fill?: (db: Database) => Promise<void>): Database {
  const db = openDatabase();
  beforeAll(async () => {
    await empty(db);
    await fill?.(db);
  });
  afterAll(() => db.close());
  return db;
}

/** useFreshDatabase, holding the sample corpus. */
export const useSampleDatabase = (): Database => useFreshDatabase(ingestSample);

export async function wipe(db: Database): Promise<void> {
  const session = db.driver.session({ database: db.database });
  try {
    await session.run('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS');
  } finally {
    await session.close();
  }
}

/** Runs an ad-hoc inspection query (tests only) and returns plain rows. */
export async function query(db: Database, text: string, params: Record<string, unknown> = {}) {
  const session = db.driver.session({ database: db.database });
  try {
    const res = await session.run(text, params);
    return res.records.map((r) => r.toObject());
  } finally {
    await session.close();
  }
}

/** Node and relationship counts plus a digest of all properties (not of the :Backfill records, which hold when they ran): equal graphs give equal snapshots. */
export async function snapshot(db: Database) {
  const [counts] = await query(
    db,
    `CALL () { MATCH (n) RETURN count(n) AS nodes }
     CALL () { MATCH ()-[r]->() RETURN count(r) AS rels }
     RETURN nodes, rels`,
  );
  const nodes = await query(db, `MATCH (n) WHERE NOT n:Alias AND NOT n:Backfill RETURN labels(n) AS l, properties(n) AS p ORDER BY coalesce(n.id, n.key), labels(n)[0]`);
  const rels = await query(
    db,
    // An entity's MONTH_COUNT and YEAR_COUNT relationships (to itself) differ only by period.
    `MATCH (a)-[r]->(b) RETURN coalesce(a.id, a.key) AS a, type(r) AS t, coalesce(b.id, b.key) AS b, properties(r) AS p ORDER BY a, t, b, r.period`,
  );
  // Keys sorted: Neo4j returns properties in the order they were first set, which differs
  // between a node written once and one that gained fields later (a paper merged from sources).
  // A co-occurrence pair's key packs its entities' node ids (ingest/cooccurrence-key), which
  // depend on the order nodes were created in, not on what the graph holds.
  const withoutNodeIds = (type: string, p: Record<string, unknown>) => {
    if (type !== 'CO_OCCURS') return p;
    const { key: _ids, ...rest } = p;
    return rest;
  };
  const strip = (p: Record<string, unknown>) => {
    const { ingestedAt: _ignored, ...rest } = p;
    return Object.fromEntries(Object.entries(rest).sort(([a], [b]) => (a < b ? -1 : 1)));
  };
  return {
    nodes: counts!.nodes as number,
    rels: counts!.rels as number,
    content: JSON.stringify([nodes.map((n) => [n.l, strip(n.p as Record<string, unknown>)]), rels.map((r) => [r.a, r.t, r.b, strip(withoutNodeIds(r.t as string, r.p as Record<string, unknown>))])]),
  };
}
