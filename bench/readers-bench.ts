// Reader throughput: the same seeded synthetic papers written in every source
// format, then read back through readSource (bytes -> records, validation
// included; no extraction, no database), printing papers/s per reader. The
// ingest pipeline extracts and writes at a few hundred papers/s, so a reader
// far above that is not what limits an ingest. With --extract, each file then
// goes through the ingest pipeline as `papergraph bulk-load` runs it (worker
// thread extraction, batches, the import files): the papers/s of an ingest from
// that source up to the database, whose import and migrations are the same
// whatever the source.
//
//   npm run build && node dist/bench/readers-bench.js --n 100000 [--extract]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { generateCorpus, type CorpusPaper } from './generate-corpus.js';
import { benchOptions, runMain, wholeNumber } from './options.js';
import { readSource, type SourceFormat } from '../src/ingest/readers.js';
import { readS2Datasets } from '../src/ingest/s2-datasets.js';
import type { SourceRecord } from '../src/ingest/records.js';
import { workerPoolExtractor } from '../src/ingest/batch-extractor.js';
import { writeImportFiles } from '../src/ingest/bulk-load.js';

const USAGE = `node dist/bench/readers-bench.js [--n 100000] [--seed 7] [--only name,name] [--extract [--threads N] [--batch 1000]]

Writes --n synthetic papers in each format to a temp folder and reads each file
back, printing papers/s per reader; with --extract also through extraction to
the bulk load's import files (papers/s end to end but for the import). Formats: jsonl, arxiv-atom, oai-pmh, openalex,
s2, s2-bulk (the papers + abstracts datasets, joined on disk), csl-json, bibtex.`;

