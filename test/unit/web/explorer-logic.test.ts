// The explorer's pure parts: highlighting at offsets, type-ahead queries, timeline periods.
import { describe, expect, it } from 'vitest';
import { segments } from '../../../web/src/highlight.js';
import { escapeLucene, typeAheadQuery } from '../../../web/src/lucene.js';
import { fillPeriods, monthsFrom, periodLabel } from '../../../web/src/timeline.js';

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

describe('timeline periods', () => {
  it('fills the periods the API leaves out with zeros, across a year boundary', () => {
    const months = fillPeriods(
      [
        { period: '2023-11', papers: 2 },
        { period: '2024-02', papers: 1 },
      ],
      'MONTH',
    );
    expect(months).toEqual([
      { period: '2023-11', papers: 2 },
      { period: '2023-12', papers: 0 },
      { period: '2024-01', papers: 0 },
      { period: '2024-02', papers: 1 },
    ]);
    expect(fillPeriods([{ period: '2019', papers: 1 }, { period: '2021', papers: 4 }], 'YEAR').map((p) => p.papers)).toEqual([1, 0, 4]);
    expect(fillPeriods([], 'YEAR')).toEqual([]);
  });

  it('names periods and where the month view starts', () => {
    expect(periodLabel('2024-02')).toBe('Feb 2024');
    expect(periodLabel('2024')).toBe('2024');
    expect(monthsFrom('2024')).toBe('2023-01-01');
  });
});
