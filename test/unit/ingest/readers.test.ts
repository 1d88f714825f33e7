import { describe, expect, it } from 'vitest';
import { readJsonLines, readPlain } from '../../../src/ingest/readers.js';
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
      { location: 'corpus.txt:11', paper: { title: 'A Paper About Graphs', abstract: 'We study graphs. They are nice.' } },
      { location: 'corpus.txt:15', paper: { title: 'Second Paper', abstract: 'An abstract that wraps over two lines.' } },
    ]);
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
