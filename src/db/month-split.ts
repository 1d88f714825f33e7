// The time questions read papers per entity and month from counts kept at
// write time (cypher/ingest/month-counts-change.cypher); a period bounded by
// any two days is the whole months inside it, read from those counts, plus at
// most two pieces of a month cut by a bound, counted from the papers of those
// days. This splits a period into the two.

/** Whole months [from, to), each as year * 100 + month (202305 for May 2023). */
export interface MonthRange {
  from: number;
  to: number;
}

/** Days [from, to), YYYY-MM-DD. */
export interface DayRange {
  from: string;
  to: string;
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

/** [from, to) as the whole months inside it and the days of the months a bound cuts (empty when from >= to). */
export function splitByMonth(from: string, to: string): { months: MonthRange[]; days: DayRange[] } {
  if (from >= to) return { months: [], days: [] };
  const [fy, fm, fd] = parts(from);
  const [ty, tm, td] = parts(to);
  // The first whole month starts at or after `from`; whole months end where `to`'s month begins.
  const first = fd === 1 ? monthKey(fy, fm) : monthKey(...nextMonth(fy, fm));
  const end = monthKey(ty, tm);
  if (first >= end) return { months: [], days: [{ from, to }] };
  const days: DayRange[] = [];
  if (fd !== 1) days.push({ from, to: firstDay(first) });
  if (td !== 1) days.push({ from: firstDay(end), to });
  return { months: [{ from: first, to: end }], days };
}
