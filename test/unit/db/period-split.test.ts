import { describe, expect, it } from 'vitest';
import { precedingPeriodStart, splitPeriod, type PeriodSplit } from '../../../src/db/period-split.js';

const day = (y: number, m: number, d = 1) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** The days [from, to) one by one. */
function daysOf(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = new Date(`${from}T00:00:00Z`); d.toISOString().slice(0, 10) < to; d.setUTCDate(d.getUTCDate() + 1)) out.push(d.toISOString().slice(0, 10));
  return out;
}

/** Every day the split covers, sorted (a day covered twice appears twice). */
function coveredDays(split: PeriodSplit): string[] {
  const out: string[] = [];
  for (const y of split.years) for (let k = y.from; k < y.to; k++) out.push(...daysOf(day(k, 1), day(k + 1, 1)));
  for (const m of split.months) {
    for (let k = m.from; k < m.to; k = k % 100 === 12 ? k + 89 : k + 1) {
      const [y, mm] = [Math.floor(k / 100), k % 100];
      out.push(...daysOf(day(y, mm), mm === 12 ? day(y + 1, 1) : day(y, mm + 1)));
    }
  }
  for (const d of split.days) out.push(...daysOf(d.from, d.to));
  return out.sort();
}

describe('splitPeriod', () => {
  it('reads aligned bounds as whole years, then whole months', () => {
    expect(splitPeriod('2022-01-01', '2024-01-01')).toEqual({ years: [{ from: 2022, to: 2024 }], months: [], days: [] });
    expect(splitPeriod('2021-11-01', '2023-03-01')).toEqual({
      years: [{ from: 2022, to: 2023 }],
      months: [
        { from: 202111, to: 202201 },
        { from: 202301, to: 202303 },
      ],
      days: [],
    });
    expect(splitPeriod('2022-12-01', '2023-02-01')).toEqual({ years: [], months: [{ from: 202212, to: 202302 }], days: [] });
    // Months only when asked (a timeline by month needs each month).
    expect(splitPeriod('2022-01-01', '2024-01-01', { years: false })).toEqual({ years: [], months: [{ from: 202201, to: 202401 }], days: [] });
  });

  it('counts the days of a month a bound cuts, and whole months between', () => {
    expect(splitPeriod('2022-01-15', '2022-04-10')).toEqual({
      years: [],
      months: [{ from: 202202, to: 202204 }],
      days: [
        { from: '2022-01-15', to: '2022-02-01' },
        { from: '2022-04-01', to: '2022-04-10' },
      ],
    });
    expect(splitPeriod('2022-12-31', '2023-01-01')).toEqual({ years: [], months: [], days: [{ from: '2022-12-31', to: '2023-01-01' }] });
    // No whole month inside: days only.
    expect(splitPeriod('2022-01-15', '2022-02-10')).toEqual({ years: [], months: [], days: [{ from: '2022-01-15', to: '2022-02-10' }] });
    expect(splitPeriod('2022-03-01', '2022-03-20')).toEqual({ years: [], months: [], days: [{ from: '2022-03-01', to: '2022-03-20' }] });
    expect(splitPeriod('2022-03-05', '2022-03-05')).toEqual({ years: [], months: [], days: [] });
  });

  it('covers every day of the period exactly once', () => {
    const cases: [string, string][] = [
      ['2021-11-17', '2023-02-03'],
      ['2019-01-02', '2023-12-31'],
      ['2019-12-01', '2021-01-01'],
      ['2020-02-29', '2020-03-01'],
      ['2019-12-01', '2020-01-31'],
      ['2019-12-02', '2020-01-01'],
      ['0001-01-01', '0003-03-05'],
    ];
    for (const [from, to] of cases) {
      for (const years of [true, false]) {
        const split = splitPeriod(from, to, { years });
        expect(coveredDays(split), `${from} .. ${to}`).toEqual(daysOf(from, to));
        if (!years) expect(split.years).toEqual([]);
      }
    }
  });
});

describe('precedingPeriodStart', () => {
  it('goes back as many calendar years or months as a period of whole ones spans, leap days or not', () => {
    expect(precedingPeriodStart('2025-01-01', '2026-01-01')).toBe('2024-01-01');
    expect(precedingPeriodStart('2024-01-01', '2025-01-01')).toBe('2023-01-01');
    expect(precedingPeriodStart('2022-01-01', '2024-01-01')).toBe('2020-01-01');
    expect(precedingPeriodStart('2024-01-01', '2024-02-01')).toBe('2023-12-01');
    expect(precedingPeriodStart('2024-03-01', '2024-06-01')).toBe('2023-12-01');
  });

  it('goes back as many days as any other period spans', () => {
    expect(precedingPeriodStart('2023-02-10', '2023-03-10')).toBe('2023-01-13');
    expect(precedingPeriodStart('2024-03-01', '2024-03-15')).toBe('2024-02-16');
  });
});
