#!/usr/bin/env node
// papergraph's command line: each verb wires the modules; none holds logic.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { scorePaths, writeResultJson } from './eval/io.js';
import { formatReport } from './eval/score.js';
import { formatTable, heldoutTable } from './eval/heldout.js';
import { trainScorer, writeScorer } from './train/train.js';
import { loadLexicon, loadScorerWeights } from './lexicon/load.js';
import { Command, Option } from 'commander';
import { ConfigError, loadConfig } from './config.js';
import { readSource, SOURCE_FORMATS, type SourceFormat } from './ingest/readers.js';
import { readS2Datasets } from './ingest/s2-datasets.js';
import { harvest, OAI_FORMATS, type HarvestOptions } from './ingest/harvest.js';
import { ingest, type IngestOptions, type IngestSummary } from './ingest/pipeline.js';
import { workerPoolExtractor } from './ingest/batch-extractor.js';
import { countRecords, progressReporter } from './ingest/progress.js';
import { reextract } from './ingest/reextract.js';
import type { Database } from './db/database.js';
import { extractFile } from './ingest/extract-file.js';
import { LocalNeo4jError, startLocalNeo4j, statusLocalNeo4j, stopLocalNeo4j } from './local-neo4j/manager.js';
import { projectPath } from './paths.js';
import { connect, defaultExtractor, localNeo4jOptions, log, openDatabase, step } from './runtime.js';
import { assertEmptyGraph, bulkLoadLocal, importCommand, ingestDeferred, writeImportFiles, type LocalBulkLoadResult } from './ingest/bulk-load.js';
import { awaitSearchIndexes } from './db/graph-writes.js';
import { startServer } from './graphql/server.js';
import type { SourceRecord } from './ingest/records.js';

const program = new Command('papergraph').description('A GraphQL knowledge graph of ML papers, on Neo4j.').showHelpAfterError();

function summaryLine(s: IngestSummary): string {
  const rate = s.seconds > 0 ? Math.round(s.read / s.seconds) : 0;
  const t = s.timings;
  return (
    `read ${s.read}, ingested ${s.ingested}, updated ${s.updated}, unchanged ${s.unchanged}, ${s.merged ? `merged into another source's record ${s.merged}, ` : ''}rejected ${s.rejected}, ` +
    `markup removed from ${s.sanitized} ` +
    `in ${s.seconds.toFixed(1)} s (${rate} papers/s; reading ${t.read.toFixed(1)} s, extraction ${t.extract.toFixed(1)} s ` +
    `over threads, writing ${t.write.toFixed(1)} s)`
  );
}

async function* readAll(files: string[], format?: SourceFormat, s2?: { papers: string[]; abstracts: string[] }): AsyncGenerator<SourceRecord> {
  for (const f of files) yield* readSource(f, format);
  if (s2) yield* readS2Datasets(s2);
}

interface IngestCliOptions {
  batchSize: number;
  errors?: string;
  force?: boolean;
  format?: SourceFormat;
  threads?: number;
  s2Papers?: string[];
  s2Abstracts?: string[];
}

/** Runs the pipeline with worker threads, a progress display and the rejection report. */
async function withIngestUi<T>(
  total: number | undefined,
  opts: IngestCliOptions,
  run: (extras: Pick<IngestOptions, 'extractor' | 'onReject' | 'onProgress' | 'batchSize'>) => Promise<T>,
): Promise<T> {
  const errorsOut = opts.errors ? fs.createWriteStream(opts.errors) : undefined;
  const extractor = workerPoolExtractor(opts.threads) ?? defaultExtractor();
  const progress = progressReporter(total, log);
  try {
    return await run({
      extractor,
      batchSize: opts.batchSize,
      onReject: (r) => {
        if (!process.stderr.isTTY) log(`   rejected ${r.location}${r.id ? ` (${r.id})` : ''}: ${r.reason}`);
        errorsOut?.write(`${JSON.stringify(r)}\n`);
      },
      onProgress: (s) => progress.update(s),
    });
  } finally {
    progress.stop();
    if ('close' in extractor) await extractor.close();
    await new Promise<void>((resolve) => (errorsOut ? errorsOut.end(resolve) : resolve()));
  }
}

