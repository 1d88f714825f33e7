// The extractor's contract: text in, typed entities out. Everything in
// src/extract is pure (no I/O); lexicons are handed in by the caller.

export const ENTITY_TYPES = ['model', 'dataset', 'method', 'task', 'metric'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

export const ROLES = ['proposes', 'uses', 'evaluates_on', 'compares_with', 'mentions'] as const;
export type Role = (typeof ROLES)[number];

export type Field = 'title' | 'abstract';

/** One paper as the extractor sees it. */
export interface PaperText {
  id: string;
  title: string;
  abstract: string;
}

/** One occurrence of an entity in the paper's text. */
export interface Mention {
  /** Exactly `fieldText.slice(start, end)`. */
  text: string;
  start: number;
  end: number;
  field: Field;
  /** The sentence (of that field) the mention sits in, verbatim. */
  sentence: string;
}

export interface ExtractedEntity {
  type: EntityType;
  /** Display name: the most specific surface form the text gives (e.g. "LLaMA-65b"). */
  name: string;
  /** Canonical key: `normalizeKey(name)`; one graph node per (type, key). */
  key: string;
  /** Other names of the same entity (long form of an acronym, spelling variants). */
  aliases: string[];
  /** Display name of the family or base this is a variant of ("LLaMA" for "LLaMA-65b"), if any. */
  family?: string;
  role: Role;
  /** 0..1: how sure the extractor is of the entity and its type. */
  confidence: number;
  mentions: Mention[];
}

export interface PaperExtraction {
  id: string;
  entities: ExtractedEntity[];
}

/** A name list entry, as read from lexicon/*.tsv (see lexicon/SOURCES.md). */
export interface LexiconEntry {
  type: EntityType;
  name: string;
  aliases: string[];
  family?: string;
}

export interface Lexicon {
  entries: LexiconEntry[];
}

export interface Extractor {
  readonly version: string;
  /** One paper on its own (no corpus-level knowledge beyond the lexicon). */
  extractPaper(paper: PaperText): PaperExtraction;
  /**
   * Several papers as one corpus: acronyms defined in one paper and names typed
   * confidently in one paper are recognised in all of them.
   */
  extractCorpus(papers: readonly PaperText[]): PaperExtraction[];
}
