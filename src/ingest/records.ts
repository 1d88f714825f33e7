// What a source yields: either a paper or a precise reason it is not one,
// always with where it came from, so a bad record can be found and fixed.

export interface PaperInput {
  id?: string;
  title: string;
  abstract: string;
  url?: string;
  published?: string;
  authors?: string[];
  /**
   * Per author (same order and length as `authors`), the ids a source gave:
   * `orcid:0000-0002-1825-0097`, `openalex:A5023888391`, `s2author:40348417`.
   * Absent when the source gave none.
   */
  authorIds?: string[][];
  arxivId?: string;
  /** Lowercase, without resolver prefix: `10.1234/abc`. */
  doi?: string;
  /** Journal, conference or repository name as the source gives it. */
  venue?: string;
  /** Other ids of the same work in other sources, prefixed by source: `openalex:W123`, `s2:649d...`, `corpus:2154`. */
  externalIds?: string[];
  /** How much of `published` the source knew: a year-only date is stored as YYYY-01-01. Absent = day. */
  datePrecision?: 'year' | 'month';
}

/**
 * Where a record was read: the source (a file name, "stdin", "api", "graph")
 * and its place in it (a line or record number, a JSON path such as
 * `results[3]`, a paper id), e.g. "papers.jsonl:12". Built and taken apart
 * only here.
 */
export const recordLocation = (source: string, place: number | string) => `${source}:${place}`;

/** The source a location names (a location without a line or record number is all source). */
export const locationSource = (location: string) => location.replace(/:\d+$/, '');

export interface SourceRecord {
  /** Where the record was read (recordLocation), e.g. "papers.jsonl:12". */
  location: string;
  paper?: PaperInput;
  error?: string;
  /** True when HTML markup was removed from the title or abstract. */
  sanitized?: boolean;
  /** Neither paper nor error: input the reader left out on purpose, and why (page chrome of a copied web page). */
  skipped?: string;
  /** What the paper records as its source; default: the file name of `location`; null keeps the stored one. */
  source?: string | null;
}

export interface RejectedRecord {
  location: string;
  id?: string;
  reason: string;
}
