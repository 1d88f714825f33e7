// Hostile queries beside normal traffic: does normal traffic stay fast while
// the API is being attacked? Runs the API in this process on a local Neo4j of
// its own (loaded with --n generated abstracts), measures normal traffic alone,
// then again with attackers sending the bombs of issue 12 in a loop.
//
//   npm run build && node dist/bench/fault-bench.js [--n 2000] [--clients 8] [--attackers 4] [--seconds 10]
//
// Prints p50/p99 of normal traffic quiet and under attack (the target: p99
// under attack < 2x quiet) and how each attack was answered.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config.js';
import { Database } from '../src/db/database.js';
import { migrate } from '../src/db/migrate.js';
import { startServer } from '../src/graphql/server.js';
import { workerPoolExtractor } from '../src/ingest/batch-extractor.js';
import { ingest } from '../src/ingest/pipeline.js';
import { readSource } from '../src/ingest/readers.js';
import { startLocalNeo4j, stopLocalNeo4j } from '../src/local-neo4j/manager.js';
import { defaultExtractor } from '../src/runtime.js';
import { writeCorpus } from './generate-corpus.js';
import { NORMAL_QUERIES, percentile, startLoad, type LoadResult } from './load.js';
import { benchOptions, runMain, wholeNumber } from './options.js';

const args = benchOptions(
  'node dist/bench/fault-bench.js [--n 2000] [--seed 3] [--clients 8] [--attackers 4] [--seconds 10] [--port 7703] [--data DIR] [--heap 1g] [--pagecache 256m]',
  {
    n: { type: 'string', default: '2000' },
    seed: { type: 'string', default: '3' },
    clients: { type: 'string', default: '8' },
    attackers: { type: 'string', default: '4' },
    seconds: { type: 'string', default: '10' },
    port: { type: 'string', default: '7703' },
    data: { type: 'string', default: path.join(os.tmpdir(), 'papergraph-fault-bench') },
    heap: { type: 'string', default: '1g' },
    pagecache: { type: 'string', default: '256m' },
  },
);
const n = wholeNumber('n', args.n, 1);
const clients = wholeNumber('clients', args.clients, 1);
const attackers = wholeNumber('attackers', args.attackers, 1);
const seconds = wholeNumber('seconds', args.seconds, 1);

const fanOut = (levels: number, spreads: number) =>
  `{ papers(first: 1) { edges { node { ...F0 } } } } ${Array.from({ length: levels }, (_, i) =>
    i === levels - 1 ? `fragment F${i} on Paper { title }` : `fragment F${i} on Paper { ${Array(spreads).fill(`...F${i + 1}`).join(' ')} }`,
  ).join(' ')}`;

const ATTACKS: [string, string][] = [
  ['fragment fan-out 4 x 100', fanOut(4, 100)],
  ['first: -2147483648 beside 100 x 100 x 100', '{ a: papers(first: -2147483648) { totalCount } b: papers(first: 100) { edges { node { related(first: 100) { paper { entities { entity { papers(first: 100) { totalCount } } } } } } } } }'],
  ['query($n: Int = 100) nested', 'query($n: Int = 100) { papers(first: $n) { edges { node { related(first: $n) { paper { related(first: $n) { paper { title } } } } } } } }'],
  ['3,100 tokens', `{ ${Array(3100).fill('__typename').join(' ')} }`],
  ['entity(name: 1 MB)', `{ entity(name: "${'x'.repeat(1_000_000)}") { id } }`],
  ['Lucene: unclosed quote', '{ search(query: "\\"unclosed") { score } }'],
  ['depth 13', '{ papers { edges { node { related { paper { related { paper { related { paper { entities { entity { papers { edges { node { title } } } } } } } } } } } } } } }'],
  ['16 aliases', `{ ${Array.from({ length: 16 }, (_, i) => `a${i}: stats { papers }`).join(' ')} }`],
  ['path(from: X, to: X)', '{ path(from: "x", to: "x") { id } }'],
  ['tampered cursor', `{ entities(after: "${Buffer.from(JSON.stringify(['entities-PAPERS_DESC', 'ten', 'model:x'])).toString('base64url')}") { totalCount } }`],
];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const ok = (r: LoadResult) => r.status === 200 && r.code === 'none';
const summary = (rs: LoadResult[]) => {
  const ms = rs.filter(ok).map((r) => r.ms);
  return { n: rs.length, ok: ms.length, p50: percentile(ms, 50), p99: percentile(ms, 99), rps: rs.length / seconds };
};

