import fs from 'node:fs';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { describe, expect, it, vi } from 'vitest';
import { readJsonLines, readPlain, readSource, sniffFormat } from '../../../src/ingest/readers.js';
import { fixture } from './helpers.js';
import { projectPath } from '../../../src/paths.js';
import type { SourceRecord } from '../../../src/ingest/records.js';

async function* lines(text: string) {
  yield* text.split('\n');
}
async function collect(gen: AsyncIterable<SourceRecord>) {
  const out: SourceRecord[] = [];
  for await (const r of gen) out.push(r);
  return out;
}

describe('plain corpus format', () => {
  it('pairs each title with the abstract after it and skips page chrome', async () => {
    const text = [
      'new', '', 'Get trending papers in your email inbox!', '', 'Subscribe', '', 'byAK and the research community', '', 'Mar 12', '',
      'A Paper About Graphs', '', 'We study graphs. They are nice.', '',
      'Second Paper', '', 'An abstract that', 'wraps over two lines.', '',
    ].join('\n');
    const records = await collect(readPlain('corpus.txt', lines(text)));
    expect(records).toEqual([
      { location: 'corpus.txt:1', skipped: 'page chrome "new"' },
      { location: 'corpus.txt:3', skipped: 'page chrome "Get trending papers in your email inbox!"' },
      { location: 'corpus.txt:5', skipped: 'page chrome "Subscribe"' },
      { location: 'corpus.txt:7', skipped: 'page chrome "byAK and the research community"' },
      { location: 'corpus.txt:9', skipped: 'page chrome "Mar 12"' },
      { location: 'corpus.txt:11', paper: { title: 'A Paper About Graphs', abstract: 'We study graphs. They are nice.' } },
      { location: 'corpus.txt:15', paper: { title: 'Second Paper', abstract: 'An abstract that wraps over two lines.' } },
    ]);
  });

  it('keeps chrome-like text where the pairing needs no filter: a title followed by its abstract, any abstract', async () => {
    const text = [
      'New', '', 'We introduce a benchmark. It is called New and measures things.', '',
      'Calendars', '', 'Mar 12', '',
      'Subscribe', '',
    ].join('\n');
    const records = await collect(readPlain('c.txt', lines(text)));
    expect(records).toEqual([
      { location: 'c.txt:1', paper: { title: 'New', abstract: 'We introduce a benchmark. It is called New and measures things.' } },
      { location: 'c.txt:5', paper: { title: 'Calendars', abstract: 'Mar 12' } },
      // Trailing chrome where a title is due, with nothing after it: left out and reported, not an error.
      { location: 'c.txt:9', skipped: 'page chrome "Subscribe"' },
    ]);
  });

  it('reports what it left out of the sample corpus, and only its page header', async () => {
    const records = await collect(readSource(projectPath('data', 'hf-papers.txt')));
    expect(records.filter((r) => r.skipped).map((r) => r.location)).toEqual(['hf-papers.txt:1', 'hf-papers.txt:3', 'hf-papers.txt:5', 'hf-papers.txt:7', 'hf-papers.txt:9']);
    expect(records.filter((r) => r.paper)).toHaveLength(93);
  });

  it('reports a title with no abstract, naming its line', async () => {
    const records = await collect(readPlain('c.txt', lines('Only A Title\n')));
    expect(records).toHaveLength(1);
    expect(records[0]!.location).toBe('c.txt:1');
    expect(records[0]!.error).toMatch(/no abstract/);
  });
});

