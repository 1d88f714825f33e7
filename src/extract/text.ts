// Sentence segmentation and ML-aware tokenization with exact character offsets.
// We do not use compromise's tokenizer here: it splits `GPT-4` into `GPT` + `4`
// and drops the offsets we need for evidence. Our tokens are "fine" (split at
// - _ . / so that lexicon keys can be assembled across them) and remember
// whether they are glued to the previous token, which rebuilds "words".
import { isNameShaped } from './shapes.js';

export interface Sentence {
  text: string;
  start: number;
  end: number;
}

export interface Token {
  text: string;
  start: number;
  end: number;
  /** normalizeKey of the token: lowercase letters and digits. */
  key: string;
  /** Glued to the previous token (no whitespace between, only a joiner such as `-`). */
  glued: boolean;
  /** The joiner character before this token when glued ('' when directly adjacent). */
  joiner: string;
  /** Index of the word (whitespace-delimited glued group) the token belongs to. */
  word: number;
}

// Abbreviations after which a period does not end a sentence.
const NO_BREAK = new Set([
  'e.g', 'i.e', 'et al', 'al', 'etc', 'vs', 'cf', 'fig', 'figs', 'eq', 'eqs', 'sec', 'no', 'approx', 'resp',
  'dr', 'mr', 'ms', 'prof', 'incl', 'viz', 'ca', 'ref', 'tab', 'e.t.c',
]);

/** Splits text into sentences: `.`, `!`, `?` followed by space and a capital, digit or bracket. */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  const re = /[.!?]+["')\]]*\s+(?=[\p{Lu}\p{N}("[])/gu;
  let start = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const cut = m.index + m[0].trimEnd().length;
    const before = text.slice(Math.max(start, m.index - 6), m.index).toLowerCase();
    const lastWord = /([a-z.]+)$/.exec(before)?.[1] ?? '';
    if (m[0][0] === '.' && (NO_BREAK.has(lastWord) || /\b[a-z]$/.test(before) && /\.[a-z]$/.test(before))) continue;
    pushSentence(text, start, cut, out);
    start = m.index + m[0].length;
  }
  pushSentence(text, start, text.length, out);
  return out;
}

function pushSentence(text: string, s: number, e: number, out: Sentence[]): void {
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  if (e > s) out.push({ text: text.slice(s, e), start: s, end: e });
}

// Fine tokens: letter/digit runs (with trailing ++ as in PointNet++), plus a few
// symbols that take part in names (`@` in pass@k, `&`).
/** The token pattern the scanner in tokenize implements (kept as its specification and for tests). */
export const FINE_RE = /[\p{L}\p{N}]+(?:\+\+|\+(?![\p{L}\p{N}]))?|[@&]/gu;
// (`^` glues a written superscript to its name: "AP^box")
const JOINERS = new Set(['-', '_', '.', '/', '\u2010', '\u2011', '\u2013', '@', '^', '']);
// "Kelp3+AC"-style names: a plus before a one- or two-capital suffix joins it to the name;
// before a longer word it joins two systems ("KelpNet+TideGAN").
const PLUS_SUFFIX = /^\p{Lu}{1,2}$/u;
// URLs, e-mail addresses and LaTeX-free code links carry no entity mentions (their
// path parts look like names: github.com/org/LLMOPT).
// (an address's domain ends in letters: "mAP@0.5" is a metric, not an address)
const URL_RE = /(?:https?:\/\/|www\.)\S+|[\w.+-]+@[\w-]+\.[A-Za-z][\w.]*|\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|io|net|ai|edu|fun|science|html?)(?:\/\S*)?/gi;

const ALNUM_CHAR = /^[\p{L}\p{N}]$/u;

/** Length in code units (1 or 2) of the letter or digit at `i` (`c` its char code), or 0. */
function alnumLength(text: string, i: number, c: number): number {
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? 1 : 0;
  if (Number.isNaN(c)) return 0;
  const cp = text.codePointAt(i)!;
  return ALNUM_CHAR.test(String.fromCodePoint(cp)) ? (cp > 0xffff ? 2 : 1) : 0;
}

