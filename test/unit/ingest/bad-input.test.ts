// Every kind of bad input, each through the real readers (files on disk,
// gzip made here with node:zlib): the bad record is reported with its line and
// reason, the good records around it are read.
import fs from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { splitLines } from '../../../src/ingest/input-bytes.js';
import { paperId } from '../../../src/ingest/paper-id.js';
import { readJsonLines, readSource } from '../../../src/ingest/readers.js';
import { chunked, collect, fixture, tempFile } from './helpers.js';

const json = (o: object) => JSON.stringify(o);
const good = (n: number) => json({ id: `g${n}`, title: `Good ${n}`, abstract: `Abstract ${n}.` });

describe('bad JSON Lines records', () => {
  it('reports malformed JSON, missing/empty fields and wrong types by line, and reads the rest', async () => {
    const records = await collect(readSource(fixture('mixed.jsonl')));
    const outcome = Object.fromEntries(records.map((r) => [r.location.replace('mixed.jsonl:', ''), r.error ?? `ok ${r.paper!.id}`]));
    expect(outcome).toEqual({
      1: 'ok 2401.00011',
      2: expect.stringMatching(/^malformed JSON: /),
      3: 'title is missing',
      4: 'abstract is empty',
      5: 'title must be a string',
      6: 'authors must be a list of strings',
      7: 'published must be a date string',
      8: 'ok 2401.00018',
      9: 'ok 2401.00019',
      10: 'ok 2401.00011', // a duplicate id: the reader passes it on, the pipeline rejects it
      12: 'id must be a string or an integer', // a float id would not survive as an id
      13: 'ok 2401.00021',
      14: 'ok 2401.00022',
    });
    expect(records[0]!.paper).toEqual({
      id: '2401.00011',
      arxivId: '2401.00011',
      title: 'Sparse Mixture Routing for Tabular Models',
      abstract: 'We route rows of a table to a few experts. On the Tabula-30 suite the routed model beats gradient boosting.',
      published: '2024-01-02',
      authors: ['Jo Park', 'Ravi Menon'],
    });
  });

  it('strips control characters, escaped or raw, and keeps the record', async () => {
    const records = await collect(readSource(fixture('mixed.jsonl')));
    const byId = (id: string) => records.find((r) => r.paper?.id === id)!.paper!;
    expect(byId('2401.00018')).toMatchObject({ title: 'Control Characters Inside', abstract: 'A bell, a NUL and an escape sneak into the text.' });
    expect(byId('2401.00022')).toMatchObject({ title: 'Raw Control Bytes', abstract: 'Unescaped control bytes in the JSON text.' });
  });

  it('strips HTML and LaTeX markup to text and keeps the record', async () => {
    const records = await collect(readSource(fixture('mixed.jsonl')));
    expect(records.find((r) => r.paper?.id === '2401.00019')!.paper).toMatchObject({
      title: 'Marked Up: CO2 & α-Nets',
      abstract: 'We train AlphaNet with x^2 features <50 ms per step.',
    });
  });

  it('passes duplicate ids on with distinct locations, so the pipeline can name both', async () => {
    const records = await collect(readSource(fixture('mixed.jsonl')));
    const dupes = records.filter((r) => r.paper && paperId(r.paper) === '2401.00011');
    expect(dupes.map((r) => r.location)).toEqual(['mixed.jsonl:1', 'mixed.jsonl:10']);
  });
});

describe('invalid UTF-8', () => {
  // Rejected, not repaired: a decoder's guess would be stored as if the author wrote it.
  it('rejects the JSON Lines record, naming the line, and reads its neighbours', async () => {
    const bad = Buffer.concat([Buffer.from('{"title": "Caf'), Buffer.from([0xe9]), Buffer.from('", "abstract": "Latin-1, not UTF-8."}')]);
    const file = tempFile('latin1.jsonl', Buffer.concat([Buffer.from(`${good(1)}\n`), bad, Buffer.from(`\n${good(3)}\n`)]));
    const records = await collect(readSource(file));
    expect(records).toEqual([
      { location: 'latin1.jsonl:1', paper: { id: 'g1', title: 'Good 1', abstract: 'Abstract 1.' } },
      { location: 'latin1.jsonl:2', error: 'invalid UTF-8 at character 15; the line is rejected (re-encode the file as UTF-8)' },
      { location: 'latin1.jsonl:3', paper: { id: 'g3', title: 'Good 3', abstract: 'Abstract 3.' } },
    ]);
  });

  it('rejects a plain-format record whose abstract has a bad line, keeping the pairing after it', async () => {
    const text = Buffer.concat([
      Buffer.from('First Title\n\nAn abstract with a bad byte '),
      Buffer.from([0xff, 0xfe]),
      Buffer.from(' in it.\n\nSecond Title\n\nA fine abstract.\n'),
    ]);
    const records = await collect(readSource(tempFile('corpus.txt', text)));
    expect(records).toEqual([
      { location: 'corpus.txt:1', error: 'line 3: invalid UTF-8 at character 29; the line is rejected (re-encode the file as UTF-8)' },
      { location: 'corpus.txt:5', paper: { title: 'Second Title', abstract: 'A fine abstract.' } },
    ]);
  });

  it('decodes multi-byte characters split across chunks, CRLF split between chunks, and a leading BOM', async () => {
    const bytes = Buffer.from('\ufeff{"title": "Ünïcödé ∑ 🚀", "abstract": "ok"}\r\n{"title": "T", "abstract": "A"}\r\n');
    for (const size of [1, 2, 3, 5]) {
      const records = await collect(readJsonLines('u.jsonl', splitLines(chunked(bytes, size))));
      expect(records.map((r) => r.paper?.title)).toEqual(['Ünïcödé ∑ 🚀', 'T']);
    }
  });
});

