// The scale benchmark (issue 18): builds a graph of N generated papers through
// the real ingest (the extractor's own output on generated abstracts, as
// ingest-bench does) in a Neo4j of its own, then runs the API on it as
// api-bench does, and prints ONE table: the graph, disk per paper, ingest rate
// and peak RSS, the API mix and each operation at 16 clients, co-occurrence
// cold and warm, each beside issue 18's target and the issue's figure from
// before (measured on 1M papers).
//
//   npm run build && node dist/bench/scale-bench.js [--n 100000] [--reuse] [--bulk] [--json FILE]
//
// --bulk builds the graph with the bulk first load (papergraph bulk-load:
// ingest/bulk-load.ts) instead of transactions, and prints each stage's time.
//
// --reuse keeps the graph in --data (default /tmp/papergraph-scale-100k for
// 100,000 papers) and prints the ingest figures saved when it was built.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { Database } from '../src/db/database.js';
import { migrate } from '../src/db/migrate.js';
import { workerPoolExtractor } from '../src/ingest/batch-extractor.js';
import { startLocalNeo4j, stopLocalNeo4j } from '../src/local-neo4j/manager.js';
import { coldTables, drain, drawPicks, driveMeasured, OPERATIONS, requestBodies, rowsOf, smoke, startChild, stopChild, type RunResult } from './api-bench.js';
import { benchCorpus, mb, peakRss, timedIngest } from './ingest-run.js';
import { bulkLoadLocal, type LocalBulkLoadResult } from '../src/ingest/bulk-load.js';
import { readSource } from '../src/ingest/readers.js';
import { statusLocalNeo4j } from '../src/local-neo4j/manager.js';
import { benchOptions, runMain, wholeNumber } from './options.js';

const sizeLabel = (n: number) => (n % 1_000_000 === 0 ? `${n / 1_000_000}m` : n % 1000 === 0 ? `${n / 1000}k` : String(n));

const USAGE = `node dist/bench/scale-bench.js [--n 100000] [--reuse] [--bulk] [--seed 1] [--batch 1000] [--threads N] [--no-rerun]
    [--duration 20] [--warmup 5] [--per-op 20] [--connections 16] [--port 7751] [--data /tmp/papergraph-scale-<n>]
    [--heap 2g] [--pagecache 1g] [--keep-neo4j] [--json FILE]
Without --reuse the data folder is wiped and the graph built by the real ingest; --reuse measures the API on it again.`;

const o = benchOptions(USAGE, {
  n: { type: 'string', default: '100000' },
  reuse: { type: 'boolean', default: false },
  bulk: { type: 'boolean', default: false },
  seed: { type: 'string', default: '1' },
  batch: { type: 'string', default: '1000' },
  threads: { type: 'string', default: String(os.availableParallelism()) },
  'no-rerun': { type: 'boolean', default: false },
  duration: { type: 'string', default: '20' },
  warmup: { type: 'string', default: '5' },
  'per-op': { type: 'string', default: '20' },
  connections: { type: 'string', default: '16' },
  port: { type: 'string', default: '7751' },
  data: { type: 'string' },
  heap: { type: 'string', default: '2g' },
  pagecache: { type: 'string', default: '1g' },
  'keep-neo4j': { type: 'boolean', default: false },
  json: { type: 'string' },
});
const args = {
  n: wholeNumber('n', o.n, 1),
  seed: wholeNumber('seed', o.seed),
  batch: wholeNumber('batch', o.batch, 1),
  threads: wholeNumber('threads', o.threads, 1),
  duration: wholeNumber('duration', o.duration, 1),
  warmup: wholeNumber('warmup', o.warmup),
  perOp: wholeNumber('per-op', o['per-op']),
  connections: wholeNumber('connections', o.connections, 1),
  port: wholeNumber('port', o.port, 1),
};
const dataDir = o.data ?? path.join(os.tmpdir(), `papergraph-scale-${sizeLabel(args.n)}`);
const buildFile = path.join(dataDir, 'scale-build.json');
const log = (line: string) => process.stderr.write(`${line}\n`);

/** What building the graph measured, kept beside it so --reuse can print it. */
interface Build {
  at: string;
  commit: string;
  n: number;
  threads: number;
  batch: number;
  seconds: number;
  rate: number;
  sustained: number;
  rejected: number;
  rerunRate?: number;
  ingestPeakRss: number;
  neo4jPeakRss?: number;
  loadavg: number[];
  /** Built by the bulk load: seconds per stage, the import JVM's peak RSS, the import files' size. */
  bulk?: { stages: LocalBulkLoadResult['stages']; importPeakRss?: number; csvBytes: number; loadavgBefore: number[] };
}

