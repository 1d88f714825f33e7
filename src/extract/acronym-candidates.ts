// Candidates from acronym definitions: the long form and the short form are one
// entity named by the short form (ENTITIES.md), typed by the lexicon or the long form's head.
import { findDefinitions } from './acronyms.js';
import { isFunctionWord, lexTag } from './english.js';
import { isCueVerb } from './roles.js';
import { acronymGroup, entryGroup, type Group } from './groups.js';
import { mkCand, tokenRange, type Cand, type PaperContext, type Sent } from './candidate.js';
import { appositive, evaluationOn, followingHead, measureContext, type ContextHint } from './context.js';
import { headType, isDescriptiveModifier, TECHNIQUE_HEADS, isGenericLongForm, isGenericTaskHead, isMeasureLongForm, isOrganisationName, typeOfLongForm } from './heads.js';
import { normalizeKey, singularKey } from './normalize.js';
import { isNameShaped, isStopName, TITLE_CASE } from './shapes.js';
import type { Token } from './text.js';
import type { EntityType } from './types.js';

// --- acronyms -------------------------------------------------------------

export interface DocAcronym {
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
  /** The paper spells the acronym out otherwise than the list does ("FacePoseNet (FPN)"): its own definition holds here. */
  overridesList?: boolean;
}

export function lookupType(ctx: PaperContext, text: string): { type: EntityType; name: string; family?: string } | null {
  const key = normalizeKey(text);
  const list = ctx.index.byKey.get(key) ?? ctx.index.byKey.get(singularKey(key) ?? '');
  const s = list?.[0];
  return s ? { type: s.entry.type, name: s.entry.name, family: s.entry.family } : null;
}

