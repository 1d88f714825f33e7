// API throughput and latency: papergraph vs @neo4j/graphql (v7) over the same
// synthetic graph, with the same fixed mix of operations at 16 concurrent clients.
//
//   npx tsc -p tsconfig.json && node dist/bench/api-bench.js [--papers 100000] [--reuse]
//       [--duration 20] [--warmup 5] [--connections 16] [--rounds 1] [--per-op 0]
//       [--port 7701] [--data /tmp/papergraph-bench] [--keep-neo4j] [--only papergraph|neo4j-graphql]
//
// Without --reuse the data folder is wiped and the graph is loaded from scratch
// (bench/synthetic-graph.ts, seeded); with --reuse the loaded graph is used as is.
// Each server runs in its own child process (so the load generator does not share
// its event loop), in production mode, against the same Neo4j. See bench/README.md.
import { spawn, type ChildProcess } from 'node:child_process';
import cluster from 'node:cluster';
import fs from 'node:fs';
import os from 'node:os';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { mulberry32 } from './generate-corpus.js';
import { benchDatabase, BENCH_NEO4J_OPTIONS, benchNeo4jOptions, loadSyntheticGraph, type BenchNeo4jOptions } from './synthetic-graph.js';
import { benchOptions, isMain, runMain, wholeNumber } from './options.js';
import { ROLE_FIELDS } from './neo4j-graphql-typedefs.js';
import { stopLocalNeo4j } from '../src/local-neo4j/manager.js';
import type { Database } from '../src/db/database.js';

export type ServerName = 'papergraph' | 'neo4j-graphql';
const SERVERS: ServerName[] = ['papergraph', 'neo4j-graphql'];

// ------------------------------------------------------------------ operations

/** What one request needs, drawn from the loaded graph. */
interface Picks {
  paperIds: string[];
  entities: { id: string; type: string; name: string }[];
  datasets: { id: string; name: string }[];
  searchTerms: string[];
  cooccurrence: { rows: string; columns: string; minPapers: number }[];
}

interface Operation {
  name: string;
  /** How many of every 20 requests in the mix (--weights overrides). */
  weight: number;
  papergraph: string;
  neo4jGraphql: string;
  /** Variables for request i, one set per server. */
  vars: (picks: Picks, rng: () => number) => { papergraph: Record<string, unknown>; neo4jGraphql: Record<string, unknown> };
}