function gitCommit(): string {
  try {
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { encoding: 'utf8' }).trim() !== '';
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim() + (dirty ? '+changes' : '');
  } catch {
    return '?';
  }
}

/** Bytes a folder takes on disk (allocated blocks: Neo4j preallocates its transaction log files). */
function diskBytes(dir: string): number {
  let total = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += fs.statSync(path.join(entry.parentPath, entry.name)).blocks * 512;
  }
  return total;
}

async function graphCounts(db: Database) {
  const one = async (text: string) => Number((await rowsOf(db, text))[0]!.c);
  const papers = await one('MATCH (p:Paper) RETURN count(p) AS c');
  const entities = await one('MATCH (e:Entity) RETURN count(e) AS c');
  // Links: the relationship types from papers to entities, each counted from the count store.
  const types = (await rowsOf(db, 'CALL db.relationshipTypes() YIELD relationshipType RETURN relationshipType AS t')).map((r) => r.t as string);
  const links: Record<string, number> = {};
  for (const t of types) {
    const fromPapers = await one(`MATCH (:Paper)-[r:\`${t}\`]->() RETURN count(r) AS c`);
    const toEntities = await one(`MATCH ()-[r:\`${t}\`]->(:Entity) RETURN count(r) AS c`);
    if (fromPapers > 0 && fromPapers === toEntities) links[t] = fromPapers;
  }
  return { papers, entities, links, totalLinks: Object.values(links).reduce((a, b) => a + b, 0) };
}

const int = (x: number) => Math.round(x).toLocaleString('en-US');
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const gb = (bytes: number) => (bytes >= 2 ** 30 ? `${(bytes / 2 ** 30).toFixed(1)} GB` : mb(bytes));
const ms = (x: number) => (x >= 1000 ? `${(x / 1000).toFixed(1)} s` : `${Math.round(x)} ms`);
const verdict = (ok: boolean) => (ok ? 'met' : '**NOT met**');
const runCell = (r: RunResult) => `${r.requestsPerSec.toFixed(0)} req/s, p50 ${ms(r.p50)}, p99 ${ms(r.p99)}, ${r.errors + r.graphqlErrors} errors`;

