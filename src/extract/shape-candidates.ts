// Candidates from name shapes (CamelCase, capitals, digits, versions), typed by
// variant bases, context, corpus knowledge and the name's own morphology.
import { keyOf, mkCand, sameLetters, spanText, type Cand, type PaperContext, type Sent } from './candidate.js';
import { appositive, COPY_NOUN, domainShift, enumerationHead, evaluationOn, followingHead, listHead, measureContext, namingContext, parentheticalName, precedingHead, verbObject, modifiesNoun, listMate, partOfCollection, type ContextHint } from './context.js';
import { isAdverb, isCommonWord, isFunctionWord, isLanguageName, isPlaceLike, lexTag } from './english.js';
import { headType, isGenericLongForm } from './heads.js';
import { normalizeKey } from './normalize.js';
import { gapBefore, isWordJoint } from './text.js';
import { isArchitectureName, isNameShaped, isTitleWord, morphType, NAME_TAIL, ROMAN_EDITION, variantBases } from './shapes.js';
import { proposalBefore } from './roles.js';
import type { EntityType } from './types.js';

// --- shape chunks -------------------------------------------------------------

export type WordKind = 'S' | 'T' | 'V' | null;

export interface Word {
  i: number;
  j: number;
  text: string;
  kind: WordKind;
  /** Tokens dropped at the end (`-based`). */
  tail: boolean;
}

export const SIZE_WORD = /^(?:\d+(?:\.\d+)?[BbMmKkTt]?|[Vv]\d+(?:\.\d+)*|base|large|small|tiny|xl|xxl|Base|Large|Small|XL|XXL|BASE|LARGE)$/;
// A numbered part of an edition after a name ("Challenge IV 2a"; the numeral is ROMAN_EDITION)
const EDITION_WORD = /^\d{1,2}[a-d]$/;
/** A size, version or edition word that follows a name ("7B", "v2", "IV", "2a"). */
const isVersionWord = (w: string): boolean => SIZE_WORD.test(w) || EDITION_WORD.test(w) || ROMAN_EDITION.test(w);
export const GENERIC_TRAIL = /^(dataset|datasets|benchmark|benchmarks|corpus|model|models|framework|method|algorithm|data|set)$/i;

const HARDWARE = /^(?:gpus?|tpus?|cpus?|npus?|chips?|accelerators?|cards?|nodes?)$/;

/** `styled`: the key of a lower-case name the paper uses (its title's "kelpie: ..."), a name wherever it occurs. */
export function words(s: Sent, covered: Uint8Array, styled: string | null = null): Word[] {
  const out: Word[] = [];
  const t = s.tokens;
  let k = 0;
  while (k < t.length) {
    let e = k;
    // ("KelpDocs/ReefForms/TideScan": names joined by slashes are a list, one word each)
    while (e + 1 < t.length && t[e + 1]!.glued && !isWordJoint(t, e + 1)) e++;
    if (covered[k] || covered[e]) {
      out.push({ i: k, j: e, text: '', kind: null, tail: false });
      k = e + 1;
      continue;
    }
    // drop a lower-case affix tail: CAM-based, RLHF-trained (not from the paper's styled name: "kelp-draft")
    // (and its variants: "kelp-draft-L")
    const isStyled = styled !== null && [spanText(s, k, e), ...variantBases(spanText(s, k, e))].some((x) => normalizeKey(x) === styled);
    let ce = e;
    let tail = false;
    // (a title capitalises the affix: "TPU-Accelerated", "CNN-Based"; an ordinary word is a name's part there: "Reef-Bench")
    const affix = (x: string): boolean => /^\p{Ll}{3,}$/u.test(x) ? !NAME_TAIL.test(x) && isAffixWord(x) : s.isTitle && /^\p{Lu}\p{Ll}{2,}$/u.test(x) && /(?:ed|ive|able|ible|ic|ous|less|ful|wise)$/.test(x);
    while (!isStyled && ce > k && t[ce]!.joiner === '-' && affix(t[ce]!.text)) {
      ce--;
      tail = true;
    }
    // what a tail is cut from is a name ending in a capital or digit: `State-of-the-art` is one word
    if (tail && ce > k && /^\p{Ll}+$/u.test(t[ce]!.text)) {
      ce = e;
      tail = false;
    }
    // a one-token word is its token's text (no new string)
    const text = ce === k ? t[k]!.text : spanText(s, k, ce);
    let kind: WordKind = null;
    if (isStyled || isNameShaped(text)) kind = 'S';
    else if (isVersionWord(text)) kind = 'V';
    else if (isTitleWord(text) && !isFunctionWord(text.toLowerCase())) kind = 'T';
    out.push({ i: k, j: ce, text, kind, tail });
    k = e + 1;
  }
  // "the IBM Kelpcap dataset", "Google Reeftrends": a maker's name opens the name of what it made and released
  for (let n = 0; n + 1 < out.length; n++) {
    const w = out[n]!;
    const next = out[n + 1]!;
    if (w.kind === null && MAKER.test(w.text) && (next.kind === 'S' || next.kind === 'T') && /^\s+$/.test(gapBefore(t, next.i, s.text, s.start))) w.kind = 'T';
  }
  return out;
}