describe('JSON Lines', () => {
  it('reads good records and reports each bad one with its line and reason', async () => {
    const text = [
      JSON.stringify({ id: 'p1', title: 'T1', abstract: 'A1', published: '2023-05-04', authors: ['Ann', 'Bo'] }),
      '{"title": "broken',
      JSON.stringify({ title: '', abstract: 'x' }),
      JSON.stringify({ title: 'T', abstract: 42 }),
      JSON.stringify(['not', 'an', 'object']),
      '',
      JSON.stringify({ title: 'T4', abstract: 'A4', published: '2023-02-30' }),
      JSON.stringify({ title: '<b>Bold</b> title', abstract: 'Uses $\\alpha$ and \\textbf{LoRA}\u0007.' }),
    ].join('\n');
    const records = await collect(readJsonLines('in.jsonl', lines(text)));
    expect(records.map((r) => r.location)).toEqual(['in.jsonl:1', 'in.jsonl:2', 'in.jsonl:3', 'in.jsonl:4', 'in.jsonl:5', 'in.jsonl:7', 'in.jsonl:8']);
    expect(records[0]!.paper).toEqual({ id: 'p1', title: 'T1', abstract: 'A1', published: '2023-05-04', authors: ['Ann', 'Bo'] });
    expect(records[1]!.error).toMatch(/malformed JSON/);
    expect(records[2]!.error).toBe('title is empty');
    expect(records[3]!.error).toBe('abstract must be a string');
    expect(records[4]!.error).toBe('record is not a JSON object');
    expect(records[5]!.error).toMatch(/not a YYYY-MM-DD date/);
    expect(records[6]!.paper).toEqual({ title: 'Bold title', abstract: 'Uses α and LoRA.' });
  });
});

describe('standard input ("-")', () => {
  const stdin = (bytes: string | Buffer) => Readable.from([Buffer.from(bytes)]);
  const jsonl = `${JSON.stringify({ id: 'a', title: 'T1', abstract: 'A1' })}\n${JSON.stringify({ id: 'b', title: 'T2', abstract: 'A2' })}\n`;
  const plain = 'Title One\n\nAbstract one.\n\nTitle Two\n\nAbstract two.\n';

  it('reads JSON Lines and plain text when the format is given, locating records as stdin:N', async () => {
    expect(await collect(readSource('-', 'jsonl', stdin(jsonl)))).toEqual([
      { location: 'stdin:1', paper: { id: 'a', title: 'T1', abstract: 'A1' } },
      { location: 'stdin:2', paper: { id: 'b', title: 'T2', abstract: 'A2' } },
    ]);
    expect((await collect(readSource('-', 'plain', stdin(plain)))).map((r) => r.location)).toEqual(['stdin:1', 'stdin:5']);
  });

  it('sniffs the format when none is given, also through gzip', async () => {
    expect((await collect(readSource('-', undefined, stdin(jsonl)))).map((r) => r.paper?.id)).toEqual(['a', 'b']);
    expect((await collect(readSource('-', undefined, stdin(gzipSync(jsonl))))).map((r) => r.paper?.id)).toEqual(['a', 'b']);
    expect((await collect(readSource('-', undefined, stdin(plain))))).toHaveLength(2);
    const atom = fs.readFileSync(fixture('arxiv-sample.xml'));
    expect((await collect(readSource('-', undefined, stdin(gzipSync(atom))))).map((r) => r.paper?.id)).toEqual(['2402.07315', '2402.06988', 'cs/0301007']);
  });

  it('reads process.stdin by default', async () => {
    const spy = vi.spyOn(process, 'stdin', 'get').mockReturnValue(stdin(jsonl) as unknown as typeof process.stdin);
    try {
      expect(await collect(readSource('-', 'jsonl'))).toHaveLength(2);
    } finally {
      spy.mockRestore();
    }
  });

  it('sniffs by the first non-blank character', () => {
    expect(sniffFormat(Buffer.from('\ufeff  {"title"'))).toBe('jsonl');
    expect(sniffFormat(Buffer.from('<?xml version="1.0"?>'))).toBe('arxiv-atom');
    expect(sniffFormat(Buffer.from('A Title\n\nAn abstract'))).toBe('plain');
    expect(sniffFormat(Buffer.alloc(0))).toBe('plain');
  });
});

describe('extraction input', () => {
  it('accepts an untitled paper only when asked to (eval sets have some; the graph never does)', async () => {
    const text = JSON.stringify({ id: 'x1', title: '', abstract: 'We fine-tune BERT.' });
    expect((await collect(readJsonLines('e.jsonl', lines(text))))[0]!.error).toBe('title is empty');
    const relaxed = await collect(readJsonLines('e.jsonl', lines(text), { allowEmptyTitle: true }));
    expect(relaxed[0]!.paper).toEqual({ id: 'x1', title: '', abstract: 'We fine-tune BERT.' });
  });
});
