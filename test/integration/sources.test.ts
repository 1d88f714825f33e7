// The readers of other people's collections (OpenAlex, Semantic Scholar, BibTeX,
// CSL-JSON, OAI-PMH harvests) end in one graph: one paper from several sources
// is one node with the richer metadata, and a second ingest changes nothing.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { harvest } from '../../src/ingest/harvest.js';
import { ingest } from '../../src/ingest/pipeline.js';
import { readSource } from '../../src/ingest/readers.js';
import { readS2Datasets } from '../../src/ingest/s2-datasets.js';
import type { SourceRecord } from '../../src/ingest/records.js';
import { defaultExtractor } from '../../src/runtime.js';
import { useFreshDatabase, query, snapshot, wipe } from '../helpers/db.js';

const fixture = (name: string) => new URL(`../fixtures/ingest/${name}`, import.meta.url).pathname;
const SOURCES = ['openalex-works.jsonl', 'zotero-library.bib', 'zotero-library.json', 's2-batch.json', 'oai-dc.xml'].map(fixture);

const db = useFreshDatabase();
beforeEach(async () => {
  await wipe(db);
});

async function* readAll(files: string[]): AsyncGenerator<SourceRecord> {
  for (const f of files) yield* readSource(f);
}
const run = (records: AsyncIterable<SourceRecord>, batchSize = 500) => ingest(records, { db, extractor: defaultExtractor(), batchSize });

const paperByArxiv = async (arxivId: string) =>
  query(db, 'MATCH (p:Paper {arxivId: $arxivId}) RETURN p.id AS id, p.title AS title, p.authors AS authors, toString(p.published) AS published, p.datePrecision AS precision, p.doi AS doi, p.venue AS venue, p.externalIds AS externalIds, p.abstract AS abstract', { arxivId });

describe('one paper from several sources', () => {
  it('is one node with the richer metadata, file by file, and a second ingest changes nothing', async () => {
    for (const f of SOURCES) await run(readSource(f));
    const lora = await paperByArxiv('2106.09685');
    expect(lora).toHaveLength(1);
    // OpenAlex came first: its id stays; the BibTeX entry's longer author list and OpenAlex's exact date win.
    expect(lora[0]).toMatchObject({ id: 'openalex:W3168867926', published: '2021-06-17', precision: null, doi: '10.48550/arxiv.2106.09685' });
    expect(lora[0]!.authors).toEqual(['Edward J. Hu', 'Yelong Shen', 'Phillip Wallis']);
    expect(lora[0]!.externalIds).toEqual(['openalex:W3168867926']);

    // ResNet: OpenAlex knows its arXiv copy and DOI; BibTeX and Zotero know the DOI only.
    const resnet = await query(db, "MATCH (p:Paper) WHERE p.title STARTS WITH 'Deep Residual' RETURN p.id AS id, p.authors AS authors, p.venue AS venue");
    expect(resnet).toHaveLength(1);
    expect(resnet[0]!.authors).toHaveLength(4);
    expect(resnet[0]!.venue).toBe('2016 IEEE Conference on Computer Vision and Pattern Recognition (CVPR)');

    // Semantic Scholar's and OAI Dublin Core's "Attention Is All You Need" (arXiv 1706.03762): one node, both ids kept.
    const attention = await paperByArxiv('1706.03762');
    expect(attention).toHaveLength(1);
    expect(attention[0]!.externalIds).toEqual(['s2:204e3073870fae3d05bcbc2f6a8e263d9b72e776', 'corpus:13756489']);
    expect(attention[0]!.venue).toBe('Neural Information Processing Systems');

    const before = await snapshot(db);
    for (const f of SOURCES) {
      const again = await run(readSource(f));
      expect(again.ingested + again.updated, `${f} changed the graph on a second ingest`).toBe(0);
    }
    expect(await snapshot(db)).toEqual(before);
  });

  it('ends in the same graph when all sources come in one run, in small batches', async () => {
    for (const f of SOURCES) await run(readSource(f));
    const fileByFile = await snapshot(db);
    // One batch: records of one paper are folded together before the database sees them.
    const dump = () => query(db, 'MATCH (p:Paper) RETURN p {.*, ingestedAt: null} AS p ORDER BY p.id');
    const d1 = await dump();
    await wipe(db);
    const s = await run(readAll(SOURCES));
    expect(await dump()).toEqual(d1);
    expect(s.merged).toBeGreaterThan(0);
    expect(await snapshot(db)).toEqual(fileByFile);
    await wipe(db);
    // Batches of 2: records of one paper land in later batches, some still being written.
    await run(readAll(SOURCES), 2);
    expect(await snapshot(db)).toEqual(fileByFile);
    const [{ papers }] = (await query(db, 'MATCH (p:Paper) RETURN count(p) AS papers')) as [{ papers: number }];
    expect(papers).toBe(5);
    expect(await paperByArxiv('2106.09685')).toHaveLength(1);
  });

  it('accounts for every record of a Zotero library: stored, merged or rejected with entry and reason', async () => {
    const bib = await run(readSource(fixture('zotero-library.bib')));
    expect(bib).toMatchObject({ read: 5, ingested: 3, rejected: 2 });
    expect(bib.rejections.map((r) => r.location)).toEqual(['zotero-library.bib:31', 'zotero-library.bib:38']);
    expect(bib.rejections[0]!.reason).toMatch(/@book\{goodfellow2016deep\}: abstract is missing/);
    const csl = await run(readSource(fixture('zotero-library.json')));
    expect(csl).toMatchObject({ read: 4, ingested: 0, rejected: 2 });
    expect(csl.ingested + csl.updated + csl.unchanged + csl.merged + csl.rejected).toBe(csl.read);
  });

  it("stores Semantic Scholar's joined bulk datasets, merging a paper OpenAlex already gave; a rerun changes nothing", async () => {
    const s2 = { papers: [fixture('s2-datasets/papers')], abstracts: [fixture('s2-datasets/abstracts')], partitionBytes: 300 };
    await run(readSource(fixture('openalex-works.jsonl')));
    const first = await run(readS2Datasets(s2), 2);
    // 4 joined papers; 5 broken paper rows and 4 broken abstract rows rejected; 1 abstract without a paper left out.
    expect(first).toMatchObject({ ingested: 3, merged: 0, updated: 1, rejected: 9, skipped: 1 });
    const resnet = await query(db, "MATCH (p:Paper) WHERE p.title STARTS WITH 'Deep Residual' RETURN p.id AS id, p.externalIds AS ids, toString(p.published) AS published");
    expect(resnet).toEqual([{ id: 'openalex:W2194775991', ids: ['openalex:W2194775991', 'corpus:206594692'], published: expect.any(String) }]);
    expect(await query(db, "MATCH (p:Paper {id: 'corpus:13756489'}) RETURN p.arxivId AS arxiv, p.venue AS venue")).toEqual([{ arxiv: '1706.03762', venue: 'Neural Information Processing Systems' }]);
    const again = await run(readS2Datasets(s2));
    expect(again).toMatchObject({ ingested: 0, updated: 0, unchanged: 4 });
  });
});

