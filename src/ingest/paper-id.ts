import { createHash } from 'node:crypto';
import { normalizeKey } from '../extract/normalize.js';
import type { PaperInput } from './records.js';

/**
 * A paper's id: the explicit one when the source gives it, else derived from
 * the normalised title (readable slug + hash), so re-ingesting the same paper
 * always lands on the same node.
 */
export function paperId(input: { id?: string; title: string }): string {
  const explicit = input.id?.trim();
  if (explicit) return explicit;
  const slug = input.title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
    .replace(/-+$/, '');
  const hash = createHash('sha256').update(normalizeKey(input.title)).digest('hex').slice(0, 10);
  return `${slug}-${hash}`;
}

/** Changes when anything stored about the paper changes. */
export function contentHash(p: PaperInput): string {
  const fields: unknown[] = [p.title, p.abstract, p.url ?? null, p.published ?? null, p.authors ?? [], p.arxivId ?? null];
  // Fields newer than the hash: added only when present, so papers without them keep their hash (and are not re-extracted).
  if (p.doi || p.venue || p.externalIds?.length || p.datePrecision) fields.push(p.doi ?? null, p.venue ?? null, p.externalIds ?? [], p.datePrecision ?? null);
  if (p.authorIds) fields.push(p.authorIds);
  return createHash('sha256').update(JSON.stringify(fields)).digest('hex').slice(0, 32);
}
