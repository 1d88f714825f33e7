// The row each read statement of cypher/read returns, next to its name:
// Database.read('read/x') is typed by this map, so the reads above it use
// their rows' fields without casts. Values are already plain JS when a row
// arrives (values.ts: integers as numbers, dates as text, absent as null).
// test/unit/db/read-rows.test.ts checks that each entry names a statement,
// that each statement has an entry, and that the keys are its RETURN columns,
// so write each row here as an object type, or as a type of this file (types,
// not interfaces: a row is then also a Record<string, unknown>, as callers that
// take any row expect).
import type { LinkRole } from './graph-batch.js';
import type { PaperToReextract } from './papers-to-reextract.js';
import type { EntityProjection, PaperProjection, PaperWithAbstract } from './projections.js';

/** A link from a paper to an entity as stored: evidence is offsets (decoded in graph-reads by evidence.ts). */
export type StoredLink = {
  entity: EntityProjection;
  role: LinkRole;
  confidence: number | null;
  evidence: number[] | null;
};

/** One row of a keyset page of papers: the paper and the key the page is sorted by ('' for undated papers). */
export type PaperPageRow = {
  paper: PaperProjection;
  sortKey: string;
};

export type EntityCount = {
  entity: EntityProjection;
  papers: number;
};

/** One trending entity: its papers in the period and the baseline, and the score the order uses. */
export type TrendingRow = {
  entity: EntityProjection;
  papers: number;
  baseline: number;
  growth: number;
  rate: number;
  score: number;
};

/** A timeline point: a period (YYYY or YYYY-MM) and its papers, by role. */
export type TimelinePointRow = {
  period: string;
  papers: number;
  byRole: { role: LinkRole; papers: number }[];
};

export type CooccurrenceCell = {
  row: EntityProjection;
  column: EntityProjection;
  papers: number;
};

export type PathNode = { kind: 'Paper'; paper: PaperProjection } | { kind: 'Entity'; entity: EntityProjection };

/** An author's ids in other sources (each null when that source has none). */
export type SourceIds = {
  orcid: string | null;
  openalexId: string | null;
  s2Id: string | null;
};

/** An author as a paper lists it (read/paper-people). */
export type AuthorRef = SourceIds & {
  uid: string;
  key: string;
  name: string;
};

/** A statement whose rows carry nothing (a procedure that only waits). */
type NoColumns = Record<never, never>;

export interface ReadRows {
  'ingest/papers-to-reextract': { paper: PaperToReextract };
  'read/author-top-entities': { key: string; top: EntityCount[] };
  'read/authors-by-uids': { uid: string; name: string; paperCount: number };
  'read/await-fulltext': NoColumns;
  'read/await-indexes': NoColumns;
  'read/cooccurrence': CooccurrenceCell;
  'read/cooccurrence-singles': CooccurrenceCell;
  'read/entities-by-ids': { entity: EntityProjection };
  /** One row per reference; entity null when the reference names nothing (OPTIONAL CALL). */
  'read/entities-by-keys': { i: number; entity: EntityProjection | null };
  'read/entities-count': { total: number };
  'read/entities-first-seen': { id: string; date: string; paper: string; role: LinkRole };
  'read/entities-page-name-asc': { entity: EntityProjection; sortKey: string };
  'read/entities-page-name-asc-before': { entity: EntityProjection; sortKey: string };
  'read/entities-page-papers-desc': { entity: EntityProjection; sortKey: number };
  'read/entities-page-papers-desc-before': { entity: EntityProjection; sortKey: number };
  'read/entity-by-keys-with-papers': { entity: EntityProjection; rows: PaperPageRow[]; total: number };
  'read/entity-cooccurring': { eid: string; rows: EntityCount[] };
  'read/entity-family': { eid: string; entity: EntityProjection };
  'read/entity-papers': { eid: string; rows: PaperPageRow[]; total: number };
  'read/entity-timeline': { eid: string; points: TimelinePointRow[] };
  'read/entity-variants': { eid: string; rows: EntityProjection[] };
  'read/new-entities': { entity: EntityProjection; firstSeen: string };
  'read/new-entities-before': { entity: EntityProjection; firstSeen: string };
  'read/new-entities-count': { total: number };
  'read/paper-entities': { pid: string; text: { title: string; abstract: string | null }; items: StoredLink[] };
  'read/paper-people': {
    id: string;
    authors: AuthorRef[];
    venue: { key: string; name: string } | null;
    doi: string | null;
    externalIds: string[];
  };
  'read/paper-related': { pid: string; rows: { paper: PaperProjection; shared: EntityProjection[]; score: number }[] };
  'read/paper-with-entities': { paper: PaperWithAbstract; items: StoredLink[] };
  'read/papers-by-ids': { paper: PaperWithAbstract };
  'read/papers-count': { total: number };
  'read/papers-count-all': { total: number };
  'read/papers-page-all-published-desc': PaperPageRow;
  'read/papers-page-all-published-desc-before': PaperPageRow;
  'read/papers-page-all-title-asc': PaperPageRow;
  'read/papers-page-all-title-asc-before': PaperPageRow;
  'read/papers-page-published-desc': PaperPageRow;
  'read/papers-page-published-desc-before': PaperPageRow;
  'read/papers-page-title-asc': PaperPageRow;
  'read/papers-page-title-asc-before': PaperPageRow;
  'read/path': { nodes: PathNode[] };
  /** Venues have no uid and no ids (each id is then null). */
  'read/people-by-keys': {
    key: string;
    uid: string | null;
    name: string;
    paperCount: number;
    ids: SourceIds;
  };
  'read/ping': { ok: number };
  'read/search': { score: number; paper: PaperProjection | null; entity: EntityProjection | null };
  'read/stats': { papers: number; entities: number; relationships: number; byType: { type: string; count: number }[] };
  'read/trending': TrendingRow;
  'read/trending-year-growth': TrendingRow;
  'read/trending-year-rate': TrendingRow;
  'read/venue-top-entities': { key: string; top: EntityCount[] };
}

export type ReadName = keyof ReadRows;

/** The row of statement N: typed for the reads above, a plain map for any other statement. */
export type RowOf<N extends string> = N extends ReadName ? ReadRows[N] : Record<string, unknown>;