const pick = <T>(rng: () => number, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!;
const ENTITY_NODE = '__typename id type name aliases paperCount';
const EVIDENCE_PROPS = 'confidence evidence';

export const OPERATIONS: Operation[] = [
  {
    name: 'paper page (entities, roles, evidence)',
    weight: 6,
    papergraph: `query($id: ID!) { paper(id: $id) { id title abstract url published authors
      entities { role confidence entity { ${ENTITY_NODE} } evidence { text sentence field start end } } } }`,
    neo4jGraphql: `query($id: ID!) { papers(where: { id: { eq: $id } }) { id title abstract url published authors
      ${ROLE_FIELDS.map((r) => `${r.out}Connection { edges { properties { ${EVIDENCE_PROPS} } node { ${ENTITY_NODE} } } }`).join('\n      ')} } }`,
    vars: (p, rng) => {
      const id = pick(rng, p.paperIds);
      return { papergraph: { id }, neo4jGraphql: { id } };
    },
  },
  {
    name: 'entity page (first 20 papers, newest first)',
    weight: 5,
    papergraph: `query($type: EntityType, $name: String!) { entity(type: $type, name: $name) { ${ENTITY_NODE}
      papers(first: 20) { totalCount edges { cursor node { id title published authors } } pageInfo { hasNextPage endCursor } } } }`,
    // By id (unique index): the name has no index @neo4j/graphql could use, and it
    // cannot resolve aliases; totalCount is the stored paperCount.
    neo4jGraphql: `query($id: ID!) { entities(where: { id: { eq: $id } }) { ${ENTITY_NODE.replace('__typename ', '')}
      papers(first: 20) { id title published authors } } }`,
    vars: (p, rng) => {
      const e = pick(rng, p.entities);
      return { papergraph: { type: e.type.toUpperCase(), name: e.name }, neo4jGraphql: { id: e.id } };
    },
  },
  {
    name: 'filtered paper list (papers linked to a dataset)',
    weight: 4,
    papergraph: `query($name: String!) { papers(where: { all: [{ type: DATASET, name: $name }] }, first: 20) {
      totalCount edges { cursor node { id title published authors } } pageInfo { hasNextPage endCursor } } }`,
    neo4jGraphql: `query($id: ID!) { papersConnection(first: 20, sort: [{ published: DESC }, { id: ASC }],
      where: { OR: [${ROLE_FIELDS.map((r) => `{ ${r.out}: { some: { id: { eq: $id } } } }`).join(', ')}] }) {
      totalCount edges { cursor node { id title published authors } } pageInfo { hasNextPage endCursor } } }`,
    vars: (p, rng) => {
      const d = pick(rng, p.datasets);
      return { papergraph: { name: d.name }, neo4jGraphql: { id: d.id } };
    },
  },
  {
    name: 'co-occurrence table (top 20 cells)',
    weight: 1,
    papergraph: `query($rows: EntityType!, $columns: EntityType!, $min: Int) {
      cooccurrence(rows: $rows, columns: $columns, minPapers: $min, first: 20) { row { id name } column { id name } papers } }`,
    neo4jGraphql: `query($rows: String!, $columns: String!, $min: Int!) {
      cooccurrence(rows: $rows, columns: $columns, minPapers: $min, first: 20) { row { id name } column { id name } papers } }`,
    vars: (p, rng) => {
      const c = pick(rng, p.cooccurrence);
      return {
        papergraph: { rows: c.rows.toUpperCase(), columns: c.columns.toUpperCase(), min: c.minPapers },
        neo4jGraphql: { rows: c.rows, columns: c.columns, min: c.minPapers },
      };
    },
  },
  {
    name: 'full-text search (papers and entity names)',
    weight: 4,
    papergraph: `query($q: String!) { search(query: $q, first: 20) { score paper { id title published } entity { __typename id type name paperCount } } }`,
    neo4jGraphql: `query($q: String!) {
      searchPapers(phrase: $q, first: 20) { edges { score node { id title published } } }
      searchEntities(phrase: $q, first: 20) { edges { score node { id type name paperCount } } } }`,
    vars: (p, rng) => {
      const q = pick(rng, p.searchTerms);
      return { papergraph: { q }, neo4jGraphql: { q } };
    },
  },
];

// ------------------------------------------------------------------ picks

const SEARCH_WORDS =
  'segmentation retrieval distillation contrastive benchmark robust diffusion graph attention prompt token pruning quantization calibration video speech multilingual forecasting reasoning captioning medical molecular federated sparse latent adaptive hierarchical'.split(
    ' ',
  );
const COOC_PAIRS: [string, string][] = [
  ['method', 'dataset'],
  ['model', 'dataset'],
  ['method', 'task'],
  ['model', 'metric'],
  ['dataset', 'metric'],
  ['task', 'metric'],
  ['method', 'method'],
  ['dataset', 'dataset'],
];

export async function rowsOf(db: Database, text: string, params: Record<string, unknown> = {}) {
  const session = db.driver.session({ database: db.database });
  try {
    return (await session.run(text, params)).records.map((r) => r.toObject());
  } finally {
    await session.close();
  }
}

/**
 * Ids and names to query, drawn (seeded) from the loaded graph: papers uniformly;
 * entities and datasets half by popularity (a random link's entity, so hubs come
 * up as often as users would hit them) and half uniformly (the long tail).
 */
export async function drawPicks(db: Database, seed: number, n = 3000): Promise<Picks> {
  const rng = mulberry32(seed);
  const paperIds = (await rowsOf(db, 'MATCH (p:Paper) RETURN p.id AS id ORDER BY id')).map((r) => r.id as string);
  if (paperIds.length === 0) throw new Error('the benchmark database holds no papers (load it without --reuse)');
  const sample = Array.from({ length: n }, () => pick(rng, paperIds));
  const linked = await rowsOf(
    db,
    `UNWIND $ids AS id MATCH (:Paper {id: id})-[]->(e:Entity)
     RETURN id, collect(e {.id, .type, .name}) AS es ORDER BY id`,
    { ids: [...new Set(sample)] },
  );
  const byPaper = new Map(linked.map((r) => [r.id as string, r.es as { id: string; type: string; name: string }[]]));
  const allEntities = (await rowsOf(db, 'MATCH (e:Entity) WHERE e.paperCount > 0 RETURN e.id AS id, e.type AS type, e.name AS name ORDER BY id')) as {
    id: string;
    type: string;
    name: string;
  }[];
  const allDatasets = allEntities.filter((e) => e.type === 'dataset');
  const entities: Picks['entities'] = [];
  const datasets: Picks['datasets'] = [];
  for (let i = 0; i < n; i++) {
    const es = byPaper.get(pick(rng, sample)) ?? [];
    if (rng() < 0.5 && es.length) entities.push(pick(rng, es));
    else entities.push(pick(rng, allEntities));
    const ds = es.filter((e) => e.type === 'dataset');
    if (rng() < 0.5 && ds.length) datasets.push(pick(rng, ds));
    else datasets.push(pick(rng, allDatasets));
  }
  const searchTerms = Array.from({ length: n }, () => {
    if (rng() < 0.5) return pick(rng, SEARCH_WORDS);
    // A name as users type it: one or two of its words, without Lucene syntax characters.
    const words = pick(rng, entities).name.replace(/[^\p{L}\p{N} ]+/gu, ' ').trim().split(/\s+/).filter(Boolean);
    return words.slice(0, 2).join(' ') || pick(rng, SEARCH_WORDS);
  });
  const cooccurrence = COOC_PAIRS.flatMap(([rows, columns]) => [1, 2, 5, 10].map((minPapers) => ({ rows, columns, minPapers })));
  return { paperIds: sample, entities, datasets, searchTerms, cooccurrence };
}

// ------------------------------------------------------------------ servers (child processes)

async function serve(name: ServerName, uri: string, port: number) {
  // Exit through process.exit so --cpu-prof and similar flags can write their output.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(0));
  // BENCH_WORKERS=N: N papergraph processes on one port (node:cluster); the primary only forks.
  const workers = Number(process.env.BENCH_WORKERS ?? 1);
  if (name === 'papergraph' && workers > 1 && cluster.isPrimary) {
    let ready = 0;
    for (let i = 0; i < workers; i++) {
      cluster.fork().on('message', (line: string) => {
        if (++ready === workers) process.stdout.write(line);
      });
    }
    return;
  }
  const { Database } = await import('../src/db/database.js');
  const db = new Database({ uri, user: 'neo4j', password: 'papergraph', database: 'neo4j' });
  if (name === 'papergraph') {
    const { loadConfig } = await import('../src/config.js');
    const { startServer } = await import('../src/graphql/server.js');
    const { defaultExtractor } = await import('../src/runtime.js');
    const config = loadConfig({ ...process.env, NODE_ENV: 'production', NEO4J_URI: uri, PORT: String(port), HOST: '127.0.0.1' });
    const server = await startServer({ db, extractor: defaultExtractor(), config }, port, '127.0.0.1');
    if (cluster.isWorker) process.send!(`READY ${server.url}\n`);
    else process.stdout.write(`READY ${server.url}\n`);
  } else {
    const { Neo4jGraphQL } = await import('@neo4j/graphql');
    const { ApolloServer } = await import('@apollo/server');
    const { default: fastifyApollo } = await import('@as-integrations/fastify');
    const { default: Fastify } = await import('fastify');
    const { neo4jGraphqlTypeDefs } = await import('./neo4j-graphql-typedefs.js');
    const neoSchema = new Neo4jGraphQL({ typeDefs: neo4jGraphqlTypeDefs, driver: db.driver });
    const apollo = new ApolloServer({ schema: await neoSchema.getSchema(), includeStacktraceInErrorResponses: false });
    await apollo.start();
    const app = Fastify({ bodyLimit: 2 * 1024 * 1024 });
    await app.register(fastifyApollo(apollo), { path: '/graphql', method: ['POST'] });
    await app.listen({ port, host: '127.0.0.1' });
    process.stdout.write(`READY http://127.0.0.1:${port}/graphql\n`);
  }
}

export async function startChild(name: ServerName, uri: string, port: number): Promise<{ child: ChildProcess; url: string }> {
  // BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the servers.
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, fileURLToPath(import.meta.url), '--serve', name, '--uri', uri, '--http-port', String(port)], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, NODE_ENV: 'production' },
  });
  const lines = createInterface({ input: child.stdout! });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${name} server exited (code ${code}) before it was ready`)));
    lines.on('line', (line) => {
      if (line.startsWith('READY ')) resolve(line.slice(6).trim());
    });
  });
  return { child, url };
}

export async function stopChild(child: ChildProcess) {
  if (child.exitCode !== null) return;
  child.kill('SIGTERM');
  await Promise.race([once(child, 'exit'), new Promise((r) => setTimeout(r, 5000))]);
  if (child.exitCode === null) child.kill('SIGKILL');
}

// ------------------------------------------------------------------ load generation

/** CPU seconds a process has used so far (Linux /proc; undefined elsewhere). */
export function cpuSeconds(pid: number | undefined): number | undefined {
  if (!pid) return undefined;
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}

export interface RunResult {
  requestsPerSec: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  requests: number;
  errors: number;
  graphqlErrors: number;
  firstError?: string;
  cpuMsPerRequest?: { server: number; neo4j: number; loadGenerator: number };
}

export function requestBodies(server: ServerName, ops: Operation[], picks: Picks, seed: number, count: number): string[] {
  const rng = mulberry32(seed);
  const sequence = ops.flatMap((op) => Array.from({ length: op.weight }, () => op));
  // A fixed interleaving of the mix (weights per 20 requests), shuffled once.
  for (let i = sequence.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [sequence[i], sequence[j]] = [sequence[j]!, sequence[i]!];
  }
  return Array.from({ length: count }, (_, i) => {
    const op = sequence[i % sequence.length]!;
    const v = op.vars(picks, rng);
    return JSON.stringify(server === 'papergraph' ? { query: op.papergraph, variables: v.papergraph } : { query: op.neo4jGraphql, variables: v.neo4jGraphql });
  });
}

/**
 * Waits until the database runs no transaction but this one, so a run does not
 * pay for queries a previous run left behind (a client that gives up does not
 * stop its query); after maxMs the leftovers are terminated.
 */
export async function drain(db: Database, log: (l: string) => void, maxMs = 15_000) {
  const started = Date.now();
  const others = async () =>
    (await rowsOf(db, 'SHOW TRANSACTIONS YIELD transactionId, currentQuery WHERE NOT currentQuery STARTS WITH "SHOW TRANSACTIONS" RETURN transactionId')).map(
      (r) => r.transactionId as string,
    );
  for (;;) {
    // Under memory pressure even SHOW TRANSACTIONS can fail: try again.
    const ids = await others().catch(() => ['?']);
    if (ids.length === 0) break;
    if (Date.now() - started > maxMs) {
      const terminated = await rowsOf(db, 'TERMINATE TRANSACTIONS $ids', { ids: ids.filter((id) => id !== '?') }).catch(() => []);
      log(`  (terminated ${terminated.length} leftover transactions after ${maxMs / 1000} s)`);
      if (Date.now() - started > 4 * maxMs) break;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  const waited = Date.now() - started;
  if (waited > 1000) log(`  (waited ${(waited / 1000).toFixed(1)} s for earlier queries to finish)`);
}

export async function drive(url: string, bodies: string[], connections: number, duration: number): Promise<RunResult> {
  let next = 0;
  let graphqlErrors = 0;
  let firstError: string | undefined;
  const result = await autocannon({
    url,
    connections,
    duration,
    // Slow answers count as latency, not as errors (autocannon's default gives up after 10 s).
    timeout: 60,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    requests: [
      {
        method: 'POST',
        setupRequest: (req: Record<string, unknown>) => ({ ...req, body: bodies[next++ % bodies.length] }),
        onResponse: (status: number, body: string) => {
          if (status === 200 && body.includes('"errors"')) {
            graphqlErrors++;
            firstError ??= body.slice(0, 300);
          } else if (status !== 200) firstError ??= `HTTP ${status}: ${body.slice(0, 300)}`;
        },
      },
    ],
  });
  return {
    requestsPerSec: result.requests.average,
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    max: result.latency.max,
    requests: result.requests.total,
    errors: result.errors + result.timeouts + result.non2xx,
    graphqlErrors,
    ...(firstError ? { firstError } : {}),
  };
}

/** Like drive, and the CPU the server, Neo4j and this process spent per request meanwhile. */
export async function driveMeasured(url: string, bodies: string[], connections: number, duration: number, pids: { server?: number; neo4j?: number }): Promise<RunResult> {
  const cpu0 = [cpuSeconds(pids.server), cpuSeconds(pids.neo4j), process.cpuUsage()] as const;
  const r = await drive(url, bodies, connections, duration);
  const cpu1 = [cpuSeconds(pids.server), cpuSeconds(pids.neo4j), process.cpuUsage(cpu0[2])] as const;
  const perRequest = (a?: number, b?: number) => (a === undefined || b === undefined ? '?' : (((b - a) * 1000) / r.requests).toFixed(2));
  r.cpuMsPerRequest = {
    server: Number(perRequest(cpu0[0], cpu1[0])),
    neo4j: Number(perRequest(cpu0[1], cpu1[1])),
    loadGenerator: Number((((cpu1[2].user + cpu1[2].system) / 1000) / r.requests).toFixed(2)),
  };
  return r;
}

/** One request of every operation, to show each works and what it returns. */
export async function smoke(url: string, server: ServerName, picks: Picks, log: (l: string) => void) {
  for (const [i, op] of OPERATIONS.entries()) {
    const v = op.vars(picks, mulberry32(99 + i));
    const body = server === 'papergraph' ? { query: op.papergraph, variables: v.papergraph } : { query: op.neo4jGraphql, variables: v.neo4jGraphql };
    const t0 = performance.now();
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const text = await res.text();
    const ms = performance.now() - t0;
    if (res.status !== 200 || text.includes('"errors"')) throw new Error(`${server} ${op.name} failed: ${res.status} ${text.slice(0, 500)}`);
    log(`    ok ${op.name}: ${ms.toFixed(0)} ms cold, ${text.length} bytes`);
  }
}

/**
 * Every co-occurrence table once, one after another, timed: what a table costs
 * when nothing is cached (papergraph keeps a table until the next commit, so
 * these runs also fill its cache before the measured runs, like any warm-up).
 */
export async function coldTables(url: string, server: ServerName, picks: Picks, log: (l: string) => void, label = 'first request each') {
  const op = OPERATIONS.find((o) => o.name.startsWith('co-occurrence'))!;
  const times: Record<string, number> = {};
  for (const c of picks.cooccurrence.filter((x) => x.minPapers === 1)) {
    const v = op.vars({ ...picks, cooccurrence: [c] }, () => 0);
    const body = server === 'papergraph' ? { query: op.papergraph, variables: v.papergraph } : { query: op.neo4jGraphql, variables: v.neo4jGraphql };
    const t0 = performance.now();
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const text = await res.text();
    times[`${c.rows} x ${c.columns}`] = Math.round(performance.now() - t0);
    if (res.status !== 200 || text.includes('"errors"')) log(`    ${c.rows} x ${c.columns} failed: ${text.slice(0, 200)}`);
  }
  log(`    co-occurrence tables, ${label} (ms): ${Object.entries(times).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  return times;
}

