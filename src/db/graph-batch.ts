// The shape of one write batch, as src/ingest prepares it for the graph.

/** The roles of a paper's link to an entity: the link's relationship type, stored and read as the API's Role values. */
export const LINK_ROLES = ['PROPOSES', 'USES', 'EVALUATES_ON', 'COMPARES_WITH', 'MENTIONS'] as const;
export type LinkRole = (typeof LINK_ROLES)[number];

export interface PaperRow {
  id: string;
  title: string;
  abstract: string;
  url: string | null;
  published: string | null;
  authors: string[];
  /** Per author, the sources' ids separated by spaces ('' for none); empty when no author has any. */
  authorIds: string[];
  arxivId: string | null;
  doi: string | null;
  venue: string | null;
  externalIds: string[];
  datePrecision: string | null;
  recordIds: string[];
  source: string | null;
  contentHash: string;
  extractorVersion: string;
}

export interface EntityRow {
  id: string;
  type: string;
  label: string;
  key: string;
  name: string;
  aliases: string[];
  aliasKeys: string[];
}

export interface VariantLinkRow {
  variant: string;
  family: string;
}

export interface PaperEntityRow {
  paper: string;
  entity: string;
  role: string;
  confidence: number;
  /** Offsets of the mentions in the paper's title and abstract (db/evidence.ts). */
  evidence: number[];
}

/** An identity key (arXiv id, DOI, a source's id) of a paper. */
export interface PaperKeyRow {
  key: string;
  paper: string;
}

/** A paper's authors (in order, with the sources' ids: `orcid:…`, `openalex:A…`, `s2author:…`) and venue, as name keys and display names. */
export interface PaperPeopleRow {
  id: string;
  authors: { key: string; name: string; position: number; ids: string[] }[];
  venue: { key: string; name: string } | null;
}

export interface GraphBatch {
  papers: PaperRow[];
  people: PaperPeopleRow[];
  paperKeys: PaperKeyRow[];
  entities: EntityRow[];
  variantLinks: VariantLinkRow[];
  paperLinks: PaperEntityRow[];
}