// Labs and companies that are no names on their own (shapes.ts: NOT_NAMES) but lead the names of their releases
const MAKER = /^(?:IBM|MIT|CMU|Google|Microsoft|Amazon|Apple|Facebook|Meta|NVIDIA|OpenAI|DeepMind)$/;

/**
 * An English word after a hyphen makes an affix ("-based", "-trained", "-style", "-agnostic"); a word
 * no dictionary knows is the name's own part ("Kelpides-func", "Reef-struct").
 */
function isAffixWord(w: string): boolean {
  return isCommonWord(w) || lexTag(w) !== undefined || /(?:ed|ic|ing|able|ible|al|ive|ous|less|ful|wise)$/.test(w);
}

const LOWER_WORDS = /\b\p{Ll}{2,}\b/gu;

/** Lower-case words of 2+ letters in `text`, counted up to `limit` / 2 + 1 (enough to compare with 2 * lowers). */
function countLowerWords(text: string, caps: number): number {
  LOWER_WORDS.lastIndex = 0;
  let n = 0;
  while (LOWER_WORDS.exec(text) !== null) {
    n++;
    if (2 * n >= caps) break;
  }
  return n;
}

/** Is the word after ws[b] a covered (already claimed) name, separated by a space only? */
function modifiesCovered(s: Sent, ws: readonly Word[], b: number, covered: Uint8Array): boolean {
  const n = ws[b + 1];
  if (!n || !covered[n.i]) return false;
  return /^\s+$/.test(s.text.slice(s.tokens[ws[b]!.j]!.end - s.start, s.tokens[n.i]!.start - s.start));
}

