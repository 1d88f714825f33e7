// One paper through the pipeline: sentences and tokens, acronym definitions,
// lexicon and known-name matches, shape chunks, context typing, then entities
// with their mentions and roles.
import type { EntityType, ExtractedEntity, Field, Mention, PaperText, Role } from './types.js';
import { normalizeKey } from './normalize.js';
import { splitSentences, tokenize, type Token } from './text.js';
import { findDefinitions } from './acronyms.js';
import { matchLexicon, type LexiconIndex } from './lexicon-index.js';
import { isFunctionWord, isCommonWord, isPlaceLike, lexTag } from './english.js';
import { DATASET_PREFIXES, isNameShaped, isStopName, isTitleWord, morphType, variantBases } from './shapes.js';
import { headType, isGenericLongForm, typeOfLongForm } from './heads.js';
import { appositive, enumerationHead, evaluationOn, followingHead, namingContext, parentheticalName, skipModifiers, type ContextHint } from './context.js';
import { mentionRole, ROLE_RANK, sentenceCues, type SentenceCues } from './roles.js';
import type { Knowledge, KnownName } from './knowledge.js';

export interface Sent {
  field: Field;
  text: string;
  start: number;
  end: number;
  tokens: Token[];
  cues: SentenceCues;
  isTitle: boolean;
}

type Source = 'acronym' | 'long' | 'lexicon' | 'known' | 'shape' | 'phrase';