// ------------------------------------------------------------------ main

interface Args {
  papers: number;
  seed: number;
  reuse: boolean;
  duration: number;
  warmup: number;
  connections: number;
  rounds: number;
  perOp: number;
  keepNeo4j: boolean;
  only?: ServerName;
  neo: BenchNeo4jOptions;
  json?: string;
  /** Requests of each operation per 20, in OPERATIONS order. */
  weights: number[];
}

const USAGE = `node dist/bench/api-bench.js [--papers 100000] [--reuse] [--duration 20] [--warmup 5] [--connections 16]
    [--rounds 1] [--per-op 0] [--weights ${OPERATIONS.map((o) => o.weight).join(',')}] [--only papergraph|neo4j-graphql]
    [--port 7701] [--data /tmp/papergraph-bench] [--heap 2g] [--pagecache 1g] [--keep-neo4j] [--json FILE] [--seed 7]
Without --reuse the data folder is wiped and the graph loaded from scratch. See bench/README.md.`;

function parseOptions(argv: string[]): Args {
  const o = benchOptions(USAGE, {
    papers: { type: 'string', default: '100000' },
    seed: { type: 'string', default: '7' },
    reuse: { type: 'boolean', default: false },
    duration: { type: 'string', default: '20' },
    warmup: { type: 'string', default: '5' },
    connections: { type: 'string', default: '16' },
    rounds: { type: 'string', default: '1' },
    'per-op': { type: 'string', default: '0' },
    'keep-neo4j': { type: 'boolean', default: false },
    only: { type: 'string' },
    json: { type: 'string' },
    weights: { type: 'string', default: OPERATIONS.map((o) => o.weight).join(',') },
    ...BENCH_NEO4J_OPTIONS,
  }, argv);
  const only = o.only as ServerName | undefined;
  if (only && !SERVERS.includes(only)) throw new Error(`--only must be one of ${SERVERS.join(', ')}`);
  return {
    papers: wholeNumber('papers', o.papers, 1),
    seed: wholeNumber('seed', o.seed),
    reuse: o.reuse,
    duration: wholeNumber('duration', o.duration, 1),
    warmup: wholeNumber('warmup', o.warmup),
    connections: wholeNumber('connections', o.connections, 1),
    rounds: wholeNumber('rounds', o.rounds, 1),
    perOp: wholeNumber('per-op', o['per-op']),
    keepNeo4j: o['keep-neo4j'],
    ...(only ? { only } : {}),
    neo: benchNeo4jOptions(o),
    ...(o.json ? { json: o.json } : {}),
    weights: o.weights.split(',').map(Number),
  };
}

