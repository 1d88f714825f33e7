// Latency of the questions over time (Entity.timeline, trending, newEntities)
// on a loaded graph, through the real GraphQL server over HTTP, one client at a
// time, so each number is one answer's latency rather than queueing.
//
//   npx tsc -p tsconfig.json
//   node dist/bench/ingest-bench.js --n 100000 --port 7714 --data /tmp/pg-time --keep   # the graph, by the real ingest path
//   node dist/bench/time-bench.js --uri bolt://127.0.0.1:7714 [--per-op 200] [--warmup 30]
//
// Entities are picked from the graph: per type the busiest (hubs: the worst
// case for a timeline), one of median paper count and a rare one; each request
// of an operation takes the next entity or type in turn. Prints p50/p95/p99/max
// per operation.
import { Database } from '../src/db/database.js';
import { loadConfig } from '../src/config.js';
import { startServer } from '../src/graphql/server.js';
import { defaultExtractor } from '../src/runtime.js';
import { benchOptions, runMain, wholeNumber } from './options.js';

const args = benchOptions('node dist/bench/time-bench.js --uri bolt://127.0.0.1:7714 [--per-op 200] [--warmup 30]', {
  uri: { type: 'string', default: 'bolt://127.0.0.1:7714' },
  'per-op': { type: 'string', default: '200' },
  warmup: { type: 'string', default: '30' },
  port: { type: 'string', default: '4714' },
});
const perOp = wholeNumber('per-op', args['per-op'], 1);
const warmup = wholeNumber('warmup', args.warmup, 0);
const TYPES = ['MODEL', 'DATASET', 'METHOD', 'TASK', 'METRIC'];

interface Op {
  name: string;
  query: string;
  variables: (i: number) => Record<string, unknown>;
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

async function main() {
  const db = new Database({ uri: args.uri, user: 'neo4j', password: 'papergraph', database: 'neo4j' });
  const run = async (cypher: string, params = {}) => (await db.driver.executeQuery(cypher, params, { database: 'neo4j' })).records.map((r) => r.toObject());
  const [size] = await run('CALL () { MATCH (p:Paper) RETURN count(p) AS papers } CALL () { MATCH (e:Entity) RETURN count(e) AS entities } RETURN papers, entities');
  const [dates] = await run('MATCH (p:Paper) WHERE p.published IS NOT NULL RETURN toString(min(p.published)) AS first, toString(max(p.published)) AS last, count(p) AS dated');
  // Per type: the busiest entities, one of median paper count, one rare (2 papers).
  const picked = await run(
    `UNWIND $types AS t
     CALL (t) { MATCH (e:Entity {type: toLower(t)}) RETURN e ORDER BY e.paperCount DESC LIMIT 3 }
     RETURN t AS type, e.name AS name, e.paperCount AS papers
     UNION ALL
     UNWIND $types AS t
     CALL (t) { MATCH (e:Entity {type: toLower(t)}) WHERE e.paperCount >= 2 WITH e ORDER BY e.paperCount SKIP 50 LIMIT 1 RETURN e }
     RETURN t AS type, e.name AS name, e.paperCount AS papers`,
    { types: TYPES },
  );
  const hubs = picked.filter((p, i) => i < picked.length - TYPES.length);
  const entities = picked.map((p) => ({ type: p.type as string, name: p.name as string, papers: Number(p.papers) }));
  console.log(`graph: ${Number(size!.papers)} papers, ${Number(size!.entities)} entities; dated papers ${Number(dates!.dated)} from ${dates!.first} to ${dates!.last}`);
  console.log(`entities timed: ${entities.map((e) => `${e.type.toLowerCase()} "${e.name}" (${e.papers})`).join(', ')}`);
  console.log(`busiest entity: ${Math.max(...hubs.map((h) => Number(h.papers)))} papers`);

  const lastYear = Number(String(dates!.last).slice(0, 4));
  const year = (y: number) => `${y}-01-01`;
  const ops: Op[] = [
    {
      name: 'Entity.timeline by YEAR (all years)',
      query: 'query($type: EntityType, $name: String!) { entity(type: $type, name: $name) { timeline(by: YEAR) { period papers byRole { role papers } } } }',
      variables: (i) => entities[i % entities.length]!,
    },
    {
      name: 'Entity.timeline by MONTH (last 2 years)',
      query: 'query($type: EntityType, $name: String!, $from: Date) { entity(type: $type, name: $name) { timeline(by: MONTH, from: $from) { period papers byRole { role papers } } } }',
      variables: (i) => ({ ...entities[i % entities.length]!, from: year(lastYear - 1) }),
    },
    {
      name: 'trending ABSOLUTE, 1 year vs the year before, first 20',
      query: 'query($type: EntityType!, $from: Date!, $to: Date!) { trending(type: $type, from: $from, to: $to, first: 20) { entity { id name } papers baselinePapers growth growthRate } }',
      variables: (i) => ({ type: TYPES[i % TYPES.length], from: year(lastYear - (i % 3)), to: year(lastYear - (i % 3) + 1) }),
    },
    {
      name: 'trending RELATIVE, 1 year vs the year before, first 20',
      query: 'query($type: EntityType!, $from: Date!, $to: Date!) { trending(type: $type, from: $from, to: $to, first: 20, orderBy: RELATIVE) { entity { id name } papers baselinePapers growth growthRate } }',
      variables: (i) => ({ type: TYPES[i % TYPES.length], from: year(lastYear - (i % 3)), to: year(lastYear - (i % 3) + 1) }),
    },
    {
      name: 'newEntities of a type in 1 year, first 20 + totalCount',
      query: 'query($type: EntityType, $from: Date!, $to: Date!) { newEntities(type: $type, from: $from, to: $to, first: 20) { totalCount edges { firstSeen node { id name } } } }',
      variables: (i) => ({ type: TYPES[i % TYPES.length], from: year(lastYear - (i % 3)), to: year(lastYear - (i % 3) + 1) }),
    },
  ];

  const config = loadConfig({ ...process.env, NODE_ENV: 'production', NEO4J_URI: args.uri, PORT: args.port, HOST: '127.0.0.1' });
  const server = await startServer({ db, extractor: defaultExtractor(), config }, Number(args.port), '127.0.0.1');
  try {
    console.log(`\n${perOp} requests per operation after ${warmup} warm-up ones, one client, over HTTP:`);
    console.log('| operation | p50 ms | p95 ms | p99 ms | max ms |\n| --- | --- | --- | --- | --- |');
    for (const op of ops) {
      const times: number[] = [];
      for (let i = 0; i < warmup + perOp; i++) {
        const t0 = performance.now();
        const res = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: op.query, variables: op.variables(i) }) });
        const body = (await res.json()) as { errors?: unknown[] };
        const ms = performance.now() - t0;
        if (body.errors) throw new Error(`${op.name}: ${JSON.stringify(body.errors).slice(0, 400)}`);
        if (i >= warmup) times.push(ms);
      }
      times.sort((a, b) => a - b);
      console.log(`| ${op.name} | ${pct(times, 50).toFixed(1)} | ${pct(times, 95).toFixed(1)} | ${pct(times, 99).toFixed(1)} | ${times.at(-1)!.toFixed(1)} |`);
    }
  } finally {
    await server.stop();
    await db.close();
  }
}

runMain(main);
