// Semantic Scholar papers as the fields validatePaper checks: the Graph API's
// paper object (camelCase: paperId, externalIds, publicationDate) and the bulk
// datasets' `papers` rows (lowercase: corpusid, externalids, publicationdate).
// https://api.semanticscholar.org/api-docs/graph

type Json = Record<string, unknown>;
const obj = (v: unknown): Json | undefined => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : undefined);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v : typeof v === 'number' ? String(v) : undefined);

export function isSemanticScholarPaper(raw: Json): boolean {
  return 'paperId' in raw || 'corpusId' in raw || 'corpusid' in raw || !!obj(raw.externalIds) || !!obj(raw.externalids);
}

export function fromSemanticScholar(raw: Json): { paper: Json } | { error: string } {
  const ext = obj(raw.externalIds) ?? obj(raw.externalids) ?? {};
  const paperId = str(raw.paperId);
  const corpusId = str(raw.corpusId) ?? str(raw.corpusid) ?? str(ext.CorpusId);
  const abstract = raw.abstract;
  if (abstract == null && !('abstract' in raw)) {
    return { error: 'abstract is missing (ask the Graph API for fields=title,abstract,...; the bulk "papers" dataset has none, its "abstracts" dataset has them)' };
  }
  if (abstract === null) return { error: 'abstract is missing (Semantic Scholar has no abstract for this paper)' };
  const named = (Array.isArray(raw.authors) ? raw.authors.map(obj) : []).filter((a) => str(a?.name));
  const authors = Array.isArray(raw.authors) ? named.map((a) => str(a!.name)!) : undefined;
  const authorIds = named.map((a) => (str(a!.authorId) ? [`s2author:${str(a!.authorId)}`] : []));
  const venue = str(obj(raw.publicationVenue)?.name) ?? str(raw.venue) ?? str(obj(raw.journal)?.name);
  const year = Number.isInteger(raw.year) ? String(raw.year) : undefined;
  const externalIds = [paperId && `s2:${paperId}`, corpusId && `corpus:${corpusId}`].filter((x): x is string => !!x);
  return {
    paper: {
      id: paperId ? `s2:${paperId}` : corpusId ? `corpus:${corpusId}` : undefined,
      title: raw.title,
      abstract,
      published: str(raw.publicationDate) ?? str(raw.publicationdate) ?? year,
      authors,
      authorIds: authorIds.some((x) => x.length) ? authorIds : undefined,
      doi: str(ext.DOI),
      arxiv_id: str(ext.ArXiv),
      url: str(raw.url) ?? (paperId ? `https://www.semanticscholar.org/paper/${paperId}` : undefined),
      venue,
      externalIds: externalIds.length ? externalIds : undefined,
    },
  };
}
