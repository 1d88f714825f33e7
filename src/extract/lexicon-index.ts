// Compiled lexicon: every name and alias indexed by its matching key, so that a
// sentence is matched by assembling keys of consecutive fine tokens (the key of
// "CIFAR-100" equals the key of "CIFAR" + "100"). Built once per extractor.
import type { EntityType, Lexicon, LexiconEntry } from './types.js';
import { normalizeKey, singularKey } from './normalize.js';
import { isCommonWord } from './english.js';
import { TASK_TERM_HEADS, techniqueHead } from './heads.js';
import { NAME_TAIL } from './shapes.js';
import { gapBefore, isShiftJoint, isSlashListJoint, type Token } from './text.js';

export interface Surface {
  entry: LexiconEntry;
  /** The spelling of the name or alias as the lexicon gives it. */
  text: string;
  /** Only the lexicon's exact casing (letters only compared) counts as a match. */
  caseSensitive: boolean;
  /** `text` without punctuation and spaces, case kept (precomputed for matching). */
  letters: string;
}

export interface LexiconIndex {
  byKey: Map<string, Surface[]>;
  /** Every character prefix of every key: matching stops as soon as a span cannot grow into a name. */
  prefixes: Set<string>;
  maxTokens: number;
  /**
   * Words that classify a technique or a task in the listed method and task names ("contrastive"
   * of "contrastive learning", "anomaly" of "anomaly detection"): the vocabulary that tells an
   * unlisted term from a description.
   */
  termModifiers: ReadonlySet<string>;
  /** Entry by type and key of its name, for family lookups. */
  entryOf(type: EntityType | null, key: string): LexiconEntry | undefined;
}

// Names the gazetteer keeps although they are ordinary words or collide with
// common acronyms (lexicon/SOURCES.md, "Kept although ambiguous").
const AMBIGUOUS = new Set(
  ['CLIP', 'BLOOM', 'Whisper', 'Falcon', 'Gemini', 'Mistral', 'Granite', 'Spider', 'Yelp', 'SST', 'UAS', 'LAS', 'SAM',
    'HELM', 'GLUE', 'Alpaca', 'Koala', 'Platypus', 'dolphin', 'Places', 'Kinetics', 'Atari', 'Lasso', 'Reptile',
    'Lookahead', 'Cutout', 'Criteo', 'DAVIS', 'PACS', 'WiC', 'COPA', 'WMT', 'MPII', 'CAM', 'ER', 'DP', 'TL', 'DL', 'RL',
  ].map((s) => normalizeKey(s)),
);

// Entries too generic to be graph nodes however they are spelt.
const NEVER = new Set(['model', 'models', 'transformers', 'base', 'large', 'small', 'chat', 'instruct'].map(normalizeKey));

const ASCII_ALNUM = /^[A-Za-z0-9]*$/;

function lettersOnly(s: string): string {
  return ASCII_ALNUM.test(s) ? s : s.replace(/[^\p{L}\p{N}]+/gu, '');
}

function needsCase(text: string, key: string): boolean {
  if (AMBIGUOUS.has(key)) return true;
  if (key.length <= 3) return true;
  const letters = lettersOnly(text);
  // Acronyms (all capitals): `GLUE` is not `glue`.
  if (/^[\p{Lu}\p{N}]+$/u.test(letters) && /\p{Lu}.*\p{Lu}/u.test(letters) && letters.length <= 6) return true;
  // One ordinary English word used as a name (`Alpaca`, `Falcon`): keep its casing.
  if (/^\p{L}+$/u.test(letters) && /\p{Lu}/u.test(letters) && isCommonWord(letters.toLowerCase())) return true;
  return false;
}