export function acronymCandidates(ctx: PaperContext, sents: Sent[], acr: Map<string, DocAcronym>, blocked: Array<[Sent, number, number]>): Cand[] {
  const out: Cand[] = [];
  for (const s of sents) {
    for (const d0 of findDefinitions(s.text)) {
      // "large language models (LLMs)": the entity is the singular acronym.
      const d = /^\p{Lu}[\p{Lu}\p{N}-]+s$/u.test(d0.short) ? { ...d0, short: d0.short.slice(0, -1) } : d0;
      const sr = tokenRange(s.tokens, s.start + d0.shortStart, s.start + d0.shortEnd);
      const lr = tokenRange(s.tokens, s.start + d.longStart, s.start + d.longEnd);
      if (!sr || !lr) continue;
      const key = normalizeKey(d.short);
      const lexL = lookupType(ctx, d.long);
      // Acronyms are reused across fields: the paper's own long form says which one it means,
      // listed or not ("attack success rate (ASR)" is no speech recognition)
      const overridesList = expandsOtherwise(ctx, d.short, d.long);
      const lexS = overridesList ? null : lookupType(ctx, d.short);
      const lex = lexS ?? lexL;
      // ("the Kelp Reef University (KRU) bearing dataset": data an institution released goes by its acronym)
      const institution = !lex && isOrganisationName(d.long);
      const institutionData = institution && dataNounAfter(s, sr[1]);
      let generic = !lex && (isGenericLongForm(d.long) || isGenericLongForm(`${d.long} ${classNounAfter(s, sr[1])}`) || (institution && !institutionData) || isStopName(d.short));
      // "measured by backward transfer (BWT)": the sentence says it is a measure, whatever its head
      const measured = !lex && measureContext(s.tokens, lr[0], sr[1], s.text, s.start) !== null;
      let type: EntityType | null = lex?.type ?? (measured ? 'metric' : typeOfLongForm(d.long));
      let conf = lex ? 0.9 : type ? 0.8 : 0.5;
      // "Multi-Sense Kelp Embeddings (MSKE), a model that ...": what the sentence calls it outweighs its long form's head
      // (read after "ACR (long form)" and after "long form (ACR)")
      const called = lex || measured ? null : (appositive(s.tokens, sr[1], s.text, s.start) ?? (lr[1] < sr[0] ? appositive(s.tokens, lr[1], s.text, s.start) : null));
      if (called && called.strength >= 0.8 && (called.type === 'model' || called.type === 'dataset')) type = called.type;
      // "the Reef Mask Parsing (RMP) benchmark": the noun after the acronym says what it names, whatever its long form's head,
      // unless a name follows it ("reef segmentation (RS) dataset KelpSet" names KelpSet, and RS stays a task)
      const kind = s.tokens[sr[1] + 1];
      const namedNext = s.tokens[sr[1] + 2];
      const classifiesNext = namedNext !== undefined && !namedNext.glued && isNameShaped(namedNext.text);
      if (!lex && !measured && kind && !kind.glued && !classifiesNext && DATA_KIND.test(kind.key)) {
        // ("reef language query (RLQ) benchmarks": benchmarks of a kind of problem a lower-case long form
        // names; "Kelp Object Decoding (KOD) datasets" lists a named one)
        if (/s$|^corpora$/.test(kind.key) && !/\p{Lu}/u.test(d.long)) {
          type = 'task';
          conf = 0.7;
        } else type = 'dataset';
      }
      if (institutionData) type = 'dataset';
      if (!type) {
        // ("On Kelp Scanned Shapes (KSS) and X, ...", "trained on the Reef Audio Corpus (RAC)": a
        // capitalised long form where data is named is a dataset)
        const h = followingHead(s.tokens, sr[1] + 0) ?? appositive(s.tokens, sr[1], s.text, s.start) ?? (TITLE_CASE.test(d.long) && !modifiesNext(s, sr[1]) ? strongDataHint(s, lr[0]) : null);
        if (h) {
          type = h.type;
          conf = h.strength;
        }
      }
      // "Spoken CrossWOZ (SCW)": a long form that ends on a listed name names a variant of it
      if (!type) {
        const last = d.long.split(/\s+/).pop() ?? '';
        const base = last !== d.long && isNameShaped(last) ? lookupType(ctx, last) : null;
        // ("variance-scaled RMSE (VSRMSE)": of a listed measure, a variant measure)
        if (base && (base.type === 'dataset' || base.type === 'model' || base.type === 'metric')) {
          type = base.type;
          conf = 0.75;
        }
      }
      let name = d.short;
      let long = d.long;
      if (!lex && !typeOfLongForm(d.long)) {
        const after: Token | undefined = s.tokens[sr[1] + 1];
        const gap = after ? s.text.slice(s.tokens[sr[1]]!.end - s.start, after.start - s.start) : '';
        const ht = after && /^\)\s+$/.test(gap) && /^\p{Ll}+$/u.test(after.text) ? headType(after.text) : null;
        // "the high resolution (HR) space", "the state-of-the-art (SoTA) results": an untyped acronym of a
        // describing phrase that modifies the noun after it names a property, not a thing
        if (!type && !ht && after && isDescriptiveModifier(d.long.split(/\s+/)[0]!.toLowerCase()) && /^\)\s+$/.test(gap) && /^\p{Ll}{3,}$/u.test(after.text) && !isFunctionWord(after.text) && !isCueVerb(after.text) && /^(?:Noun|Singular|Plural|Uncountable)$/.test(lexTag(after.text) ?? 'Noun')) generic = true;
        // "(VLAs) models" names a class of systems, like "LLMs": only technique heads make a name
        if (ht && isGenericTaskHead(after!.text)) {
          // "text-to-image (T2I) tasks": the acronym names a kind of task
          type = 'task';
          conf = 0.7;
        } else if (ht && ht !== 'metric' && ht !== 'model' && ht !== 'dataset') {
          name = `${d.short} ${after!.text}`;
          long = `${d.long} ${after!.text}`;
          type = ht;
          conf = 0.8;
        }
      }
      if (!lex && type !== 'model' && type !== 'dataset' && type !== 'metric' && opensAbstractAsProblem(s, d.long, lr[0], sr[1])) {
        type = 'task';
        conf = 0.75;
      }
      const prev = acr.get(key);
      if (!prev || (!prev.type && type)) {
        acr.set(key, { short: d.short, name, long, type, conf, generic, entryName: lex?.name, entryType: lex?.type, family: lex?.family, overridesList });
      }
      if (generic) {
        blocked.push([s, lr[0], lr[1]], [s, sr[0], sr[1]]);
        continue;
      }
      const group = lex ? entryGroup(lex.type, normalizeKey(lex.name)) : acronymGroup(key);
      const common = { group, name, type, conf, aliases: [long], family: lex?.family };
      const lc = mkCand(s, lr[0], lr[1], 'long', common);
      const sc = mkCand(s, sr[0], sr[1], 'acronym', common);
      lc.listed = sc.listed = lex !== null;
      out.push(lc, sc);
    }
  }
  return out;
}

const DATA_KIND = /^(?:benchmarks?|datasets?|corpus|suite)$/;

/**
 * "Reef trace alignment (RTA) estimates a diver's path from ...": a lower-case field that opens the abstract
 * as the subject of what it does (a verb, then its object) is the problem the paper works on; a technique
 * the abstract opens with is named by its head ("Kelp distillation (KD) transfers ...").
 */