export const fmt = (r: RunResult) =>
  `${r.requestsPerSec.toFixed(1).padStart(8)} req/s  p50 ${String(r.p50).padStart(5)} ms  p90 ${String(r.p90).padStart(5)} ms  p99 ${String(r.p99).padStart(5)} ms  max ${String(r.max).padStart(6)} ms  ${r.requests} requests, ${r.errors} HTTP errors, ${r.graphqlErrors} GraphQL errors`;

async function main(argv: string[]) {
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const args = parseOptions(argv);
  log(`Machine: ${os.cpus().length} x ${os.cpus()[0]?.model ?? '?'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB RAM, Node ${process.version}; load average ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`);
  if (!args.reuse) {
    log(`Fresh database in ${args.neo.dataDir} (use --reuse to keep a loaded one)`);
    await stopLocalNeo4j(args.neo.dataDir);
    fs.rmSync(args.neo.dataDir, { recursive: true, force: true });
  }
  const { db, uri, started, pid: neo4jPid } = await benchDatabase(args.neo, log);
  const results: Record<string, unknown> = { machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, loadavgStart: os.loadavg() } };
  try {
    if (!args.reuse) {
      log(`Loading ${args.papers} synthetic papers (seed ${args.seed}) through writeBatch...`);
      results.load = await loadSyntheticGraph(db, { papers: args.papers, seed: args.seed, batch: 1000, log });
      log(`  ${JSON.stringify(results.load)}`);
    }
    const [counts] = await rowsOf(
      db,
      `CALL () { MATCH (p:Paper) RETURN count(p) AS papers } CALL () { MATCH (e:Entity) RETURN count(e) AS entities }
       CALL () { MATCH (:Paper)-[r]->(:Entity) RETURN count(r) AS links } RETURN papers, entities, links`,
    );
    log(`Graph: ${JSON.stringify(counts)}`);
    results.graph = counts;
    const picks = await drawPicks(db, args.seed);
    log(`Picked ${picks.paperIds.length} paper ids, ${new Set(picks.entities.map((e) => e.id)).size} entities, ${new Set(picks.datasets.map((d) => d.id)).size} datasets, ${new Set(picks.searchTerms).size} search terms, ${picks.cooccurrence.length} co-occurrence tables`);
    if (args.weights.length !== OPERATIONS.length || args.weights.some((w) => !Number.isInteger(w) || w < 0)) {
      throw new Error(`--weights needs ${OPERATIONS.length} whole numbers (${OPERATIONS.map((o) => o.name).join('; ')})`);
    }
    const mixOps = OPERATIONS.map((o, i) => ({ ...o, weight: args.weights[i]! })).filter((o) => o.weight > 0);
    log(`Mix: ${mixOps.map((o) => `${o.weight} ${o.name}`).join('; ')} (of every ${mixOps.reduce((a, o) => a + o.weight, 0)} requests)`);

    const servers = args.only ? [args.only] : SERVERS;
    const mix: Record<ServerName, RunResult[]> = { papergraph: [], 'neo4j-graphql': [] };
    const perOp: Record<string, Record<string, RunResult>> = {};
    const cold: Partial<Record<ServerName, Record<string, number>>> = {};
    for (let round = 0; round < args.rounds; round++) {
      for (const name of round % 2 === 0 ? servers : [...servers].reverse()) {
        const port = name === 'papergraph' ? 4701 : 4702;
        log(`\n[${name}] starting (round ${round + 1}/${args.rounds})...`);
        const { child, url } = await startChild(name, uri, port);
        try {
          await smoke(url, name, picks, log);
          // Every round: each server process starts with nothing cached.
          const tables = await coldTables(url, name, picks, log);
          if (round === 0) cold[name] = tables;
          const bodies = requestBodies(name, mixOps, picks, args.seed + round, 20_000);
          if (args.warmup > 0) {
            const w = await drive(url, bodies.slice(-5000), args.connections, args.warmup);
            log(`  warm-up ${args.warmup} s: ${fmt(w)}`);
            await drain(db, log);
          }
          const r = await driveMeasured(url, bodies, args.connections, args.duration, { server: child.pid, neo4j: neo4jPid });
          log(`  CPU per request: server ${r.cpuMsPerRequest!.server} ms, Neo4j ${r.cpuMsPerRequest!.neo4j} ms, load generator ${r.cpuMsPerRequest!.loadGenerator} ms`);
          await drain(db, log);
          log(`  mix ${args.duration} s, ${args.connections} connections: ${fmt(r)} (load average ${os.loadavg()[0]!.toFixed(2)})`);
          if (r.firstError) log(`  first error: ${r.firstError}`);
          mix[name].push(r);
          if (args.perOp > 0 && round === 0) {
            for (const op of OPERATIONS) {
              const only = requestBodies(name, [{ ...op, weight: 1 }], picks, args.seed + 1000, 5000);
              const o = await drive(url, only, args.connections, args.perOp);
              await drain(db, log);
              log(`  ${op.name.padEnd(50)} ${fmt(o)}`);
              (perOp[op.name] ??= {})[name] = o;
            }
          }
        } finally {
          await stopChild(child);
        }
      }
    }
    const median = (rs: RunResult[]) => [...rs].sort((a, b) => a.requestsPerSec - b.requestsPerSec)[Math.floor(rs.length / 2)];
    const pg = median(mix.papergraph);
    const ng = median(mix['neo4j-graphql']);
    log('\n=== Result (median round) ===');
    if (pg) log(`papergraph     ${fmt(pg)}`);
    if (ng) log(`@neo4j/graphql ${fmt(ng)}`);
    if (pg && ng) {
      log(`throughput ratio papergraph / @neo4j/graphql: ${(pg.requestsPerSec / ng.requestsPerSec).toFixed(2)}x`);
      log(`target: >= 1.5x and papergraph p99 < 50 ms -> ${pg.requestsPerSec / ng.requestsPerSec >= 1.5 && pg.p99 < 50 ? 'met' : 'NOT met'}`);
    }
    Object.assign(results, { mix, perOp, coldCooccurrenceMs: cold, args, loadavgEnd: os.loadavg() });
    if (args.json) fs.writeFileSync(args.json, JSON.stringify(results, null, 2));
  } finally {
    await db.close();
    if (started && !args.keepNeo4j) log(await stopLocalNeo4j(args.neo.dataDir));
    else log(`Neo4j left running (stop: node dist/src/cli.js neo4j stop --port ${args.neo.port} --data ${args.neo.dataDir})`);
  }
}

if (isMain(import.meta.url)) {
  const argv = process.argv.slice(2);
  // The server child processes this script starts run it again with --serve; a server runs until stopped.
  if (argv[0] === '--serve') runMain(() => serve(argv[1] as ServerName, argv[argv.indexOf('--uri') + 1]!, Number(argv[argv.indexOf('--http-port') + 1])));
  else runMain(main, { exitWhenDone: true });
}
