// Wiring shared by the CLI verbs: which Neo4j to use, the extractor, timing.
import { loadConfig, type Config } from './config.js';
import { Database } from './db/database.js';
import { migrate } from './db/migrate.js';
import { createExtractor } from './extract/index.js';
import type { Extractor } from './extract/types.js';
import { loadLexicon, loadScorerWeights } from './lexicon/load.js';
import { startLocalNeo4j, stopLocalNeo4j } from './local-neo4j/manager.js';
import path from 'node:path';
import { PROJECT_ROOT } from './paths.js';

export const log = (line: string) => process.stderr.write(`${line}\n`);

/** Runs one step, telling the user what it does and how long it took. */
export async function step<T>(label: string, work: () => Promise<T> | T, describe?: (result: T) => string): Promise<T> {
  log(`-> ${label}...`);
  const t0 = performance.now();
  const result = await work();
  const seconds = ((performance.now() - t0) / 1000).toFixed(1);
  log(`   ${describe ? describe(result) : 'done'} (${seconds} s)`);
  return result;
}

export function localNeo4jOptions(config: Config) {
  return {
    dataDir: path.resolve(PROJECT_ROOT, config.NEO4J_LOCAL_DATA),
    port: config.NEO4J_LOCAL_PORT,
    heap: config.NEO4J_LOCAL_HEAP,
    pageCache: config.NEO4J_LOCAL_PAGECACHE,
    txLogRetention: config.NEO4J_LOCAL_TX_LOG_RETENTION,
    log,
  };
}

/** A driver for `uri` with the configured credentials, database and read timeout. */
export function openDatabase(config: Config, uri: string): Database {
  return new Database({
    uri,
    user: config.NEO4J_USER,
    password: config.NEO4J_PASSWORD,
    database: config.NEO4J_DATABASE,
    readTimeoutMs: config.PAPERGRAPH_QUERY_TIMEOUT_MS,
  });
}

export interface Connected {
  db: Database;
  config: Config;
  /** Stops what this process started (the local Neo4j, if any) and closes the driver. */
  close: () => Promise<void>;
}

/** NEO4J_URI when set, else the local Neo4j (started if it is not running). */
export async function connect(opts: { startLocal: boolean } = { startLocal: true }): Promise<Connected> {
  const config = loadConfig();
  let uri = config.NEO4J_URI;
  let startedHere = false;
  if (!uri) {
    if (!opts.startLocal) throw new Error('NEO4J_URI is not set; run `papergraph neo4j start` or set NEO4J_URI.');
    const local = await step('Starting local Neo4j 5.26 (no NEO4J_URI set)', () => startLocalNeo4j(localNeo4jOptions(config)), (r) =>
      r.started ? `started at ${r.uri} (process ${r.pid})` : `already running at ${r.uri}`,
    );
    uri = local.uri;
    startedHere = local.started;
  }
  const db = openDatabase(config, uri);
  await step(`Connecting to ${uri} (database "${config.NEO4J_DATABASE}")`, () => db.verify());
  await step('Applying schema (constraints, indexes, full-text)', () => migrate(db), (n) => `${n} statements, all idempotent`);
  return {
    db,
    config,
    close: async () => {
      await db.close();
      // A Neo4j someone else started (`papergraph neo4j start`) keeps running.
      if (startedHere) log(`   ${await stopLocalNeo4j(localNeo4jOptions(config).dataDir)}`);
    },
  };
}

let extractor: Extractor | undefined;
export function defaultExtractor(): Extractor {
  extractor ??= createExtractor(loadLexicon(), loadScorerWeights());
  return extractor;
}