/** Checked before anything starts (a local Neo4j takes seconds). */
function checkIngestInputs(files: string[], opts: IngestCliOptions) {
  if (!opts.s2Papers !== !opts.s2Abstracts) throw new Error('--s2-papers and --s2-abstracts go together: the papers dataset has no abstracts, the abstracts dataset no titles');
  if (files.length === 0 && !opts.s2Papers) throw new Error('ingest needs files (or - for stdin), or --s2-papers with --s2-abstracts');
}

async function runIngest(files: string[], opts: IngestCliOptions, db: Database) {
  const s2 = opts.s2Papers && opts.s2Abstracts ? { papers: opts.s2Papers, abstracts: opts.s2Abstracts } : undefined;
  // The join's papers are not counted ahead (that would mean reading both datasets twice).
  const total = s2 ? undefined : await countRecords(files);
  return withIngestUi(total, opts, (extras) => ingest(readAll(files, opts.format, s2), { db, force: opts.force, ...extras }));
}

function reportRejections(s: IngestSummary, errorsFile?: string) {
  if (s.skipped > 0) {
    const shown = s.skips.slice(0, 10).map((k) => `${k.location} ${k.reason}`);
    log(`   left out ${s.skipped} piece(s) of input that are not papers: ${shown.join(', ')}${s.skipped > shown.length ? ', ...' : ''}`);
  }
  if (s.rejected === 0) return;
  log(`   ${s.rejected} record(s) rejected${errorsFile ? `; all listed in ${errorsFile}` : ''}. First ones:`);
  for (const r of s.rejections.slice(0, 10)) log(`     ${r.location}${r.id ? ` (${r.id})` : ''}: ${r.reason}`);
}

const neo4jCmd = program.command('neo4j').description('Manage the local Neo4j (used when NEO4J_URI is not set)');
const localOpts = (cmd: Command) =>
  cmd
    .addOption(new Option('--port <port>', 'Bolt port on 127.0.0.1').env('NEO4J_LOCAL_PORT'))
    .addOption(new Option('--data <dir>', 'data folder (store, log, pid)').env('NEO4J_LOCAL_DATA'))
    .addOption(new Option('--heap <size>', 'JVM heap, e.g. 1g').env('NEO4J_LOCAL_HEAP'));
function localFrom(o: { port?: string; data?: string; heap?: string }) {
  const base = localNeo4jOptions(loadConfig());
  return {
    ...base,
    port: o.port ? Number(o.port) : base.port,
    dataDir: o.data ? path.resolve(o.data) : base.dataDir,
    heap: o.heap ?? base.heap,
  };
}
localOpts(neo4jCmd.command('start').description('Start it and wait until Bolt answers')).action(async (o) => {
  const r = await startLocalNeo4j(localFrom(o));
  console.log(r.started ? `Neo4j started at ${r.uri} (process ${r.pid})` : `Neo4j already running at ${r.uri} (process ${r.pid})`);
});
localOpts(neo4jCmd.command('stop').description('Stop it cleanly')).action(async (o) => {
  console.log(await stopLocalNeo4j(localFrom(o).dataDir));
});
localOpts(neo4jCmd.command('status').description('Is it running, and where')).action(async (o) => {
  const s = await statusLocalNeo4j(localFrom(o).dataDir);
  console.log(`Neo4j ${s.detail}`);
  process.exitCode = s.running ? 0 : 3;
});

program
  .command('ingest')
  .description(
    'Extract entities from papers and store them in Neo4j (plain text, JSON Lines or JSON: papergraph, OpenAlex, Semantic Scholar, CSL-JSON; BibTeX; arXiv Atom or OAI-PMH XML; .gz ok; - for stdin; ' +
      "Semantic Scholar's bulk papers + abstracts datasets with --s2-papers and --s2-abstracts)",
  )
  .argument('[files...]')
  .option('--s2-papers <paths...>', "Semantic Scholar bulk dataset 'papers': shard files or their folder (joined with --s2-abstracts by corpusid, on disk under TMPDIR)")
  .option('--s2-abstracts <paths...>', "Semantic Scholar bulk dataset 'abstracts': shard files or their folder")
  .option('--batch-size <n>', 'papers per write transaction', (v) => Number(v), 500)
  .option('--errors <file>', 'write rejected records as JSON Lines')
  .option('--force', 're-extract papers even when unchanged')
  .addOption(new Option('--format <format>', 'input format (default: from the file name, else the first bytes)').choices([...SOURCE_FORMATS]))
  .option('--threads <n>', 'extraction threads (default: one per core)', (v) => Number(v))
  .action(async (files: string[], opts: IngestCliOptions) => {
    checkIngestInputs(files, opts);
    const conn = await connect();
    try {
      const what = [...files, ...(opts.s2Papers ? [`Semantic Scholar ${[...opts.s2Papers, ...(opts.s2Abstracts ?? [])].join(' + ')}`] : [])];
      const s = await step(`Ingesting ${what.join(', ')}`, () => runIngest(files, opts, conn.db), summaryLine);
      reportRejections(s, opts.errors);
      if (s.rejected > 0) process.exitCode = 1;
    } finally {
      await conn.close();
    }
  });

