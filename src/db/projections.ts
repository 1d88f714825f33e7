// The two projections every read returns, typed once: cypher/projections/paper
// and cypher/projections/entity hold their Cypher, these types their shape.
// The field lists below are what test/unit/db/read-rows.test.ts compares with
// the fragments' keys, so a field added to a fragment without its type here
// fails that test, and one added to a type without its list fails the build.

export const PAPER_FIELDS = ['id', 'title', 'url', 'published', 'authors', 'arxivId'] as const;

/** A paper as cypher/projections/paper returns it (no abstract: see that fragment). */
export interface PaperProjection {
  id: string;
  title: string;
  url: string | null;
  /** YYYY-MM-DD (toString of the stored date), null when the date is unknown. */
  published: string | null;
  authors: string[] | null;
  arxivId: string | null;
}

/** The one-paper reads (read/papers-by-ids, read/paper-with-entities) add the abstract. */
export interface PaperWithAbstract extends PaperProjection {
  abstract: string | null;
}

export const ENTITY_FIELDS = ['id', 'type', 'key', 'name', 'aliases', 'paperCount'] as const;

/** An entity as cypher/projections/entity returns it; `type` is stored lower-case (`dataset`). */
export interface EntityProjection {
  id: string;
  type: string;
  key: string;
  name: string;
  aliases: string[] | null;
  paperCount: number | null;
}

/** True only when A and B name the same keys (a compile-time check, below). */
type SameKeys<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const paperFieldsListed: SameKeys<keyof PaperProjection, (typeof PAPER_FIELDS)[number]> = true;
const entityFieldsListed: SameKeys<keyof EntityProjection, (typeof ENTITY_FIELDS)[number]> = true;
void paperFieldsListed;
void entityFieldsListed;
