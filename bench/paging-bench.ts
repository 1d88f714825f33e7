// Forward and backward keyset pages cost the same wherever they start: the
// statement latency of a 20-item page at the start, from a cursor in the middle
// and at the end of each connection's list, both ways, on a synthetic graph.
//
//   npx tsc -p tsconfig.json && node dist/bench/paging-bench.js [--papers 20000] [--reuse] [--runs 30]
//       [--port 7702] [--data /tmp/papergraph-paging-bench]
//
// Without --reuse the data folder is wiped and the graph loaded (bench/synthetic-graph.ts).
import fs from 'node:fs';
import type { Database } from '../src/db/database.js';
import { graphReads, type Keyset, type PaperFilterParams } from '../src/db/graph-reads.js';
import { stopLocalNeo4j } from '../src/local-neo4j/manager.js';
import { percentile } from './load.js';
import { benchOptions, wholeNumber, runIfMain } from './options.js';
import { benchDatabase, BENCH_NEO4J_OPTIONS, benchNeo4jOptions, loadSyntheticGraph } from './synthetic-graph.js';

const PAGE = 20;
const NO_FILTER: PaperFilterParams = { allIds: [], anyIds: [], role: null, text: null, from: null, to: null };

/** One list: reads `limit` rows after (or, backward, before) a keyset, returning each row's [sortKey, id]. */
type Reader = (keyset: Keyset, limit: number, backward: boolean) => Promise<[string | number, string][]>;

function readers(db: Database, entityId: string): Record<string, Reader> {
  const reads = graphReads(db);
  const keys = (rows: { sortKey: unknown; id: string }[]) => rows.map((r) => [r.sortKey as string | number, r.id] as [string | number, string]);
  const paperKeys = (rows: Record<string, unknown>[]) => keys(rows.map((r) => ({ sortKey: r.sortKey, id: (r.paper as { id: string }).id })));
  return {
    'papers, newest first': async (k, n, b) => paperKeys(await reads.papersPage('PUBLISHED_DESC', NO_FILTER, k, n, b)),
    'papers by title': async (k, n, b) => paperKeys(await reads.papersPage('TITLE_ASC', NO_FILTER, k, n, b)),
    'entities, most papers first': async (k, n, b) =>
      keys((await reads.entitiesPage('PAPERS_DESC', { type: null, query: null }, k, n, b)).map((r) => ({ sortKey: r.sortKey, id: (r.entity as { id: string }).id }))),
    [`Entity.papers of ${entityId}`]: async (k, n, b) => {
      const page = (await reads.entityPapers([entityId], null, k, n, b)).get(entityId);
      return keys((page?.rows ?? []).map((r) => ({ sortKey: r.sortKey, id: (r.paper as { id: string }).id })));
    },
  };
}

/** The keyset about halfway down the list, reached by pages of 100. */
async function middle(read: Reader, length: number): Promise<Keyset> {
  let keyset: Keyset = null;
  for (let seen = 0; seen < length / 2; seen += 100) {
    const rows = await read(keyset, 100, false);
    if (rows.length === 0) break;
    keyset = rows.at(-1)!;
  }
  return keyset;
}

async function median(runs: number, f: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await f();
    times.push(performance.now() - t0);
  }
  return percentile(times, 50);
}

async function main(argv: string[]) {
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const o = benchOptions('node dist/bench/paging-bench.js [--papers 20000] [--reuse] [--runs 30] [--port 7702] [--data DIR]', {
    papers: { type: 'string', default: '20000' },
    runs: { type: 'string', default: '30' },
    reuse: { type: 'boolean', default: false },
    ...BENCH_NEO4J_OPTIONS,
    port: { type: 'string', default: '7702' },
    data: { type: 'string', default: '/tmp/papergraph-paging-bench' },
  }, argv);
  const neo = benchNeo4jOptions(o);
  const runs = wholeNumber('runs', o.runs, 1);
  if (!o.reuse) {
    await stopLocalNeo4j(neo.dataDir);
    fs.rmSync(neo.dataDir, { recursive: true, force: true });
  }
  const { db } = await benchDatabase(neo, log);
  try {
    if (!o.reuse) log(JSON.stringify(await loadSyntheticGraph(db, { papers: wholeNumber('papers', o.papers, 1), seed: 7, batch: 1000, log })));
    const [top] = await db.read('read/entities-page-papers-desc', { type: null, query: null, after: null, limit: 1 });
    const entity = top!.entity as { id: string; paperCount: number };
    const [{ total }] = (await db.read('read/papers-count-all')) as [{ total: number }];
    const lengths: Record<string, number> = {};
    const lists = readers(db, entity.id);
    console.log(`| list (length) | first page | forward from the middle | last page (last: ${PAGE}) | backward from the middle |`);
    console.log('| --- | --- | --- | --- | --- |');
    for (const [name, read] of Object.entries(lists)) {
      lengths[name] = name.startsWith('papers') ? total : name.startsWith('Entity') ? entity.paperCount : (await graphReads(db).entitiesCount({ type: null, query: null }));
      const mid = await middle(read, lengths[name]!);
      // Both directions from the same cursor meet: the row before it backward, the row at it forward.
      const [back, fwd] = await Promise.all([read(mid, PAGE + 1, true), read(mid, PAGE + 1, false)]);
      if (back.length === 0 || fwd.length === 0) throw new Error(`${name}: a page from the middle is empty`);
      const ms = [
        await median(runs, () => read(null, PAGE + 1, false)),
        await median(runs, () => read(mid, PAGE + 1, false)),
        await median(runs, () => read(null, PAGE + 1, true)),
        await median(runs, () => read(mid, PAGE + 1, true)),
      ];
      console.log(`| ${name} (${lengths[name]}) | ${ms.map((m) => `${m.toFixed(2)} ms`).join(' | ')} |`);
    }
  } finally {
    await db.close();
  }
}

runIfMain(import.meta.url, main);