interface BulkLoadCliOptions extends IngestCliOptions {
  csvDir?: string;
  keepCsv?: boolean;
  finish?: string;
}

function bulkLoadLine(r: LocalBulkLoadResult): string {
  const s = r.summary;
  const total = r.stages.csv + r.stages.import + r.stages.migrate + r.stages.deferred;
  return (
    `read ${s.read}, loaded ${r.files.counts.papers} papers (${r.files.counts.entities} entities, ${r.files.counts.links} links), ${r.deferred ? `merged ${r.deferred.ingested + r.deferred.updated} later records of them, ` : ''}rejected ${s.rejected + (r.deferred?.rejected ?? 0)} ` +
    `in ${total.toFixed(1)} s (${Math.round(s.read / total)} papers/s; reading, extraction and files ${r.stages.csv.toFixed(1)} s, import ${r.stages.import.toFixed(1)} s, ` +
    `indexes and derived data ${r.stages.migrate.toFixed(1)} s${r.deferred ? `, later records ${r.stages.deferred.toFixed(1)} s` : ''})`
  );
}

program
  .command('bulk-load')
  .description(
    'First load of many papers into an EMPTY database, through neo4j-admin database import instead of transactions (the same inputs, extraction and resulting graph as ingest; ' +
      'the local Neo4j is stopped, imported into and started again; with NEO4J_URI the import files are written and the command to run printed)',
  )
  .argument('[files...]')
  .option('--s2-papers <paths...>', "Semantic Scholar bulk dataset 'papers' (with --s2-abstracts)")
  .option('--s2-abstracts <paths...>', "Semantic Scholar bulk dataset 'abstracts'")
  .option('--batch-size <n>', 'papers per extraction batch', (v) => Number(v), 500)
  .option('--errors <file>', 'write rejected records as JSON Lines')
  .addOption(new Option('--format <format>', 'input format (default: from the file name, else the first bytes)').choices([...SOURCE_FORMATS]))
  .option('--threads <n>', 'extraction threads (default: one per core)', (v) => Number(v))
  .option('--csv-dir <dir>', 'folder for the import files, new or empty (default: a new folder in the local Neo4j data folder, or the temp folder with NEO4J_URI)')
  .option('--keep-csv', 'keep the import files after a successful local load')
  .option('--finish <dir>', 'after importing the files of an earlier run into your own Neo4j: apply the schema and derived data, and merge the records kept aside')
  .action(async (files: string[], opts: BulkLoadCliOptions) => {
    const config = loadConfig();
    if (opts.finish) {
      const dir = path.resolve(opts.finish);
      const conn = await connect();
      try {
        const s = await step(`Merging the records kept aside in ${dir}`, () => withIngestUi(undefined, opts, (extras) => ingestDeferred(conn.db, dir, extras)), summaryLine);
        await awaitSearchIndexes(conn.db);
        reportRejections(s, opts.errors);
      } finally {
        await conn.close();
      }
      return;
    }
    checkIngestInputs(files, opts);
    const s2 = opts.s2Papers && opts.s2Abstracts ? { papers: opts.s2Papers, abstracts: opts.s2Abstracts } : undefined;
    const total = s2 ? undefined : await countRecords(files);
    const records = readAll(files, opts.format, s2);
    if (!config.NEO4J_URI) {
      const r = await step(`Bulk loading ${files.join(', ')} into the local Neo4j`, () =>
        withIngestUi(total, opts, (extras) => bulkLoadLocal(records, { ...extras, local: localNeo4jOptions(config), open: (uri) => openDatabase(config, uri), csvDir: opts.csvDir, keepCsv: opts.keepCsv, log })),
      bulkLoadLine);
      reportRejections(r.summary, opts.errors);
      if (r.summary.rejected > 0) process.exitCode = 1;
      return;
    }
    // A Neo4j of the user's: this process can neither stop it nor reach its store.
    const conn = await connect();
    try {
      await assertEmptyGraph(conn.db);
    } finally {
      await conn.close();
    }
    const dir = path.resolve(opts.csvDir ?? path.join(os.tmpdir(), `papergraph-bulk-load-${Date.now()}`));
    const csv = await step(`Writing import files for ${files.join(', ')} to ${dir}`, () => withIngestUi(total, opts, (extras) => writeImportFiles(records, dir, extras)), (c) => `${summaryLine(c.summary)}; ${c.deferred} record(s) kept aside`);
    reportRejections(csv.summary, opts.errors);
    log(
      `\nTo load them into ${config.NEO4J_URI} (database "${config.NEO4J_DATABASE}", which must still be empty):\n` +
        `  1. stop that Neo4j (neo4j stop, or stop its container);\n` +
        `  2. where it runs, with these files at the same path (Docker: mount ${dir} at ${dir} and run it in a neo4j:5.26 container on the same volumes):\n` +
        `     ${importCommand(csv.files, config.NEO4J_DATABASE)}\n` +
        `  3. start it, then: papergraph bulk-load --finish ${dir}\n` +
        `     (builds indexes, counts, first-seen and co-occurrence${csv.deferred ? `, and merges the ${csv.deferred} records kept aside` : ''}).`,
    );
    if (csv.summary.rejected > 0) process.exitCode = 1;
  });

