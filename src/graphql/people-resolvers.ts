// Resolvers of schema/people.graphql: authors and venues. Every field goes
// through a per-request DataLoader, so a page of papers with their authors and
// each author's counts costs a fixed number of statements.
import DataLoader from 'dataloader';
import { nameOnlyUid, prefixedIds } from '../db/author-identity.js';
import type { EntityCount, SourceIds } from '../db/read-rows.js';
import { peopleReads, type AuthorCountRow, type PaperPeople, type PeopleLabel, type PersonRow } from '../db/people-reads.js';
import { normalizeKey } from '../extract/normalize.js';
import type { GraphQLContext } from './context.js';
import { groupedLoader, mapLoader } from './loaders.js';
import { badInput } from './errors.js';
import type { Resolvers } from './generated/resolvers-types.js';
import { asEntity, type PaperModel, type PersonModel } from './models.js';
import { pageSize } from './paging.js';

const authorIdsOf = (r: SourceIds) => prefixedIds({ orcid: r.orcid ?? undefined, openalexId: r.openalexId ?? undefined, s2Id: r.s2Id ?? undefined });

interface TopArgs {
  label: PeopleLabel;
  type: string | null;
  role: string | null;
  limit: number;
}

interface PeopleLoaders {
  byKey: Record<PeopleLabel, DataLoader<string, PersonRow | null>>;
  authorByUid: DataLoader<string, AuthorCountRow | null>;
  /** Keyed by person, grouped by the arguments of topEntities. */
  top: DataLoader<{ id: string; args: TopArgs }, EntityCount[], string>;
  paper: DataLoader<string, PaperPeople | null>;
}

const perRequest = new WeakMap<GraphQLContext, PeopleLoaders>();

function loadersOf(ctx: GraphQLContext): PeopleLoaders {
  let l = perRequest.get(ctx);
  if (!l) {
    const reads = peopleReads(ctx.db);
    const byKey = (label: PeopleLabel) => mapLoader((keys: string[]) => reads.byKeys(label, keys), null);
    l = {
      byKey: { Author: byKey('Author'), Venue: byKey('Venue') },
      authorByUid: mapLoader((uids: string[]) => reads.authorsByUids(uids), null),
      top: groupedLoader((keys, a: TopArgs) => reads.topEntities(a.label, keys, a.type, a.role, a.limit), [] as EntityCount[]),
      paper: mapLoader((ids: string[]) => reads.paperPeople(ids), null),
    };
    perRequest.set(ctx, l);
  }
  return l;
}

async function lookup(label: PeopleLabel, name: string, ctx: GraphQLContext): Promise<PersonModel | null> {
  const key = normalizeKey(name);
  if (!key) throw badInput(`name "${name}" has no letters or digits`);
  const row = await loadersOf(ctx).byKey[label].load(key);
  if (!row) return null;
  const ids = label === 'Author' ? authorIdsOf(row.ids) : undefined;
  return { label, key, uid: row.uid ?? undefined, name: row.name, paperCount: row.paperCount, ids };
}

const personFields = {
  paperCount: async (p: PersonModel, _a: unknown, ctx: GraphQLContext) => {
    if (p.paperCount !== undefined) return p.paperCount;
    const l = loadersOf(ctx);
    const row = p.uid ? await l.authorByUid.load(p.uid) : await l.byKey[p.label].load(p.key);
    return row?.paperCount ?? 0;
  },
  topEntities: async (p: PersonModel, args: { type?: string | null; role?: string | null; first?: number | null }, ctx: GraphQLContext) => {
    const type = args.type ?? null;
    const role = args.role ?? null;
    const limit = pageSize(args.first);
    const id = p.label === 'Author' ? (p.uid ?? nameOnlyUid(p.key)) : p.key;
    const rows = await loadersOf(ctx).top.load({ id, args: { label: p.label, type, role, limit } });
    return rows.map((r) => ({ entity: asEntity(r.entity), papers: r.papers }));
  },
};

const paperRow = (p: PaperModel, ctx: GraphQLContext) => loadersOf(ctx).paper.load(p.id);

// Authors and venues travel as PersonModel (codegen.ts maps them to it).
export const peopleResolvers: Resolvers = {
  Author: { ...personFields, ids: (p: PersonModel) => p.ids ?? [] },
  Venue: personFields,
  Paper: {
    authorList: async (p: PaperModel, _a: unknown, ctx: GraphQLContext) =>
      ((await paperRow(p, ctx))?.authors ?? []).map(
        (a): PersonModel => ({ label: 'Author', key: a.key, uid: a.uid, name: a.name, ids: authorIdsOf(a) }),
      ),
    venue: async (p: PaperModel, _a: unknown, ctx: GraphQLContext) => {
      const v = (await paperRow(p, ctx))?.venue;
      return v ? ({ label: 'Venue', key: v.key, name: v.name } satisfies PersonModel) : null;
    },
    doi: async (p: PaperModel, _a: unknown, ctx: GraphQLContext) => (await paperRow(p, ctx))?.doi ?? null,
    externalIds: async (p: PaperModel, _a: unknown, ctx: GraphQLContext) => (await paperRow(p, ctx))?.externalIds ?? [],
  },
  Query: {
    author: (_p: unknown, args: { name: string }, ctx: GraphQLContext) => lookup('Author', args.name, ctx),
    venue: (_p: unknown, args: { name: string }, ctx: GraphQLContext) => lookup('Venue', args.name, ctx),
  },
};