/** A name with a possessive and the same name without it: papers write "Pearson r" for "Pearson's r". */
function withoutPossessive(text: string): string[] {
  const bare = text.replace(/(\p{L})['’]s\b/gu, '$1');
  return bare === text ? [text] : [text, bare];
}

export function compileLexicon(lexicon: Lexicon): LexiconIndex {
  const byKey = new Map<string, Surface[]>();
  const prefixes = new Set<string>();
  const names = new Map<string, LexiconEntry>();
  let maxTokens = 1;
  const termModifiers = new Set<string>();
  for (const entry of [...lexicon.entries, ...unlistedFamilies(lexicon)]) {
    if (entry.type === 'method' || entry.type === 'task') {
      for (const text of [entry.name, ...entry.aliases]) {
        const words = text.toLowerCase().split(/\s+/);
        const last = words[words.length - 1]!;
        if (words.length >= 2 && (techniqueHead(last) || TASK_TERM_HEADS.has(last))) for (const w of words.slice(0, -1)) termModifiers.add(w);
      }
    }
    names.set(`${entry.type}:${normalizeKey(entry.name)}`, entry);
    if (!names.has(`*:${normalizeKey(entry.name)}`)) names.set(`*:${normalizeKey(entry.name)}`, entry);
    for (const text of [entry.name, ...entry.aliases].flatMap(withoutPossessive)) {
      const key = normalizeKey(text);
      if (key.length < 2 || NEVER.has(key)) continue;
      const surf: Surface = { entry, text, caseSensitive: needsCase(text, key), letters: lettersOnly(text) };
      for (let p = 1; p <= key.length; p++) prefixes.add(key.slice(0, p));
      const list = byKey.get(key);
      if (list) list.push(surf);
      else byKey.set(key, [surf]);
      const n = text.split(/[^\p{L}\p{N}]+/u).filter(Boolean).length + 1;
      if (n > maxTokens) maxTokens = n;
    }
  }
  return {
    byKey,
    prefixes,
    maxTokens: Math.min(maxTokens, 12),
    termModifiers,
    entryOf(type, key) {
      return names.get(`${type ?? '*'}:${key}`);
    },
  };
}

/**
 * Model families the list names releases after but holds no row of ("o7" of "o7-mini"): a family
 * is itself a name papers use. Only numbered ones, which no sentence uses as a word ("Arctic",
 * "Command" name families too, and sea ice and instructions).
 */
function unlistedFamilies(lexicon: Lexicon): LexiconEntry[] {
  const listed = new Set(lexicon.entries.flatMap((e) => [e.name, ...e.aliases].map(normalizeKey)));
  const out = new Map<string, LexiconEntry>();
  for (const e of lexicon.entries) {
    const f = e.family;
    if (e.type === 'model' && f && /\d/.test(f) && !listed.has(normalizeKey(f))) out.set(normalizeKey(f), { type: 'model', name: f, aliases: [] });
  }
  return [...out.values()];
}

export interface LexMatch {
  /** Token index range [i, j] inclusive. */
  i: number;
  j: number;
  surface: Surface;
}

/** Does the span's spelling satisfy a case-sensitive surface (allowing a plural s)? */
function caseOk(a: string, surf: Surface): boolean {
  // A model or dataset spelt with capitals does not match an all-lower-case word ("minimax", "llama").
  if ((surf.entry.type === 'model' || surf.entry.type === 'dataset') && /^\p{Ll}+$/u.test(a) && surf.letters !== a) return false;
  if (!surf.caseSensitive) return true;
  const b = surf.letters;
  if (a === b || a === b + 's') return true;
  // An all-capitals spelling of a capitalised word (`ALPACA`) is fine in titles; lower case never.
  return false;
}

function pick(list: Surface[] | undefined, spanText: string): Surface | undefined {
  if (!list) return undefined;
  let best: Surface | undefined;
  const letters = lettersOnly(spanText);
  for (const s of list) {
    if (!caseOk(letters, s) || !symbolsOk(spanText, s)) continue;
    // Exact spelling first (SuperGlue vs SuperGLUE).
    if (s.letters === letters) return s;
    best ??= s;
  }
  return best;
}

// Symbols that are part of a name ("A* search", "C++"): the key drops them, so "a search" would match.
const NAME_SYMBOLS = /[*+#]/g;

/** Does the text write the symbols the listed spelling has? (routing "as a search over reefs" is no A* search) */
function symbolsOk(spanText: string, s: Surface): boolean {
  const symbols = s.text.match(NAME_SYMBOLS);
  return symbols === null || symbols.every((c) => spanText.includes(c));
}

/** A suffix that may follow a name inside one hyphenated word (`RLHF-trained`, `CNN-based`). */
function affixTail(tokens: Token[], j: number): boolean {
  const next = tokens[j + 1];
  if (!next || !next.glued || next.joiner !== '-') return false;
  for (let k = j + 1; k < tokens.length && tokens[k]!.word === next.word; k++) {
    if (!/^\p{Ll}{3,}$/u.test(tokens[k]!.text) || NAME_TAIL.test(tokens[k]!.text)) return false;
  }
  return true;
}

/** Longest-first lexicon matches over a sentence's tokens; matches start and end at word boundaries. */
export function matchLexicon(index: LexiconIndex, tokens: Token[], sentenceText: string, sentenceStart: number): LexMatch[] {
  const out: LexMatch[] = [];
  let i = 0;
  while (i < tokens.length) {
    const ti = tokens[i]!;
    // Inside a hyphenated word only after a hyphen ("self-active learning" holds "active learning").
    // (and after a slash that joins list items: "FSIM/UQI/NIQE")
    if (ti.glued && ti.joiner !== '-' && !(ti.joiner === '/' && isSlashListJoint(tokens, i))) {
      i++;
      continue;
    }
    let found: LexMatch | null = null;
    let key = '';
    // Grow the span while its key is a prefix of some name; remember the longest hit.
    for (let j = i; j < tokens.length && j - i < index.maxTokens; j++) {
      // a name does not run across a comma, a colon or a bracket ("On Kelpset, a ..." is no "Kelpset-A")
      if (j > i && !tokens[j]!.glued && /[,;:()[\]]/.test(gapBefore(tokens, j, sentenceText, sentenceStart))) break;
      key += tokens[j]!.key;
      const grown = index.prefixes.has(key);
      const singular = singularKey(key);
      const plural = !grown && singular !== undefined && index.byKey.has(singular);
      if (!grown && !plural) break;
      const next = tokens[j + 1];
      const atWordEnd = !next || !next.glued || (next.joiner === '/' && isSlashListJoint(tokens, j + 1)) || isShiftJoint(tokens, j + 1);
      if (!atWordEnd && !affixTail(tokens, j)) continue;
      if (tokens[j]!.key === '') continue; // a name does not end on a symbol ("ILSVRC &")
      const list = index.byKey.get(key) ?? (singular !== undefined && (plural || /s$/.test(tokens[j]!.text)) ? index.byKey.get(singular) : undefined);
      if (!list) continue;
      const spanText = sentenceText.slice(ti.start - sentenceStart, tokens[j]!.end - sentenceStart);
      const s = pick(list, spanText);
      if (s) found = { i, j, surface: s };
    }
    if (found) {
      out.push(found);
      i = found.j + 1;
    } else i++;
  }
  return out;
}
