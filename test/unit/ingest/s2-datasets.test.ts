// Semantic Scholar bulk datasets: `papers` and `abstracts` shards joined by
// corpusid on disk (a hash join), with every broken row reported by file and line.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { partitionCount, readS2Datasets, type S2JoinStats } from '../../../src/ingest/s2-datasets.js';
import type { SourceRecord } from '../../../src/ingest/records.js';
import { collect, fixture } from './helpers.js';

const PAPERS = fixture('s2-datasets/papers');
const ABSTRACTS = fixture('s2-datasets/abstracts');
const byLocation = (rs: SourceRecord[]) => [...rs].sort((a, b) => a.location.localeCompare(b.location) || String(a.error ?? a.skipped ?? '').localeCompare(String(b.error ?? b.skipped ?? '')));

describe('Semantic Scholar papers + abstracts datasets', () => {
  it('joins each paper with its abstract by corpus id, with the ids, authors, venue and date of the papers row', async () => {
    const records = await collect(readS2Datasets({ papers: [PAPERS], abstracts: [ABSTRACTS] }));
    const papers = records.filter((r) => r.paper);
    expect(papers.map((r) => [r.location, r.paper!.id]).sort()).toEqual([
      ['papers-00.jsonl:1', 'corpus:13756489'],
      ['papers-00.jsonl:2', 'corpus:52967399'],
      ['papers-01.jsonl:1', 'corpus:206594692'],
      ['papers-01.jsonl:4', 'corpus:6628106'],
    ]);
    expect(papers.find((r) => r.paper!.id === 'corpus:206594692')!.paper).toEqual({
      id: 'corpus:206594692',
      title: 'Deep Residual Learning for Image Recognition',
      abstract: expect.stringMatching(/^We present a residual learning framework .* classification task\.$/),
      url: 'https://www.semanticscholar.org/paper/2c03df8b48bf3fa39054345bafabfeff15bfd11d',
      published: '2016-06-27',
      authors: ['Kaiming He', 'X. Zhang'],
      authorIds: [['s2author:39353098'], ['s2author:1771551']],
      doi: '10.1109/cvpr.2016.90',
      arxivId: '1512.03385',
      venue: 'Computer Vision and Pattern Recognition',
      externalIds: ['corpus:206594692'],
    });
    // A year-only paper (publicationdate null) keeps its year; the first abstract of a corpus id is the one used.
    const bert = papers.find((r) => r.paper!.id === 'corpus:52967399')!.paper!;
    expect([bert.published, bert.datePrecision, bert.doi]).toEqual(['2019-01-01', 'year', '10.18653/v1/n19-1423']);
    expect(papers.find((r) => r.paper!.id === 'corpus:13756489')!.paper!.abstract).toMatch(/^We propose the Transformer/);
  });

  it('reports every broken row by file and line, papers without an abstract, and leaves out (reporting) abstracts without a paper', async () => {
    const records = await collect(readS2Datasets({ papers: [PAPERS], abstracts: [ABSTRACTS] }));
    const problems = byLocation(records.filter((r) => !r.paper)).map((r) => [r.location, r.error ?? `skipped: ${r.skipped}`]);
    expect(problems).toEqual([
      ['abstracts-00.jsonl:3', 'skipped: abstract of corpus id 777777: no paper with that corpus id in the papers dataset'],
      ['abstracts-00.jsonl:4', 'corpus id 900002: abstract is missing'],
      ['abstracts-01.jsonl:3', expect.stringMatching(/^corpusid is missing or not a whole number/)],
      ['abstracts-01.jsonl:4', expect.stringMatching(/^malformed JSON/)],
      ['abstracts-01.jsonl:5', 'corpus id 13756489: a second abstract (the first is at abstracts-00.jsonl:2); this one is not used'],
      ['papers-00.jsonl:3', expect.stringMatching(/^malformed JSON/)],
      ['papers-00.jsonl:4', expect.stringMatching(/^corpusid is missing/)],
      ['papers-00.jsonl:5', 'Semantic Scholar paper corpus 900001: no abstract in the abstracts dataset'],
      ['papers-01.jsonl:2', 'Semantic Scholar paper corpus 900002: no abstract in the abstracts dataset'],
      ['papers-01.jsonl:5', 'Semantic Scholar paper 900003: title is empty'],
    ]);
    // Every papers row is accounted for exactly once (a paper or an error), at its own line.
    const paperRows = fs.readdirSync(PAPERS).flatMap((f) =>
      fs.readFileSync(path.join(PAPERS, f), 'utf8').split('\n').flatMap((l, i) => (l.trim() ? [`${f}:${i + 1}`] : [])),
    );
    expect(records.filter((r) => r.location.startsWith('papers-')).map((r) => r.location).sort()).toEqual(paperRows.sort());
  });

  it('gives the same records whatever the number of partitions, holding only one partition of abstracts at a time', async () => {
    const whole: S2JoinStats = { partitions: 0, maxAbstractsHeld: 0 };
    const split: S2JoinStats = { partitions: 0, maxAbstractsHeld: 0 };
    const one = await collect(readS2Datasets({ papers: [PAPERS], abstracts: [ABSTRACTS], stats: whole }));
    const many = await collect(readS2Datasets({ papers: [PAPERS], abstracts: [ABSTRACTS], stats: split, partitionBytes: 300 }));
    expect(whole).toEqual({ partitions: 1, maxAbstractsHeld: 6 });
    expect(split.partitions).toBeGreaterThan(4);
    expect(split.maxAbstractsHeld).toBeLessThan(whole.maxAbstractsHeld);
    expect(byLocation(many)).toEqual(byLocation(one));
  });

  it('reads gzipped shards given as files, and removes its partition files when done', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'papergraph-s2-test-'));
    const gz = (from: string, name: string) => {
      const file = path.join(dir, name);
      fs.writeFileSync(file, gzipSync(fs.readFileSync(from)));
      return file;
    };
    const tmpDir = path.join(dir, 'tmp');
    fs.mkdirSync(tmpDir);
    const records = await collect(
      readS2Datasets({
        papers: [gz(path.join(PAPERS, 'papers-01.jsonl'), 'p1.gz')],
        abstracts: [gz(path.join(ABSTRACTS, 'abstracts-00.jsonl'), 'a0.gz'), gz(path.join(ABSTRACTS, 'abstracts-01.jsonl'), 'a1.gz')],
        tmpDir,
      }),
    );
    expect(records.filter((r) => r.paper).map((r) => [r.location, r.paper!.title])).toEqual([
      ['p1.gz:1', 'Deep Residual Learning for Image Recognition'],
      ['p1.gz:4', 'Adam: A Method for Stochastic Optimization'],
    ]);
    expect(fs.readdirSync(tmpDir)).toEqual([]);
  });

  it('chooses partitions from the abstract bytes, within bounds', () => {
    expect(partitionCount(0)).toBe(1);
    expect(partitionCount(10 * 2 ** 30)).toBe(160);
    expect(partitionCount(2 ** 50)).toBe(4096);
  });
});