async function main() {
  const machine = `${os.cpus().length} x ${os.cpus()[0]?.model ?? '?'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB RAM, Node ${process.version}`;
  const loadStart = os.loadavg();
  log(`Machine: ${machine}; load average ${loadStart.map((x) => x.toFixed(2)).join(' ')}`);
  if (!o.reuse) {
    log(`Fresh graph in ${dataDir} (--reuse keeps a built one)`);
    await stopLocalNeo4j(dataDir);
    fs.rmSync(dataDir, { recursive: true, force: true });
  } else if (!fs.existsSync(dataDir)) {
    throw new Error(`--reuse: ${dataDir} does not exist; build it first (without --reuse)`);
  }
  const local = { dataDir, port: args.port, heap: o.heap, pageCache: o.pagecache, log };
  const bulkBuild = !o.reuse && o.bulk ? await buildInBulk(local) : undefined;
  const neo4j = await startLocalNeo4j(local);
  log(`Neo4j ${neo4j.started ? 'started' : 'already running'} at ${neo4j.uri} (process ${neo4j.pid}, heap ${o.heap}, page cache ${o.pagecache})`);
  const db = new Database({ uri: neo4j.uri, user: 'neo4j', password: 'unused', database: 'neo4j' });
  let child: Awaited<ReturnType<typeof startChild>>['child'] | undefined;
  try {
    await migrate(db);
    let build: Build | undefined = bulkBuild;
    if (bulkBuild) {
      if (!o['no-rerun']) {
        const extractor = workerPoolExtractor(args.threads)!;
        try {
          const again = await timedIngest(await benchCorpus(args.n, args.seed, log), { db, extractor, batchSize: args.batch }, log);
          bulkBuild.rerunRate = again.rate;
          log(`  transactional rerun of the unchanged corpus on the bulk-loaded graph: ${again.rate.toFixed(0)}/s (unchanged ${again.summary.unchanged})`);
        } finally {
          await extractor.close();
        }
      }
      fs.writeFileSync(buildFile, JSON.stringify(bulkBuild, null, 2));
    } else if (!o.reuse) {
      const corpus = await benchCorpus(args.n, args.seed, log);
      const extractor = workerPoolExtractor(args.threads);
      if (!extractor) throw new Error('build first: npm run build (the worker is dist/src/ingest/extract-worker.js)');
      try {
        log(`Ingesting ${args.n} generated abstracts (${args.threads} extraction threads, batches of ${args.batch})...`);
        const run = { db, extractor, batchSize: args.batch };
        const first = await timedIngest(corpus, run, log);
        log(`  ${first.summary.read} papers in ${first.summary.seconds.toFixed(0)} s: ${first.rate.toFixed(0)}/s, ${first.sustained.toFixed(0)}/s over the second half; rejected ${first.summary.rejected}`);
        const ingestPeakRss = process.resourceUsage().maxRSS * 1024;
        const neo4jPeakRss = peakRss(neo4j.pid);
        let rerunRate: number | undefined;
        if (!o['no-rerun']) {
          const again = await timedIngest(corpus, run, log);
          rerunRate = again.rate;
          log(`  rerun of the unchanged corpus: ${again.rate.toFixed(0)}/s (unchanged ${again.summary.unchanged})`);
        }
        build = {
          at: new Date().toISOString(), commit: gitCommit(), n: args.n, threads: args.threads, batch: args.batch,
          seconds: first.summary.seconds, rate: first.rate, sustained: first.sustained, rejected: first.summary.rejected,
          ...(rerunRate ? { rerunRate } : {}), ingestPeakRss, ...(neo4jPeakRss ? { neo4jPeakRss } : {}), loadavg: os.loadavg(),
        };
        fs.writeFileSync(buildFile, JSON.stringify(build, null, 2));
      } finally {
        await extractor.close();
      }
    } else if (fs.existsSync(buildFile)) {
      build = JSON.parse(fs.readFileSync(buildFile, 'utf8')) as Build;
      log(`Reusing the graph built ${build.at} at commit ${build.commit}`);
    }

    const graph = await graphCounts(db);
    log(`Graph: ${JSON.stringify(graph)}`);
    const store = diskBytes(path.join(dataDir, 'store', 'data', 'databases', 'neo4j'));
    const txLogs = diskBytes(path.join(dataDir, 'store', 'data', 'transactions', 'neo4j'));
    log(`Disk: store ${mb(store)}, transaction logs ${mb(txLogs)}`);

    const picks = await drawPicks(db, 7);
    const started = await startChild('papergraph', neo4j.uri, 4731);
    child = started.child;
    const url = started.url;
    log('\n[papergraph] API on the graph:');
    await smoke(url, 'papergraph', picks, log);
    const cold = await coldTables(url, 'papergraph', picks, log);
    const warm = await coldTables(url, 'papergraph', picks, log, 'second request each');
    const bodies = requestBodies('papergraph', OPERATIONS, picks, 7, 20_000);
    if (args.warmup > 0) {
      await driveMeasured(url, bodies.slice(-5000), args.connections, args.warmup, {});
      await drain(db, log);
    }
    const mix = await driveMeasured(url, bodies, args.connections, args.duration, { server: child.pid, neo4j: neo4j.pid });
    await drain(db, log);
    log(`  mix: ${runCell(mix)}; CPU per request: server ${mix.cpuMsPerRequest?.server} ms, Neo4j ${mix.cpuMsPerRequest?.neo4j} ms`);
    if (mix.firstError) log(`  first error: ${mix.firstError}`);
    const perOp: Record<string, RunResult> = {};
    if (args.perOp > 0) {
      for (const op of OPERATIONS) {
        const r = await driveMeasured(url, requestBodies('papergraph', [{ ...op, weight: 1 }], picks, 1007, 5000), args.connections, args.perOp, {});
        await drain(db, log);
        log(`  ${op.name}: ${runCell(r)}`);
        if (r.firstError) log(`    first error: ${r.firstError}`);
        perOp[op.name] = r;
      }
    }
    await stopChild(child);
    child = undefined;

    const neo4jPeakNow = peakRss(neo4j.pid);
    const table = printTable({ graph, store, txLogs, build, cold, warm, mix, perOp, machine, loadStart, neo4jPeakNow });
    process.stdout.write(`${table}\n`);
    if (o.json) fs.writeFileSync(o.json, JSON.stringify({ machine, n: graph.papers, graph, store, txLogs, build, cold, warm, mix, perOp, loadStart, loadEnd: os.loadavg() }, null, 2));
  } finally {
    if (child) await stopChild(child);
    await db.close();
    if (!o['keep-neo4j']) log(await stopLocalNeo4j(dataDir));
    else log(`Neo4j left running (stop: node dist/src/cli.js neo4j stop --port ${args.port} --data ${dataDir})`);
  }
}