program
  .command('harvest')
  .description('Harvest an OAI-PMH interface (arXiv: https://oaipmh.arxiv.org/oai) page by page, following resumption tokens, and ingest its records')
  .argument('<base-url>', "the interface's base URL")
  .addOption(new Option('--metadata-prefix <format>', 'metadata format to ask for').choices([...OAI_FORMATS]).default('arXiv'))
  .option('--from <date>', 'records added or changed from this date (YYYY-MM-DD)')
  .option('--until <date>', 'records added or changed until this date (YYYY-MM-DD)')
  .option('--set <spec>', 'a set, e.g. cs (arXiv) ')
  .option('--resumption-token <token>', 'continue an interrupted harvest from this token')
  .option('--max-pages <n>', 'stop after this many pages', (v) => Number(v))
  .option('--batch-size <n>', 'papers per write transaction', (v) => Number(v), 500)
  .option('--errors <file>', 'write rejected records as JSON Lines')
  .option('--force', 're-extract papers even when unchanged')
  .option('--threads <n>', 'extraction threads (default: one per core)', (v) => Number(v))
  .action(async (baseUrl: string, opts: IngestCliOptions & Omit<HarvestOptions, 'baseUrl'>) => {
    if (!URL.canParse(baseUrl) || !/^https?:$/.test(new URL(baseUrl).protocol)) throw new Error(`harvest needs an http(s) base URL, not "${baseUrl}"`);
    for (const d of [opts.from, opts.until]) if (d && !/^\d{4}-\d{2}-\d{2}$/.test(d)) throw new Error(`--from/--until take a YYYY-MM-DD date, not "${d}"`);
    const conn = await connect();
    try {
      const records = harvest({ ...opts, baseUrl, log });
      const s = await step(`Harvesting ${baseUrl}`, () => withIngestUi(undefined, opts, (extras) => ingest(records, { db: conn.db, force: opts.force, ...extras })), summaryLine);
      reportRejections(s, opts.errors);
      if (s.rejected > 0) process.exitCode = 1;
    } finally {
      await conn.close();
    }
  });

program
  .command('reextract')
  .description('Re-run the current extractor over stored papers (those of older extractor versions, or --all)')
  .option('--all', 'every paper, even those the current version extracted')
  .option('--batch-size <n>', 'papers per write transaction', (v) => Number(v), 500)
  .option('--threads <n>', 'extraction threads (default: one per core)', (v) => Number(v))
  .action(async (opts: IngestCliOptions & { all?: boolean }) => {
    const conn = await connect();
    try {
      const s = await step('Re-extracting stored papers', () => withIngestUi(undefined, opts, (extras) => reextract(conn.db, { all: opts.all, ...extras })), summaryLine);
      reportRejections(s);
    } finally {
      await conn.close();
    }
  });

program
  .command('extract')
  .description('Print the entities of each paper as JSON Lines (the prediction format of the eval scorer)')
  .requiredOption('--in <file>', 'plain corpus format or JSON Lines {"id","title","abstract"}')
  .option('--out <file>', 'output file (default: standard output)')
  .action(async (opts: { in: string; out?: string }) => {
    const n = await extractFile(opts.in, opts.out, defaultExtractor());
    log(`extracted ${n.papers} papers${n.rejected ? `, ${n.rejected} records rejected` : ''}`);
  });

