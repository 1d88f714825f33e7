// A first load of many papers through `neo4j-admin database import` instead of
// transactions: the records go through the same pipeline (readers, worker-thread
// extraction, ingest/to-graph.ts), whose batches become CSV files (db/bulk-csv.ts);
// the import tool writes the store from them; then the migrations build the
// schema and every derived field (counts, first-seen, co-occurrence) on it, as on
// any graph. Another source's record of a paper an earlier batch wrote cannot be
// merged into files already written: it is kept aside (deferred.jsonl) and
// ingested through transactions once the graph is up, by the same merge code.
import fs from 'node:fs';
import readline from 'node:readline';
import path from 'node:path';
import { BulkCsvStore, importArguments, type BulkFiles } from '../db/bulk-csv.js';
import type { Database } from '../db/database.js';
import { awaitSearchIndexes } from '../db/graph-writes.js';
import { migrate } from '../db/migrate.js';
import { importIntoLocalNeo4j } from '../local-neo4j/bulk-import.js';
import { startLocalNeo4j, statusLocalNeo4j, stopLocalNeo4j, type LocalNeo4jOptions } from '../local-neo4j/manager.js';
import { ingest, type IngestSettings, type IngestSummary } from './pipeline.js';
import type { SourceRecord } from './records.js';

export const DEFERRED_FILE = 'deferred.jsonl';

export class NotEmptyError extends Error {}

/** Refuses a database holding anything but the migrations' records. */
export async function assertEmptyGraph(db: Database): Promise<void> {
  const [row] = await db.read('bulk/graph-contents');
  const papers = Number(row?.papers ?? 0);
  const label = row?.label as string | null | undefined;
  if (papers > 0 || label) {
    throw new NotEmptyError(
      `database "${db.database}" is not empty (${papers > 0 ? `${papers.toLocaleString('en-US')} papers` : `it holds ${label} nodes`}): ` +
        'a bulk load only fills an empty database. Add papers to it with `papergraph ingest` instead, ' +
        'or start from an empty database (local Neo4j: `papergraph neo4j stop`, then delete the store folder under NEO4J_LOCAL_DATA).',
    );
  }
}

export interface CsvStageResult {
  summary: IngestSummary;
  files: BulkFiles;
  /** Records kept aside for the transactional pass after the import. */
  deferred: number;
  seconds: number;
}

/** Reads, extracts and maps the records as the ingest does, writing CSV files into `dir` (created; must not hold an earlier load). */
export async function writeImportFiles(
  records: AsyncIterable<SourceRecord>,
  dir: string,
  opts: Pick<IngestSettings, 'extractor' | 'batchSize' | 'onReject' | 'onProgress'>,
): Promise<CsvStageResult> {
  const t0 = performance.now();
  if (fs.existsSync(dir) && fs.readdirSync(dir).length > 0) throw new Error(`${dir} is not empty: give the bulk load's files a folder of their own`);
  const store = new BulkCsvStore(dir);
  const deferredOut = fs.createWriteStream(path.join(dir, DEFERRED_FILE));
  let deferred = 0;
  try {
    const summary = await ingest(records, {
      ...opts,
      store,
      deferMerge: (record) => {
        deferred++;
        deferredOut.write(`${JSON.stringify(record)}\n`);
      },
    });
    const files = await store.close();
    return { summary, files, deferred, seconds: (performance.now() - t0) / 1000 };
  } finally {
    await new Promise<void>((resolve) => deferredOut.end(resolve));
  }
}

async function* readDeferred(file: string): AsyncGenerator<SourceRecord> {
  if (!fs.existsSync(file)) return;
  const lines = readline.createInterface({ input: fs.createReadStream(file), crlfDelay: Infinity });
  for await (const line of lines) if (line) yield JSON.parse(line) as SourceRecord;
}

/** After the import and the migrations: the deferred records, merged into the papers they repeat. */
export async function ingestDeferred(db: Database, dir: string, opts: Pick<IngestSettings, 'extractor' | 'batchSize' | 'onReject' | 'onProgress'>): Promise<IngestSummary> {
  return ingest(readDeferred(path.join(dir, DEFERRED_FILE)), { ...opts, db });
}

