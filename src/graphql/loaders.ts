// Per-request DataLoaders: every nested list is fetched for all parents in one
// statement, so a query costs a bounded number of round trips however many
// papers or entities it touches (no query per item).
import DataLoader from 'dataloader';
import { stringify } from 'safe-stable-stringify';
import type { GraphReads, Keyset, PaperEntityLink } from '../db/graph-reads.js';
import type { PaperPageRow } from '../db/read-rows.js';
import { asEntity, asPaper, type EntityModel, type PaperModel } from './models.js';

/**
 * Loader arguments as a key: equal arguments give one key whatever the order
 * of their fields (JSON.stringify keeps insertion order, so `{type, role}` and
 * `{role, type}` would miss each other). safe-stable-stringify (pino's, so
 * already in the tree) sorts keys at every depth.
 */
export const argsKey = (args: unknown): string => stringify(args) ?? '';

/**
 * A loader whose keys are (id, args). Keys with equal args are fetched together
 * by one call of `fetch`; distinct args (at most as many as the query text
 * spells out) get one call each.
 */
export function groupedLoader<A, V>(fetch: (ids: string[], args: A) => Promise<Map<string, V>>, empty: V) {
  return new DataLoader<{ id: string; args: A }, V, string>(
    async (keys) => {
      const groups = new Map<string, { args: A; ids: string[] }>();
      for (const k of keys) {
        const g = argsKey(k.args);
        const group = groups.get(g) ?? { args: k.args, ids: [] };
        group.ids.push(k.id);
        groups.set(g, group);
      }
      const results = new Map<string, Map<string, V>>();
      await Promise.all([...groups].map(async ([g, { args, ids }]) => results.set(g, await fetch([...new Set(ids)], args))));
      return keys.map((k) => results.get(argsKey(k.args))?.get(k.id) ?? empty);
    },
    { cacheKeyFn: (k) => `${k.id}|${argsKey(k.args)}`, maxBatchSize: 1000 },
  );
}

/**
 * A loader over a read that answers a batch of keys with a Map: each key's
 * value (through `as`), or `missing` when the read found none.
 */
export function mapLoader<K, R, M>(read: (keys: K[]) => Promise<ReadonlyMap<K, R>>, missing: M): DataLoader<K, R | M>;
export function mapLoader<K, R, M, V>(read: (keys: K[]) => Promise<ReadonlyMap<K, R>>, missing: M, as: (row: R) => V): DataLoader<K, V | M>;
export function mapLoader<K, R, M, V>(read: (keys: K[]) => Promise<ReadonlyMap<K, R>>, missing: M, as?: (row: R) => V): DataLoader<K, R | V | M> {
  return new DataLoader<K, R | V | M>(async (keys) => {
    const found = await read([...keys]);
    return keys.map((k) => {
      const row = found.get(k);
      return row === undefined ? missing : as ? as(row) : row;
    });
  });
}

/** A paper's link to an entity (src/db's PaperEntityLink: evidence read back as text) as PaperEntity resolves it. */
export interface PaperEntityItem extends Omit<PaperEntityLink, 'entity'> {
  /** The paper the link starts from (PaperEntity.id is paper x entity). */
  paperId: string;
  entity: EntityModel;
}

export const toItem = (link: PaperEntityLink, paperId: string): PaperEntityItem => ({ ...link, paperId, entity: asEntity(link.entity) });

/** Arguments of one page of an entity's papers (the entityPapers loader's key args, in this order). */
export interface EntityPapersArgs {
  role: string | null;
  /** The cursor's [sortKey, id]: the page follows it, or precedes it when `backward`. */
  keyset: Keyset;
  backward: boolean;
  limit: number;
}

/** A page of an entity's papers as read/entity-papers returns it, for connection(). */
export const toEntityPapersPage = (v: { total: number; rows: PaperPageRow[] }) => ({ total: v.total, rows: v.rows.map(toPaperEdge) });

/** A row of a page of papers as connection() takes it. */
export const toPaperEdge = (r: PaperPageRow) => ({ node: asPaper(r.paper), sortKey: r.sortKey, id: r.paper.id });

/** Most entity links a single paper returns (abstracts name far fewer). */
export const MAX_PAPER_ENTITIES = 200;
/** Entities in more papers than this are skipped when ranking related papers. */
export const RELATED_HUB_LIMIT = 5_000;

/**
 * Loaders are made on first use: a request builds only the ones its query
 * needs (most need one or two). The getters live on one prototype made at
 * load time, so a request's loader set costs one object until it is used.
 */
function lazyLoaders<M extends Record<string, (reads: GraphReads) => unknown>>(makers: M) {
  type Made = { [K in keyof M]: ReturnType<M[K]> };
  const proto: object = {};
  for (const key of Object.keys(makers)) {
    Object.defineProperty(proto, key, {
      get(this: { reads: GraphReads }) {
        const value = makers[key]!(this.reads);
        Object.defineProperty(this, key, { value, enumerable: true });
        return value;
      },
    });
  }
  return (reads: GraphReads): Made => Object.assign(Object.create(proto) as Made, { reads });
}

const makers = {
  paper: (reads: GraphReads) => mapLoader((ids: string[]) => reads.papersById(ids), null, asPaper),
  entity: (reads: GraphReads) => mapLoader((ids: string[]) => reads.entitiesById(ids), null, asEntity),
  paperEntities: (reads: GraphReads) =>
    groupedLoader(
      async (ids, a: { type: string | null; role: string | null }) => {
        const m = await reads.paperEntities(ids, a.type, a.role, MAX_PAPER_ENTITIES);
        return new Map([...m].map(([k, rows]) => [k, rows.map((r) => toItem(r, k))]));
      },
      [] as PaperEntityItem[],
    ),
  entityPapers: (reads: GraphReads) =>
    groupedLoader(
      async (ids, a: EntityPapersArgs) => {
        const m = await reads.entityPapers(ids, a.role, a.keyset, a.limit, a.backward);
        return new Map([...m].map(([k, v]) => [k, toEntityPapersPage(v)]));
      },
      toEntityPapersPage({ total: 0, rows: [] }),
    ),
  cooccurring: (reads: GraphReads) =>
    groupedLoader(
      async (ids, a: { type: string | null; limit: number }) => {
        const m = await reads.entityCooccurring(ids, a.type, a.limit);
        return new Map([...m].map(([k, rows]) => [k, rows.map((r) => ({ entity: asEntity(r.entity), papers: r.papers }))]));
      },
      [] as { entity: EntityModel; papers: number }[],
    ),
  related: (reads: GraphReads) =>
    groupedLoader(
      async (ids, a: { limit: number }) => {
        const m = await reads.paperRelated(ids, a.limit, RELATED_HUB_LIMIT);
        return new Map(
          [...m].map(([k, rows]) => [
            k,
            rows.map((r) => ({ paper: asPaper(r.paper), shared: r.shared.map(asEntity), score: r.score })),
          ]),
        );
      },
      [] as { paper: PaperModel; shared: EntityModel[]; score: number }[],
    ),
  family: (reads: GraphReads) => mapLoader((ids: string[]) => reads.entityFamily(ids), null, asEntity),
  variants: (reads: GraphReads) =>
    groupedLoader(
      async (ids, a: { limit: number }) => {
        const m = await reads.entityVariants(ids, a.limit);
        return new Map([...m].map(([k, rows]) => [k, rows.map(asEntity)]));
      },
      [] as EntityModel[],
    ),
};

export const createLoaders = lazyLoaders(makers);

export type Loaders = ReturnType<typeof createLoaders>;