program
  .command('eval')
  .description('Without options: the held-out table (SciERC, SciER, the dev sets). With --gold: score predictions (same rules and headline as shared/eval/score.py)')
  .option('--gold <file>', 'gold JSON Lines')
  .option('--shared <dir>', 'the shared folder holding eval/ and corpora/ (default ../shared)')
  .option('--pred <file>', 'predictions from `papergraph extract`')
  .option('--in <file>', 'papers to extract and score in one go (instead of --pred)')
  .option('--json <file>', 'also write the full result as JSON')
  .action(async (opts: { gold?: string; pred?: string; in?: string; json?: string; shared?: string }) => {
    if (!opts.gold) {
      if (opts.pred || opts.in) throw new Error('eval --pred/--in needs --gold FILE');
      console.log(formatTable(heldoutTable(loadLexicon(), loadScorerWeights(), { sharedDir: opts.shared })));
      return;
    }
    if (!opts.pred === !opts.in) throw new Error('eval needs exactly one of --pred FILE or --in FILE');
    let predPath = opts.pred;
    if (opts.in) {
      predPath = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'papergraph-eval-')), 'pred.jsonl');
      await extractFile(opts.in, predPath, defaultExtractor());
    }
    const result = scorePaths(opts.gold, predPath!);
    console.log(formatReport(result));
    if (opts.json) writeResultJson(opts.json, result);
  });

program
  .command('train')
  .description('Rebuild lexicon/candidate-scorer.json from SciERC (deterministic), then print the held-out table')
  .option('--shared <dir>', 'the shared folder holding eval/ and corpora/ (default ../shared)')
  .action(async (opts: { shared?: string }) => {
    const t0 = Date.now();
    const { file, devF1, examples } = trainScorer();
    const out = writeScorer(file);
    log(`trained on ${examples} candidates in ${((Date.now() - t0) / 1000).toFixed(1)} s: ${Object.keys(file.weights).length} features, thresholds ${JSON.stringify(file.thresholds)} (settings objective ${devF1.toFixed(3)}: mean of SciERC dev span F1, seed dev F1, seed dev F1 with its names unlisted and the invented settings sets' F1), wrote ${out} (${file.version})`);
    console.log(formatTable(heldoutTable(loadLexicon(), file, { sharedDir: opts.shared })));
  });

program
  .command('serve')
  .description('Serve the GraphQL API')
  .action(async () => {
    const conn = await connect();
    await serveUntilSignal(conn);
  });

program
  .command('start')
  .description('One shot: Neo4j (local if NEO4J_URI is unset), schema, the sample corpus, the API')
  .option('--corpus <file>', 'corpus to ingest first', projectPath('data', 'hf-papers.txt'))
  .action(async (opts: { corpus: string }) => {
    const conn = await connect();
    const s = await step(`Ingesting the sample corpus ${opts.corpus}`, () => runIngest([opts.corpus], { batchSize: 500 }, conn.db), summaryLine);
    reportRejections(s);
    await serveUntilSignal(conn);
  });

async function serveUntilSignal(conn: Awaited<ReturnType<typeof connect>>) {
  const server = await step('Starting the GraphQL API', () => startServer({ db: conn.db, extractor: defaultExtractor(), config: conn.config }), (s) => `listening on port ${s.port}`);
  const ide = { graphiql: 'GraphiQL', sandbox: 'Apollo Sandbox', off: 'no IDE' }[conn.config.PAPERGRAPH_GRAPHQL_IDE];
  log(`\npapergraph is ready:\n  explore the graph in a browser: ${server.explorerUrl}\n  GraphQL API: ${server.url} (${ide} in a browser; POST queries to it)`);
  log('Press Ctrl+C to stop.');
  const shutdown = async () => {
    log('Stopping...');
    await server.stop();
    await conn.close();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

program.parseAsync(process.argv).catch((err: unknown) => {
  if (err instanceof ConfigError || err instanceof LocalNeo4jError) {
    console.error(`papergraph: ${err.message}`);
  } else {
    console.error(`papergraph: ${(err as Error).message ?? err}`);
    if (process.env.DEBUG) console.error(err);
  }
  process.exit(2);
});
