import fs from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readArxivAtom } from '../../../src/ingest/arxiv-atom.js';
import { detectFormat, readSource } from '../../../src/ingest/readers.js';
import { chunked, collect, fixture, tempFile } from './helpers.js';

describe('arXiv API Atom feeds', () => {
  it('turns each entry into a paper: bare arXiv id, collapsed text, date, authors, abs link', async () => {
    const records = await collect(readSource(fixture('arxiv-sample.xml')));
    expect(records).toEqual([
      {
        location: 'arxiv-sample.xml:10',
        paper: {
          id: '2402.07315',
          arxivId: '2402.07315',
          title: 'Quillformer: Sparse Retrieval Heads for Long-Context Question Answering',
          abstract:
            'Long-context language models spend most of their attention budget on tokens that never matter for the answer. ' +
            'We propose Quillformer, a transformer with sparse retrieval heads that select k ≪ n key blocks per query. ' +
            'On the synthetic NeedleQA-4k benchmark and on LongDocQA, Quillformer-7B matches a dense baseline while using O(n log n) memory. ' +
            'Code is released.',
          published: '2024-02-12',
          authors: ['Mira Okonkwo', 'Tomasz Wierzbicki', 'Hélène Durand'],
          url: 'http://arxiv.org/abs/2402.07315v2',
        },
      },
      {
        location: 'arxiv-sample.xml:40',
        paper: {
          id: '2402.06988',
          arxivId: '2402.06988',
          title: 'Cheap CO2-Aware Scheduling for Training Runs',
          abstract:
            'We study how to place training jobs across data centres so that the emitted CO2 is minimised & deadlines are met. ' +
            'Our scheduler, GreenSlot, reduces emissions by 31% on a trace of 12k jobs.',
          published: '2024-02-10',
          authors: ['Ana Beatriz Souza'],
          url: 'http://arxiv.org/abs/2402.06988v1',
        },
        // Its title and abstract held <sub> markup.
        sanitized: true,
      },
      {
        location: 'arxiv-sample.xml:57',
        paper: {
          id: 'cs/0301007',
          arxivId: 'cs/0301007',
          title: 'A Note on Tabular Value Iteration with Sparse Transitions',
          abstract: 'We give a short proof that value iteration over sparse transition tables converges in time linear in the number of non-zero entries.',
          published: '2003-01-09',
          authors: ['R. J. Whitcombe'],
          url: 'http://arxiv.org/abs/cs/0301007v1',
        },
      },
    ]);
  });

  it('gives the same records whatever the chunking (multi-byte characters split across chunks)', async () => {
    const bytes = fs.readFileSync(fixture('arxiv-sample.xml'));
    const whole = await collect(readArxivAtom('f.xml', chunked(bytes, bytes.length)));
    for (const size of [1, 7, 64]) expect(await collect(readArxivAtom('f.xml', chunked(bytes, size)))).toEqual(whole);
  });

  it('keeps the entries before malformed XML and reports the broken entry once', async () => {
    const records = await collect(readSource(fixture('arxiv-malformed.xml')));
    expect(records.map((r) => r.paper?.id ?? 'error')).toEqual(['2402.11873', '2402.11902', 'error']);
    expect(records[2]).toEqual({
      location: 'arxiv-malformed.xml:37',
      error: expect.stringMatching(/^malformed XML \(Unexpected close tag at line 41, column \d+\) in entry 3; the rest of the feed is not read$/),
    });
  });

  it('reports bad entries (missing title, empty summary, impossible date) and keeps the good one', async () => {
    const records = await collect(readSource(fixture('arxiv-bad-entries.xml')));
    expect(records.map((r) => r.error ?? 'ok')).toEqual([
      'entry 1: title is missing',
      'entry 2: abstract is empty',
      'entry 3: published "2024-13-45T09:10:00Z" is not a YYYY-MM-DD date',
      'ok',
    ]);
    expect(records[3]!.paper).toMatchObject({ id: '2403.00104', abstract: 'Prefix adapters are re-evaluated on nine tasks.' });
  });

  it('reports an arXiv API error entry as an error, not a paper called "Error"', async () => {
    const records = await collect(readSource(fixture('arxiv-api-error.xml')));
    expect(records).toEqual([{ location: 'arxiv-api-error.xml:10', error: 'entry 1: arXiv API error: incorrect id format for 2402.1x' }]);
  });

  it('reads gzipped feeds, and a truncated gzip yields the entries before the cut and one error', async () => {
    const bytes = fs.readFileSync(fixture('arxiv-sample.xml'));
    expect(await collect(readSource(tempFile('feed.atom.gz', gzipSync(bytes))))).toHaveLength(3);

    // A download that stops inside entry 3: entries 1 and 2 are whole, entry 3 must not come out half-read.
    const gz = gzipSync(bytes.subarray(0, bytes.indexOf('A Note on Tabular')));
    const records = await collect(readSource(tempFile('cut.xml.gz', gz.subarray(0, gz.length - 8))));
    expect(records.map((r) => r.paper?.id ?? r.error)).toEqual([
      '2402.07315',
      '2402.06988',
      'truncated gzip: unexpected end of file in entry 3; the rest of the feed is not read',
    ]);
    expect(records[2]!.location).toBe('cut.xml.gz:57');
  });

  it('rejects an entry carrying invalid UTF-8 and reads the others', async () => {
    const text = fs.readFileSync(fixture('arxiv-sample.xml'), 'utf8');
    const [before, after] = text.split('Cheap CO');
    const bytes = Buffer.concat([Buffer.from(before!), Buffer.from([0xc3, 0x28]), Buffer.from(`Cheap CO${after}`)]);
    const records = await collect(readArxivAtom('bad.xml', chunked(bytes, 1000)));
    expect(records.map((r) => r.error ?? r.paper?.id)).toEqual(['2402.07315', 'entry 2: invalid UTF-8 in the title, abstract or authors', 'cs/0301007']);
  });

  it('rejects an entry of several megabytes without keeping its text', async () => {
    const huge = 'token '.repeat(600_000); // 3.6 MB
    const xml = `<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>http://arxiv.org/abs/2401.00001v1</id><title>Big</title><summary>${huge}</summary></entry>` +
      `<entry><id>http://arxiv.org/abs/2401.00002v1</id><title>Small</title><summary>Fine.</summary></entry></feed>`;
    const records = await collect(readArxivAtom('big.xml', chunked(Buffer.from(xml), 65536)));
    expect(records[0]!.error).toMatch(/^entry 1: record too large/);
    expect(records[1]!.paper).toMatchObject({ id: '2401.00002', title: 'Small' });
  });

  it('refuses a document that is not an Atom feed', async () => {
    const records = await collect(readArxivAtom('page.xml', chunked(Buffer.from('<html><body>Rate limited</body></html>'), 100)));
    expect(records).toEqual([{ location: 'page.xml:1', error: 'not an Atom feed: the root element is <html> before the first entry; the rest of the feed is not read' }]);
  });

  it('is chosen for .atom files, and for .xml files (gzipped or not) that are not OAI-PMH answers', () => {
    const atom = Buffer.from('<?xml version="1.0" encoding="UTF-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">');
    const oai = Buffer.from('<?xml version="1.0" encoding="UTF-8"?>\n<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/">');
    for (const f of ['a.atom', 'A.ATOM.GZ']) expect(detectFormat(f, oai)).toBe('arxiv-atom');
    for (const f of ['a.xml', 'a.xml.gz']) {
      expect(detectFormat(f, atom)).toBe('arxiv-atom');
      expect(detectFormat(f, oai)).toBe('oai-pmh');
    }
  });
});
