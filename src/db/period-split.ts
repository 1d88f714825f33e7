// The time questions read papers per entity and year or month from counts kept
// at write time (cypher/ingest/period-counts-change.cypher). A period bounded by
// any two days is the whole years inside it, read from the yearly counts, the
// whole months around them, read from the monthly ones, and at most two pieces
// of a month cut by a bound, counted from the papers of those days. This splits
// a period into the three.

/** Whole years or months [from, to): years as the year, months as year * 100 + month (202305 for May 2023). */
export interface PeriodRange {
  from: number;
  to: number;
}

/** Days [from, to), YYYY-MM-DD. */
export interface DayRange {
  from: string;
  to: string;
}

export interface PeriodSplit {
  years: PeriodRange[];
  months: PeriodRange[];
  days: DayRange[];
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function parts(day: string): [number, number, number] {
  const m = /^(\d{4,})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) throw new Error(`not a YYYY-MM-DD date: ${day}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

const monthKey = (y: number, m: number) => y * 100 + m;
const nextMonth = (y: number, m: number): [number, number] => (m === 12 ? [y + 1, 1] : [y, m + 1]);
const firstDay = (key: number) => `${pad(Math.floor(key / 100), 4)}-${pad(key % 100)}-01`;

/**
 * [from, to) as whole years (unless `years` is false: then as months), whole
 * months, and the days of the months a bound cuts (all empty when from >= to).
 */
export function splitPeriod(from: string, to: string, { years: useYears = true } = {}): PeriodSplit {
  const none: PeriodSplit = { years: [], months: [], days: [] };
  if (from >= to) return none;
  const [fy, fm, fd] = parts(from);
  const [ty, tm, td] = parts(to);
  // The first whole month starts at or after `from`; whole months end where `to`'s month begins.
  const first = fd === 1 ? monthKey(fy, fm) : monthKey(...nextMonth(fy, fm));
  const end = monthKey(ty, tm);
  if (first >= end) return { ...none, days: [{ from, to }] };
  const days: DayRange[] = [];
  if (fd !== 1) days.push({ from, to: firstDay(first) });
  if (td !== 1) days.push({ from: firstDay(end), to });
  // Whole years: from the first January at or after `first` to the year of `end`.
  const firstYear = first % 100 === 1 ? Math.floor(first / 100) : Math.floor(first / 100) + 1;
  const endYear = Math.floor(end / 100);
  if (!useYears || firstYear >= endYear) return { years: [], months: [{ from: first, to: end }], days };
  const months: PeriodRange[] = [];
  if (first < monthKey(firstYear, 1)) months.push({ from: first, to: monthKey(firstYear, 1) });
  if (monthKey(endYear, 1) < end) months.push({ from: monthKey(endYear, 1), to: end });
  return { years: [{ from: firstYear, to: endYear }], months, days };
}

/**
 * Where the period of the same length just before [from, to) starts: the same
 * number of calendar years or months when both bounds start a year or a month
 * (so 2025 is compared with 2024 whatever the leap days), else of days.
 */
export function precedingPeriodStart(from: string, to: string): string {
  const [fy, fm, fd] = parts(from);
  const [ty, tm, td] = parts(to);
  if (fd === 1 && td === 1) {
    const months = (ty - fy) * 12 + (tm - fm);
    const start = fy * 12 + (fm - 1) - months;
    return `${pad(Math.floor(start / 12), 4)}-${pad((start % 12) + 1)}-01`;
  }
  const days = Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
  return new Date(Date.parse(from) - days * 86_400_000).toISOString().slice(0, 10);
}
