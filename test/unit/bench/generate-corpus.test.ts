import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { generateCorpus, writeCorpus, Zipf, mulberry32 } from '../../../bench/generate-corpus.js';
import { splitLines } from '../../../src/ingest/input-bytes.js';
import { readJsonLines } from '../../../src/ingest/readers.js';
import { collect } from '../ingest/helpers.js';

const take = (n: number, seed: number) => [...generateCorpus(n, seed)];

describe('bench corpus generator', () => {
  it('is reproducible: same seed, same papers; a smaller n is a prefix; another seed differs', () => {
    const a = take(300, 7);
    expect(take(300, 7)).toEqual(a);
    expect(take(100, 7)).toEqual(a.slice(0, 100));
    expect(take(300, 8)).not.toEqual(a);
  });

  it('writes JSON Lines that the real reader accepts in full, with unique ids', async () => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    await writeCorpus(2000, 1, out);
    out.end();
    const records = await collect(readJsonLines('gen.jsonl', splitLines((async function* () { yield Buffer.concat(chunks); })())));
    expect(records.filter((r) => r.error)).toEqual([]);
    expect(new Set(records.map((r) => r.paper!.id)).size).toBe(2000);
    expect(records[0]!.paper).toMatchObject({ published: expect.stringMatching(/^20\d\d-\d\d-\d\d$/), authors: expect.any(Array) });
  });

  it('has long-tailed name frequencies: a few names in many abstracts, most in one', () => {
    const counts = new Map<string, number>();
    for (const p of generateCorpus(5000, 1)) {
      const names = new Set(p.abstract.match(/\b[A-Z][a-z]+(?:Net-\d+|BERT|Former|GPT|LM|Diffusion|-\d+(?:\.\d)?B)\b/g) ?? []);
      for (const n of names) counts.set(n, (counts.get(n) ?? 0) + 1);
    }
    const freq = [...counts.values()].sort((x, y) => y - x);
    expect(freq[0]!).toBeGreaterThan(250); // the head: in over 5% of abstracts
    expect(freq.filter((f) => f === 1).length / freq.length).toBeGreaterThan(0.5); // the tail: mostly singletons
  });

  it('draws Zipf ranks with the expected head mass', () => {
    const z = new Zipf([...Array(1000).keys()], 1.0);
    const rng = mulberry32(3);
    let top = 0;
    for (let i = 0; i < 20000; i++) if (z.draw(rng) === 0) top++;
    // P(rank 0) = 1 / H(1000) ≈ 0.134
    expect(top / 20000).toBeGreaterThan(0.12);
    expect(top / 20000).toBeLessThan(0.15);
  });
});
