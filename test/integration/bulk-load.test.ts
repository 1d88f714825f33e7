// The bulk first load (papergraph bulk-load) gives the graph the transactional
// ingest gives: one corpus (the sample papers, several sources of the same
// papers, and bad records) loaded both ways, the bulk way into a local Neo4j of
// its own through neo4j-admin database import, then every node and relationship
// with every property and its type compared, and the API asked the same
// questions of both. It refuses a database that holds anything, and a failed
// import leaves the database as it was.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../src/db/database.js';
import { bulkLoadLocal, NotEmptyError, type LocalBulkLoadResult } from '../../src/ingest/bulk-load.js';
import { ingest, type IngestSummary } from '../../src/ingest/pipeline.js';
import { readSource } from '../../src/ingest/readers.js';
import type { RejectedRecord, SourceRecord } from '../../src/ingest/records.js';
import { importIntoLocalNeo4j } from '../../src/local-neo4j/bulk-import.js';
import { startLocalNeo4j, stopLocalNeo4j } from '../../src/local-neo4j/manager.js';
import { projectPath } from '../../src/paths.js';
import { defaultExtractor } from '../../src/runtime.js';
import { startTestServer } from '../helpers/api.js';
import { freshDatabase, query } from '../helpers/db.js';
import { freePort } from '../helpers/free-port.js';

const fixture = (name: string) => new URL(`../fixtures/ingest/${name}`, import.meta.url).pathname;
// The sample papers; then other sources' records of papers met earlier (merged), some in later batches; bad records.
const CORPUS = [
  projectPath('data', 'hf-papers.txt'),
  ...['openalex-works.jsonl', 'zotero-library.bib', 'zotero-library.json', 's2-batch.json', 'oai-dc.xml', 'mixed.jsonl'].map(fixture),
];
// Small batches: records of one paper land in different batches, as in a large load.
const BATCH = 5;

async function* readAll(): AsyncGenerator<SourceRecord> {
  for (const f of CORPUS) yield* readSource(f);
}

/**
 * Every node (but the migrations' :Backfill records) with its labels, and every
 * relationship with its ends, each with all properties and their Cypher types,
 * sorted: equal graphs give equal dumps. Left out: when a paper was ingested, and
 * a co-occurrence pair's key (it packs internal node ids, which depend on the order nodes were made in).
 */
async function canonicalDump(db: Database) {
  const props = (v: string, skip: string) => `[k IN keys(${v}) WHERE k <> '${skip}' | [k, ${v}[k], valueType(${v}[k])]]`;
  const name = (v: string) => `labels(${v})[0] + ' ' + coalesce(${v}.id, ${v}.uid, ${v}.key)`;
  const nodes = await query(db, `MATCH (n) WHERE NOT n:Backfill RETURN ${name('n')} AS name, labels(n) AS labels, ${props('n', 'ingestedAt')} AS props`);
  const rels = await query(db, `MATCH (a)-[r]->(b) RETURN ${name('a')} AS a, type(r) AS type, ${name('b')} AS b, ${props('r', 'key')} AS props`);
  const canon = (rows: Record<string, unknown>[]) =>
    rows
      .map((r) => JSON.stringify({ ...r, labels: Array.isArray(r.labels) ? [...(r.labels as string[])].sort() : undefined, props: (r.props as [string, unknown, string][]).sort(([x], [y]) => (x < y ? -1 : 1)) }))
      .sort();
  return { nodes: canon(nodes), rels: canon(rels) };
}
const QUESTIONS = [
  `{ papers(first: 30, orderBy: TITLE_ASC) { totalCount edges { node { id title published authors arxivId entities { role confidence entity { id name type } evidence { text sentence field start end } } } } } }`,
  `{ entities(first: 30, orderBy: PAPERS_DESC) { totalCount edges { node { id name type aliases paperCount cooccurring(first: 5) { entity { id } papers } } } } }`,
  `{ cooccurrence(rows: METHOD, columns: TASK, first: 30) { row { id } column { id } papers } }`,
  `{ search(query: "language model", first: 10) { paper { id } entity { id } } }`,
  `{ stats { papers entities relationships byType { type count } } }`,
];