/** The graph built by the bulk load, into a Neo4j left running (the API measurement follows on it). */
async function buildInBulk(local: Parameters<typeof startLocalNeo4j>[0]): Promise<Build> {
  const corpus = await benchCorpus(args.n, args.seed, log);
  const extractor = workerPoolExtractor(args.threads);
  if (!extractor) throw new Error('build first: npm run build (the worker is dist/src/ingest/extract-worker.js)');
  const loadavgBefore = os.loadavg();
  await startLocalNeo4j(local);
  let lastLine = 0;
  try {
    log(`Bulk loading ${args.n} generated abstracts (${args.threads} extraction threads, batches of ${args.batch})...`);
    const r = await bulkLoadLocal(readSource(corpus), {
      extractor,
      batchSize: args.batch,
      local,
      open: (uri) => new Database({ uri, user: 'neo4j', password: 'unused', database: 'neo4j' }),
      log,
      onProgress: (s) => {
        if (s.seconds - lastLine < 10) return;
        lastLine = s.seconds;
        log(`  ... ${s.read} papers to files, ${(s.read / s.seconds).toFixed(0)}/s, RSS ${mb(process.memoryUsage().rss)}`);
      },
    });
    const seconds = r.stages.csv + r.stages.import + r.stages.migrate + r.stages.deferred;
    const rate = r.summary.read / seconds;
    log(`  ${r.summary.read} papers in ${seconds.toFixed(0)} s: ${rate.toFixed(0)}/s; files ${r.stages.csv.toFixed(0)} s (${mb(r.csvBytes)}), import ${r.stages.import.toFixed(0)} s (JVM peak ${r.importPeakRss ? mb(r.importPeakRss) : '?'}), migrations ${r.stages.migrate.toFixed(0)} s; rejected ${r.summary.rejected}`);
    const pid = (await statusLocalNeo4j(dataDir)).pid;
    const neo4jPeakRss = pid ? peakRss(pid) : undefined;
    return {
      at: new Date().toISOString(), commit: gitCommit(), n: args.n, threads: args.threads, batch: args.batch,
      seconds, rate, sustained: rate, rejected: r.summary.rejected,
      ingestPeakRss: process.resourceUsage().maxRSS * 1024, ...(neo4jPeakRss ? { neo4jPeakRss } : {}), loadavg: os.loadavg(),
      bulk: { stages: r.stages, importPeakRss: r.importPeakRss, csvBytes: r.csvBytes, loadavgBefore },
    };
  } finally {
    await extractor.close();
  }
}

interface Measured {
  graph: Awaited<ReturnType<typeof graphCounts>>;
  store: number;
  txLogs: number;
  build: Build | undefined;
  cold: Record<string, number>;
  warm: Record<string, number>;
  mix: RunResult;
  perOp: Record<string, RunResult>;
  machine: string;
  loadStart: number[];
  neo4jPeakNow: number | undefined;
}

