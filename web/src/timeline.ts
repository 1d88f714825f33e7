// Timeline buckets for an entity's papers. The API counts papers between two
// dates (papers(where: {all, publishedFrom, publishedTo}) { totalCount }), so a
// timeline is one request of at most 13 counts (GraphQL allows 15 aliases):
// 12 months or years ending at the newest paper, and everything before them.

export type Granularity = 'month' | 'year';

export interface Bucket {
  key: string;
  label: string;
  from: string | null;
  to: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `count` buckets ending with the one holding `newest` (YYYY-MM-DD), oldest first, then "earlier". */
export function buckets(newest: string, granularity: Granularity, count = 12): Bucket[] {
  const y = Number(newest.slice(0, 4));
  const m = Number(newest.slice(5, 7));
  const out: Bucket[] = [];
  for (let i = count - 1; i >= 0; i--) {
    if (granularity === 'year') {
      const yy = y - i;
      out.push({ key: `y${yy}`, label: String(yy), from: `${yy}-01-01`, to: `${yy}-12-31` });
    } else {
      const idx = y * 12 + (m - 1) - i;
      const yy = Math.floor(idx / 12);
      const mm = (idx % 12) + 1;
      out.push({ key: `m${yy}${pad(mm)}`, label: `${MONTHS[mm - 1]} ${yy}`, from: `${yy}-${pad(mm)}-01`, to: `${yy}-${pad(mm)}-${pad(lastDay(yy, mm))}` });
    }
  }
  const first = out[0]!.from!;
  const d = new Date(`${first}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  out.unshift({ key: 'earlier', label: 'earlier', from: null, to: d.toISOString().slice(0, 10) });
  return out;
}

/** One GraphQL document counting the entity's papers in each bucket. */
export function timelineQuery(list: readonly Bucket[]): string {
  const fields = list.map(
    (b) =>
      `${b.key}: papers(where: { all: [{ id: $id }]${b.from ? `, publishedFrom: "${b.from}"` : ''}, publishedTo: "${b.to}" }, first: 0) { totalCount }`,
  );
  return `query Timeline($id: ID!) {\n  ${fields.join('\n  ')}\n}`;
}
