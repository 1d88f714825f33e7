// High-recall candidates for the learned scorer: noun-phrase chunks, i.e. runs of
// content words that only whitespace separates (no punctuation, no function word, no
// finite verb), and their sub-spans. Most of them are not entities ("a novel approach",
// "extensive experiments"); the scorer decides, which is why this stage may over-generate.
import { mkCand, spanText, type Cand, type Sent } from './candidate.js';
import { isFunctionWord, lexTag } from './english.js';
import { nameGroup } from './groups.js';
import { isCueVerb } from './roles.js';

/** A whitespace-delimited word of a sentence: its token range and text. */
export interface Word {
  i: number;
  j: number;
  text: string;
  lower: string;
  /** Has a digit, or a capital that is not the sentence's first letter: shaped like (part of) a name. */
  shaped: boolean;
}

// Several phases read a sentence's words; they are built once per sentence.
const WORDS = new WeakMap<Sent, Word[]>();

export function sentenceWords(s: Sent): Word[] {
  let ws = WORDS.get(s);
  if (!ws) WORDS.set(s, (ws = buildWords(s)));
  return ws;
}

function buildWords(s: Sent): Word[] {
  const out: Word[] = [];
  const t = s.tokens;
  for (let k = 0; k < t.length; k++) {
    if (k > 0 && t[k]!.glued) {
      const w = out[out.length - 1]!;
      w.j = k;
      continue;
    }
    out.push({ i: k, j: k, text: '', lower: '', shaped: false });
  }
  out.forEach((w, n) => {
    w.text = spanText(s, w.i, w.j);
    w.lower = w.text.toLowerCase();
    w.shaped = w.text !== w.lower ? /\p{Lu}/u.test(n === 0 ? w.text.slice(1) : w.text) || /\p{N}/u.test(w.text) : /\p{N}/u.test(w.text);
  });
  return out;
}

/** Only whitespace between two words of a sentence (no comma, bracket or dash): they can share a phrase. */
export function spacedWords(s: Sent, a: Word, b: Word): boolean {
  return /^\s+$/.test(s.text.slice(s.tokens[a.j]!.end - s.start, s.tokens[b.i]!.start - s.start));
}

// Words that end a noun phrase although compromise's lexicon does not mark them as
// closed-class or finite verbs.
const BREAK_WORDS = new Set(
  ('is are was were be been being has have had do does did can could may might will would shall should must ' +
    'which that who whom whose what where when how why this these those it its they them their there here ' +
    'such also not no very more most than then thus both either neither each every all any some many much few ' +
    'several other another same etc via per versus vs while whereas although though because since if unless ' +
    'we our us i you he she his her one ones').split(' '),
);
// -ing words that introduce a phrase rather than head one ("using X", "including Y").
const LINKING_GERUNDS = /^(using|applying|including|following|leveraging|employing|utilizing|utilising|achieving|obtaining|outperforming|showing|demonstrating|enabling|allowing|yielding|producing|comparing|combining|exploiting|incorporating|integrating|given|providing|requiring|involving|resulting|making|giving|taking|being|having|considering|reducing|improving|increasing)$/;
const FINITE = new Set(['PastTense', 'Copula', 'Modal', 'Adverb', 'Auxiliary', 'Negative', 'QuestionWord', 'Conjunction', 'Preposition', 'Determiner', 'Pronoun', 'Possessive']);

/** Can this word sit inside a noun phrase? */
export function isChunkWord(w: Word): boolean {
  const low = w.lower;
  if (BREAK_WORDS.has(low) || isFunctionWord(low)) return false;
  if (/^\p{Ll}+ly$/u.test(low) && low.length > 4 && low !== 'family' && low !== 'anomaly' && low !== 'assembly' && low !== 'supply') return false;
  if (LINKING_GERUNDS.test(low)) return false;
  const tag = lexTag(low);
  if (tag && FINITE.has(tag) && w.text === low) return false;
  // finite cue verbs (outperforms, proposed); their -ing forms head phrases ("machine learning")
  if (w.text === low && isCueVerb(low) && !low.endsWith('ing')) return false;
  return true;
}

/** Longest chunk considered, and longest sub-span taken from it, in words. */
const MAX_RUN = 8;
const MAX_SPAN = 6;

/**
 * Chunk candidates of one sentence: for every maximal run of chunk words, each sub-span of
 * up to MAX_SPAN words that ends at the run's end or starts at its start, plus the words
 * before a trailing head noun.
 */
export interface ChunkOptions {
  /** Tokens other candidates hold: runs stop at them. */
  covered?: Uint8Array;
  /** Cheap test of a span of words [a, b] before it becomes a candidate. */
  keep?: (words: readonly Word[], a: number, b: number) => boolean;
}

export function chunkCandidates(s: Sent, words: readonly Word[], opts: ChunkOptions = {}): Cand[] {
  const { covered, keep } = opts;
  const out: Cand[] = [];
  const seen = new Set<number>();
  const add = (a: number, b: number) => {
    const at = a * 1000 + b;
    if (seen.has(at)) return;
    seen.add(at);
    if (keep && !keep(words, a, b)) return;
    const i = words[a]!.i;
    const j = words[b]!.j;
    // (the tokens' own keys, joined: normalizeKey of the text without its cost, which chunks would pay ~90 times a paper)
    let key = '';
    for (let k = i; k <= j; k++) key += s.tokens[k]!.key;
    out.push(mkCand(s, i, j, 'chunk', { group: nameGroup(key) }));
  };
  let runStart = -1;
  const flush = (end: number) => {
    if (runStart < 0) return;
    for (let a0 = runStart; a0 <= end; a0 += MAX_RUN) {
      const b0 = Math.min(end, a0 + MAX_RUN - 1);
      for (let a = a0; a <= b0; a++) {
        for (let b = a; b <= b0 && b - a < MAX_SPAN; b++) {
          if (b === b0 || a === a0) add(a, b);
        }
      }
    }
    runStart = -1;
  };
  for (let k = 0; k < words.length; k++) {
    const w = words[k]!;
    // a word inside another candidate ends the run when the caller only wants free spans
    const ok = !(covered && (covered[w.i] || covered[w.j])) && isChunkWord(w);
    const gapOk = k > 0 && runStart >= 0 && spacedWords(s, words[k - 1]!, w);
    if (!ok) {
      flush(k - 1);
      continue;
    }
    if (runStart >= 0 && !gapOk) flush(k - 1);
    if (runStart < 0) runStart = k;
  }
  flush(words.length - 1);
  return out;
}
