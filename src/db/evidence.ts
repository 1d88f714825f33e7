// Evidence is stored once: a link keeps offsets into its paper's stored title
// and abstract, never copies of the text. This module owns that format; the
// ingest encodes with it and every read decodes with it (pure, no I/O).
//
// A link's `r.evidence` is a flat integer list, five numbers per mention:
//   field (0 = title, 1 = abstract), start, end, sentence start, sentence end
// all offsets in UTF-16 code units of the field (as JavaScript's slice counts
// and the extractor reports them). Small integers are what Neo4j packs most
// tightly: a link with up to three mentions keeps the list inside its property
// record instead of the dynamic array store, where each list took a 128-byte
// block of its own per property before.

export type EvidenceField = 'title' | 'abstract';

/** One mention as the API shows it. */
export interface Evidence {
  text: string;
  sentence: string;
  field: EvidenceField;
  start: number;
  end: number;
}

/** A mention as the extractor gives it (see src/extract/types.ts Mention). */
export interface MentionInput {
  text: string;
  sentence: string;
  field: EvidenceField;
  start: number;
  end: number;
}

/** The stored text a link's offsets point into. */
export interface PaperText {
  title: string;
  abstract: string;
}

export const EVIDENCE_STRIDE = 5;
const FIELDS: readonly EvidenceField[] = ['title', 'abstract'];

/** A mention that does not sit in its paper's stored text: the extractor's output and the paper disagree. */
export class EvidenceMismatchError extends Error {
  constructor(
    readonly paperId: string,
    detail: string,
  ) {
    super(`paper "${paperId}": ${detail}`);
    this.name = 'EvidenceMismatchError';
  }
}

/**
 * Offsets of `mentions` in the paper's text. The sentence is found where it
 * covers the mention (the last copy starting at or before it: an abstract may
 * repeat a sentence). Throws when a mention's text or sentence is not where
 * it says, so nothing unreadable is stored.
 */
export function encodeEvidence(paperId: string, paper: PaperText, mentions: readonly MentionInput[]): number[] {
  const out: number[] = [];
  for (const m of mentions) {
    const fieldIndex = FIELDS.indexOf(m.field);
    if (fieldIndex < 0) throw new EvidenceMismatchError(paperId, `mention "${m.text}" names an unknown field "${m.field}"`);
    const text = paper[m.field];
    if (text.slice(m.start, m.end) !== m.text) {
      throw new EvidenceMismatchError(paperId, `mention "${m.text}" is not at ${m.start}-${m.end} of the ${m.field}`);
    }
    const at = text.lastIndexOf(m.sentence, m.start);
    if (at < 0 || at + m.sentence.length < m.end) {
      throw new EvidenceMismatchError(paperId, `the sentence of mention "${m.text}" (${m.field} ${m.start}-${m.end}) is not around it in the ${m.field}`);
    }
    out.push(fieldIndex, m.start, m.end, at, at + m.sentence.length);
  }
  return out;
}

/** The mentions a link's stored offsets stand for, with their text and sentence taken from the paper. */
export function decodeEvidence(offsets: readonly number[] | null | undefined, paper: PaperText): Evidence[] {
  if (!offsets) return [];
  const out: Evidence[] = [];
  for (let i = 0; i + EVIDENCE_STRIDE <= offsets.length; i += EVIDENCE_STRIDE) {
    const field = FIELDS[offsets[i]!] ?? 'abstract';
    const text = paper[field] ?? '';
    const start = offsets[i + 1]!;
    const end = offsets[i + 2]!;
    out.push({ text: text.slice(start, end), sentence: text.slice(offsets[i + 3]!, offsets[i + 4]!), field, start, end });
  }
  return out;
}
