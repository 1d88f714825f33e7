// Candidate mentions: sentences with tokens and cues, and the span records every
// rule produces before overlaps are resolved and mentions become entities.
import { nameGroup, nameGroupKey, type Group } from './groups.js';
import type { Knowledge } from './knowledge.js';
import type { Scorer } from './scorer.js';
import type { LexiconIndex } from './lexicon-index.js';
import { isFunctionWord } from './english.js';
import { normalizeKey } from './normalize.js';
import { sentenceCues, type SentenceCues } from './roles.js';
import { splitSentences, tokenize, type Token } from './text.js';
import type { EntityType, Field, PaperText } from './types.js';

export interface Sent {
  field: Field;
  text: string;
  start: number;
  end: number;
  tokens: Token[];
  cues: SentenceCues;
  isTitle: boolean;
}

export type Source = 'acronym' | 'long' | 'lexicon' | 'known' | 'shape' | 'phrase' | 'term' | 'chunk';

export interface Cand {
  sent: Sent;
  i: number;
  j: number;
  start: number;
  end: number;
  text: string;
  group: Group;
  name: string;
  type: EntityType | null;
  conf: number;
  aliases: string[];
  family?: string;
  source: Source;
  prio: number;
  named: boolean;
  titleHead: boolean;
  /** The lexicon lists it (or a base it is a variant of): the paper did not create it. */
  listed: boolean;
  /** First name after a proposal cue (`we propose X`). */
  proposed: boolean;
}

export interface PaperContext {
  index: LexiconIndex;
  known: Knowledge | null;
  /** The learned candidate scorer; null runs the rules alone. */
  scorer?: Scorer | null;
  /** Keep the knowledge-independent reading in the result (first pass of a corpus run). */
  keepPrepared?: boolean;
}

export const PRIO: Record<Source, number> = { acronym: 6, long: 6, lexicon: 4, known: 3, shape: 2, phrase: 1, term: 1, chunk: 0 };

export function buildSentences(paper: PaperText): Sent[] {
  const out: Sent[] = [];
  let selfSeen = false;
  const title = paper.title ?? '';
  if (title.trim()) {
    const s = title.search(/\S/);
    const text = title.trim();
    const tokens = tokenize(text, s);
    out.push({ field: 'title', text, start: s, end: s + text.length, tokens, cues: sentenceCues(tokens, text, s, true, true), isTitle: true });
  }
  const own = ownNamePattern(title);
  for (const s of splitSentences(paper.abstract ?? '')) {
    const tokens = tokenize(s.text, s.start);
    const cues = sentenceCues(tokens, s.text, s.start, selfSeen, false, own);
    selfSeen ||= cues.self || cues.ownNamed;
    out.push({ field: 'abstract', text: s.text, start: s.start, end: s.end, tokens, cues, isTitle: false });
  }
  return out;
}

/**
 * A one-word name a title "X: ..." opens with: a sentence whose subject or object it is speaks
 * of the paper itself, as "we" does ("Kelpo reads each tide twice ...").
 */
function ownNamePattern(title: string): RegExp | undefined {
  const name = titleOwnWord(title);
  return name ? new RegExp(`(?<![\\p{L}\\p{N}])${name.replace(/[.+]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'u') : undefined;
}

/** The one word a title "X: ..." opens with, the paper's own name ("Kelpo", "Reef-2", "K2+"), if any. */
export function titleOwnWord(title: string): string | undefined {
  const m = /^\s*([\p{L}\p{N}][\p{L}\p{N}.+-]*[\p{L}\p{N}+])\s*:\s/u.exec(title);
  return m && !isFunctionWord(m[1]!.toLowerCase()) ? m[1] : undefined;
}

/** Token range [i, j] exactly covering [start, end) (field offsets), or null. */
export function tokenRange(tokens: Token[], start: number, end: number): [number, number] | null {
  let i = -1;
  let j = -1;
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (i < 0 && t.start >= start) i = k;
    if (t.end <= end) j = k;
  }
  if (i < 0 || j < i) return null;
  return [i, j];
}

export function spanText(s: Sent, i: number, j: number): string {
  return s.text.slice(s.tokens[i]!.start - s.start, s.tokens[j]!.end - s.start);
}

// Names repeat across a corpus; caching their keys skips the NFKC + regex work of normalizeKey.
const KEY_CACHE = new Map<string, string>();

/** normalizeKey, memoised (bounded). */
export function keyOf(name: string): string {
  let k = KEY_CACHE.get(name);
  if (k === undefined) {
    if (KEY_CACHE.size > 50_000) KEY_CACHE.clear();
    k = normalizeKey(name);
    KEY_CACHE.set(name, k);
  }
  return k;
}

export function mkCand(s: Sent, i: number, j: number, source: Source, fields: Partial<Cand>): Cand {
  const text = spanText(s, i, j);
  return {
    sent: s,
    i,
    j,
    start: s.tokens[i]!.start,
    end: s.tokens[j]!.end,
    text,
    group: fields.group ?? nameGroup(keyOf(fields.name ?? text)),
    name: fields.name ?? text,
    type: fields.type ?? null,
    conf: fields.conf ?? 0.5,
    aliases: fields.aliases ?? [],
    family: fields.family,
    source,
    prio: PRIO[source],
    named: fields.named ?? false,
    titleHead: false,
    listed: source === 'lexicon',
    proposed: false,
  };
}

/** A listed measure's short name in capitals ("KMS"), which other fields also use for a technique. */
export function isMeasureAcronym(text: string): boolean {
  return /^\p{Lu}{2,5}$/u.test(text);
}

/** The candidate, a listed measure's acronym, names a technique of that spelling instead ("KMS-pretrained"). */
export function asTechnique(c: Cand): void {
  c.type = 'method';
  c.conf = 0.7;
  c.group = nameGroup(keyOf(c.text));
  c.name = c.text;
  c.aliases = [];
  c.family = undefined;
  c.listed = false;
}

/** A candidate's key: the one its name group carries (chunks set it from their tokens), else its text's. */
export function candidateKey(c: Cand): string {
  return nameGroupKey(c.group) ?? keyOf(c.text);
}

/** Same letters and digits, case kept (a plural s allowed): `T3` vs `T3`, `LLMs` vs `LLM`. */
export function sameLetters(a: string, b: string): boolean {
  const x = a.replace(/[^\p{L}\p{N}]/gu, '');
  const y = b.replace(/[^\p{L}\p{N}]/gu, '');
  return x === y || x === y + 's';
}