const shellQuote = (s: string) => (/^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);

/** The import as a command to type where the database lives (a Neo4j this process cannot stop or reach on disk). */
export function importCommand(files: BulkFiles, database: string): string {
  // Into an existing (empty) database, which the tool replaces.
  const args = importArguments(files, database);
  return ['neo4j-admin', ...args.slice(0, -1), '--overwrite-destination=true', args.at(-1)!].map(shellQuote).join(' ');
}

export interface LocalBulkLoadOptions extends Pick<IngestSettings, 'extractor' | 'batchSize' | 'onReject' | 'onProgress'> {
  local: LocalNeo4jOptions;
  /** A driver for the local instance's Bolt URI (closed by the caller's `close`). */
  open: (uri: string) => Database;
  /** Folder for the import files (default: a new one in the local data folder). */
  csvDir?: string;
  keepCsv?: boolean;
  log?: (line: string) => void;
}

export interface LocalBulkLoadResult {
  summary: IngestSummary;
  files: BulkFiles;
  deferred?: IngestSummary;
  /** Seconds per stage: read + extract + CSV, the import tool, the migrations (indexes, derived data), the deferred records. */
  stages: { csv: number; import: number; migrate: number; deferred: number };
  importPeakRss?: number;
  csvBytes: number;
}

const dirBytes = (dir: string) => fs.readdirSync(dir).reduce((n, f) => n + fs.statSync(path.join(dir, f)).size, 0);

/**
 * The whole bulk load into the local Neo4j: refuse a non-empty database, stop
 * the instance (nothing can write while the files are made), write the files,
 * import, start it again, migrate, merge the deferred records. The instance is
 * left running if it was running before, else stopped.
 */
export async function bulkLoadLocal(records: AsyncIterable<SourceRecord>, opts: LocalBulkLoadOptions): Promise<LocalBulkLoadResult> {
  const log = opts.log ?? (() => {});
  const database = 'neo4j';
  const wasRunning = (await statusLocalNeo4j(opts.local.dataDir)).running;
  const withDb = async <T>(work: (db: Database) => Promise<T>): Promise<T> => {
    const { uri } = await startLocalNeo4j(opts.local);
    const db = opts.open(uri);
    try {
      await db.verify();
      return await work(db);
    } finally {
      await db.close();
    }
  };
  await withDb((db) => assertEmptyGraph(db));
  await stopLocalNeo4j(opts.local.dataDir);
  const csvDir = path.resolve(opts.csvDir ?? path.join(opts.local.dataDir, `bulk-load-${new Date().toISOString().replace(/[:.]/g, '-')}`));
  let csv: CsvStageResult;
  let imported: Awaited<ReturnType<typeof importIntoLocalNeo4j>>;
  try {
    csv = await writeImportFiles(records, csvDir, opts);
    log(`   import files: ${csv.files.counts.papers} papers, ${csv.files.counts.entities} entities, ${csv.files.counts.links} links in ${csvDir}`);
    imported = await importIntoLocalNeo4j(opts.local.dataDir, database, importArguments(csv.files, database), path.join(csvDir, 'import.log'), log);
  } catch (err) {
    if (wasRunning) await startLocalNeo4j(opts.local);
    throw err;
  }
  const csvBytes = dirBytes(csvDir);
  try {
    return await withDb(async (db) => {
      const t0 = performance.now();
      await migrate(db);
      const tMigrate = (performance.now() - t0) / 1000;
      const deferred = csv.deferred > 0 ? await ingestDeferred(db, csvDir, opts) : undefined;
      await awaitSearchIndexes(db);
      if (!opts.keepCsv) fs.rmSync(csvDir, { recursive: true, force: true });
      return {
        summary: csv.summary,
        files: csv.files,
        deferred,
        stages: { csv: csv.seconds, import: imported.seconds, migrate: tMigrate, deferred: deferred?.seconds ?? 0 },
        importPeakRss: imported.peakRss,
        csvBytes,
      };
    });
  } finally {
    if (!wasRunning) await stopLocalNeo4j(opts.local.dataDir);
  }
}
