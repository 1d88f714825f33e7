// Resolvers of schema/time.graphql: timelines, first appearances, new and
// trending entities. Each field is one statement per request, whatever the
// number of entities asking (timelines and firstSeen go through DataLoaders).
import DataLoader from 'dataloader';
import { z } from 'zod';
import type { ReadRows } from '../db/read-rows.js';
import { timeReads, type TimelineParams, type TimelinePointRow } from '../db/time-reads.js';
import { precedingPeriodStart } from '../db/period-split.js';
import type { GraphQLContext } from './context.js';
import { groupedLoader, mapLoader } from './loaders.js';
import { badInput } from './errors.js';
import type { Resolvers } from './generated/resolvers-types.js';
import { asEntity, type EntityModel, type FirstSeenModel } from './models.js';
import { connection, dateArg, decodeCursor, encodeCursor, MAX_PAGE, pageRequest, pageSize, seekKey, SORT_KEYS } from './paging.js';

interface TimeLoaders {
  /** Keyed by entity, grouped by timeline arguments. */
  timelines: DataLoader<{ id: string; args: TimelineParams }, TimelinePointRow[], string>;
  firstSeen: DataLoader<string, ReadRows['read/entities-first-seen'] | null>;
}

const perRequest = new WeakMap<GraphQLContext, TimeLoaders>();

function loadersOf(ctx: GraphQLContext): TimeLoaders {
  let l = perRequest.get(ctx);
  if (!l) {
    const reads = timeReads(ctx.db);
    l = {
      timelines: groupedLoader((ids, p: TimelineParams) => reads.timelines(ids, p), [] as TimelinePointRow[]),
      firstSeen: mapLoader((ids: string[]) => reads.firstSeen(ids), null),
    };
    perRequest.set(ctx, l);
  }
  return l;
}

function range(from: string | null, to: string | null) {
  if (from && to && from >= to) throw badInput(`from (${from}) must be before to (${to})`);
}


const PERIOD = /^\d{4}(-\d{2})?$/;

function timeline(e: EntityModel, args: { by?: 'YEAR' | 'MONTH' | null; from?: string | null; to?: string | null; first?: number | null; after?: string | null }, ctx: GraphQLContext) {
  if (args.after != null && !PERIOD.test(args.after)) throw badInput('after must be a period of a timeline (YYYY or YYYY-MM)');
  const p: TimelineParams = {
    by: args.by ?? 'YEAR',
    from: dateArg(args.from, 'from'),
    to: dateArg(args.to, 'to'),
    after: args.after ?? null,
    limit: pageSize(args.first, MAX_PAGE),
  };
  range(p.from, p.to);
  return loadersOf(ctx).timelines.load({ id: e.id, args: p });
}

async function firstSeen(e: EntityModel, _args: unknown, ctx: GraphQLContext): Promise<FirstSeenModel | null> {
  const row = await loadersOf(ctx).firstSeen.load(e.id);
  return row ? { date: row.date, role: row.role, paperId: row.paper } : null;
}

const entityTimeFields = { timeline, firstSeen };

const SCORE = z.number().finite();

export const timeResolvers: Resolvers = {
  Model: entityTimeFields,
  Dataset: entityTimeFields,
  Method: entityTimeFields,
  Task: entityTimeFields,
  Metric: entityTimeFields,
  FirstSeen: {
    paper: async (f, _a, ctx) => {
      const paper = await ctx.loaders.paper.load(f.paperId);
      if (!paper) throw new Error(`first paper ${f.paperId} of an entity is missing`);
      return paper;
    },
  },
  NewEntityConnection: { totalCount: (c) => c.totalCount() },
  Query: {
    trending: async (_p, args, ctx) => {
      const from = dateArg(args.from, 'from')!;
      const to = dateArg(args.to, 'to')!;
      range(from, to);
      const baseFrom = dateArg(args.baselineFrom, 'baselineFrom') ?? precedingPeriodStart(from, to);
      if (baseFrom >= from) throw badInput(`baselineFrom (${baseFrom}) must be before from (${from})`);
      const minPapers = args.minPapers ?? 3;
      if (!Number.isInteger(minPapers) || minPapers < 1) throw badInput(`minPapers must be at least 1 (got ${minPapers})`);
      const order = args.orderBy ?? 'ABSOLUTE';
      const kind = `trending-${order}`;
      const after = decodeCursor(kind, args.after, SCORE) as [number, string] | null;
      const rows = await timeReads(ctx.db).trending({ type: args.type, baseFrom, from, to, order, minPapers, after, limit: pageSize(args.first) });
      return rows.map((r) => {
        const entity = asEntity(r.entity);
        return {
          entity,
          papers: r.papers,
          baselinePapers: r.baseline,
          growth: r.growth,
          growthRate: r.rate,
          cursor: encodeCursor(kind, [r.score, entity.id]),
        };
      });
    },
    newEntities: async (_p, args, ctx) => {
      const from = dateArg(args.from, 'from')!;
      const to = dateArg(args.to, 'to')!;
      range(from, to);
      const type = args.type ?? null;
      const page = pageRequest(args);
      const keyset = seekKey('new-entities', page, SORT_KEYS.date) as [string, string] | null;
      const reads = timeReads(ctx.db);
      const rows = await reads.newEntities(type, from, to, keyset, page.size + 1, page.backward);
      const conn = connection(
        'new-entities',
        rows.map((r) => ({ node: asEntity(r.entity), sortKey: r.firstSeen, id: r.entity.id })),
        page,
        () => reads.newEntitiesCount(type, from, to),
      );
      const dates = new Map(rows.map((r) => [r.entity.id, r.firstSeen]));
      return { ...conn, edges: conn.edges.map((e) => ({ ...e, firstSeen: dates.get(e.node.id)! })) };
    },
  },
};
