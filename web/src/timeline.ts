// An entity's timeline comes from the API (Entity.timeline), which leaves out
// periods without papers; a chart wants them, so they are filled in as zeros.

export type Granularity = 'YEAR' | 'MONTH';

export interface Point {
  period: string;
  papers: number;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Every period from the first point's to the last's, in order, with 0 where the API gave none. */
export function fillPeriods(points: readonly Point[], by: Granularity): Point[] {
  if (points.length === 0) return [];
  const index = (p: string) => (by === 'YEAR' ? Number(p) : Number(p.slice(0, 4)) * 12 + Number(p.slice(5, 7)) - 1);
  const name = (i: number) => (by === 'YEAR' ? String(i) : `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);
  const counts = new Map(points.map((p) => [index(p.period), p.papers]));
  const first = index(points[0]!.period);
  const last = index(points[points.length - 1]!.period);
  const out: Point[] = [];
  for (let i = first; i <= last; i++) out.push({ period: name(i), papers: counts.get(i) ?? 0 });
  return out;
}

/** "2023" or "Mar 2023". */
export function periodLabel(period: string): string {
  return period.length === 7 ? `${MONTHS[Number(period.slice(5, 7)) - 1]} ${period.slice(0, 4)}` : period;
}

/** The first day of the year before `period`'s year: where the month view starts (at most 24 months). */
export function monthsFrom(lastYear: string): string {
  return `${Number(lastYear) - 1}-01-01`;
}
