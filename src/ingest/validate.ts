import { z } from 'zod';
import type { PaperInput } from './records.js';
import { paperIdProblem } from '../ids.js';
import { cleanInline, cleanText, cleanTextReport } from './text-clean.js';

const MAX_TITLE = 1_000;
const MAX_ABSTRACT = 20_000;

const text = (field: string, max: number) =>
  z
    .string({ error: (i) => (i.input === undefined ? `${field} is missing` : `${field} must be a string`) })
    .transform(cleanText)
    .refine((s) => s.length > 0, `${field} is empty`)
    .refine((s) => s.length <= max, `${field} is longer than ${max} characters`);

// Ids and URLs are not prose: only invisible junk is removed (a `~` or `_` in a URL is real).
const optionalText = (field: string, clean: (s: string) => string = cleanInline) =>
  z
    .union([z.string(), z.null()], { error: `${field} must be a string` })
    .optional()
    .transform((s) => (s == null ? undefined : clean(s) || undefined));

const ARXIV_ID = /^(?:arxiv:|https?:\/\/(?:www\.|export\.)?arxiv\.org\/(?:abs|pdf)\/)?(\d{4}\.\d{4,5}|[a-z][a-z.-]*(?:\.[A-Z]{2})?\/\d{7})(?:v\d+)?(?:\.pdf)?$/i;

const ARXIV_DOI = /^10\.48550\/arxiv\.(.+)$/i;

/** A DOI without resolver or `doi:` prefix, lowercased (DOIs are case-insensitive): `https://doi.org/10.1/AB` -> `10.1/ab`. */
export function bareDoi(raw: string): string {
  return raw
    .trim()
    .replace(/^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:\s*)/i, '')
    .toLowerCase();
}

/**
 * `YYYY-MM-DD` (anything after it, such as a time, is ignored), `YYYY-MM` or
 * `YYYY`, checked to be a real calendar date; undefined for anything else.
 */
export function parsePartialDate(raw: string): { date: string; precision?: 'year' | 'month' } | undefined {
  const m = raw.trim().match(/^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?=$|[T\s])/);
  if (!m) return undefined;
  const [, y, mo, d] = m;
  const date = `${y}-${mo ?? '01'}-${d ?? '01'}`;
  const parsed = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== date) return undefined;
  return d ? { date } : { date, precision: mo ? 'month' : 'year' };
}

/**
 * The arXiv id without prefix, URL or version (`arXiv:2305.03047v2` ->
 * `2305.03047`), so one paper read from JSON Lines and from the arXiv API
 * gets one id. Anything not shaped like an arXiv id is returned as given.
 */
export function bareArxivId(raw: string): string {
  return ARXIV_ID.exec(raw.trim())?.[1] ?? raw.trim();
}

const RawPaper = z.object({
  id: z
    .union([z.string(), z.number().int()], { error: 'id must be a string or an integer' })
    .optional()
    .transform((v) => (v === undefined ? undefined : cleanInline(String(v)) || undefined))
    .superRefine((v, ctx) => {
      const problem = v === undefined ? undefined : paperIdProblem(v);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
  title: text('title', MAX_TITLE),
  abstract: text('abstract', MAX_ABSTRACT),
  url: optionalText('url'),
  // A full date, or a year or year-month (BibTeX, CSL-JSON and S2 often know no more),
  // stored as its first day with the precision kept beside it.
  published: z
    .union([z.string(), z.null()], { error: 'published must be a date string' })
    .optional()
    .transform((s, ctx) => {
      if (s == null || s.trim() === '') return undefined;
      const date = parsePartialDate(s);
      if (!date) {
        ctx.addIssue({ code: 'custom', message: `published "${s.slice(0, 40)}" is not a YYYY-MM-DD date` });
        return z.NEVER;
      }
      return date;
    }),
  authors: z
    .union([z.array(z.string()), z.string(), z.null()], { error: 'authors must be a list of strings' })
    .optional()
    // Not filtered yet: empty names go together with their ids (validatePaper).
    .transform((a) => (a == null ? undefined : (Array.isArray(a) ? a : a.split(/\s*(?:,|;|\band\b)\s*/)).map(cleanText))),
  authorIds: z
    .array(z.array(z.string()), { error: 'authorIds must be a list (one per author) of lists of ids' })
    .optional()
    .transform((a) => a?.map((ids) => [...new Set(ids.map(cleanInline).filter(Boolean))])),
  doi: optionalText('doi', (s) => bareDoi(cleanInline(s))),
  venue: optionalText('venue', cleanText),
  externalIds: z
    .array(z.string(), { error: 'externalIds must be a list of strings' })
    .optional()
    .transform((a) => (a ? [...new Set(a.map(cleanInline).filter(Boolean))] : undefined)),
  arxiv_id: optionalText('arxiv_id', (s) => bareArxivId(cleanInline(s))),
  arxivId: optionalText('arxivId', (s) => bareArxivId(cleanInline(s))),
});

/** A checked, cleaned paper, or the reasons (field by field) it is rejected. */
// `papergraph extract` scores abstracts whose title is missing (as some eval
// sets have); a stored paper always needs one.
const RawPaperUntitled = RawPaper.extend({
  title: z.union([z.string(), z.null()], { error: 'title must be a string' }).optional().transform((s) => (s == null ? '' : cleanText(s))),
});

export interface ValidateOptions {
  /** Accept a missing or empty title (for extraction only, never for the graph). */
  allowEmptyTitle?: boolean;
}

/** True when cleaning removed HTML markup from the title or abstract (ingest counts such records). */
function markupRemoved(raw: object): boolean {
  return (['title', 'abstract'] as const).some((f) => {
    const v = (raw as Record<string, unknown>)[f];
    return typeof v === 'string' && /[<&]/.test(v) && cleanTextReport(v).markupRemoved;
  });
}

export function validatePaper(raw: unknown, opts: ValidateOptions = {}): { paper: PaperInput; sanitized?: true } | { error: string } {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { error: 'record is not a JSON object' };
  const parsed = (opts.allowEmptyTitle ? RawPaperUntitled : RawPaper).safeParse(raw);
  if (!parsed.success) return { error: parsed.error.issues.map((i) => i.message).join('; ') };
  const { arxiv_id, arxivId, published, externalIds, authors: names, authorIds: ids, ...rest } = parsed.data;
  if (ids && ids.length !== (names?.length ?? 0)) return { error: `authorIds has ${ids.length} entries for ${names?.length ?? 0} authors` };
  const kept = (names ?? []).flatMap((name, i) => (name ? [i] : []));
  const authorIds = ids && kept.some((i) => ids[i]!.length > 0) ? kept.map((i) => ids[i]!) : undefined;
  const doi = rest.doi;
  const paper: PaperInput = {
    ...rest,
    authors: names ? kept.map((i) => names[i]!) : undefined,
    authorIds,
    // An arXiv DOI (10.48550/arXiv.ID) names the arXiv paper: one key for both.
    arxivId: arxivId ?? arxiv_id ?? (doi ? ARXIV_DOI.exec(doi)?.[1] : undefined),
    published: published?.date,
    datePrecision: published?.precision,
    externalIds: externalIds?.length ? externalIds : undefined,
  };
  for (const key of Object.keys(paper) as (keyof PaperInput)[]) if (paper[key] === undefined) delete paper[key];
  return markupRemoved(raw) ? { paper, sanitized: true } : { paper };
}