describe('records of several megabytes', () => {
  it('reports a 5 MB JSON Lines record as too large without parsing it, and reads the next one', async () => {
    const huge = json({ title: 'Huge', abstract: 'word '.repeat(1_000_000) });
    const file = tempFile('big.jsonl', `${good(1)}\n${huge}\n${good(3)}\n`);
    const records = await collect(readSource(file));
    expect(records.map((r) => r.error ?? r.paper!.id)).toEqual([
      'g1',
      'record too large: the line is 4.8 MB, over the 1.0 MB limit; skipped without parsing',
      'g3',
    ]);
    expect(records[1]!.location).toBe('big.jsonl:2');
  });

  it('never holds more than the limit of an endless line (fed from a generator, 64 MB)', async () => {
    async function* endless() {
      for (let i = 0; i < 1024; i++) yield Buffer.alloc(65536, 0x61);
      yield Buffer.from(`\n${good(2)}\n`);
    }
    const records = await collect(readJsonLines('stream.jsonl', splitLines(endless())));
    expect(records.map((r) => r.error ?? r.paper!.id)).toEqual(['record too large: the line is 64.0 MB, over the 1.0 MB limit; skipped without parsing', 'g2']);
  });

  it('reports a plain-format paragraph over the limit, even when no single line is', async () => {
    const para = Array.from({ length: 3000 }, () => 'x'.repeat(400)).join('\n'); // 1.2 MB, lines of 400 bytes
    const records = await collect(readSource(tempFile('big.txt', `Title One\n\n${para}\n\nTitle Two\n\nFine.\n`)));
    expect(records.map((r) => r.error ?? r.paper!.title)).toEqual([
      'record too large: the paragraph from line 3 runs over 1048576 characters',
      'Title Two',
    ]);
  });
});

describe('truncated gzip', () => {
  const lines = Array.from({ length: 3000 }, (_, i) => good(i + 1));
  const whole = gzipSync(`${lines.join('\n')}\n`);

  it('reads a whole gzip file, whatever its name', async () => {
    expect(await collect(readSource(tempFile('papers.jsonl.gz', whole)))).toHaveLength(3000);
    expect(await collect(readSource(tempFile('papers.jsonl', whole)))).toHaveLength(3000);
  });

  it('yields the records before the cut, then one error naming the file; the cut line is dropped', async () => {
    const records = await collect(readSource(tempFile('cut.jsonl.gz', whole.subarray(0, Math.floor(whole.length / 2)))));
    const last = records.at(-1)!;
    const papers = records.slice(0, -1);
    expect(papers.length).toBeGreaterThan(100);
    expect(papers.every((r, i) => r.paper?.id === `g${i + 1}` && r.location === `cut.jsonl.gz:${i + 1}`)).toBe(true);
    expect(last).toEqual({
      location: `cut.jsonl.gz:${papers.length + 1}`,
      error: 'truncated gzip: unexpected end of file; the rest of the input is not read',
    });
  });

  it('drops the unfinished plain-format record at the cut rather than storing half an abstract', async () => {
    const text = 'Title A\n\nAbstract A.\n\nTitle B\n\nAbstract B starts here and goes on';
    const gz = gzipSync(text);
    const records = await collect(readSource(tempFile('cut.txt.gz', gz.subarray(0, gz.length - 4))));
    expect(records).toEqual([
      { location: 'cut.txt.gz:1', paper: { title: 'Title A', abstract: 'Abstract A.' } },
      { location: 'cut.txt.gz:5', error: 'truncated gzip: unexpected end of file; the rest of the input is not read' },
    ]);
  });

  it('reports a file that is not there as one error record', async () => {
    expect(await collect(readSource('/nonexistent/papers.jsonl'))).toEqual([
      { location: 'papers.jsonl:1', error: expect.stringMatching(/^cannot read: ENOENT: no such file or directory/) },
    ]);
  });
});

it('fixtures exist (sanity)', () => {
  expect(fs.existsSync(fixture('mixed.jsonl'))).toBe(true);
});
