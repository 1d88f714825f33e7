// Ingest benchmark: N generated abstracts, end to end (read, extract in worker
// threads, write) into a local Neo4j of its own, then the same input again.
//
//   npm run build && node dist/bench/ingest-bench.js [--n 100000] [--batch 1000] [--threads 2]
//
// Prints papers/s, peak RSS of the ingest process, the split of time between
// reading, extraction and writing, and how much faster the all-unchanged rerun is.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Database } from '../src/db/database.js';
import { migrate } from '../src/db/migrate.js';
import { workerPoolExtractor } from '../src/ingest/batch-extractor.js';
import type { IngestSummary } from '../src/ingest/pipeline.js';
import { startLocalNeo4j, stopLocalNeo4j } from '../src/local-neo4j/manager.js';
import { benchCorpus, mb, peakRss, timedIngest } from './ingest-run.js';
import { printStoreBreakdown, storeBreakdown, storeFacts } from './store-size.js';
import { benchOptions, runMain, wholeNumber } from './options.js';

const args = benchOptions('node dist/bench/ingest-bench.js [--n 100000] [--seed 1] [--batch 1000] [--threads N] [--port 7702] [--data DIR] [--heap 2g] [--pagecache 1g] [--keep]', {
    n: { type: 'string', default: '100000' },
    seed: { type: 'string', default: '1' },
    batch: { type: 'string', default: '1000' },
    threads: { type: 'string', default: String(os.availableParallelism()) },
    port: { type: 'string', default: '7702' },
    data: { type: 'string', default: path.join(os.tmpdir(), 'papergraph-ingest-bench') },
    heap: { type: 'string', default: '2g' },
    pagecache: { type: 'string', default: '1g' },
  keep: { type: 'boolean', default: false },
});

const n = wholeNumber('n', args.n, 1);

function report(label: string, s: IngestSummary) {
  const rate = s.read / s.seconds;
  const t = s.timings;
  console.log(
    `${label}: ${s.read} papers in ${s.seconds.toFixed(1)} s = ${rate.toFixed(0)} papers/s ` +
      `(ingested ${s.ingested}, updated ${s.updated}, unchanged ${s.unchanged}, rejected ${s.rejected})`,
  );
  console.log(
    `  time split: reading ${t.read.toFixed(1)} s (waiting on the source), looking up stored papers ${t.lookup.toFixed(1)} s and ` +
      `extraction ${t.extract.toFixed(1)} s (both summed over batches in flight), writing ${t.write.toFixed(1)} s`,
  );
  const statements = Object.entries(t.statements).sort(([, a], [, b]) => b.seconds - a.seconds);
  if (statements.length) {
    console.log('  writing per statement (seconds, share of writing, calls, ms per call):');
    for (const [name, x] of statements) {
      console.log(`    ${name.padEnd(36)} ${x.seconds.toFixed(1).padStart(8)} s ${((100 * x.seconds) / t.write).toFixed(1).padStart(5)}% ${String(x.calls).padStart(6)} ${((1000 * x.seconds) / x.calls).toFixed(1).padStart(8)}`);
    }
  }
  return rate;
}

async function main() {
  const corpus = await benchCorpus(n, Number(args.seed), console.log);

  fs.rmSync(args.data, { recursive: true, force: true });
  const neo4j = await startLocalNeo4j({ dataDir: args.data, port: Number(args.port), heap: args.heap, pageCache: args.pagecache });
  console.log(`Neo4j ${neo4j.uri} (heap ${args.heap}, page cache ${args.pagecache}); ${os.availableParallelism()} cores, load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  const db = new Database({ uri: neo4j.uri, user: 'neo4j', password: 'unused', database: 'neo4j' });
  const extractor = workerPoolExtractor(Number(args.threads));
  if (!extractor) throw new Error('build first: npm run build (the worker is dist/src/ingest/extract-worker.js)');
  try {
    await migrate(db);
    const run = { db, extractor, batchSize: Number(args.batch) };
    const { summary: first, sustained } = await timedIngest(corpus, run, console.log);
    const firstRate = report(`first run, ${args.threads} extraction threads, batches of ${args.batch}`, first);
    console.log(`  sustained rate over the second half of the run: ${sustained.toFixed(0)} papers/s`);
    const { summary: second } = await timedIngest(corpus, run, console.log);
    const secondRate = report('rerun of the same input (all unchanged)', second);
    console.log(`rerun speed-up: ${(secondRate / firstRate).toFixed(1)}x (issue 18 target >= 10x)`);
    console.log(`peak RSS of the ingest process (main + worker threads): ${mb(process.resourceUsage().maxRSS * 1024)} (target < 1 GB)`);
    const jvm = peakRss(neo4j.pid);
    if (jvm) console.log(`peak RSS of the Neo4j JVM (separate process): ${mb(jvm)}`);
    console.log(`issue 18 target: >= 1,000 papers/s sustained over 100k -> ${sustained >= 1000 ? 'met' : 'NOT met'} (${sustained.toFixed(0)}/s over the second half, ${firstRate.toFixed(0)}/s over the whole run)`);
    // Disk after a clean stop (a checkpoint: every page in the files, logs pruned to their retention).
    const facts = await storeFacts(neo4j.uri);
    await db.close();
    await stopLocalNeo4j(args.data);
    printStoreBreakdown(storeBreakdown(args.data, facts.indexNames), facts.papers);
    if (args.keep) await startLocalNeo4j({ dataDir: args.data, port: Number(args.port), heap: args.heap, pageCache: args.pagecache });
  } finally {
    await extractor.close();
    await db.close();
    if (!args.keep) {
      await stopLocalNeo4j(args.data);
      fs.rmSync(args.data, { recursive: true, force: true });
    }
  }
}

runMain(main);