function opensAbstractAsProblem(s: Sent, long: string, longStart: number, shortEnd: number): boolean {
  if (s.field !== 'abstract' || s.start !== 0 || longStart !== 0 || /\p{Lu}/u.test(long.slice(1))) return false;
  const head = long.split(/[\s-]+/).pop()!.toLowerCase();
  if (TECHNIQUE_HEADS.has(head)) return false;
  const verb = s.tokens[shortEnd + 1];
  const object = s.tokens[shortEnd + 2];
  return verb !== undefined && object !== undefined && /^\p{Ll}{3,}s$/u.test(verb.text) && !/ss$/.test(verb.text) && /^(?:a|an|the|its|their|each|every)$/.test(object.key);
}

/** Is "(ACR)" followed by a dataset noun, or by one lower-case word and a dataset noun ("(KRU) bearing dataset")? */
function dataNounAfter(s: Sent, shortEnd: number): boolean {
  const [a, b] = [s.tokens[shortEnd + 1], s.tokens[shortEnd + 2]];
  if (!a || a.glued) return false;
  return DATA_KIND.test(a.key) || (/^\p{Ll}+$/u.test(a.text) && !isFunctionWord(a.key) && b !== undefined && !b.glued && DATA_KIND.test(b.key));
}

/** Is "(ACR)" followed by a lower-case word it modifies ("from Kelp Meaning Graphs (KMG) structures")? */
function modifiesNext(s: Sent, shortEnd: number): boolean {
  const after = s.tokens[shortEnd + 1];
  return !!after && /^\)\s+$/.test(s.text.slice(s.tokens[shortEnd]!.end - s.start, after.start - s.start)) && /^\p{Ll}/u.test(after.text) && !isFunctionWord(after.text);
}

/** A dataset hint as strong as a stated evaluation or training source, at token i. */
function strongDataHint(s: Sent, i: number): ContextHint | null {
  const h = evaluationOn(s.tokens, i, s.cues.evaluative);
  return h && h.type === 'dataset' && h.strength >= 0.75 ? h : null;
}

/** The plural noun right after "(ACR) ", as in "vision-language-action (VLA) models", or ''. */
function classNounAfter(s: Sent, shortEnd: number): string {
  const after = s.tokens[shortEnd + 1];
  if (!after || !/^\)\s+$/.test(s.text.slice(s.tokens[shortEnd]!.end - s.start, after.start - s.start))) return '';
  return /^\p{Ll}+s$/u.test(after.text) ? after.text : '';
}

const CONTENT_WORD = /[\p{L}\p{N}]+/gu;
const LINKING = new Set(['of', 'for', 'from', 'with', 'and', 'the', 'a', 'an', 'in', 'on', 'to', 'by', 'via']);

/** Content words, lower-cased, with a plural `s` and the -isation/-ization spelling difference removed. */
function contentWords(phrase: string): Set<string> {
  const out = new Set<string>();
  for (const m of phrase.toLowerCase().matchAll(CONTENT_WORD)) {
    const w = m[0]!.replace(/is(ation|e|ed|ing)$/, 'iz$1').replace(/(?<=[^s])s$/, '');
    if (!LINKING.has(w)) out.add(w);
  }
  return out;
}

/**
 * The list knows this acronym only as the short form of other words ("FPN" = feature pyramid
 * network, "MTL" = multi-task learning) than the long form the paper gives it: the two share no
 * word but head nouns such as "learning" or "network". An entry with no spelled-out name
 * ("Adam optimizer" is the name plus a head) cannot be compared and is trusted.
 */
function expandsOtherwise(ctx: PaperContext, short: string, long: string): boolean {
  const key = normalizeKey(short);
  const surfaces = ctx.index.byKey.get(key) ?? ctx.index.byKey.get(singularKey(key) ?? '');
  if (!surfaces?.length) return false;
  const own = contentWords(long);
  for (const { entry } of surfaces) {
    const expansions = [entry.name, ...entry.aliases].filter((x) => !normalizeKey(x).includes(key)).map(contentWords);
    // (a list without the expansion cannot tell, unless the text spells out a measure: "time-per-kelp-token (TPKT)" is no listed tool of that acronym)
    // (not a generic measure head: "minimum mean square error (MMSE)" is a listed estimator's own expansion)
    if (expansions.length === 0) return entry.type !== 'metric' && isMeasureLongForm(long);
    // (nor words that every kind of network shares: "lightweight neural networks" is no "Lagrangian neural networks")
    for (const w of expansions) for (const x of w) if (own.has(x) && headType(x) === null && !/^(?:neural|deep|artificial)$/.test(x)) return false;
  }
  return true;
}

export function docAcronymGroup(a: DocAcronym): Group {
  return a.entryName && a.entryType ? entryGroup(a.entryType, normalizeKey(a.entryName)) : acronymGroup(normalizeKey(a.short));
}