/** `own`: the key of the title's one-word name ("Kelpo: ..."), which no longer name swallows ("for Reef-7B Kelpo"). */
export function shapeCandidates(ctx: PaperContext, s: Sent, covered: Uint8Array, styled: string | null = null, own: string | null = null): Cand[] {
  const out: Cand[] = [];
  // An all-capitals title or sentence has no case information to read names from.
  // (lower-case words are only counted when there are enough capitals to matter)
  const caps = s.text.match(/\b\p{Lu}{2,}\b/gu)?.length ?? 0;
  if (caps >= 3 && caps > 2 * countLowerWords(s.text, caps)) return out;
  const ws = words(s, covered, styled);
  let a = 0;
  while (a < ws.length) {
    const w = ws[a]!;
    const sentenceInitial = a === 0 || (a === 1 && s.tokens[0]!.text.length === 0);
    // a capitalised first word is a name only when an appositive says so ("Plover, our new model, ...")
    // ("Consequently, the proposed approach ..." opens with an adverb, not a name)
    // (read after its version words: "Kelpo v2 is a speech model")
    const initialName = sentenceInitial && w.kind === 'T' && !s.isTitle && !isAdverb(w.text.toLowerCase()) && appositive(s.tokens, versionedEnd(ws, a), s.text, s.start) !== null;
    if (!w.kind || w.kind === 'V' || (w.kind === 'T' && (sentenceInitial || s.isTitle) && !initialName)) {
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
      if (own !== null && n.i === n.j && keyOf(n.text) === own) break;
      // "LLaMA-65b base language model": after a size the lower-case tier word describes, it is not part of the name
      if (n.kind === 'V' && /^\p{Ll}+$/u.test(n.text) && /\d[BbMmKkTt]?$/.test(ws[b]!.text)) break;
      // "GHit@20 0.287", "KelpScore 71.25": a value follows a measure, it is no version of it
      if (n.kind === 'V' && (/@\d/.test(ws[b]!.text) || /^\d+\.\d{2,}$/.test(n.text))) break;
      // a gap with punctuation ends the chunk
      const gap = s.text.slice(s.tokens[ws[b]!.j]!.end - s.start, s.tokens[n.i]!.start - s.start);
      if (!/^\s+$/.test(gap)) break;
      b++;
    }
    // drop generic trailing heads (`the MNIST dataset`) — they type the name instead
    let e = b;
    while (e > a && ws[e]!.kind === 'T' && GENERIC_TRAIL.test(ws[e]!.text)) e--;
    // "a March 2021 Kelpedia dump": the date a source was taken on is no part of its name
    let d = a;
    while (d < e && (MONTH.test(ws[d]!.text) || (d > a && /^(?:19|20)\d\d$/.test(ws[d]!.text)))) d++;
    if (d > a && d <= e && /^(?:19|20)\d\d$/.test(ws[d - 1]!.text)) a = d;
    const chunk = ws.slice(a, e + 1);
    const nS = chunk.filter((x) => x.kind === 'S').length;
    const nT = chunk.filter((x) => x.kind === 'T').length;
    const j = chunk[chunk.length - 1]!.j;
    const i = theOpens(s, chunk[0]!.i, j) ? chunk[0]!.i - 1 : chunk[0]!.i;
    const text = spanText(s, i, j);
    a = b + 1;
    if (nS === 0 && nT === 0) continue;
    // "Preference-Tuned Language Models" describes a class of systems (ENTITIES.md: not a model)
    if (nS === 0 && isGenericLongForm(spanText(s, i, ws[b]!.j))) continue;
    // "Attentional Encoder-Decoder": a capitalised word right before a listed name is its modifier
    if (nS === 0 && modifiesCovered(s, ws, b, covered)) continue;
    // an ordinary English word (or a language's name) capitalised mid-sentence is a name only where the sentence introduces it
    // ("we propose Refract, a network that ..."; not "trained on English", nor, measured, "termed Anchor")
    // (or where a list of names with a plural head holds it: "KTT1, Harbour and Orchard datasets")
    // (or a source whose copy is named: "a Wikipedia dump")
    if (nS === 0 && nT < 2 && chunk.every((x) => isPlaceLike(x.text.toLowerCase()) || isCommonWord(x.text.toLowerCase()) || isLanguageName(x.text.toLowerCase())) && !introducesName(s, i, j) && !listHead(s.tokens, j, s.text, s.start, i) && !copyAfter(s, j)) continue;
    // "KELP-7 for South Africa": a place named as a whole ("New York") is where data comes from, even in a list of datasets
    if (nS === 0 && chunk.length > 1 && isPlaceLike(text.toLowerCase()) && !introducesName(s, i, j)) continue;
    // "CC BY-SA 3.0", "LGPL-2.1": a licence the data or code is released under is no entity
    if (LICENCE.test(text)) continue;
    // "English–Wolof", "En-De": a translation direction between two languages is no entity of its own
    if (isLanguagePair(text)) continue;
    // "8 A100 GPUs", "TPUv4 chips": hardware runs the experiments and is no entity of the graph
    if (HARDWARE.test(s.tokens[j + 1]?.key ?? '') && !s.tokens[j + 1]!.glued) continue;
    // "needs 25 ms per page on a single X", "runs at 30 FPS on one Y": what a timing is measured on is hardware
    if (runsOn(s, i)) continue;
    const c = typeShape(ctx, s, i, j, text, nS, nT);
    if (c) out.push(c);
  }
  return out;
}

/** The last token of the word at ws[a] with the version words right after it ("Kelpo v2"). */
function versionedEnd(ws: readonly Word[], a: number): number {
  let b = a;
  while (ws[b + 1]?.kind === 'V' && ws[b + 1]!.i === ws[b]!.j + 1) b++;
  return ws[b]!.j;
}

// Capitalised heads that name a collection of records ("the Kelp Sky Survey", "the Reef Cell Atlas"); in
// lower case they are ordinary nouns ("a survey of methods"), so they are no head nouns of heads.ts
const DATA_TITLE_HEAD = /^(?:Database|Atlas|Catalog|Catalogue|Survey|Registry|Ontology|Library|Census)$/;

