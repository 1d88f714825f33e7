import { describe, expect, it } from 'vitest';
import { splitSentences, tokenize } from '../../../src/extract/text.js';

describe('sentences', () => {
  it('splits at sentence ends but not after abbreviations', () => {
    const t = 'Models (e.g. BERT) are big. We use GPT-4 et al. results. Then we stop!';
    const s = splitSentences(t);
    expect(s.map((x) => x.text)).toEqual(['Models (e.g. BERT) are big.', 'We use GPT-4 et al. results.', 'Then we stop!']);
    for (const x of s) expect(t.slice(x.start, x.end)).toBe(x.text);
  });
});

describe('ML-aware tokens', () => {
  it('keeps hyphenated and versioned names together as one word with offsets', () => {
    const text = 'We run GPT-4, LLaMA-65b and YOLOv9 on ViT-B/16.';
    const toks = tokenize(text, 10);
    const words = new Map<number, string>();
    for (const t of toks) {
      expect(text.slice(t.start - 10, t.end - 10)).toBe(t.text);
      words.set(t.word, (words.get(t.word) ?? '') + (t.glued ? t.joiner : '') + t.text);
    }
    expect([...words.values()]).toEqual(['We', 'run', 'GPT-4', 'LLaMA-65b', 'and', 'YOLOv9', 'on', 'ViT-B/16']);
  });

  it('gives lower-case alphanumeric keys', () => {
    expect(tokenize('BERT_BASE')[1]?.key).toBe('base');
    expect(tokenize('PointNet++')[0]?.text).toBe('PointNet++');
  });

  it('skips URLs', () => {
    const toks = tokenize('Code: github.com/acme/FooNet and https://x.org/BarNet.');
    expect(toks.map((t) => t.text)).toEqual(['Code', 'and']);
  });
});
