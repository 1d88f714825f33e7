// OpenAlex works (https://docs.openalex.org/api-entities/works/work-object), from
// the API's JSON pages or the snapshot's JSON Lines, as the fields validatePaper
// checks. OpenAlex ships no abstract text, only `abstract_inverted_index`
// (word -> positions), which is turned back into the text here.

type Json = Record<string, unknown>;
const obj = (v: unknown): Json | undefined => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : undefined);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v : undefined);

/** A work has an OpenAlex id (`https://openalex.org/W...`) or an abstract_inverted_index. */
export function isOpenAlexWork(raw: Json): boolean {
  return (typeof raw.id === 'string' && /^https:\/\/openalex\.org\/W\d+$/i.test(raw.id)) || 'abstract_inverted_index' in raw;
}

/** Most words an abstract is rebuilt to: positions are data, and a hostile file could ask for billions. */
const MAX_WORDS = 20_000;

/** The abstract text from `{word: [positions]}`; words at the positions, separated by spaces. */
export function abstractFromInvertedIndex(index: unknown): { text: string } | { error: string } {
  const words = obj(index);
  if (!words) return { error: index == null ? 'abstract is missing (OpenAlex has no abstract for this work)' : 'abstract_inverted_index must be an object' };
  const out: string[] = [];
  for (const [word, positions] of Object.entries(words)) {
    if (!Array.isArray(positions)) return { error: `abstract_inverted_index["${word.slice(0, 30)}"] must be a list of positions` };
    for (const p of positions) {
      if (!Number.isInteger(p) || p < 0 || p >= MAX_WORDS) return { error: `abstract_inverted_index["${word.slice(0, 30)}"] has a bad position ${String(p).slice(0, 20)}` };
      out[p] = word;
    }
  }
  // Positions OpenAlex skipped leave holes; they are dropped, not filled with "undefined".
  return { text: out.filter((w) => w !== undefined).join(' ') };
}

const ARXIV_URL = /arxiv\.org\/(?:abs|pdf)\/([^?#\s]+?)(?:\.pdf)?$/i;

export function fromOpenAlex(raw: Json): { paper: Json } | { error: string } {
  const abstract = abstractFromInvertedIndex(raw.abstract_inverted_index);
  if ('error' in abstract) return abstract;
  const ids = obj(raw.ids) ?? {};
  const openalex = str(raw.id) ?? str(ids.openalex);
  const shortId = openalex?.replace(/^https:\/\/openalex\.org\//i, '');
  const locations = [obj(raw.primary_location), ...(Array.isArray(raw.locations) ? raw.locations.map(obj) : []), obj(raw.best_oa_location)].filter(
    (l): l is Json => !!l,
  );
  const arxivUrl = locations.map((l) => str(l.landing_page_url) ?? str(l.pdf_url)).find((u) => u && ARXIV_URL.test(u));
  const named = (Array.isArray(raw.authorships) ? raw.authorships.map(obj) : [])
    .map((a) => ({ name: str(obj(a?.author)?.display_name) ?? str(a?.raw_author_name), author: obj(a?.author) }))
    .filter((a): a is { name: string; author: Json | undefined } => !!a.name);
  const authors = Array.isArray(raw.authorships) ? named.map((a) => a.name) : undefined;
  const authorIds = named.map(({ author }) => {
    const orcid = str(author?.orcid)?.replace(/^https?:\/\/orcid\.org\//i, '');
    const id = str(author?.id)?.replace(/^https:\/\/openalex\.org\//i, '');
    return [orcid && `orcid:${orcid}`, id && /^A\d+$/i.test(id) && `openalex:${id.toUpperCase()}`].filter((x): x is string => !!x);
  });
  // The venue is the journal or conference; a repository (arXiv, Zenodo) is where a copy lives.
  const source = locations.map((l) => obj(l.source)).find((s) => s && s.type !== 'repository' && str(s.display_name));
  const published = str(raw.publication_date) ?? (Number.isInteger(raw.publication_year) ? String(raw.publication_year) : undefined);
  return {
    paper: {
      id: shortId ? `openalex:${shortId}` : undefined,
      title: raw.title ?? raw.display_name,
      abstract: abstract.text,
      published,
      authors,
      authorIds: authorIds.some((x) => x.length) ? authorIds : undefined,
      doi: str(raw.doi) ?? str(ids.doi),
      arxiv_id: arxivUrl ? ARXIV_URL.exec(arxivUrl)![1] : undefined,
      url: str(obj(raw.primary_location)?.landing_page_url) ?? str(raw.doi) ?? openalex,
      venue: source ? str(source.display_name) : undefined,
      externalIds: shortId ? [`openalex:${shortId}`] : undefined,
    },
  };
}