async function main() {
  const corpus = path.join(os.tmpdir(), `papergraph-bench-corpus-${n}-${args.seed}.jsonl`);
  if (!fs.existsSync(corpus)) {
    const out = fs.createWriteStream(corpus);
    await writeCorpus(n, Number(args.seed), out);
    await new Promise<void>((resolve) => out.end(resolve));
  }
  fs.rmSync(args.data, { recursive: true, force: true });
  const neo4j = await startLocalNeo4j({ dataDir: args.data, port: Number(args.port), heap: args.heap, pageCache: args.pagecache });
  console.log(`Neo4j ${neo4j.uri}; ${os.availableParallelism()} cores, load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  const db = new Database({ uri: neo4j.uri, user: 'neo4j', password: 'unused', database: 'neo4j' });
  const extractor = workerPoolExtractor(os.availableParallelism());
  if (!extractor) throw new Error('build first: npm run build');
  let server: Awaited<ReturnType<typeof startServer>> | undefined;
  try {
    await migrate(db);
    const s = await ingest(readSource(corpus), { db, extractor, batchSize: 500 });
    console.log(`loaded ${s.ingested} papers in ${s.seconds.toFixed(1)} s`);
    const quietLog = process.stderr.write.bind(process.stderr);
    server = await startServer({ db, extractor: defaultExtractor(), config: loadConfig({ NODE_ENV: 'production' }) }, 0, '127.0.0.1');
    const url = server.url;
    // Warm: each statement planned once, the server's code paths compiled.
    for (let i = 0; i < 3; i++) for (const q of [...NORMAL_QUERIES, ...ATTACKS.map(([, a]) => a)]) {
      await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: q }) });
    }

    const quiet = startLoad(url, clients);
    await sleep(seconds * 1000);
    const quietResults = await quiet.stop();

    // The attacks are the client's mistakes: the server's fault log should stay
    // empty, so every line written to it meanwhile is counted (and shown).
    let faultLines = 0;
    process.stderr.write = ((chunk: string | Uint8Array) => {
      faultLines++;
      return quietLog(chunk);
    }) as typeof process.stderr.write;
    const normal = startLoad(url, clients);
    const attack = startLoad(url, attackers, ATTACKS.map(([, q]) => q));
    await sleep(seconds * 1000);
    const [normalResults, attackResults] = await Promise.all([normal.stop(), attack.stop()]);
    process.stderr.write = quietLog;

    const q = summary(quietResults);
    const a = summary(normalResults);
    console.log(`\nnormal traffic, ${clients} clients, ${seconds} s each (queries: ${NORMAL_QUERIES.length} kinds)`);
    console.log('| phase | requests | ok | req/s | p50 ms | p99 ms |');
    console.log('| --- | --- | --- | --- | --- | --- |');
    console.log(`| quiet | ${q.n} | ${q.ok} | ${q.rps.toFixed(0)} | ${q.p50.toFixed(1)} | ${q.p99.toFixed(1)} |`);
    console.log(`| under attack (${attackers} attackers) | ${a.n} | ${a.ok} | ${a.rps.toFixed(0)} | ${a.p50.toFixed(1)} | ${a.p99.toFixed(1)} |`);
    console.log(`p99 under attack / quiet: ${(a.p99 / q.p99).toFixed(2)}x (target < 2x)`);
    console.log(`\nattacks (${attackResults.length} sent; fault log lines: ${faultLines})`);
    console.log('| attack | sent | answers | p50 ms | max ms |');
    console.log('| --- | --- | --- | --- | --- |');
    ATTACKS.forEach(([name], i) => {
      const rs = attackResults.filter((r) => r.query === i);
      const answers = [...new Set(rs.map((r) => `${r.status} ${r.code}`))].join(', ');
      console.log(`| ${name} | ${rs.length} | ${answers} | ${percentile(rs.map((r) => r.ms), 50).toFixed(1)} | ${Math.max(...rs.map((r) => r.ms)).toFixed(1)} |`);
    });
  } finally {
    await server?.stop();
    await extractor.close?.();
    await db.close();
    await stopLocalNeo4j(args.data);
  }
}

runMain(main);
