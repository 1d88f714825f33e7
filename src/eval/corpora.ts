// Span-annotated corpora (SciERC, SciER) as papers plus gold mention spans, so the
// extractor can be trained and scored on text it was never tuned on. Tokens are joined
// back into text (our extractor reads text, not tokens) and every gold span is carried
// over to character offsets in that text.
import { existsSync, readFileSync } from 'node:fs';
import type { PaperText } from '../extract/types.js';

/** A gold mention: character offsets into the paper's abstract and the corpus's own label. */
export interface GoldSpan {
  start: number;
  end: number;
  label: string;
}

export interface AnnotatedPaper {
  paper: PaperText;
  gold: GoldSpan[];
}

// Penn Treebank bracket tokens as SciERC writes them.
const PTB: Record<string, string> = { '-LRB-': '(', '-RRB-': ')', '-LSB-': '[', '-RSB-': ']', '-LCB-': '{', '-RCB-': '}', '``': '"', "''": '"' };
const NO_SPACE_BEFORE = /^(?:[.,;:!?%)\]}]|'s|'|n't|'re|'ve|'ll|'d|'m)$/;
const NO_SPACE_AFTER = /^[([{]$/;

/** Joins tokens into text with ordinary spacing; returns the text and each token's [start, end). */
export function detokenize(tokens: readonly string[]): { text: string; offsets: Array<[number, number]> } {
  let text = '';
  const offsets: Array<[number, number]> = [];
  let prev = '';
  for (const raw of tokens) {
    const tok = PTB[raw] ?? raw;
    if (text.length > 0 && !NO_SPACE_BEFORE.test(tok) && !NO_SPACE_AFTER.test(prev)) text += ' ';
    offsets.push([text.length, text.length + tok.length]);
    text += tok;
    prev = tok;
  }
  return { text, offsets };
}

interface SpanDoc {
  doc_key?: string;
  doc_id?: string;
  sentences: string[][];
  /** Per sentence: [first token, last token (inclusive), label], document-level token indices. */
  ner: Array<Array<[number, number, string]>>;
}

function fromSpanDoc(d: SpanDoc, n: number): AnnotatedPaper {
  const tokens = d.sentences.flat();
  const { text, offsets } = detokenize(tokens);
  const gold: GoldSpan[] = [];
  for (const sent of d.ner) for (const [i, j, label] of sent) gold.push({ start: offsets[i]![0], end: offsets[j]![1], label });
  return { paper: { id: String(d.doc_key ?? d.doc_id ?? `doc-${n}`), title: '', abstract: text }, gold };
}

/** SciERC json (one document per line) or SciER PLM jsonl: both are span documents. */
export function readSpanCorpus(path: string): AnnotatedPaper[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l, n) => fromSpanDoc(JSON.parse(l) as SpanDoc, n));
}

export function readSpanCorpusIfPresent(path: string): AnnotatedPaper[] | null {
  return existsSync(path) ? readSpanCorpus(path) : null;
}
