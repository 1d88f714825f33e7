// One paper through the pipeline: sentences and tokens, acronym definitions,
// lexicon and known-name matches, shape chunks, context typing, then entities
// with their mentions and roles.
import type { EntityType, ExtractedEntity, Field, Mention, PaperText, Role } from './types.js';
import { normalizeKey } from './normalize.js';
import { splitSentences, tokenize, type Token } from './text.js';
import { findDefinitions } from './acronyms.js';
import { matchLexicon, type LexiconIndex } from './lexicon-index.js';
import { isFunctionWord, isCommonWord, isPlaceLike } from './english.js';
import { DATASET_PREFIXES, isNameShaped, isStopName, isTitleWord, morphType, variantBases } from './shapes.js';
import { headType, isGenericLongForm, typeOfLongForm } from './heads.js';
import { appositive, enumerationHead, evaluationOn, followingHead, namingContext, skipModifiers, type ContextHint } from './context.js';
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
}

export interface PaperResult {
  entities: ExtractedEntity[];
  /** Names this paper can teach the rest of the corpus. */
  learned: KnownName[];
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
  };
}

// --- acronyms -------------------------------------------------------------

interface DocAcronym {
  short: string;
  long: string;
  type: EntityType | null;
  conf: number;
  generic: boolean;
  entryName?: string;
  family?: string;
}

function lookupType(ctx: PaperContext, text: string): { type: EntityType; name: string; family?: string } | null {
  const list = ctx.index.byKey.get(normalizeKey(text));
  const s = list?.[0];
  return s ? { type: s.entry.type, name: s.entry.name, family: s.entry.family } : null;
}

function acronymCandidates(ctx: PaperContext, sents: Sent[], acr: Map<string, DocAcronym>): Cand[] {
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
      const prev = acr.get(key);
      if (!prev || (!prev.type && type)) {
        acr.set(key, { short: d.short, long: d.long, type, conf, generic, entryName: lex?.name, family: lex?.family });
      }
      if (generic) continue;
      const group = 'a:' + key;
      const common = { group, name: d.short, type, conf, aliases: [d.long], family: lex?.family };
      out.push(mkCand(s, lr[0], lr[1], 'long', common));
      out.push(mkCand(s, sr[0], sr[1], 'acronym', common));
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
    // "Split CIFAR-100": a split of a known dataset keeps the specific name and links to the base.
    const p = s.tokens[m.i - 1];
    if (e.type === 'dataset' && p && !p.glued && DATASET_PREFIXES.has(p.text.toLowerCase()) && /^\p{Lu}/u.test(p.text)) {
      i = m.i - 1;
      name = spanText(s, i, m.j);
      family = e.name;
    }
    const conf = m.surface.caseSensitive ? 0.8 : 0.92;
    out.push(mkCand(s, i, m.j, 'lexicon', { group: `e:${e.type}:${normalizeKey(e.name)}${family === e.name ? ':' + normalizeKey(name) : ''}`, name, type: e.type, conf, aliases, family }));
  }
  return out;
}

/** Word-aligned spans of up to 5 words whose key is a known name (this paper's acronyms or the corpus's). */
function knownCandidates(ctx: PaperContext, s: Sent, acr: Map<string, DocAcronym>): Cand[] {
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
        best = mkCand(s, i, j, 'known', { group: 'a:' + k, name: a.short, type: a.type, conf: a.conf, aliases: [a.long], family: a.family });
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
      return mkCand(s, i, j, 'shape', { name: text, type: hit.entry.type, conf: 0.85, family: hit.entry.name, aliases: [hit.entry.name] });
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
  const cands: Cand[] = acronymCandidates(ctx, sents, acr);
  for (const s of sents) {
    const covered = new Uint8Array(s.tokens.length);
    const local = [...lexiconCandidates(ctx, s), ...knownCandidates(ctx, s, acr), ...cands.filter((c) => c.sent === s)];
    for (const c of local) for (let k = c.i; k <= c.j; k++) covered[k] = 1;
    // An undefined generic acronym (LLMs) must not come back as a shape name.
    for (let k = 0; k < s.tokens.length; k++) {
      const a = acr.get(s.tokens[k]!.key) ?? acr.get(s.tokens[k]!.key.replace(/s$/, ''));
      if (a?.generic) covered[k] = 1;
    }
    const shapes = shapeCandidates(ctx, s, covered);
    for (const c of shapes) for (let k = c.i; k <= c.j; k++) covered[k] = 1;
    const phrases = phraseCandidates(s, covered);
    for (const c of [...local, ...shapes, ...phrases]) if (!cands.includes(c)) cands.push(c);
  }
  const chosen = resolveOverlaps(cands);

  // title head "X: ..." proposes X
  const title = sents.find((s) => s.isTitle);
  const th = title ? titleHeadRange(title) : null;
  if (title && th) {
    let found = false;
    for (const c of chosen) {
      if (c.sent === title && c.start >= th[0] && c.end <= th[1]) {
        c.titleHead = true;
        found = true;
      }
    }
    if (!found) {
      const r = tokenRange(title.tokens, th[0], th[1]);
      const headText = title.text.slice(0, th[1] - th[0]).trim();
      if (r && /\p{Lu}/u.test(headText) && headText.split(/\s+/).length <= 3 && !/^(a|an|the|on|towards?|why|how|what|when)\b/i.test(headText)) {
        const c = mkCand(title, r[0], r[1], 'shape', { type: morphType(headText) ?? 'method', conf: 0.5 });
        c.titleHead = true;
        chosen.push(c);
      }
    }
  }

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
      const r = mentionRole(type, c.sent.cues, c.sent.tokens, c.i, { named: c.named, titleHead: c.titleHead, isTitle: c.sent.isTitle });
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
    const strong = cs.some((c) => (c.source === 'acronym' || c.source === 'long' || c.source === 'shape') && c.conf >= 0.75);
    if (strong && first.source !== 'lexicon') {
      learned.push({ name, type, aliases: ent.aliases, family: ent.family, conf: Math.max(...cs.map((c) => c.conf)), acronym: first.source === 'acronym' || first.source === 'long' || (first.source === 'known' && first.group.startsWith('a:')) });
    }
  }
  entities.sort((a, b) => firstPos(a) - firstPos(b));
  return { entities, learned };
}

function firstPos(e: ExtractedEntity): number {
  const m = e.mentions[0];
  if (!m) return 0;
  return (m.field === 'title' ? 0 : 1e6) + m.start;
}
