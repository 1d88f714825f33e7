// Resolvers of schema/people.graphql: authors and venues. Every field goes
// through a per-request DataLoader, so a page of papers with their authors and
// each author's counts costs a fixed number of statements.
import DataLoader from 'dataloader';
import type { Row } from '../db/database.js';
import { peopleReads, type PeopleLabel } from '../db/people-reads.js';
import { normalizeKey } from '../extract/normalize.js';
import type { GraphQLContext } from './context.js';
import { badInput } from './errors.js';
import type { Resolvers } from './generated/resolvers-types.js';
import { asEntity, type PaperModel } from './models.js';
import { pageSize } from './paging.js';

interface PersonModel {
  label: PeopleLabel;
  key: string;
  name: string;
  paperCount?: number;
}

interface PeopleLoaders {
  byKey: Record<PeopleLabel, DataLoader<string, Row | null>>;
  top: Map<string, DataLoader<string, Row[]>>;
  paper: DataLoader<string, Row | null>;
}

const perRequest = new WeakMap<GraphQLContext, PeopleLoaders>();

function loadersOf(ctx: GraphQLContext): PeopleLoaders {
  let l = perRequest.get(ctx);
  if (!l) {
    const reads = peopleReads(ctx.db);
    const byKey = (label: PeopleLabel) =>
      new DataLoader<string, Row | null>(async (keys) => {
        const found = await reads.byKeys(label, keys);
        return keys.map((k) => found.get(k) ?? null);
      });
    l = {
      byKey: { Author: byKey('Author'), Venue: byKey('Venue') },
      top: new Map(),
      paper: new DataLoader(async (ids) => {
        const found = await reads.paperPeople(ids);
        return ids.map((id) => found.get(id) ?? null);
      }),
    };
    perRequest.set(ctx, l);
  }
  return l;
}

async function lookup(label: PeopleLabel, name: string, ctx: GraphQLContext): Promise<PersonModel | null> {
  const key = normalizeKey(name);
  if (!key) throw badInput(`name "${name}" has no letters or digits`);
  const row = await loadersOf(ctx).byKey[label].load(key);
  return row ? { label, key, name: row.name as string, paperCount: row.paperCount as number } : null;
}

const personFields = {
  paperCount: async (p: PersonModel, _a: unknown, ctx: GraphQLContext) =>
    p.paperCount ?? (((await loadersOf(ctx).byKey[p.label].load(p.key))?.paperCount as number | undefined) ?? 0),
  topEntities: async (p: PersonModel, args: { type?: string | null; role?: string | null; first?: number | null }, ctx: GraphQLContext) => {
    const type = args.type ? args.type.toLowerCase() : null;
    const role = args.role ?? null;
    const limit = pageSize(args.first);
    const l = loadersOf(ctx);
    const id = JSON.stringify([p.label, type, role, limit]);
    let loader = l.top.get(id);
    if (!loader) {
      const reads = peopleReads(ctx.db);
      loader = new DataLoader(async (keys) => {
        const found = await reads.topEntities(p.label, keys, type, role, limit);
        return keys.map((k) => found.get(k) ?? []);
      });
      l.top.set(id, loader);
    }
    return (await loader.load(p.key)).map((r) => ({ entity: asEntity(r.entity), papers: r.papers as number }));
  },
};

const paperRow = (p: PaperModel, ctx: GraphQLContext) => loadersOf(ctx).paper.load(p.id);

// Authors and venues travel as PersonModel; the generated types know only the schema's shape.
export const peopleResolvers = {
  Author: personFields,
  Venue: personFields,
  Paper: {
    authorList: async (p: PaperModel, _a: unknown, ctx: GraphQLContext) =>
      (((await paperRow(p, ctx))?.authors as Row[] | undefined) ?? []).map((a) => ({ label: 'Author', key: a.key, name: a.name }) as PersonModel),
    venue: async (p: PaperModel, _a: unknown, ctx: GraphQLContext) => {
      const v = (await paperRow(p, ctx))?.venue as Row | null | undefined;
      return v ? ({ label: 'Venue', key: v.key, name: v.name } as PersonModel) : null;
    },
    doi: async (p: PaperModel, _a: unknown, ctx: GraphQLContext) => ((await paperRow(p, ctx))?.doi as string | null | undefined) ?? null,
    externalIds: async (p: PaperModel, _a: unknown, ctx: GraphQLContext) => ((await paperRow(p, ctx))?.externalIds as string[] | undefined) ?? [],
  },
  Query: {
    author: (_p: unknown, args: { name: string }, ctx: GraphQLContext) => lookup('Author', args.name, ctx),
    venue: (_p: unknown, args: { name: string }, ctx: GraphQLContext) => lookup('Venue', args.name, ctx),
  },
} as unknown as Resolvers;