/** Tokenizes `text` (a sentence) whose first character sits at `offset` in the field. */
export function tokenize(text: string, offset = 0): Token[] {
  const out: Token[] = [];
  const skip: Array<[number, number]> = [];
  if (/\.(?:com|org|io|net|ai|edu|fun|science|htm)|https?:|www\.|@/.test(text)) {
    URL_RE.lastIndex = 0;
    let u: RegExpExecArray | null;
    while ((u = URL_RE.exec(text)) !== null) skip.push([u.index, u.index + u[0].length]);
  }
  let word = -1;
  let prevEnd = -2;
  // A hand-written scanner for FINE_RE (the regex engine was the tokenizer's main cost):
  // runs of letters/digits with a trailing `++` or a `+` not followed by a letter/digit,
  // and the single symbols `@` and `&`.
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    const l0 = alnumLength(text, i, c);
    let e: number;
    let ascii: boolean;
    if (l0 === 0) {
      if (c !== 64 && c !== 38) {
        i++;
        continue;
      }
      e = i + 1;
      ascii = false;
    } else {
      e = i + l0;
      ascii = c < 128;
      for (;;) {
        const ce = text.charCodeAt(e);
        const l = alnumLength(text, e, ce);
        if (l === 0) break;
        if (ce >= 128) ascii = false;
        e += l;
      }
      if (text.charCodeAt(e) === 43) {
        if (text.charCodeAt(e + 1) === 43) {
          e += 2;
          ascii = false;
        } else if (alnumLength(text, e + 1, text.charCodeAt(e + 1)) === 0) {
          e += 1;
          ascii = false;
        }
      }
    }
    const s = i;
    i = e;
    if (skip.length > 0 && skip.some(([a, b]) => s >= a && s < b)) {
      prevEnd = -2;
      continue;
    }
    const tokText = text.slice(s, e);
    const gapLen = prevEnd >= 0 ? s - prevEnd : 1;
    const gap = gapLen === 0 ? '' : gapLen === 1 && prevEnd >= 0 ? text[prevEnd]! : ' ';
    const glued = prevEnd >= 0 && gapLen <= 1 && (JOINERS.has(gap) || (gap === '+' && PLUS_SUFFIX.test(tokText))) && !(gap === '.' && /^\p{Lu}/u.test(tokText) && !/\p{N}$/u.test(text.slice(0, prevEnd)));
    if (!glued) word++;
    out.push({
      text: tokText,
      start: s + offset,
      end: e + offset,
      key: ascii ? tokText.toLowerCase() : tokText.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ''),
      glued,
      joiner: glued ? gap : '',
      word,
    });
    prevEnd = e;
  }
  return out;
}

/** The text between token k-1 and token k of a sentence that starts at `sentenceStart`. */
export function gapBefore(tokens: readonly Token[], k: number, sentence: string, sentenceStart: number): string {
  return sentence.slice(tokens[k - 1]!.end - sentenceStart, tokens[k]!.start - sentenceStart);
}

/** Does token b follow token a after exactly one character (a space): "Kelp corpus", not "Kelp, corpus"? */
export function oneSpaceApart(a: Token, b: Token): boolean {
  return b.start - a.end === 1;
}

/**
 * Is token k joined to the one before it by a slash inside a list of three or more names
 * ("KelpDocs/ReefForms/TideScan", "test-a/test-b/Kelp-3")? Two names with one slash may be one
 * name ("Gannet/DailyPuffin"), unless each gets its own number ("of 4.4/5.5"); a slash before digits is
 * part of a name ("KeT-B/16").
 */
export function isSlashListJoint(tokens: readonly Token[], k: number): boolean {
  const letterSlash = (x: number) => tokens[x]!.glued && tokens[x]!.joiner === '/' && /\p{L}/u.test(tokens[x]!.text) && /\p{L}/u.test(tokens[x - 1]!.text);
  if (!tokens[k] || !letterSlash(k)) return false;
  let n = 0;
  let x = wordStart(tokens, k) + 1;
  for (; x < tokens.length && tokens[x]!.glued; x++) if (letterSlash(x)) n++;
  // ("a KDE/KFE of 0.93/2.41": two names with a value each are two measures)
  return n >= 2 || (tokens[x]?.key === 'of' && /^\d+$/.test(tokens[x + 1]?.text ?? '') && tokens.slice(x + 2, x + 5).some((t) => t.glued && t.joiner === '/' && /^\d/.test(t.text)));
}

/** Is token k the "to" of a shift between two names inside one word ("Kelpscapes-to-REEF", "KTA5-to-Kelpscapes")? */
export function isShiftJoint(tokens: readonly Token[], k: number): boolean {
  const t = tokens[k];
  const a = tokens[k - 1];
  const b = tokens[k + 1];
  if (!t || !a || !b || t.key !== 'to' || !t.glued || t.joiner !== '-' || !b.glued || b.joiner !== '-') return false;
  // (one side a name by its spelling: not "Image-to-Video" in a title, nor "Kelp-1-to-3")
  const side = (x: Token) => /^[\p{Lu}\d]/u.test(x.text) && /\p{L}/u.test(x.text) && x.text.length >= 3;
  if (!side(a) || !side(b)) return false;
  // (a side is its whole part of the word: "Kelpscapes-C")
  return isNameShaped(joinedText(tokens, wordStart(tokens, k - 1), k - 1)) || isNameShaped(joinedText(tokens, k + 1, wordEnd(tokens, k + 1)));
}

/** The first token of the word (glued tokens together: "Kelp-3-XL") that token k is part of. */
export function wordStart(tokens: readonly Token[], k: number): number {
  while (k > 0 && tokens[k]!.glued) k--;
  return k;
}

/** The last token of the word that token k is part of. */
export function wordEnd(tokens: readonly Token[], k: number): number {
  while (tokens[k + 1]?.glued) k++;
  return k;
}

/** Tokens from..to as written, glued ones with their joiners ("Kelp-3", "A/B"). */
export function joinedText(tokens: readonly Token[], from: number, to: number): string {
  return tokens.slice(from, to + 1).map((w, n) => (n > 0 ? w.joiner : '') + w.text).join('');
}

/** Does a new name start at token k inside a joined word: after a slash of a list, or on either side of a shift's "to"? */
export function isWordJoint(tokens: readonly Token[], k: number): boolean {
  return isSlashListJoint(tokens, k) || isShiftJoint(tokens, k) || isShiftJoint(tokens, k - 1);
}