const MONTH = /^(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?$/;

/** Is the name ending at token j followed by the copy of a source it names ("Kelpedia dump", "a KelpCrawl snapshot")? */
function copyAfter(s: Sent, j: number): boolean {
  const n = s.tokens[j + 1];
  return n !== undefined && !n.glued && COPY_NOUN.test(n.key);
}

const TIMING = /\b(?:\d+(?:\.\d+)?\s?(?:ms|s|seconds|minutes|hours|days|FPS|fps)|tokens per second|latency|throughput|speedup|faster)\b/;

/** Is the name at i the machine a timing was measured on ("on a single X", "on one X", "on an X")? */
function runsOn(s: Sent, i: number): boolean {
  const k = (n: number): string => s.tokens[i - n]?.key ?? '';
  const article = k(1) === 'single' ? (k(2) === 'a' ? 3 : 2) : /^(?:a|an|one)$/.test(k(1)) ? 2 : 0;
  return article > 0 && k(article) === 'on' && TIMING.test(s.text);
}

/**
 * "trained on The Reef v2": a capitalised article inside a sentence opens the name. Not where it
 * starts a clause ("Kelp: The Kelp dataset ...") or is the article of a described thing ("The X dataset").
 */
function theOpens(s: Sent, i: number, j: number): boolean {
  if (i < 2 || s.tokens[i - 1]!.text !== 'The' || headType(s.tokens[j + 1]?.text ?? '')) return false;
  return !/[:;.!?]/.test(gapBefore(s.tokens, i - 1, s.text, s.start));
}

/** Does the sentence introduce the word at [i, j] as a name: "we propose X, a <noun> ..."? */
function introducesName(s: Sent, i: number, j: number): boolean {
  // (a type noun is no name, and a word after a capitalised one ends a longer name: "Open RL Benchmark")
  if (headType(s.tokens[j]!.text) || /^\p{Lu}/u.test(s.tokens[i - 1]?.text ?? '')) return false;
  return proposalBefore(s.cues, i) && i - s.cues.proposeAt <= 2 && appositive(s.tokens, j, s.text, s.start) !== null;
}

const LICENCE = /^(?:CC[- ]?)?BY(?:[- ](?:NC|SA|ND))*(?:[- ]\d\.\d)?$|^(?:A|L)?GPL(?:[- ]?v?\d(?:\.\d)?\+?)?$|^(?:Apache|MPL|EPL|BSD)[- ]\d(?:\.\d)?$|^CC0$/;

function isLanguagePair(text: string): boolean {
  const parts = text.split(/[-–—→]/);
  return parts.length === 2 && parts.every((p) => /^\p{Lu}\p{Ll}+$/u.test(p)) && parts.some((p) => isLanguageName(p.toLowerCase()));
}

export function bestHint(s: Sent, i: number, j: number): ContextHint | null {
  const hints = [
    namingContext(s.tokens, i),
    followingHead(s.tokens, j),
    appositive(s.tokens, j, s.text, s.start),
    enumerationHead(s.tokens, i, s.text, s.start),
    evaluationOn(s.tokens, i, s.cues.evaluative, j),
    parentheticalName(s.tokens, i, s.text, s.start),
    partOfCollection(s.tokens, j),
    domainShift(s.tokens, i, j, s.text, s.start),
    precedingHead(s.tokens, i, j, s.text, s.start),
    verbObject(s.tokens, i, j),
    listMate(s.tokens, i, s.text, s.start),
    measureContext(s.tokens, i, j, s.text, s.start),
    listHead(s.tokens, j, s.text, s.start, i),
  ].filter((h): h is ContextHint => h !== null);
  hints.sort((x, y) => y.strength - x.strength);
  const h = hints[0] ?? null;
  if (h && hints.some((x) => x.named)) h.named = true;
  return h;
}

const COUNT_TAIL = /[\-_ ]\d+(?:\.\d+)?[Kk]$/;

/** "Kelp-Med3D" after a listed "Kelp" model: a name that opens with a listed model's names a system derived from it. */
function listedModelPrefix(ctx: PaperContext, text: string): boolean {
  const m = /^([^\s\-_]{2,})-([\p{Lu}\p{N}][^\s]*)$/u.exec(text);
  // ("Kelp-Attack", "Kelp-Adapter": a technique named after the model it works on)
  if (!m || headType(m[2]!.toLowerCase()) === 'method' || /^(?:attacks?|adapters?|prompts?|prompting|tuning)$/i.test(m[2]!)) return false;
  const hit = ctx.index.byKey.get(normalizeKey(m[1]!))?.find((x) => x.entry.type === 'model');
  return hit !== undefined && sameLetters(m[1]!, hit.text);
}

/** "AP^box", "AP_mask": the name under a written sub- or superscript, which says what output a measure is taken on. */
function scriptBase(text: string): string[] {
  const m = /^(\p{Lu}[\p{L}\p{N}]*)[\^_]\p{Ll}+$/u.exec(text);
  return m ? [m[1]!] : [];
}

/** The confidence of a shape chunk nothing types (it defaults to a method). */
export const UNTYPED_SHAPE_CONF = 0.4;

/** Type a shape chunk: variant of a listed name, context, corpus knowledge, morphology. */
export function typeShape(ctx: PaperContext, s: Sent, i: number, j: number, text: string, nS: number, nT: number): Cand | null {
  // variant of a lexicon name: LLaMA-65b -> LLaMA, ResNet-20 -> ResNet, BERT_BASE -> BERT
  for (const base of [...variantBases(text), ...scriptBase(text)]) {
    const hit = ctx.index.byKey.get(normalizeKey(base))?.find((x) => x.entry.type === 'model' || x.entry.type === 'dataset' || x.entry.type === 'metric');
    if (hit && !hit.caseSensitive || (hit && sameLetters(base, hit.text))) {
      // "Kelp-15k": a count of examples after a model's name makes a dataset built with it, no size of the model
      if (hit.entry.type === 'model' && COUNT_TAIL.test(text)) return mkCand(s, i, j, 'shape', { name: text, type: 'dataset', conf: 0.75 });
      const c = mkCand(s, i, j, 'shape', { name: text, type: hit.entry.type, conf: 0.85, family: hit.entry.name, aliases: [hit.entry.name] });
      c.listed = true;
      return c;
    }
  }
  // "miniImageNet", "Fewshot-CIFAR100": a listed dataset's name at the end makes a derived dataset.
  // (spelled as the list spells it: "KelpScope" ends in a word, not in the listed "SCOPe")
  const key = normalizeKey(text);
  const letters = text.normalize('NFKC').replace(/[^\p{L}\p{N}]+/gu, '');
  for (let p = 1; p < key.length - 4; p++) {
    const hit = ctx.index.byKey.get(key.slice(p))?.find((x) => x.entry.type === 'dataset' && !x.caseSensitive && (letters.length !== key.length || sameLetters(letters.slice(p), x.text)));
    if (hit) {
      const c = mkCand(s, i, j, 'shape', { name: text, type: 'dataset', conf: 0.8, family: hit.entry.name });
      c.listed = true;
      return c;
    }
  }
  const hint = bestHint(s, i, j);
  const kn = ctx.known?.get(key);
  const morph = morphType(text) ?? (listedModelPrefix(ctx, text) ? 'model' : null);
  let type: EntityType | null = null;
  let conf = UNTYPED_SHAPE_CONF;
  // a measure at a cut-off ("XR@10") is one by its spelling alone, whatever list or context is around it
  if (morph === 'metric') {
    type = 'metric';
    conf = 0.8;
  } else if ((hint?.type === 'method' || hint?.type === 'metric') && hint.strength >= 0.75 && isArchitectureName(text)) {
    // "methods such as KelpFormer and ReefDet": papers call any prior system a method; and a network
    // is what is "evaluated with", never a measure
    type = 'model';
    conf = hint.strength;
  } else if (hint && hint.strength >= 0.75) {
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
  // "research conducted at Xerox PARC", "presented at ICLR": after "at" a name is an institution
  // or a venue, unless the sentence says otherwise.
  if (s.tokens[i - 1]?.key === 'at' && !kn && !(hint && hint.strength >= 0.75)) return null;
  // A lone capitalised English-looking word needs a context to be a name.
  // (unless its one word is spelled as a network, a release or a benchmark: "a streaming Kelpformer", "Reef-Bolt-Base",
  // "improves Reef-Bench by 0.4")
  if (nS === 0 && nT === 1 && !hint && !kn && !((isArchitectureName(text) || (morph === 'dataset' && /-|\p{Ll}\p{Lu}/u.test(text))) && !/\s/.test(text))) return null;
  if (nS === 0 && !hint && !kn && !morph) {
    // Multi-word capitalised phrase without context: keep only when its head names a type
    // (the head before a version or an edition: "Reef Challenge IV 2b")
    const last = text.split(/\s+/).filter((w) => !isVersionWord(w)).pop() ?? '';
    const ht = headType(last) ?? (DATA_TITLE_HEAD.test(last) ? 'dataset' : null);
    if (!ht) return null;
    type = ht === 'task' ? 'task' : ht;
    conf = 0.5;
  }
  // "outperforms KELPAT and GANNET": a compared name in capitals is most often a technique's acronym;
  // only a stronger context than the comparison makes it a system
  if (type === 'model' && conf <= 0.6 && !morph && /^\p{Lu}{3,}$/u.test(text)) type = 'method';
  if (!type) type = 'method';
  const c = mkCand(s, i, j, 'shape', { name: text, type, conf, named: hint?.named ?? false });
  return c;
}
