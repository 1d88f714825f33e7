// Reads for the questions over time (schema/time.graphql). Each function runs
// one named statement, whatever the number of entities it is given.
import type { Database } from './database.js';
import { directed, seekParams } from './graph-reads.js';
import { splitPeriod, type PeriodSplit } from './period-split.js';
import type { ReadRows, TimelinePointRow } from './read-rows.js';

export type { TimelinePointRow } from './read-rows.js';

/** Dates far enough out to mean "no bound" (Neo4j dates run from year -999,999,999). */
const BEGINNING = '0001-01-01';
const NO_END = '9999-12-31';

export interface TimelineParams {
  by: 'YEAR' | 'MONTH';
  from: string | null;
  to: string | null;
  after: string | null;
  limit: number;
}

export interface TrendingParams {
  /** Entity type as stored (`dataset`). */
  type: string;
  baseFrom: string;
  from: string;
  to: string;
  order: 'ABSOLUTE' | 'RELATIVE';
  minPapers: number;
  after: [number, string] | null;
  limit: number;
}

/** The year [from, to) spans when it is one whole year and the baseline the whole year before it; else null. */
export function wholeYearAfterBaseline(baseFrom: string, from: string, to: string): number | null {
  const jan1 = /^(\d{4})-01-01$/;
  const [b, f, t] = [baseFrom, from, to].map((d) => jan1.exec(d)?.[1]);
  if (!b || !f || !t) return null;
  const year = Number(f);
  return Number(b) === year - 1 && Number(t) === year + 1 ? year : null;
}

export const timeReads = (db: Database) => ({
  /** Each entity's timeline points (read/entity-timeline), keyed by entity id. */
  async timelines(eids: readonly string[], p: TimelineParams): Promise<Map<string, TimelinePointRow[]>> {
    const rows = await db.read('read/entity-timeline', {
      eids,
      by: p.by,
      // A timeline by month needs each month; by year, whole years are read as such.
      ...splitPeriod(p.from ?? BEGINNING, p.to ?? NO_END, { years: p.by === 'YEAR' }),
      after: p.after,
      limit: p.limit,
    });
    return new Map(rows.map((r) => [r.eid, r.points]));
  },

  /**
   * One whole year against the year before: that year's counts in the order
   * of their kept growth, the page alone. Any other periods: baseline and
   * period each split into whole years and months (read from the kept counts)
   * and the days of cut months, every entity active in them ranked.
   */
  trending: ({ baseFrom, from, to, ...p }: TrendingParams) => {
    const year = wholeYearAfterBaseline(baseFrom, from, to);
    if (year !== null) {
      const { after, minPapers, limit, type } = p;
      return db.read(p.order === 'ABSOLUTE' ? 'read/trending-year-growth' : 'read/trending-year-rate', {
        type, period: year, minPapers, after, limit, maxScore: after ? after[0] : Number.MAX_VALUE,
      });
    }
    const base = splitPeriod(baseFrom, from);
    const period = splitPeriod(from, to);
    const tagged = <K extends keyof PeriodSplit>(k: K) => [...base[k].map((r) => ({ ...r, base: true })), ...period[k].map((r) => ({ ...r, base: false }))];
    return db.read('read/trending', { ...p, years: tagged('years'), months: tagged('months'), days: tagged('days') });
  },

  newEntities: (type: string | null, from: string, to: string, keyset: [string, string] | null, limit: number, backward = false) =>
    db.read(directed('read/new-entities', backward), { type, from, to, ...seekParams(keyset, backward), limit }),

  async newEntitiesCount(type: string | null, from: string, to: string) {
    const [row] = await db.read('read/new-entities-count', { type, from, to });
    return row?.total ?? 0;
  },

  /** Each entity's first paper: date, paper id and role; keyed by entity id. */
  async firstSeen(ids: readonly string[]): Promise<Map<string, ReadRows['read/entities-first-seen']>> {
    const rows = await db.read('read/entities-first-seen', { ids }, { shared: true });
    return new Map(rows.map((r) => [r.id, r]));
  },
});

export type TimeReads = ReturnType<typeof timeReads>;
