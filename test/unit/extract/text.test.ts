import { describe, expect, it } from 'vitest';
import { FINE_RE, isSlashListJoint, splitSentences, tokenize } from '../../../src/extract/text.js';

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

describe('tokenize scanner', () => {
  // FINE_RE is the specification the hand-written scanner implements: same tokens, same keys.
  const byRegex = (text: string): Array<[string, number, string]> => [...text.matchAll(new RegExp(FINE_RE.source, 'gu'))].map((m) => {
    const key = /^[A-Za-z0-9]+$/.test(m[0]) ? m[0].toLowerCase() : m[0].normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
    return [m[0], m.index, key];
  });
  const byScanner = (text: string): Array<[string, number, string]> => tokenize(text).map((t) => [t.text, t.start, t.key]);

  it('matches the token pattern on names, symbols and non-ASCII text', () => {
    for (const text of [
      'We extend PointNet++ and C++ code; a+b, x+ and +y; pass@1 & A&B.',
      'GPT-4o vs LLaMA-2-7b (v1.2) on CIFAR-100/10, top-1 = 87.5%.',
      'ﬁne-tuning ＢＥＲＴ on naïve Ünïcödé text, 東京 and 𝐀𝐁c with 𝟙x.',
      'a++b a+++ trailing+',
    ]) {
      expect(byScanner(text), text).toEqual(byRegex(text));
    }
  });
});

describe('isSlashListJoint', () => {
  it('splits three or more slashed names, not two and not a slash before digits', () => {
    const joints = (text: string) => tokenize(text).map((_, k, ts) => isSlashListJoint(ts, k));
    expect(joints('A1/B2/C3').filter(Boolean)).toHaveLength(2);
    expect(joints('Gannet/DailyPuffin').some(Boolean)).toBe(false);
    expect(joints('KeT-B/16').some(Boolean)).toBe(false);
  });
});
