// The explorer's pure parts: highlighting at offsets, type-ahead queries, timeline buckets.
import { describe, expect, it } from 'vitest';
import { segments } from '../../../web/src/highlight.js';
import { escapeLucene, typeAheadQuery } from '../../../web/src/lucene.js';
import { buckets, timelineQuery } from '../../../web/src/timeline.js';

describe('segments', () => {
  const text = 'We fine-tune LLaMA-65b on CIFAR-100 and CIFAR-100-LT.';
  const m = (start: number, end: number, item = 'x') => ({ start, end, text: text.slice(start, end), item });

  it('splits the text into plain and marked runs that put it back together', () => {
    const segs = segments(text, [m(26, 35, 'cifar'), m(13, 22, 'llama')]);
    expect(segs.map((s) => s.text).join('')).toBe(text);
    expect(segs.filter((s) => s.mention).map((s) => [s.text, s.mention!.item])).toEqual([
      ['LLaMA-65b', 'llama'],
      ['CIFAR-100', 'cifar'],
    ]);
  });

  it('keeps the earlier, then longer, of overlapping mentions', () => {
    const segs = segments(text, [m(40, 49, 'short'), m(40, 52, 'long'), m(45, 52, 'inner')]);
    expect(segs.filter((s) => s.mention).map((s) => s.mention!.item)).toEqual(['long']);
    expect(segs.map((s) => s.text).join('')).toBe(text);
  });

  it('ignores mentions whose offsets do not hold their text or fall outside it', () => {
    const segs = segments(text, [
      { start: 0, end: 2, text: 'no', item: 'wrong text' },
      { start: 50, end: 80, text: 'x', item: 'outside' },
      { start: 5, end: 5, text: '', item: 'empty' },
    ]);
    expect(segs).toEqual([{ text, start: 0 }]);
  });
});

describe('typeAheadQuery', () => {
  it('requires every word and matches the last one as a prefix', () => {
    expect(typeAheadQuery('llama 65')).toBe('+llama +(65 OR 65*)');
    expect(typeAheadQuery('  BER ')).toBe('+(BER OR BER*)');
  });

  it('splits on punctuation as the index does, so no Lucene syntax gets through', () => {
    expect(typeAheadQuery('c++ (ours) "x')).toBe('+c +ours +(x OR x*)');
    expect(typeAheadQuery('-- ??')).toBeNull();
    expect(escapeLucene('a+b:c')).toBe('a\\+b\\:c');
  });
});

describe('timeline buckets', () => {
  it('gives 12 months ending with the newest paper, across a year boundary, then everything earlier', () => {
    const b = buckets('2024-02-17', 'month');
    expect(b).toHaveLength(13);
    expect(b[0]).toEqual({ key: 'earlier', label: 'earlier', from: null, to: '2023-02-28' });
    expect(b[1]).toMatchObject({ from: '2023-03-01', to: '2023-03-31', label: 'Mar 2023' });
    expect(b[12]).toMatchObject({ from: '2024-02-01', to: '2024-02-29', label: 'Feb 2024' });
  });

  it('gives 12 years by year', () => {
    const b = buckets('2024-06-01', 'year');
    expect(b[0]!.to).toBe('2012-12-31');
    expect(b.slice(1).map((x) => x.label)).toEqual(Array.from({ length: 12 }, (_, i) => String(2013 + i)));
  });

  it('asks for every bucket in one document within the 15-alias limit', () => {
    const q = timelineQuery(buckets('2024-02-17', 'month'));
    expect(q.match(/: papers\(/g)).toHaveLength(13);
    expect(q).toContain('earlier: papers(where: { all: [{ id: $id }], publishedTo: "2023-02-28" }, first: 0) { totalCount }');
    expect(q).toContain('m202402: papers(where: { all: [{ id: $id }], publishedFrom: "2024-02-01", publishedTo: "2024-02-29" }, first: 0)');
  });
});