// As BibTeX exporters write text: the characters TeX treats specially, escaped.
const tex = (s: string) => s.replace(/([%&#_$])/g, '\\$1');
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const invert = (text: string) => {
  const index: Record<string, number[]> = {};
  text.split(' ').forEach((w, i) => (index[w] ??= []).push(i));
  return index;
};

interface Writer {
  file: string;
  format?: SourceFormat;
  head?: string;
  item: (p: CorpusPaper, i: number) => string;
  sep?: string;
  tail?: string;
}

const WRITERS: Record<string, Writer> = {
  jsonl: { file: 'papers.jsonl', item: (p) => `${JSON.stringify(p)}\n` },
  'arxiv-atom': {
    file: 'feed.xml',
    head: '<?xml version="1.0" encoding="UTF-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">\n',
    item: (p) =>
      `<entry><id>http://arxiv.org/abs/${p.id}v1</id><published>${p.published}T00:00:00Z</published><title>${esc(p.title)}</title>` +
      `<summary>${esc(p.abstract)}</summary>${p.authors.map((a) => `<author><name>${esc(a)}</name></author>`).join('')}</entry>\n`,
    tail: '</feed>\n',
  },
  'oai-pmh': {
    file: 'listrecords.xml',
    head: '<?xml version="1.0" encoding="UTF-8"?>\n<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/"><ListRecords>\n',
    item: (p) =>
      `<record><header><identifier>oai:arXiv.org:${p.id}</identifier></header><metadata><arXiv xmlns="http://arxiv.org/OAI/arXiv/">` +
      `<id>${p.id}</id><created>${p.published}</created><authors>${p.authors
        .map((a) => `<author><keyname>${esc(a.split(' ').at(-1)!)}</keyname><forenames>${esc(a.split(' ')[0]!)}</forenames></author>`)
        .join('')}</authors><title>${esc(p.title)}</title><abstract>${esc(p.abstract)}</abstract></arXiv></metadata></record>\n`,
    tail: '</ListRecords></OAI-PMH>\n',
  },
  openalex: {
    file: 'works.jsonl',
    item: (p, i) =>
      `${JSON.stringify({
        id: `https://openalex.org/W${1e9 + i}`,
        doi: `https://doi.org/10.48550/arxiv.${p.id}`,
        title: p.title,
        publication_date: p.published,
        authorships: p.authors.map((a) => ({ author: { display_name: a } })),
        primary_location: { landing_page_url: p.url, source: { display_name: 'arXiv (Cornell University)', type: 'repository' } },
        abstract_inverted_index: invert(p.abstract),
      })}\n`,
  },
  s2: {
    file: 's2-papers.jsonl',
    item: (p, i) =>
      `${JSON.stringify({
        // Unique per paper: a float such as 1e39 + i is the same number for every i.
        paperId: i.toString(16).padStart(40, '0'),
        externalIds: { ArXiv: p.id, CorpusId: i },
        title: p.title,
        abstract: p.abstract,
        publicationDate: p.published,
        year: Number(p.published.slice(0, 4)),
        authors: p.authors.map((name, j) => ({ authorId: String(i * 10 + j), name })),
        venue: 'arXiv.org',
      })}\n`,
  },
  // The bulk datasets' two files: written here, read together by readS2Datasets (see main).
  's2-bulk': {
    file: 's2-bulk-papers.jsonl',
    item: (p, i) =>
      `${JSON.stringify({
        corpusid: i,
        externalids: { ArXiv: p.id, CorpusId: String(i) },
        title: p.title,
        authors: p.authors.map((a, j) => ({ authorId: String(i * 10 + j), name: a })),
        venue: 'arXiv.org',
        year: Number(p.published.slice(0, 4)),
        publicationdate: p.published,
      })}\n`,
  },
  's2-bulk-abstracts': {
    file: 's2-bulk-abstracts.jsonl',
    item: (p, i) => `${JSON.stringify({ corpusid: i, openaccessinfo: { externalids: { ArXiv: p.id }, license: null, url: null, status: null }, abstract: p.abstract })}\n`,
  },
  'csl-json': {
    file: 'library.json',
    head: '[\n',
    item: (p) =>
      JSON.stringify({
        id: p.id,
        type: 'article',
        title: p.title,
        abstract: p.abstract,
        author: p.authors.map((a) => ({ given: a.split(' ')[0], family: a.split(' ').at(-1) })),
        issued: { 'date-parts': [p.published.split('-').map(Number)] },
        number: `arXiv:${p.id}`,
        URL: p.url,
      }),
    sep: ',\n',
    tail: '\n]\n',
  },
  bibtex: {
    file: 'library.bib',
    item: (p) =>
      `@misc{p${p.id.replace('.', '_')},\n  title = {${tex(p.title)}},\n  author = {${p.authors.join(' and ')}},\n  year = {${p.published.slice(0, 4)}},\n` +
      `  eprint = {${p.id}},\n  archiveprefix = {arXiv},\n  abstract = {${tex(p.abstract)}}\n}\n\n`,
  },
};

async function write(dir: string, name: string, w: Writer, n: number, seed: number): Promise<string> {
  const file = path.join(dir, w.file);
  const out = fs.createWriteStream(file);
  let buf = w.head ?? '';
  let i = 0;
  for (const p of generateCorpus(n, seed)) {
    buf += (i > 0 && w.sep ? w.sep : '') + w.item(p, i);
    i++;
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await once(out, 'drain');
      buf = '';
    }
  }
  out.end(buf + (w.tail ?? ''));
  await once(out, 'finish');
  void name;
  return file;
}

async function main() {
  const o = benchOptions(USAGE, {
    n: { type: 'string', default: '100000' },
    seed: { type: 'string', default: '7' },
    only: { type: 'string' },
    extract: { type: 'boolean', default: false },
    threads: { type: 'string', default: String(os.availableParallelism()) },
    batch: { type: 'string', default: '1000' },
  });
  const n = wholeNumber('--n', o.n, 1);
  const seed = wholeNumber('--seed', o.seed);
  const names = o.only ? o.only.split(',') : Object.keys(WRITERS).filter((k) => k !== 's2-bulk-abstracts');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'papergraph-readers-bench-'));
  const extractor = o.extract ? workerPoolExtractor(wholeNumber('--threads', o.threads, 1)) : undefined;
  if (o.extract && !extractor) throw new Error('build first: npm run build (the worker is dist/src/ingest/extract-worker.js)');
  const batchSize = wholeNumber('--batch', o.batch, 1);
  console.log(`${n} papers per format, seed ${seed}, node ${process.version}, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  console.log(`reader      file MB   papers/s   read  rejected${extractor ? '   to import files: papers/s  papers' : ''}`);
  try {
    for (const name of names) {
      const w = WRITERS[name];
      if (!w) throw new Error(`unknown format ${name}; one of ${Object.keys(WRITERS).join(', ')}`);
      const file = await write(dir, name, w, n, seed);
      const abstracts = name === 's2-bulk' ? await write(dir, name, WRITERS['s2-bulk-abstracts']!, n, seed) : undefined;
      const mb = (fs.statSync(file).size + (abstracts ? fs.statSync(abstracts).size : 0)) / 1e6;
      const t0 = performance.now();
      let read = 0;
      let rejected = 0;
      const records: AsyncIterable<SourceRecord> = abstracts ? readS2Datasets({ papers: [file], abstracts: [abstracts] }) : readSource(file, w.format);
      for await (const r of records) {
        if (r.paper) read++;
        else if (r.error) rejected++;
      }
      const s = (performance.now() - t0) / 1000;
      let extracted = '';
      if (extractor) {
        const csvDir = path.join(dir, `${name}-import`);
        const again: AsyncIterable<SourceRecord> = abstracts ? readS2Datasets({ papers: [file], abstracts: [abstracts] }) : readSource(file, w.format);
        const r = await writeImportFiles(again, csvDir, { extractor, batchSize });
        extracted = `${Math.round(r.summary.read / r.seconds).toString().padStart(26)} ${String(r.summary.ingested).padStart(7)}`;
        fs.rmSync(csvDir, { recursive: true, force: true });
      }
      console.log(`${name.padEnd(10)} ${mb.toFixed(0).padStart(8)} ${Math.round(read / s).toString().padStart(10)} ${String(read).padStart(6)} ${String(rejected).padStart(9)}${extracted}`);
      fs.rmSync(file);
      if (abstracts) fs.rmSync(abstracts);
    }
  } finally {
    await extractor?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

runMain(main);
