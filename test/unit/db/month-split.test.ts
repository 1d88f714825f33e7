import { describe, expect, it } from 'vitest';
import { splitByMonth } from '../../../src/db/month-split.js';

/** Every day of [from, to) covered exactly once by the split, as a sorted list. */
function coveredDays(split: ReturnType<typeof splitByMonth>): string[] {
  const days: string[] = [];
  const walk = (from: string, to: string) => {
    for (let d = new Date(`${from}T00:00:00Z`); d.toISOString().slice(0, 10) < to; d.setUTCDate(d.getUTCDate() + 1)) days.push(d.toISOString().slice(0, 10));
  };
  for (const m of split.months) {
    for (let k = m.from; k < m.to; k = k % 100 === 12 ? k + 89 : k + 1) {
      const [y, m] = [Math.floor(k / 100), k % 100];
      const day = (year: number, month: number) => `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-01`;
      walk(day(y, m), m === 12 ? day(y + 1, 1) : day(y, m + 1));
    }
  }
  for (const d of split.days) walk(d.from, d.to);
  return days.sort();
}

describe('splitByMonth', () => {
  it('reads aligned bounds as whole months only', () => {
    expect(splitByMonth('2022-01-01', '2023-01-01')).toEqual({ months: [{ from: 202201, to: 202301 }], days: [] });
    expect(splitByMonth('2022-12-01', '2023-02-01')).toEqual({ months: [{ from: 202212, to: 202302 }], days: [] });
  });

  it('counts the days of a month a bound cuts, and whole months between', () => {
    expect(splitByMonth('2022-01-15', '2022-04-10')).toEqual({
      months: [{ from: 202202, to: 202204 }],
      days: [
        { from: '2022-01-15', to: '2022-02-01' },
        { from: '2022-04-01', to: '2022-04-10' },
      ],
    });
    expect(splitByMonth('2022-12-31', '2023-01-01')).toEqual({ months: [], days: [{ from: '2022-12-31', to: '2023-01-01' }] });
    // No whole month inside: days only.
    expect(splitByMonth('2022-01-15', '2022-02-10')).toEqual({ months: [], days: [{ from: '2022-01-15', to: '2022-02-10' }] });
    expect(splitByMonth('2022-03-01', '2022-03-20')).toEqual({ months: [], days: [{ from: '2022-03-01', to: '2022-03-20' }] });
    expect(splitByMonth('2022-03-05', '2022-03-05')).toEqual({ months: [], days: [] });
  });

  it('covers every day of the period exactly once', () => {
    const cases: [string, string][] = [
      ['2021-11-17', '2023-02-03'],
      ['2020-02-29', '2020-03-01'],
      ['2019-12-01', '2020-01-31'],
      ['2019-12-02', '2020-01-01'],
      ['0001-01-01', '0001-03-05'],
    ];
    for (const [from, to] of cases) {
      const all: string[] = [];
      for (let d = new Date(`${from}T00:00:00Z`); d.toISOString().slice(0, 10) < to; d.setUTCDate(d.getUTCDate() + 1)) all.push(d.toISOString().slice(0, 10));
      expect(coveredDays(splitByMonth(from, to)), `${from} .. ${to}`).toEqual(all);
    }
  });
});