describe('bulk-load', () => {
  let dataDir: string;
  let port: number;
  let bulkDb: Database;
  let txDb: Database;
  let bulk: LocalBulkLoadResult;
  let tx: IngestSummary;
  const bulkRejected: RejectedRecord[] = [];
  const local = () => ({ dataDir, port, heap: '512m', pageCache: '64m' });
  const open = (uri: string) => new Database({ uri, user: 'neo4j', password: 'unused', database: 'neo4j' });

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'papergraph-bulk-neo4j-'));
    port = await freePort();
    // Running before the load: the load stops it, imports, and leaves it running again.
    const { uri } = await startLocalNeo4j(local());
    bulk = await bulkLoadLocal(readAll(), { extractor: defaultExtractor(), batchSize: BATCH, local: local(), open, onReject: (r) => bulkRejected.push(r) });
    bulkDb = open(uri);
    txDb = await freshDatabase();
    tx = await ingest(readAll(), { db: txDb, extractor: defaultExtractor(), batchSize: BATCH });
  }, 600_000);

  afterAll(async () => {
    await bulkDb?.close();
    await txDb?.close();
    if (dataDir) {
      await stopLocalNeo4j(dataDir);
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('gives the graph the transactional ingest gives: every node, relationship, property and type', async () => {
    expect(bulk.summary.read).toBe(tx.read);
    expect(bulk.deferred?.read, 'records of papers an earlier batch wrote were kept aside and merged after the import').toBeGreaterThan(0);
    const [expected, actual] = [await canonicalDump(txDb), await canonicalDump(bulkDb)];
    expect(actual.nodes.length).toBeGreaterThan(500);
    expect(actual.rels.some((r) => r.includes('"CO_OCCURS"')), 'co-occurrence pairs built').toBe(true);
    expect(actual.nodes).toEqual(expected.nodes);
    expect(actual.rels).toEqual(expected.rels);
  });

  it('answers the API the same', async () => {
    const servers = [await startTestServer(txDb), await startTestServer(bulkDb)];
    try {
      for (const q of QUESTIONS) {
        const [a, b] = await Promise.all(servers.map((s) => s.gql(q)));
        expect(a!.errors, q).toBeUndefined();
        expect(b!.data, q).toEqual(a!.data);
      }
    } finally {
      for (const s of servers) await s.stop();
    }
  });

  it('reports bad records with the record and the reason, as ingest does, and loads the good ones', async () => {
    expect(bulk.summary.rejected).toBeGreaterThan(0);
    expect(bulkRejected.map((r) => `${r.location} ${r.reason}`)).toEqual(tx.rejections.map((r) => `${r.location} ${r.reason}`));
    expect(bulkRejected.find((r) => r.location.endsWith('mixed.jsonl:2'))?.reason).toMatch(/JSON/i);
    const [good] = await query(bulkDb, "MATCH (p:Paper {id: '2401.00011'}) RETURN p.title AS title");
    expect(good?.title).toBe('Sparse Mixture Routing for Tabular Models');
  });

  it('refuses a database that holds papers, naming it and what to do, and changes nothing', async () => {
    const before = await canonicalDump(bulkDb);
    const err = await bulkLoadLocal(readAll(), { extractor: defaultExtractor(), batchSize: BATCH, local: local(), open }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NotEmptyError);
    expect((err as Error).message).toMatch(/database "neo4j" is not empty \(\d+ papers\).*papergraph ingest/);
    expect(await canonicalDump(bulkDb)).toEqual(before);
  });

  it('leaves the database as it was when the import fails', async () => {
    const before = await canonicalDump(bulkDb);
    await stopLocalNeo4j(dataDir);
    const bad = path.join(dataDir, 'bad.csv');
    fs.writeFileSync(bad, 'id:ID(Paper),title\n"p1","a"\n"p1","the same id twice"\n');
    const err = await importIntoLocalNeo4j(dataDir, 'neo4j', ['database', 'import', 'full', `--nodes=Paper=${bad}`, 'neo4j'], path.join(dataDir, 'bad-import.log')).catch((e: unknown) => e);
    expect((err as Error).message).toMatch(/import failed .*the database is as it was before/s);
    const { uri } = await startLocalNeo4j(local());
    await bulkDb.close();
    bulkDb = open(uri);
    expect(await canonicalDump(bulkDb)).toEqual(before);
  });
});
