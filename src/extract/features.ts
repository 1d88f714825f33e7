// Features of a candidate span for the learned scorer: sparse string features a linear
// model handles well (word shape, head noun and its class, neighbouring words, the cue
// verb before it, the rule that proposed it, lexicon membership, position, repetition).
// The same function serves training (src/train) and extraction, so the two cannot drift.
import type { Cand, Sent } from './candidate.js';
import { candidateKey, keyOf } from './candidate.js';
import type { Word } from './chunk-candidates.js';
import { lexTag } from './english.js';
import { headType } from './heads.js';
import type { LexiconIndex } from './lexicon-index.js';
import { isCueVerb } from './roles.js';
import { morphType } from './shapes.js';

/** What a sentence offers every candidate in it: its words and where each token's word sits. */
export interface SentenceView {
  sent: Sent;
  words: readonly Word[];
  /** Word index of each token. */
  wordOf: Int32Array;
  /** Index of the sentence in the paper (0 = title when there is one). */
  index: number;
}

export function sentenceView(sent: Sent, words: readonly Word[], index: number): SentenceView {
  const wordOf = new Int32Array(sent.tokens.length);
  words.forEach((w, n) => {
    for (let k = w.i; k <= w.j; k++) wordOf[k] = n;
  });
  return { sent, words, wordOf, index };
}

/** Shape of a word: X for capitals, x for lower case, d for digits, runs collapsed (GPT-4 -> X-d). */
export function wordShape(w: string): string {
  let out = '';
  for (const ch of w) {
    const c = /\p{Lu}/u.test(ch) ? 'X' : /\p{Ll}/u.test(ch) ? 'x' : /\p{N}/u.test(ch) ? 'd' : ch;
    if (out[out.length - 1] !== c) out += c;
  }
  return out.length > 6 ? out.slice(0, 6) : out;
}

const bucket = (n: number, cuts: readonly number[]): string => {
  for (const c of cuts) if (n <= c) return String(c);
  return `>${cuts[cuts.length - 1]}`;
};

/** The nearest cue verb before the span within five words, lower case, or ''. */
function governingVerb(v: SentenceView, a: number): string {
  for (let k = a - 1; k >= 0 && k >= a - 5; k--) {
    const low = v.words[k]!.lower;
    if (isCueVerb(low)) return low.replace(/(?:ed|es|s|ing)$/, '');
    if (low === '.' || low === ';') break;
  }
  return '';
}

export interface DocStats {
  /** How often each key occurs as a candidate span in the paper. */
  keyCount: Map<string, number>;
}

export function features(c: Cand, v: SentenceView, lex: LexiconIndex, doc: DocStats): string[] {
  const a = v.wordOf[c.i]!;
  const b = v.wordOf[c.j]!;
  const ws = v.words;
  const first = ws[a]!;
  const last = ws[b]!;
  const n = b - a + 1;
  const f: string[] = ['bias', `src=${c.source}`, `n=${bucket(n, [1, 2, 3, 4])}`];
  if (c.type) f.push(`rt=${c.type}`, `rt&src=${c.type}&${c.source}`);
  if (c.source !== 'chunk') f.push(`conf=${bucket(c.conf, [0.5, 0.6, 0.75, 0.9])}`);
  const key = candidateKey(c);
  const listed = lex.byKey.get(key);
  if (listed && listed.length > 0) f.push(`lex=${listed[0]!.entry.type}`);
  const headLex = lex.byKey.get(keyOf(last.text));
  if (headLex && headLex.length > 0 && n > 1) f.push(`headlex=${headLex[0]!.entry.type}`);
  const head = last.lower;
  f.push(`head=${head}`, `first=${first.lower}`, `hsuf=${head.slice(-3)}`);
  const ht = headType(head.split('-').pop() ?? head);
  if (ht) f.push(`htype=${ht}`);
  const mt = morphType(c.text);
  if (mt) f.push(`morph=${mt}`);
  for (let k = a; k <= b; k++) f.push(`w=${ws[k]!.lower}`);
  const shapes: string[] = [];
  for (let k = a; k <= b && k < a + 4; k++) shapes.push(wordShape(ws[k]!.text));
  f.push(`shape=${shapes.join('_')}`, `hshape=${wordShape(last.text)}`, `fshape=${wordShape(first.text)}`);
  f.push(`ftag=${lexTag(first.lower) ?? '?'}`, `htag=${lexTag(head) ?? '?'}`);
  const prev = ws[a - 1];
  const next = ws[b + 1];
  const st = v.sent;
  const gapBefore = prev ? st.text.slice(st.tokens[prev.j]!.end - st.start, st.tokens[first.i]!.start - st.start).trim() : '<s>';
  const gapAfter = next ? st.text.slice(st.tokens[last.j]!.end - st.start, st.tokens[next.i]!.start - st.start).trim() : '</s>';
  f.push(`prev=${gapBefore || prev!.lower}`, `next=${gapAfter || next!.lower}`);
  if (prev && !gapBefore) f.push(`prevw=${prev.lower}`);
  if (next && !gapAfter) f.push(`nextw=${next.lower}`);
  const prev2 = ws[a - 2];
  if (prev2) f.push(`prev2=${prev2.lower}`);
  if (gapAfter.startsWith('(')) f.push('paren_after');
  if (gapBefore.endsWith('(')) f.push('paren_before');
  const verb = governingVerb(v, a);
  if (verb) f.push(`verb=${verb}`);
  if (st.cues.self) f.push('self');
  if (st.isTitle) f.push('title');
  else if (v.index <= 1) f.push('sent0');
  f.push(`count=${bucket(doc.keyCount.get(key) ?? 1, [1, 2, 3])}`);
  if (c.named) f.push('named');
  if (c.proposed) f.push('proposed');
  return f;
}