describe('harvest', () => {
  let server: http.Server;
  let base: string;
  const requests: string[] = [];
  let busyOnce = true;

  beforeAll(async () => {
    // Recorded ListRecords pages; the first resumption request is answered 503 Retry-After once, as arXiv does.
    server = http.createServer((req, res) => {
      const url = new URL(req.url!, 'http://localhost');
      requests.push(url.search);
      const token = url.searchParams.get('resumptionToken');
      if (url.searchParams.get('verb') !== 'ListRecords') return res.writeHead(400).end();
      if (token === '6960524|1001' && busyOnce) {
        busyOnce = false;
        return res.writeHead(503, { 'retry-after': '0' }).end('busy');
      }
      const page = token === null ? 'oai-arxiv-page1.xml' : token === '6960524|1001' ? 'oai-arxiv-page2.xml' : 'oai-error.xml';
      res.writeHead(200, { 'content-type': 'text/xml' }).end(fs.readFileSync(fixture(page)));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/oai`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('follows resumption tokens to the last page, waits out a 503, and stores the good records', async () => {
    const s = await run(harvest({ baseUrl: base, metadataPrefix: 'arXiv', from: '2023-05-01' }));
    expect(requests).toEqual([
      '?verb=ListRecords&metadataPrefix=arXiv&from=2023-05-01',
      '?verb=ListRecords&resumptionToken=6960524%7C1001',
      '?verb=ListRecords&resumptionToken=6960524%7C1001',
    ]);
    expect(s).toMatchObject({ read: 4, ingested: 2, rejected: 2 });
    expect(s.rejections.map((r) => r.reason)).toEqual([
      expect.stringMatching(/oai:arXiv.org:2305.00001.*deleted at the source/),
      expect.stringMatching(/oai:arXiv.org:2305.04444.*abstract is missing/),
    ]);
    const stored = await query(db, 'MATCH (p:Paper) RETURN p.id AS id, p.source AS source ORDER BY id');
    expect(stored).toEqual([
      { id: '2305.03047', source: base },
      { id: '2305.05555', source: base },
    ]);
  });

  it('reports an error answer with the token to resume from', async () => {
    const records: SourceRecord[] = [];
    for await (const r of harvest({ baseUrl: base, resumptionToken: 'expired' })) records.push(r);
    expect(records).toHaveLength(1);
    expect(records[0]!.error).toMatch(/badResumptionToken/);
  });
});
