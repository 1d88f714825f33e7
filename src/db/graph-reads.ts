// Typed reads of the graph. Every function runs exactly one named statement,
// whatever the number of ids it is given (callers batch with DataLoader).
import type { Database } from './database.js';
import { decodeEvidence, type Evidence } from './evidence.js';
import type { LinkRole } from './graph-batch.js';
import type { EntityProjection, PaperWithAbstract } from './projections.js';
import type { CooccurrenceCell, PathNode, StoredLink } from './read-rows.js';

export type Keyset = [string | number, string] | null;

/**
 * A keyset page's parameters: forward statements read after $after in the
 * list's order; backward ones (the `-before` statements, or $backward) read
 * the rows before $before, nearest first, the list's order reversed.
 */
export const seekParams = (keyset: Keyset, backward: boolean) => ({ after: backward ? null : keyset, before: backward ? keyset : null, backward });

/** The statement that reads a page in the given direction. */
export const directed = <N extends string>(name: N, backward: boolean) => (backward ? (`${name}-before` as const) : name);

/** A co-occurrence cell's place in its table: [papers, row id, column id]. */
export type CellKey = [number, string, string];

export const cellKey = (c: CooccurrenceCell): CellKey => [c.papers, c.row.id, c.column.id];

export interface PaperFilterParams {
  allIds: string[];
  anyIds: string[];
  role: string | null;
  text: string | null;
  from: string | null;
  to: string | null;
}

export interface EntityFilterParams {
  type: string | null;
  query: string | null;
}

export const PAPER_ORDERS = { PUBLISHED_DESC: 'read/papers-page-published-desc', TITLE_ASC: 'read/papers-page-title-asc' } as const;
const UNFILTERED_PAPER_ORDERS = {
  PUBLISHED_DESC: 'read/papers-page-all-published-desc',
  TITLE_ASC: 'read/papers-page-all-title-asc',
} as const;
export const ENTITY_ORDERS = { PAPERS_DESC: 'read/entities-page-papers-desc', NAME_ASC: 'read/entities-page-name-asc' } as const;

const isUnfiltered = (f: PaperFilterParams) =>
  f.allIds.length === 0 && f.anyIds.length === 0 && f.role === null && f.text === null && f.from === null && f.to === null;

/** Index lookups with short expansions: they may share a transaction (ReadOptions.shared). */
const SHARED = { shared: true } as const;

/** Above any count a co-occurrence cell can hold (the index range's upper end when no cursor bounds it). */
const MAX_COUNT = Number.MAX_SAFE_INTEGER;

/** A paper's link to an entity as the API shows it: evidence as text, no confidence read as 0. */
export interface PaperEntityLink {
  entity: EntityProjection;
  role: LinkRole;
  confidence: number;
  evidence: Evidence[];
}

/** A paper's entity links with their evidence offsets read back as text (the one place that does it). */
const withEvidence = (items: StoredLink[], paper: { title: string; abstract: string | null }): PaperEntityLink[] => {
  const text = { title: paper.title, abstract: paper.abstract ?? '' };
  return items.map((item) => ({ entity: item.entity, role: item.role, confidence: item.confidence ?? 0, evidence: decodeEvidence(item.evidence, text) }));
};