interface Cand {
  sent: Sent;
  i: number;
  j: number;
  start: number;
  end: number;
  text: string;
  group: string;
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

export interface PaperResult {
  entities: ExtractedEntity[];
  /** Names this paper can teach the rest of the corpus. */
  learned: KnownName[];
  /** Keys of the paper's whitespace-delimited words (and their singulars). */
  wordKeys: Set<string>;
}

export interface PaperContext {
  index: LexiconIndex;
  known: Knowledge | null;
}

const PRIO: Record<Source, number> = { acronym: 6, long: 6, lexicon: 4, known: 3, shape: 2, phrase: 1 };

function buildSentences(paper: PaperText): Sent[] {
  const out: Sent[] = [];
  let selfSeen = false;
  const title = paper.title ?? '';
  if (title.trim()) {
    const s = title.search(/\S/);
    const text = title.trim();
    const tokens = tokenize(text, s);
    out.push({ field: 'title', text, start: s, end: s + text.length, tokens, cues: sentenceCues(tokens, text, true, true), isTitle: true });
  }
  for (const s of splitSentences(paper.abstract ?? '')) {
    const tokens = tokenize(s.text, s.start);
    const cues = sentenceCues(tokens, s.text, selfSeen, false);
    selfSeen ||= cues.self;
    out.push({ field: 'abstract', text: s.text, start: s.start, end: s.end, tokens, cues, isTitle: false });
  }
  return out;
}

/** Token range [i, j] exactly covering [start, end) (field offsets), or null. */
function tokenRange(tokens: Token[], start: number, end: number): [number, number] | null {
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

function spanText(s: Sent, i: number, j: number): string {
  return s.text.slice(s.tokens[i]!.start - s.start, s.tokens[j]!.end - s.start);
}

function mkCand(s: Sent, i: number, j: number, source: Source, fields: Partial<Cand>): Cand {
  const text = spanText(s, i, j);
  return {
    sent: s,
    i,
    j,
    start: s.tokens[i]!.start,
    end: s.tokens[j]!.end,
    text,
    group: fields.group ?? 'k:' + normalizeKey(fields.name ?? text),
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

// --- acronyms -------------------------------------------------------------

interface DocAcronym {
  short: string;
  /** Display name: the short form, plus the head noun when the long form is only a modifier (`ZO optimization`). */
  name: string;
  long: string;
  type: EntityType | null;
  conf: number;
  generic: boolean;
  entryName?: string;
  entryType?: EntityType;
  family?: string;
}

function lookupType(ctx: PaperContext, text: string): { type: EntityType; name: string; family?: string } | null {
  const key = normalizeKey(text);
  const list = ctx.index.byKey.get(key) ?? (key.endsWith('s') ? ctx.index.byKey.get(key.slice(0, -1)) : undefined);
  const s = list?.[0];
  return s ? { type: s.entry.type, name: s.entry.name, family: s.entry.family } : null;
}

function acronymCandidates(ctx: PaperContext, sents: Sent[], acr: Map<string, DocAcronym>, blocked: Array<[Sent, number, number]>): Cand[] {
  const out: Cand[] = [];
  for (const s of sents) {
    for (const d of findDefinitions(s.text)) {
      const sr = tokenRange(s.tokens, s.start + d.shortStart, s.start + d.shortEnd);
      const lr = tokenRange(s.tokens, s.start + d.longStart, s.start + d.longEnd);
      if (!sr || !lr) continue;
      const key = normalizeKey(d.short);
      const lexS = lookupType(ctx, d.short);
      const lexL = lookupType(ctx, d.long);
      const lex = lexS ?? lexL;
      const generic = !lex && (isGenericLongForm(d.long) || isStopName(d.short));
      let type: EntityType | null = lex?.type ?? typeOfLongForm(d.long);
      let conf = lex ? 0.9 : type ? 0.8 : 0.5;
      if (!type) {
        const h = followingHead(s.tokens, sr[1] + 0) ?? appositive(s.tokens, sr[1], s.text, s.start);
        if (h) {
          type = h.type;
          conf = h.strength;
        }
      }
      let name = d.short;
      let long = d.long;
      if (!lex && !typeOfLongForm(d.long)) {
        const after = s.tokens[sr[1] + 1];
        const gap = after ? s.text.slice(s.tokens[sr[1]]!.end - s.start, after.start - s.start) : '';
        const ht = after && /^\)\s+$/.test(gap) && /^\p{Ll}+$/u.test(after.text) ? headType(after.text) : null;
        if (ht && ht !== 'metric') {
          name = `${d.short} ${after!.text}`;
          long = `${d.long} ${after!.text}`;
          type = ht === 'task' ? 'method' : ht;
          conf = 0.8;
        }
      }
      const prev = acr.get(key);
      if (!prev || (!prev.type && type)) {
        acr.set(key, { short: d.short, name, long, type, conf, generic, entryName: lex?.name, entryType: lex?.type, family: lex?.family });
      }
      if (generic) {
        blocked.push([s, lr[0], lr[1]], [s, sr[0], sr[1]]);
        continue;
      }
      const group = lex ? `e:${lex.type}:${normalizeKey(lex.name)}` : 'a:' + key;
      const common = { group, name, type, conf, aliases: [long], family: lex?.family };
      const lc = mkCand(s, lr[0], lr[1], 'long', common);
      const sc = mkCand(s, sr[0], sr[1], 'acronym', common);
      lc.listed = sc.listed = lex !== null;
      out.push(lc, sc);
    }
  }
  return out;
}

// --- lexicon and known names ------------------------------------------------

function lexiconCandidates(ctx: PaperContext, s: Sent): Cand[] {
  const out: Cand[] = [];
  for (const m of matchLexicon(ctx.index, s.tokens, s.text, s.start)) {
    const e = m.surface.entry;
    let i = m.i;
    let name = spanText(s, m.i, m.j);
    let family = e.family;
    const aliases = normalizeKey(e.name) !== normalizeKey(name) ? [e.name] : [];
    if (s.tokens[m.i]!.glued) {
      // "self-active learning", "Tiny-ImageNet": the whole word names a variant of the listed entry.
      while (i > 0 && s.tokens[i]!.glued) i--;
      const text = spanText(s, i, m.j);
      out.push(mkCand(s, i, m.j, 'lexicon', { name: text, type: e.type, conf: 0.75, family: e.name }));
      continue;
    }
    // "Split CIFAR-100": a split of a known dataset keeps the specific name and links to the base.
    const p = s.tokens[m.i - 1];
    if (e.type === 'dataset' && p && !p.glued && DATASET_PREFIXES.has(p.text.toLowerCase()) && /^\p{Lu}/u.test(p.text)) {
      i = m.i - 1;
      name = spanText(s, i, m.j);
      family = e.name;
    }
    const conf = m.surface.caseSensitive ? 0.8 : 0.92;
    if ((e.type === 'method' || e.type === 'task') && i === m.i) {
      const ext = leftExtension(s, m.i);
      if (ext < m.i) {
        const text = spanText(s, ext, m.j);
        out.push(mkCand(s, ext, m.j, 'lexicon', { name: text, type: e.type, conf: 0.75, family: e.name }));
        continue;
      }
    }
    out.push(mkCand(s, i, m.j, 'lexicon', { group: `e:${e.type}:${normalizeKey(e.name)}${family === e.name ? ':' + normalizeKey(name) : ''}`, name, type: e.type, conf, aliases, family }));
  }
  return out;
}

// Modifiers that do not make a technique more specific ("standard fine-tuning").
const GENERIC_MODS = new Set(
  ('standard vanilla naive simple efficient effective novel new existing traditional conventional full further additional ' +
    'extensive various different several many more most such other same proposed current previous recent prior large small ' +
    'strong better improved typical common popular general specific original plain classical modern successful powerful ' +
    'robust scalable downstream subsequent final initial first second extra larger smaller deep deeper shallow ' +
    'massive costly expensive cheap fast faster slow careful direct further end-to-end joint separate single multiple ' +
    'two three this that these those our their its his her which what whose some any each every all no non').split(' '),
);

/** Start of "self-active learning", "text prompt tuning": specific modifiers before a listed technique. */
function leftExtension(s: Sent, i: number): number {
  const t = s.tokens;
  let k = i;
  let words = 0;
  while (k > 0 && words < 2) {
    // previous word = glued group ending at k-1
    let b = k - 1;
    while (b > 0 && t[b]!.glued) b--;
    const prevText = spanText(s, b, k - 1);
    const gap = s.text.slice(t[k - 1]!.end - s.start, t[k]!.start - s.start);
    if (!/^\s+$/.test(gap)) break;
    const low = prevText.toLowerCase();
    const sentenceStart = b === 0;
    const ok =
      (/^\p{Ll}[\p{Ll}-]*$/u.test(prevText) || (sentenceStart && /^\p{Lu}\p{Ll}+-\p{Ll}+$/u.test(prevText))) &&
      prevText.length > 2 &&
      !GENERIC_MODS.has(low) &&
      !isFunctionWord(low) &&
      !/^(is|are|was|were|be|been|being|has|have|had|do|does|did|can|could|may|might|will|would|should|must|using|via|use|uses|used|apply|applies|applied|perform|performs|performed|enable|enables|enabled|adopt|adopts|adopted|require|requires|required|without|with|and|or|but|to|of|in|on|for|from|by|as|at)$/.test(low) &&
      !/(ly|ing)$/.test(low) &&
      (lexTag(low) === undefined || /Adjective|Noun|Singular|Uncountable|Plural/.test(lexTag(low)!));
    if (!ok) break;
    // "we study dropout": after a subject or modal the word is a verb, not a modifier.
    const before = b > 0 ? t[b - 1]!.text.toLowerCase() : '';
    if (/^(we|they|i|you|it|to|can|could|will|would|may|might|should|must|also|then|first|further|here|which|that|who)$/.test(before)) break;
    k = b;
    words++;
  }
  return k;
}

/** Word-aligned spans of up to 5 words whose key is a known name (this paper's acronyms or the corpus's). */
/** Character prefixes of the keys of this paper's acronyms and the corpus's known names. */
function prefixSet(acr: Map<string, DocAcronym>, known: Knowledge | null): Set<string> {
  const out = known ? new Set(known.prefixes()) : new Set<string>();
  for (const k of acr.keys()) for (let p = 1; p <= k.length; p++) out.add(k.slice(0, p));
  return out;
}

function knownCandidates(ctx: PaperContext, s: Sent, acr: Map<string, DocAcronym>, prefixes: Set<string>): Cand[] {
  const out: Cand[] = [];
  const toks = s.tokens;
  for (let i = 0; i < toks.length; i++) {
    if (toks[i]!.glued) continue;
    let key = '';
    let words = 0;
    let best: Cand | null = null;
    for (let j = i; j < toks.length; j++) {
      if (!toks[j]!.glued) words++;
      if (words > 5) break;
      key += toks[j]!.key;
      if (!prefixes.has(key) && !(key.endsWith('s') && prefixes.has(key.slice(0, -1)))) break;
      const nxt = toks[j + 1];
      if (nxt && nxt.glued) continue;
      const text = spanText(s, i, j);
      let k = key;
      let a = acr.get(k);
      let kn = ctx.known?.get(k);
      if (!a && !kn && k.endsWith('s') && k.length > 3) {
        k = k.slice(0, -1);
        a = acr.get(k);
        kn = ctx.known?.get(k);
      }
      if (a && !a.generic && sameLetters(text, a.short)) {
        best = mkCand(s, i, j, 'known', { group: a.entryName ? `e:${a.entryType}:${normalizeKey(a.entryName)}` : 'a:' + k, name: a.name, type: a.type, conf: a.conf, aliases: [a.long], family: a.family });
        best.listed = a.entryName !== undefined;
      } else if (a?.generic && sameLetters(text, a.short)) {
        best = null;
      } else if (kn && (!kn.acronym && !isCaseSensitiveKnown(kn) ? true : sameLetters(text, kn.name) || kn.aliases.some((x) => sameLetters(text, x)))) {
        best = mkCand(s, i, j, 'known', { group: (kn.acronym ? 'a:' : 'k:') + k, name: kn.acronym ? kn.name : text, type: kn.type, conf: kn.conf * 0.95, aliases: kn.aliases, family: kn.family });
      }
    }
    if (best) {
      out.push(best);
      while (i + 1 < toks.length && i + 1 <= best.j) i++;
    }
  }
  return out;
}

function isCaseSensitiveKnown(k: KnownName): boolean {
  return /\p{Lu}/u.test(k.name);
}

function sameLetters(a: string, b: string): boolean {
  const x = a.replace(/[^\p{L}\p{N}]/gu, '');
  const y = b.replace(/[^\p{L}\p{N}]/gu, '');
  return x === y || x === y + 's';
}

// --- shape chunks -------------------------------------------------------------

type WordKind = 'S' | 'T' | 'V' | null;

interface Word {
  i: number;
  j: number;
  text: string;
  kind: WordKind;
  /** Tokens dropped at the end (`-based`). */
  tail: boolean;
}

const SIZE_WORD = /^(?:\d+(?:\.\d+)?[BbMmKkTt]?|[Vv]\d+(?:\.\d+)*|base|large|small|tiny|xl|xxl|Base|Large|Small|XL|XXL|BASE|LARGE)$/;
const GENERIC_TRAIL = /^(dataset|datasets|benchmark|benchmarks|corpus|model|models|framework|method|algorithm|data|set)$/i;

function words(s: Sent, covered: Uint8Array): Word[] {
  const out: Word[] = [];
  const t = s.tokens;
  let k = 0;
  while (k < t.length) {
    let e = k;
    while (e + 1 < t.length && t[e + 1]!.glued) e++;
    if (covered[k] || covered[e]) {
      out.push({ i: k, j: e, text: '', kind: null, tail: false });
      k = e + 1;
      continue;
    }
    // drop a lower-case affix tail: CAM-based, RLHF-trained
    let ce = e;
    let tail = false;
    while (ce > k && t[ce]!.joiner === '-' && /^\p{Ll}{3,}$/u.test(t[ce]!.text)) {
      ce--;
      tail = true;
    }
    const text = spanText(s, k, ce);
    let kind: WordKind = null;
    if (isNameShaped(text)) kind = 'S';
    else if (SIZE_WORD.test(text)) kind = 'V';
    else if (isTitleWord(text) && !isFunctionWord(text.toLowerCase())) kind = 'T';
    out.push({ i: k, j: ce, text, kind, tail });
    k = e + 1;
  }
  return out;
}

function shapeCandidates(ctx: PaperContext, s: Sent, covered: Uint8Array): Cand[] {
  const out: Cand[] = [];
  const ws = words(s, covered);
  let a = 0;
  while (a < ws.length) {
    const w = ws[a]!;
    const sentenceInitial = a === 0 || (a === 1 && s.tokens[0]!.text.length === 0);
    if (!w.kind || w.kind === 'V' || (w.kind === 'T' && (sentenceInitial || s.isTitle))) {
      a++;
      continue;
    }
    // grow the chunk: S/T words, then size/version words after a name word
    let b = a;
    while (b + 1 < ws.length) {
      const n = ws[b + 1]!;
      if (ws[b]!.tail) break;
      if (!n.kind) break;
      if (n.kind === 'T' && s.isTitle) break;
      // a gap with punctuation ends the chunk
      const gap = s.text.slice(s.tokens[ws[b]!.j]!.end - s.start, s.tokens[n.i]!.start - s.start);
      if (!/^\s+$/.test(gap)) break;
      b++;
    }
    // drop generic trailing heads (`the MNIST dataset`) — they type the name instead
    let e = b;
    while (e > a && ws[e]!.kind === 'T' && GENERIC_TRAIL.test(ws[e]!.text)) e--;
    const chunk = ws.slice(a, e + 1);
    const nS = chunk.filter((x) => x.kind === 'S').length;
    const nT = chunk.filter((x) => x.kind === 'T').length;
    const i = chunk[0]!.i;
    const j = chunk[chunk.length - 1]!.j;
    const text = spanText(s, i, j);
    a = b + 1;
    if (nS === 0 && nT === 0) continue;
    if (nS === 0 && nT === 1 && (isCommonWord(text.toLowerCase()) || isPlaceLike(text.toLowerCase()))) continue;
    if (nS === 0 && chunk.every((x) => isPlaceLike(x.text.toLowerCase()) || isCommonWord(x.text.toLowerCase())) && nT < 2) continue;
    const c = typeShape(ctx, s, i, j, text, nS, nT);
    if (c) out.push(c);
  }
  return out;
}

function bestHint(s: Sent, i: number, j: number): ContextHint | null {
  const hints = [
    namingContext(s.tokens, i),
    followingHead(s.tokens, j),
    appositive(s.tokens, j, s.text, s.start),
    enumerationHead(s.tokens, i),
    evaluationOn(s.tokens, i, s.cues.evaluative),
    parentheticalName(s.tokens, i, s.text, s.start),
  ].filter((h): h is ContextHint => h !== null);
  hints.sort((x, y) => y.strength - x.strength);
  const h = hints[0] ?? null;
  if (h && hints.some((x) => x.named)) h.named = true;
  return h;
}

/** Type a shape chunk: variant of a listed name, context, corpus knowledge, morphology. */
function typeShape(ctx: PaperContext, s: Sent, i: number, j: number, text: string, nS: number, nT: number): Cand | null {
  // variant of a lexicon name: LLaMA-65b -> LLaMA, ResNet-20 -> ResNet, BERT_BASE -> BERT
  for (const base of variantBases(text)) {
    const hit = ctx.index.byKey.get(normalizeKey(base))?.find((x) => x.entry.type === 'model' || x.entry.type === 'dataset');
    if (hit && !hit.caseSensitive || (hit && sameLetters(base, hit.text))) {
      const c = mkCand(s, i, j, 'shape', { name: text, type: hit.entry.type, conf: 0.85, family: hit.entry.name, aliases: [hit.entry.name] });
      c.listed = true;
      return c;
    }
  }
  const hint = bestHint(s, i, j);
  const kn = ctx.known?.get(normalizeKey(text));
  const morph = morphType(text);
  let type: EntityType | null = null;
  let conf = 0.4;
  if (hint && hint.strength >= 0.75) {
    type = hint.type;
    conf = hint.strength;
  } else if (kn) {
    type = kn.type;
    conf = kn.conf * 0.9;
  } else if (morph) {
    type = morph;
    conf = 0.6;
  } else if (hint) {
    type = hint.type;
    conf = hint.strength;
  }
  // A lone capitalised English-looking word needs a context to be a name.
  if (nS === 0 && nT === 1 && !hint && !kn) return null;
  if (nS === 0 && !hint && !kn && !morph) {
    // Multi-word capitalised phrase without context: keep only when its head names a type.
    const last = text.split(/\s+/).pop() ?? '';
    const ht = headType(last);
    if (!ht) return null;
    type = ht === 'task' ? 'task' : ht;
    conf = 0.5;
  }
  if (!type) type = 'method';
  const c = mkCand(s, i, j, 'shape', { name: text, type, conf, named: hint?.named ?? false });
  return c;
}

// --- proposal phrases ------------------------------------------------------------

const SPECIFIC_METHOD_HEAD = /^(learning|tuning|fine-tuning|finetuning|training|pretraining|pre-training|distillation|prompting|optimization|regularization|augmentation|sampling|decoding|replay|retrieval|unlearning|editing|merging|alignment|transfer|search|attention|pooling)$/;

/** Lower-case names introduced by a proposal cue or `called`: `we propose self-guided prompt tuning`. */
function phraseCandidates(s: Sent, covered: Uint8Array): Cand[] {
  const out: Cand[] = [];
  const t = s.tokens;
  const starts: number[] = [];
  if (s.cues.proposeAt >= 0) starts.push(skipModifiers(t, s.cues.proposeAt));
  for (let k = 0; k < t.length; k++) if (/^(called|named|dubbed|termed)$/i.test(t[k]!.text)) starts.push(k + 1);
  for (const st of starts) {
    let k = st;
    let last = -1;
    let nWords = 0;
    while (k < t.length && nWords < 6) {
      const tk = t[k]!;
      if (covered[k]) break;
      if (!tk.glued) {
        const gap = k > 0 ? s.text.slice(t[k - 1]!.end - s.start, tk.start - s.start) : ' ';
        if (k > st && !/^\s+$/.test(gap)) break;
        const low = tk.text.toLowerCase();
        if (isFunctionWord(low) || /^(that|which|to|for|of|with|on|in|by|and|or|is|are|as|from)$/.test(low)) break;
        nWords++;
      }
      last = k;
      k++;
    }
    if (last >= st && nWords === 1 && !t[st]!.glued) {
      const w = spanText(s, st, last);
      const ap = appositive(t, last, s.text, s.start);
      if (/^\p{Ll}[\p{Ll}\p{N}-]+$/u.test(w) && !isCommonWord(w) && lexTag(w) === undefined && ap) {
        out.push(mkCand(s, st, last, 'phrase', { type: ap.type === 'task' ? 'method' : ap.type, conf: 0.75, named: true }));
        continue;
      }
    }
    if (last < st || nWords < 2) continue;
    const lastWord = t[last]!.text.toLowerCase();
    // headword of the last glued word group
    let gs = last;
    while (gs > st && t[gs]!.glued) gs--;
    const head = spanText(s, gs, last).toLowerCase();
    if (!SPECIFIC_METHOD_HEAD.test(head) && !SPECIFIC_METHOD_HEAD.test(lastWord)) continue;
    out.push(mkCand(s, st, last, 'phrase', { type: 'method', conf: 0.6, named: true }));
  }
  return out;
}

// --- proposals -----------------------------------------------------------------------

const NAMING_WORDS = /^(called|named|dubbed|termed|coined|codenamed)$/i;

/** The first name after `we propose`/`we construct` is the proposed one; so is `called X` and `X, a new ...`. */
function markProposals(chosen: Cand[]): void {
  for (const c of chosen) {
    const prev = c.sent.tokens[c.i - 1];
    if (prev && NAMING_WORDS.test(prev.text)) c.named = true;
    // "X, a synthetic data augmentation algorithm" in a sentence about the paper: a new name introduced.
    if (!c.listed && c.sent.cues.self && !c.sent.cues.background && c.source !== 'lexicon' && appositive(c.sent.tokens, c.j, c.sent.text, c.sent.start)) c.proposed = true;
  }
  const bySent = new Map<Sent, Cand[]>();
  for (const c of chosen) {
    const l = bySent.get(c.sent);
    if (l) l.push(c);
    else bySent.set(c.sent, [c]);
  }
  for (const [s, cs] of bySent) {
    for (const p of s.cues.proposeAll) {
      let first: Cand | null = null;
      for (const c of cs) if (c.i >= p && (!first || c.i < first.i)) first = c;
      if (first && first.i - p <= 6) {
        first.proposed = true;
        // "a cross-lingual ... approach, called CLP-Transfer": the name after `called` in the same phrase too
        for (const c of cs) if (c.named && c.i > first.i && c.i - first.i <= 12) c.proposed = true;
      }
    }
  }
}

// --- enumerations ----------------------------------------------------------------

/**
 * `ImageNet-A, ObjectNet, OmniBenchmark, and VTAB`: members of one enumeration
 * share a type, so a listed dataset types its unknown neighbours.
 */
function propagateLists(chosen: Cand[]): void {
  const bySent = new Map<Sent, Cand[]>();
  for (const c of chosen) {
    const l = bySent.get(c.sent);
    if (l) l.push(c);
    else bySent.set(c.sent, [c]);
  }
  for (const [s, cs] of bySent) {
    cs.sort((a, b) => a.start - b.start);
    let run: Cand[] = [cs[0]!];
    const flush = (): void => {
      if (run.length >= 2) {
        const anchor = run.filter((c) => c.type && c.conf >= 0.6 && (c.type === 'dataset' || c.type === 'model'));
        const types = new Set(anchor.map((c) => c.type));
        if (types.size === 1) {
          const t = [...types][0]!;
          const strength = Math.max(...anchor.map((c) => c.conf));
          for (const c of run) if (c.source === 'shape' && c.conf < Math.min(0.75, strength) && !c.named) {
            c.type = t;
            c.conf = Math.min(0.75, strength);
          }
        }
      }
    };
    for (let k = 1; k < cs.length; k++) {
      const a = cs[k - 1]!;
      const b = cs[k]!;
      const gap = s.text.slice(a.end - s.start, b.start - s.start);
      if (/^\s*(,|,?\s*and|,?\s*or|\/)\s*$/.test(gap)) run.push(b);
      else {
        flush();
        run = [b];
      }
    }
    flush();
  }
}

// --- assembly ----------------------------------------------------------------------

function resolveOverlaps(cands: Cand[]): Cand[] {
  const sorted = [...cands].sort((a, b) => b.prio - a.prio || b.end - b.start - (a.end - a.start) || a.start - b.start);
  const taken: Cand[] = [];
  const occupied = new Map<string, Array<[number, number]>>();
  for (const c of sorted) {
    const k = c.sent.field;
    const list = occupied.get(k) ?? [];
    if (list.some(([s, e]) => c.start < e && s < c.end)) continue;
    list.push([c.start, c.end]);
    occupied.set(k, list);
    taken.push(c);
  }
  return taken.sort((a, b) => (a.sent.field === b.sent.field ? a.start - b.start : a.sent.field === 'title' ? -1 : 1));
}

/** "X: rest of title" — X names what the paper proposes. */
function titleHeadRange(s: Sent): [number, number] | null {
  const colon = s.text.indexOf(':');
  if (colon <= 0 || colon > 60) return null;
  const head = s.text.slice(0, colon);
  if (head.split(/\s+/).length > 5) return null;
  return [s.start, s.start + colon];
}

export function extractPaperEntities(paper: PaperText, ctx: PaperContext): PaperResult {
  const sents = buildSentences(paper);
  const acr = new Map<string, DocAcronym>();
  const blocked: Array<[Sent, number, number]> = [];
  const acrCands = acronymCandidates(ctx, sents, acr, blocked);
  const cands: Cand[] = [...acrCands];
  const knownPrefixes = acr.size > 0 || (ctx.known && ctx.known.size > 0) ? prefixSet(acr, ctx.known) : null;
  for (const s of sents) {
    const covered = new Uint8Array(s.tokens.length);
    const blockedHere = blocked.filter(([bs]) => bs === s);
    for (const [, bi, bj] of blockedHere) for (let k = bi; k <= bj; k++) covered[k] = 1;
    const local = [...lexiconCandidates(ctx, s), ...(knownPrefixes ? knownCandidates(ctx, s, acr, knownPrefixes) : [])].filter(
      (c) => !blockedHere.some(([, bi, bj]) => c.i <= bj && bi <= c.j),
    );
    for (const c of acrCands) if (c.sent === s) for (let k = c.i; k <= c.j; k++) covered[k] = 1;
    for (const c of local) for (let k = c.i; k <= c.j; k++) covered[k] = 1;
    // An undefined generic acronym (LLMs) must not come back as a shape name.
    if (acr.size > 0) {
      for (let k = 0; k < s.tokens.length; k++) {
        const a = acr.get(s.tokens[k]!.key) ?? acr.get(s.tokens[k]!.key.replace(/s$/, ''));
        if (a?.generic) covered[k] = 1;
      }
    }
    const shapes = shapeCandidates(ctx, s, covered);
    for (const c of shapes) for (let k = c.i; k <= c.j; k++) covered[k] = 1;
    const phrases = phraseCandidates(s, covered);
    cands.push(...local, ...shapes, ...phrases);
  }
  const chosen = resolveOverlaps(cands);
  propagateLists(chosen);

  // title head "X: ..." proposes X
  const title = sents.find((s) => s.isTitle);
  const th = title ? titleHeadRange(title) : null;
  if (title && th) {
    // "AfroLM: A ... Language Model for ...": the head of the title's appositive types the name.
    const rest = title.text.slice(th[1] - th[0] + 1);
    const ap = /^\s*(?:A|An|The)\s+(.+?)(?:\s+(?:for|with|of|on|in|via|to|from|by|through|using|that|and)\b|[,:;?]|$)/i.exec(rest);
    const apType = ap ? headType((ap[1]!.split(/\s+/).pop() ?? '').replace(/[^\p{L}-]/gu, '')) : null;
    if (apType && apType !== 'task' && apType !== 'metric') {
      for (const c of chosen) {
        if (c.sent === title && c.start >= th[0] && c.end <= th[1] && c.source !== 'lexicon' && c.conf < 0.8) {
          c.type = apType;
          c.conf = 0.8;
        }
      }
    }
    let found = false;
    const headText = title.text.slice(0, th[1] - th[0]).trim();
    for (const c of chosen) {
      if (c.sent === title && c.start >= th[0] && c.end <= th[1]) {
        found = true;
        if (normalizeKey(c.text) === normalizeKey(headText)) c.titleHead = true;
      }
    }
    if (!found) {
      const r = tokenRange(title.tokens, th[0], th[1]);
      if (r && /\p{Lu}/u.test(headText) && headText.split(/\s+/).length <= 3 && !/^(a|an|the|on|towards?|why|how|what|when)\b/i.test(headText)) {
        const c = mkCand(title, r[0], r[1], 'shape', { type: apType && apType !== 'task' && apType !== 'metric' ? apType : morphType(headText) ?? 'method', conf: apType ? 0.8 : 0.5 });
        c.titleHead = true;
        chosen.push(c);
      }
    }
  }

  markProposals(chosen);

  // Names that appear both as a chunk typed from context and as untyped elsewhere share the best type.
  const bestType = new Map<string, { type: EntityType; conf: number }>();
  for (const c of chosen) {
    if (!c.type) continue;
    const b = bestType.get(c.group);
    if (!b || c.conf > b.conf) bestType.set(c.group, { type: c.type, conf: c.conf });
  }

  const groups = new Map<string, Cand[]>();
  for (const c of chosen) {
    const bt = bestType.get(c.group);
    if (bt && (c.source === 'shape' || c.source === 'known') && c.conf < bt.conf) {
      c.type = bt.type;
      c.conf = bt.conf;
    }
    if (!c.type) c.type = 'method';
    const g = groups.get(c.group);
    if (g) g.push(c);
    else groups.set(c.group, [c]);
  }

  const entities: ExtractedEntity[] = [];
  const learned: KnownName[] = [];
  for (const [, cs] of groups) {
    const first = cs.find((c) => c.source === 'acronym' || c.source === 'known') ?? cs[0]!;
    const type = cs.reduce((b, c) => (c.conf > b.conf ? c : b), cs[0]!).type ?? 'method';
    const name = first.name;
    const key = normalizeKey(name);
    if (key.length < 2 || isStopName(name)) continue;
    const aliasSet = new Map<string, string>();
    for (const c of cs) {
      for (const a of [...c.aliases, c.family, c.name, c.text]) {
        if (!a) continue;
        const k = normalizeKey(a);
        if (k && k !== key && !aliasSet.has(k)) aliasSet.set(k, a);
      }
    }
    const family = cs.find((c) => c.family)?.family;
    let role: Role = 'mentions';
    const mentions: Mention[] = [];
    for (const c of cs) {
      const r = mentionRole(type, c.sent.cues, c.sent.tokens, c.i, { named: c.named, titleHead: c.titleHead, isTitle: c.sent.isTitle, proposed: c.proposed, listed: cs.some((x) => x.listed) });
      if (ROLE_RANK[r] > ROLE_RANK[role]) role = r;
      mentions.push({ text: c.text, start: c.start, end: c.end, field: c.sent.field, sentence: c.sent.text });
    }
    // Only the title mentions it (no cue in the abstract): the paper works with it.
    if (cs.every((c) => c.sent.isTitle) && role === 'mentions') role = type === 'dataset' ? 'evaluates_on' : 'uses';
    const conf = Math.min(0.99, Math.max(...cs.map((c) => c.conf)) + Math.min(0.1, 0.03 * (cs.length - 1)));
    const ent: ExtractedEntity = { type, name, key, aliases: [...aliasSet.values()], role, confidence: Math.round(conf * 1000) / 1000, mentions };
    if (family && normalizeKey(family) !== key) ent.family = family;
    entities.push(ent);
    // Teach the corpus: acronyms and names typed by a strong context.
    const strong = cs.some((c) => c.source === 'acronym' || c.source === 'long' || (c.source === 'shape' && c.conf >= 0.75));
    // Listed names are known everywhere already, unless this spelling (an acronym) is new.
    if (strong && first.source !== 'lexicon' && (!cs.some((c) => c.listed) || !ctx.index.byKey.has(key))) {
      learned.push({ name, type, aliases: ent.aliases, family: ent.family, conf: Math.max(...cs.map((c) => c.conf)), acronym: first.source === 'acronym' || first.source === 'long' || (first.source === 'known' && first.group.startsWith('a:')) });
    }
  }
  entities.sort((a, b) => firstPos(a) - firstPos(b));
  const wordKeys = new Set<string>();
  for (const s of sents) {
    let k = '';
    for (let t = 0; t < s.tokens.length; t++) {
      const tk = s.tokens[t]!;
      k = tk.glued ? k + tk.key : tk.key;
      const n = s.tokens[t + 1];
      if (!n || !n.glued) {
        wordKeys.add(k);
        if (k.endsWith('s')) wordKeys.add(k.slice(0, -1));
      }
      // the first fine token alone starts names such as "GPT-4"
      if (!tk.glued) wordKeys.add(tk.key);
    }
  }
  return { entities, learned, wordKeys };
}

function firstPos(e: ExtractedEntity): number {
  const m = e.mentions[0];
  if (!m) return 0;
  return (m.field === 'title' ? 0 : 1e6) + m.start;
}
