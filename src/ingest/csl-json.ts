// CSL-JSON items (https://citeproc-js.readthedocs.io/en/latest/csl-json/markup.html),
// what Zotero, Mendeley and pandoc export, as the fields validatePaper checks.

type Json = Record<string, unknown>;
const obj = (v: unknown): Json | undefined => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : undefined);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v : typeof v === 'number' ? String(v) : undefined);

/** A CSL item has a `type` and at least one CSL-only field. */
export function isCslItem(raw: Json): boolean {
  return typeof raw.type === 'string' && ('issued' in raw || 'container-title' in raw || 'DOI' in raw || 'URL' in raw || Array.isArray(raw.author));
}

/** `{"date-parts": [[2023, 5, 4]]}` -> 2023-05-04, `[[2023]]` -> 2023; `{raw: "2023-05"}` as written. */
export function cslDate(date: unknown): string | undefined {
  const d = obj(date);
  if (!d) return undefined;
  const parts = Array.isArray(d['date-parts']) ? d['date-parts'][0] : undefined;
  if (Array.isArray(parts) && parts.length > 0 && parts.every((p) => Number.isInteger(Number(p)))) {
    const [y, m, day] = parts.map(Number);
    return [String(y).padStart(4, '0'), m && String(m).padStart(2, '0'), m && day && String(day).padStart(2, '0')].filter(Boolean).join('-');
  }
  return str(d.raw) ?? str(d.literal);
}

const ARXIV_NOTE = /\barXiv:\s*(\d{4}\.\d{4,5}|[a-z][a-z.-]*(?:\.[A-Z]{2})?\/\d{7})/i;

export function fromCslItem(raw: Json): { paper: Json } | { error: string } {
  if (raw.abstract === undefined) return { error: 'abstract is missing (the library entry has no abstract)' };
  const authors = Array.isArray(raw.author)
    ? raw.author
        .map((a) => {
          const p = obj(a);
          return p ? (str(p.literal) ?? [str(p.given), str(p['non-dropping-particle']), str(p.family)].filter(Boolean).join(' ')) : undefined;
        })
        .filter((n): n is string => !!n)
    : undefined;
  // Zotero puts a preprint's arXiv id in `number` ("arXiv:2305.03047") and often in `note`.
  const arxiv = [raw.number, raw.note, raw.URL].map((v) => (typeof v === 'string' ? ARXIV_NOTE.exec(v)?.[1] ?? /arxiv\.org\/abs\/([^?#\s]+)/i.exec(v)?.[1] : undefined)).find(Boolean);
  return {
    paper: {
      title: raw.title,
      abstract: raw.abstract,
      published: cslDate(raw.issued),
      authors,
      doi: str(raw.DOI),
      arxiv_id: arxiv,
      url: str(raw.URL),
      venue: str(raw['container-title']) ?? str(raw['event-title']) ?? (raw.type === 'article' ? str(raw.publisher) : undefined),
    },
  };
}