/** The one table: Markdown, so the README can show it as printed. */
function printTable(m: Measured): string {
  const { graph, build } = m;
  const big = graph.papers >= 1_000_000;
  const perPaper = (m.store + m.txLogs) / graph.papers;
  const coldTimes = Object.values(m.cold);
  const warmTimes = Object.values(m.warm);
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
  const tableCell = (xs: number[]) => `max ${ms(Math.max(...xs))}, median ${ms(median(xs))} (${xs.length} tables)`;
  const p99Target = big ? 50 : 25;
  const rows: [string, string, string, string][] = [
    ['papers', int(graph.papers), '1M (and 100k)', '1,000,000'],
    ['entities', int(graph.entities), '', '333,537'],
    ['paper-entity links', `${int(graph.totalLinks)} (${Object.entries(graph.links).map(([t, c]) => `${t} ${int(c)}`).join(', ')})`, '', '10.8 M'],
    [
      'store + transaction logs per paper',
      `${kb(perPaper)}: store ${gb(m.store)}, logs ${gb(m.txLogs)} (${verdict(perPaper <= 4096)} at this size)`,
      '<= 4 KB at 1M',
      '22 KB (11 GB store + 11 GB logs)',
    ],
  ];
  if (build) {
    const rateTarget = build.n >= 1_000_000 ? 800 : 1000;
    rows.push(
      [
        build.bulk ? 'ingest rate, bulk load (whole load, every stage)' : 'ingest rate (whole run; second half)',
        `${int(build.rate)}/s; ${int(build.sustained)}/s (${verdict(build.sustained >= rateTarget)}), ${int(build.seconds)} s, ${build.threads} threads, batches of ${build.batch}`,
        '>= 1,000/s sustained over 100k, >= 800/s over 1M',
        '441/s; 434/s (1M)',
      ],
      ...(build.bulk
        ? ([
            [
              'bulk load: stages',
              `reading + extraction + files ${int(build.bulk.stages.csv)} s (${mb(build.bulk.csvBytes)} of files), import ${int(build.bulk.stages.import)} s (JVM peak ${build.bulk.importPeakRss ? mb(build.bulk.importPeakRss) : '?'}), ` +
                `migrations (indexes, counts, first-seen, co-occurrence) ${int(build.bulk.stages.migrate)} s${build.bulk.stages.deferred ? `, deferred records ${int(build.bulk.stages.deferred)} s` : ''}; load average before ${build.bulk.loadavgBefore.map((x) => x.toFixed(1)).join(' ')}, after ${build.loadavg.map((x) => x.toFixed(1)).join(' ')}`,
              '>= 10x the transactional path to offer it',
              'transactional: 174/s on 100k (quiet machine)',
            ],
          ] as [string, string, string, string][])
        : []),
      ['rerun of the unchanged corpus', build.rerunRate ? `${int(build.rerunRate)}/s = ${(build.rerunRate / build.rate).toFixed(1)}x (${verdict(build.rerunRate / build.rate >= 10)})` : 'not run', '>= 10x faster than the first run', '12,029/s = 27x'],
      ['peak RSS, ingest process', `${mb(build.ingestPeakRss)} (${verdict(build.ingestPeakRss < 2 ** 30)})`, '< 1 GB', '1,316 MB'],
      ['peak RSS, Neo4j JVM (ingest; whole run)', `${build.neo4jPeakRss ? gb(build.neo4jPeakRss) : '?'}; ${m.neo4jPeakNow ? gb(m.neo4jPeakNow) : '?'}`, '', '3.7 GB'],
    );
  } else {
    rows.push(['ingest', 'not measured (--reuse of a graph built without a saved record)', '', '']);
  }
  const errors = m.mix.errors + m.mix.graphqlErrors;
  rows.push(
    [
      `API mix, ${args.connections} clients`,
      `${runCell(m.mix)} (${verdict(m.mix.p99 < p99Target && errors === 0)})`,
      'p99 < 25 ms on 100k, < 50 ms on 1M, no errors',
      '43-48 req/s, p50 98-147 ms, p99 5.8-7.3 s, 16-19 timeouts in 20 s',
    ],
    ['CPU per mix request: server; Neo4j', `${m.mix.cpuMsPerRequest?.server} ms; ${m.mix.cpuMsPerRequest?.neo4j} ms`, '', '5 ms; 35 ms (about 1 ms each on 100k)'],
  );
  const before: Record<string, string> = {
    'paper page': '19 req/s, p99 1.8 s',
    'entity page': '51 req/s, p99 1.0 s',
    'filtered paper list': '32 req/s, p99 0.8 s',
    'co-occurrence table': '8-11 s per table uncached',
    'full-text search': '69 req/s, p99 0.9 s',
  };
  for (const [name, r] of Object.entries(m.perOp)) {
    const key = Object.keys(before).find((k) => name.startsWith(k));
    rows.push([`${name}, alone`, runCell(r), '', key ? before[key]! : '']);
  }
  rows.push(
    ['co-occurrence, cold (first request per table)', `${tableCell(coldTimes)} (${verdict(Math.max(...coldTimes) < 100)})`, 'every table < 100 ms cold on 1M', '8-11 s for all tables but one'],
    ['co-occurrence, warm (second request)', tableCell(warmTimes), '', ''],
  );
  const header = [
    `### papergraph at ${int(graph.papers)} papers (scale-bench)`,
    '',
    `Machine: ${m.machine}; load average at start ${m.loadStart.map((x) => x.toFixed(1)).join(' ')}, at end ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}. ` +
      `Neo4j 5.26 (local, heap ${o.heap}, page cache ${o.pagecache}). ` +
      (build ? `Graph built ${build.at.slice(0, 16).replace('T', ' ')} UTC at commit ${build.commit}` : 'Graph reused') +
      `; API measured at commit ${gitCommit()}, ${args.connections} clients, mix ${args.duration} s, each operation ${args.perOp} s.`,
    '',
    `| measure | this run | target (issue 18) | before (issue 18, 1M papers) |`,
    `| --- | --- | --- | --- |`,
  ];
  return [...header, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

runMain(main, { exitWhenDone: true });
