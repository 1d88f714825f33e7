// One paper read from several sources (arXiv, OpenAlex, Semantic Scholar, a
// Zotero library) is one node. Papers are matched by identity keys: the arXiv
// id, the DOI and the sources' own ids (`openalex:W...`, `s2:...`). A paper
// matched by key is merged into the node that holds the key: the richer value
// of each field is kept, and ids are never lost. Pure: the pipeline asks the
// graph which node holds a key (db/graph-writes) and calls these.
import { normalizeKey } from '../extract/normalize.js';
import type { PaperInput } from './records.js';

/**
 * An identity key: the kind of id and the id. `arxiv` and `doi` are stored
 * (as PaperKey nodes; cypher/migrations/005-paper-keys.cypher wrote the arXiv
 * ones in the same form); `id`, a paper's own id, matches records within one
 * run. Sources' own ids arrive already in this form (`openalex:W...`, `s2:...`).
 */
export const identityKey = (kind: 'arxiv' | 'doi' | 'id', value: string) => `${kind}:${value}`;

/** The keys that identify a paper across sources, e.g. `arxiv:2106.09685`, `doi:10.1109/cvpr.2016.90`, `openalex:W2194775991`. */
export function identityKeys(p: PaperInput): string[] {
  const keys = new Set<string>();
  if (p.arxivId) keys.add(identityKey('arxiv', p.arxivId));
  if (p.doi) keys.add(identityKey('doi', p.doi));
  for (const id of p.externalIds ?? []) keys.add(id);
  return [...keys];
}

/**
 * The chosen author list's ids, with the ids the other list gives an author of
 * the same name added (OpenAlex's ORCID and Semantic Scholar's author id of one
 * person end on one author); undefined when no author has any.
 */
function mergedAuthorIds(chosen: PaperInput, other: PaperInput): string[][] | undefined {
  const names = chosen.authors ?? [];
  const otherIds = new Map<string, string[]>();
  (other.authors ?? []).forEach((name, i) => {
    const ids = other.authorIds?.[i];
    if (ids?.length) otherIds.set(normalizeKey(name), ids);
  });
  const ids = names.map((name, i) => [...new Set([...(chosen.authorIds?.[i] ?? []), ...(otherIds.get(normalizeKey(name)) ?? [])])]);
  return ids.some((x) => x.length) ? ids : undefined;
}

const precision = (p: PaperInput) => (!p.published ? 0 : p.datePrecision === 'year' ? 1 : p.datePrecision === 'month' ? 2 : 3);

/**
 * `base` (what the graph or the run already holds) with what `extra` (another
 * source's record of the same paper) adds: the longer abstract, the more
 * precise date, the longer author list, any field base lacks, and the union of
 * ids. Idempotent: merging the same record again changes nothing, so a second
 * ingest of either source is "unchanged".
 */
export function mergePapers(base: PaperInput, extra: PaperInput): PaperInput {
  const authorSource = (extra.authors?.length ?? 0) > (base.authors?.length ?? 0) ? extra : base;
  const merged: PaperInput = {
    ...(base.id ? { id: base.id } : {}),
    title: base.title || extra.title,
    abstract: extra.abstract.length > base.abstract.length ? extra.abstract : base.abstract,
    url: base.url ?? extra.url,
    authors: authorSource.authors,
    authorIds: mergedAuthorIds(authorSource, authorSource === extra ? base : extra),
    arxivId: base.arxivId ?? extra.arxivId,
    doi: base.doi ?? extra.doi,
    venue: base.venue ?? extra.venue,
    externalIds: [...new Set([...(base.externalIds ?? []), ...(extra.externalIds ?? [])])],
  };
  const dated = precision(extra) > precision(base) ? extra : base;
  merged.published = dated.published;
  merged.datePrecision = dated.datePrecision;
  for (const key of Object.keys(merged) as (keyof PaperInput)[]) {
    const v = merged[key];
    if (v === undefined || (Array.isArray(v) && v.length === 0 && key === 'externalIds')) delete merged[key];
  }
  return merged;
}