export const graphReads = (db: Database) => ({
  async papersById(ids: readonly string[]) {
    const rows = await db.read('read/papers-by-ids', { ids }, SHARED);
    return new Map(rows.map((r) => [r.paper.id, r.paper]));
  },

  async entitiesById(ids: readonly string[]) {
    const rows = await db.read('read/entities-by-ids', { ids }, SHARED);
    return new Map(rows.map((r) => [r.entity.id, r.entity]));
  },

  /** Resolves names to entities; result i answers refs[i] (null when unknown). */
  async entitiesByKeys(refs: { type: string | null; key: string }[]) {
    const rows = await db.read('read/entities-by-keys', { refs: refs.map((r, i) => ({ ...r, i })) }, SHARED);
    const out: (EntityProjection | null)[] = refs.map(() => null);
    for (const r of rows) out[r.i] = r.entity;
    return out;
  },

  /** Without a filter, index-ordered statements read only the page instead of every paper. */
  papersPage: (order: keyof typeof PAPER_ORDERS, filter: PaperFilterParams, keyset: Keyset, limit: number, backward = false) =>
    isUnfiltered(filter)
      ? db.read(directed(UNFILTERED_PAPER_ORDERS[order], backward), { ...seekParams(keyset, backward), limit }, SHARED)
      : db.read(directed(PAPER_ORDERS[order], backward), { ...filter, ...seekParams(keyset, backward), limit }),

  async papersCount(filter: PaperFilterParams) {
    // Without a filter the count comes from Neo4j's count store (constant time).
    const [row] = isUnfiltered(filter) ? await db.read('read/papers-count-all') : await db.read('read/papers-count', { ...filter });
    return row?.total ?? 0;
  },

  entitiesPage: (order: keyof typeof ENTITY_ORDERS, filter: EntityFilterParams, keyset: Keyset, limit: number, backward = false) =>
    db.read(directed(ENTITY_ORDERS[order], backward), { ...filter, ...seekParams(keyset, backward), limit }),

  async entitiesCount(filter: EntityFilterParams) {
    const [row] = await db.read('read/entities-count', { ...filter });
    return row?.total ?? 0;
  },

  /** A paper with all its entity links (read/paper-with-entities), or null. */
  async paperWithEntities(id: string, limit: number): Promise<{ paper: PaperWithAbstract; items: PaperEntityLink[] } | null> {
    const [row] = await db.read('read/paper-with-entities', { id, limit }, SHARED);
    return row ? { paper: row.paper, items: withEvidence(row.items, row.paper) } : null;
  },

  async paperEntities(paperIds: readonly string[], type: string | null, role: string | null, limit: number) {
    const rows = await db.read('read/paper-entities', { paperIds, type, role, limit }, SHARED);
    return new Map(rows.map((r) => [r.pid, withEvidence(r.items, r.text)]));
  },

  async entityPapers(entityIds: readonly string[], role: string | null, keyset: Keyset, limit: number, backward = false) {
    const rows = await db.read('read/entity-papers', { entityIds, role, ...seekParams(keyset, backward), limit }, SHARED);
    return new Map(rows.map((r) => [r.eid, { rows: r.rows, total: r.total }]));
  },

  /**
   * Resolves a name (its keys tried in order, as entitiesByKeys) and reads one
   * page of the entity's papers (as entityPapers) in one statement; null when
   * no key names an entity.
   */
  async entityWithPapers(keys: string[], type: string | null, role: string | null, keyset: Keyset, limit: number, backward = false) {
    const [row] = await db.read('read/entity-by-keys-with-papers', { keys, type, role, ...seekParams(keyset, backward), limit }, SHARED);
    return row ?? null;
  },

  async entityCooccurring(entityIds: readonly string[], type: string | null, limit: number) {
    return new Map((await db.read('read/entity-cooccurring', { entityIds, type, limit })).map((r) => [r.eid, r.rows]));
  },

  async paperRelated(paperIds: readonly string[], limit: number, hubLimit: number) {
    return new Map((await db.read('read/paper-related', { paperIds, limit, hubLimit })).map((r) => [r.pid, r.rows]));
  },

  async entityFamily(entityIds: readonly string[]) {
    return new Map((await db.read('read/entity-family', { entityIds }, SHARED)).map((r) => [r.eid, r.entity]));
  },

  async entityVariants(entityIds: readonly string[], limit: number) {
    return new Map((await db.read('read/entity-variants', { entityIds, limit }, SHARED)).map((r) => [r.eid, r.rows]));
  },

  /**
   * Plain terms are cheap index lookups and may share a transaction; wildcard,
   * fuzzy, regex and range queries can scan much of the index, so they run
   * alone and cannot hold up the reads of other requests.
   */
  search: (query: string, limit: number) => db.read('read/search', { query, limit }, { shared: !/[*?~/[\]{}]/.test(query) }),

  /**
   * One page of a co-occurrence table, in the table's order (papers desc, row
   * id, column id), after the cell `after` names. The cells of pairs sharing two
   * papers or more come from the counts kept at write time (read/cooccurrence,
   * an index read that costs the same on any graph size); only a page that gets
   * past them reads the one-paper cells, counted from the links
   * (read/cooccurrence-singles). At most two statements.
   */
  async cooccurrence(rows: string, columns: string, minPapers: number, limit: number, after: CellKey | null): Promise<CooccurrenceCell[]> {
    const inKept = after === null || after[0] >= 2;
    const kept = inKept
      ? await db.read(
          'read/cooccurrence',
          { rows, columns, pair: [rows, columns].sort().join(' '), minPapers: Math.max(minPapers, 2), maxPapers: after?.[0] ?? MAX_COUNT, after, limit },
          SHARED,
        )
      : [];
    if (kept.length === limit || minPapers > 1) return kept;
    const singlesAfter = inKept ? null : [after![1], after![2]];
    const singles = await db.read('read/cooccurrence-singles', { rows, columns, after: singlesAfter, limit: limit - kept.length });
    return [...kept, ...singles];
  },

  async path(from: string, to: string, maxHops: number): Promise<PathNode[] | null> {
    const [row] = await db.read('read/path', { from, to, maxHops });
    return row ? row.nodes : null;
  },

  async stats() {
    const [row] = await db.read('read/stats');
    return row!;
  },

  async ping() {
    await db.read('read/ping', {}, SHARED);
  },
});

export type GraphReads = ReturnType<typeof graphReads>;
