// One paper through the extractor's phases:
//   1. candidates  (ruleCandidates here: acronyms, lexicon and known names, name shapes, phrases,
//                   the title head; the generators live in *-candidates.ts)
//   2. features    (features.ts, with noun-phrase chunks from chunk-candidates.ts)
//   3. score       (score-candidates.ts: the learned scorer keeps, drops and types candidates)
//   4. aliases and 5. roles (entities.ts: one entity per name, its mentions and its role)
import { acronymCandidates, type DocAcronym } from './acronym-candidates.js';
import { scoreCandidates } from './score-candidates.js';
import { alignDatasetSiblings, alignTechniqueAcronyms, alignVariantFamilies, typeMeasuredAcronyms, completeEnumerations, markProposals, propagateLists, resolveOverlaps } from './assemble.js';
import { keyOf, buildSentences, mkCand, PRIO, spanText, type Cand, type PaperContext, type Sent } from './candidate.js';
import { assembleEntities } from './entities.js';
import type { KnownName } from './knowledge.js';
import { normalizeKey, singularKey } from './normalize.js';
import { knownCandidates, prefixSet } from './known-candidates.js';
import { phraseCandidates, taskPhraseCandidates } from './phrase-candidates.js';
import { shapeCandidates, typeShape } from './shape-candidates.js';
import { techniqueTermCandidates } from './term-candidates.js';
import { lexiconCandidates } from './lexicon-candidates.js';
import { markTitleHead, ownPhraseSpans, ownTitleName, styledTitleHead, titlePhraseCandidates } from './title-candidates.js';
import type { ExtractedEntity, PaperText } from './types.js';

export type { PaperContext, Sent } from './candidate.js';

export interface PaperResult {
  entities: ExtractedEntity[];
  /** Names this paper can teach the rest of the corpus. */
  learned: KnownName[];
  /** The knowledge-independent reading, kept when ctx.keepPrepared asks for it. */
  prepared?: Prepared;
}

/**
 * The part of a paper's reading that does not depend on corpus knowledge: sentences,
 * tokens and cues, acronym definitions, lexicon matches. A corpus run keeps it from the
 * first pass so that a second reading only redoes the knowledge-dependent rules.
 * Its candidates are pristine copies: every reading works on clones (assembly mutates them).
 */
export interface Prepared {
  sents: Sent[];
  acr: Map<string, DocAcronym>;
  acrLong: Map<string, DocAcronym>;
  blocked: Array<[Sent, number, number]>;
  /** Keys of the acronyms the paper defines as generic classes or institutions ("LLMs"): never names. */
  genericKeys: Set<string>;
  acrCands: Cand[];
  /** Lexicon candidates per sentence, spans inside blocked generic acronyms removed. */
  lex: Cand[][];
}

function clones(cs: readonly Cand[]): Cand[] {
  const out = new Array<Cand>(cs.length);
  for (let k = 0; k < cs.length; k++) out[k] = { ...cs[k]! };
  return out;
}

export function preparePaper(paper: PaperText, ctx: PaperContext): Prepared {
  const sents = buildSentences(paper);
  const acr = new Map<string, DocAcronym>();
  const blocked: Array<[Sent, number, number]> = [];
  const acrCands = acronymCandidates(ctx, sents, acr, blocked);
  const acrLong = new Map<string, DocAcronym>();
  for (const a of acr.values()) if (!a.generic) acrLong.set(keyOf(a.long), a);
  // Spans the paper defined itself: the list must not claim them under its own reading.
  const ownKeys = new Set<string>();
  for (const a of acr.values()) {
    if (a.generic) continue;
    if (a.overridesList) ownKeys.add(keyOf(a.short));
    if (!a.entryName) ownKeys.add(keyOf(a.long));
  }
  const lex = sents.map((s) => {
    const all = lexiconCandidates(ctx, s);
    const cs = ownKeys.size === 0 ? all : all.filter((c) => !ownKeys.has(keyOf(c.name)));
    if (blocked.length === 0) return cs;
    const blockedHere = blocked.filter(([bs]) => bs === s);
    return blockedHere.length === 0 ? cs : cs.filter((c) => !blockedHere.some(([, bi, bj]) => c.i <= bj && bi <= c.j));
  });
  return { sents, acr, acrLong, blocked, genericKeys: genericAcronymKeys(acr), acrCands, lex };
}

/** Phase 1, candidates: every rule's spans, overlaps resolved, proposals marked. */
export function ruleCandidates(paper: PaperText, ctx: PaperContext, prepared?: Prepared): { prep: Prepared; chosen: Cand[] } {
  const prep = prepared ?? preparePaper(paper, ctx);
  const { sents, acr, acrLong, blocked, genericKeys } = prep;
  // a kept preparation is read again later: work on copies of its candidates
  const keep = ctx.keepPrepared === true || prepared !== undefined;
  const acrCands = keep ? clones(prep.acrCands) : prep.acrCands;
  const cands: Cand[] = [...acrCands];
  const title = sents.find((s) => s.isTitle);
  const styled = title ? styledTitleHead(title) : null;
  const own = title ? ownTitleName(title) : null;
  const knownPrefixes = acr.size > 0 || (ctx.known && ctx.known.size > 0) ? prefixSet(acr, acrLong, ctx.known) : null;
  for (let si = 0; si < sents.length; si++) {
    const s = sents[si]!;
    const covered = new Uint8Array(s.tokens.length);
    let blockedHere: Array<[Sent, number, number]> | null = null;
    if (blocked.length > 0) {
      blockedHere = blocked.filter(([bs]) => bs === s);
      for (const [, bi, bj] of blockedHere) for (let k = bi; k <= bj; k++) covered[k] = 1;
    }
    const lexHere = keep ? clones(prep.lex[si]!) : prep.lex[si]!;
    let local = lexHere;
    if (knownPrefixes) {
      const kc = knownCandidates(ctx, s, acr, acrLong, knownPrefixes);
      const bh = blockedHere;
      const kept = bh && bh.length > 0 ? kc.filter((c) => !bh.some(([, bi, bj]) => c.i <= bj && bi <= c.j)) : kc;
      if (kept.length > 0) local = lexHere.concat(kept);
    }
    for (const c of acrCands) if (c.sent === s) for (let k = c.i; k <= c.j; k++) covered[k] = 1;
    for (const c of local) for (let k = c.i; k <= c.j; k++) covered[k] = 1;
    // An undefined generic acronym (LLMs) must not come back as a shape name.
    if (genericKeys.size > 0) {
      for (let k = 0; k < s.tokens.length; k++) {
        const tok = s.tokens[k]!;
        const a = acr.get(tok.key) ?? acr.get(singularKey(tok.key) ?? '');
        // (not as the end of a longer name: "xKelp3-SRI")
        if (a?.generic && !(tok.glued && /[\p{Lu}\d]/u.test(s.tokens[k - 1]!.text))) covered[k] = 1;
      }
    }
    const shapes = shapeCandidates(ctx, s, covered, styled, own);
    for (const c of shapes) for (let k = c.i; k <= c.j; k++) covered[k] = 1;
    const phrases = [...phraseCandidates(s, covered), ...taskPhraseCandidates(s, covered), ...(s.isTitle ? titlePhraseCandidates(s, covered) : [])];
    for (const c of phrases) for (let k = c.i; k <= c.j; k++) covered[k] = 1;
    const terms = techniqueTermCandidates(s, covered, ctx.index);
    if (s.isTitle) {
      const abstractKey = normalizeKey(paper.abstract);
      phrases.push(...terms.filter((c) => !describesTitleIdea(c, abstractKey)));
      for (const c of local) if (!describesTitleIdea(c, abstractKey)) cands.push(c);
    } else {
      phrases.push(...terms);
      for (const c of local) cands.push(c);
    }
    for (const c of shapes) cands.push(c);
    for (const c of phrases) cands.push(c);
  }
  cands.push(...ownPhraseCandidates(ctx, sents, acr));
  const chosen = resolveOverlaps(cands.filter((c) => !citesAuthors(c)));
  // (enumerations first, so that a list's ordinary-word members join the run a list types:
  // "train on A, Hainwell, KJDB and B"; and again after, from the datasets the lists typed)
  completeEnumerations(chosen);
  propagateLists(chosen);
  completeEnumerations(chosen);
  alignTechniqueAcronyms(chosen);
  typeMeasuredAcronyms(chosen);

  if (title) markTitleHead(title, chosen);
  alignVariantFamilies(chosen);
  alignDatasetSiblings(chosen);
  markProposals(chosen);
  return { prep, chosen };
}

/**
 * A title's Title-Case technique phrase ("Schema-Aware Decoding", "Kelp-Aware Pretraining": modifiers
 * before a listed technique) describes the paper's idea; it names a technique only where the abstract
 * uses it too. (A name the lexicon lists is one wherever it stands.)
 */
function describesTitleIdea(c: Cand, abstractKey: string): boolean {
  return c.type === 'method' && !c.listed && /^\p{Lu}/u.test(c.text) && !abstractKey.includes(normalizeKey(c.text));
}

/** The title's own name of several words, wherever it occurs: one name, ahead of any list's names inside it ("Sparrow" in "Sparrow Policy"). */
function ownPhraseCandidates(ctx: PaperContext, sents: readonly Sent[], acr: ReadonlyMap<string, DocAcronym>): Cand[] {
  const spans = ownPhraseSpans(sents);
  const first = spans[0];
  // (a long form with its acronym is that acronym's: "Kelp Policy (KP)")
  if (!first || [...acr.values()].some((a) => keyOf(a.long) === keyOf(spanText(...first)))) return [];
  return spans.map(([s, i, j]) => {
    const text = spanText(s, i, j);
    const c = (s.isTitle ? null : typeShape(ctx, s, i, j, text, 0, j - i + 1)) ?? mkCand(s, i, j, 'shape', { name: text, type: 'method', conf: 0.5 });
    c.prio = PRIO.acronym;
    return c;
  });
}

/**
 * "the benchmark of Kelpman et al.", "following Kelpman et al.": a name before "et al." is an author
 * cited, whatever another paper taught; "the Kelpman et al. screen" names data after its authors.
 * So is a surname in an author-year citation: "Kelpman (2000)", "Kelpman [1999]", "(Kelpman, 1993)",
 * "(Kelpman and Reefe, 1993)", "Kelpman and Reefe (1993)".
 */
function citesAuthors(c: Cand): boolean {
  const t = c.sent.tokens;
  if (t[c.j + 1]?.key === 'et' && t[c.j + 2]?.key === 'al' && t[c.i - 1]?.key !== 'the') return true;
  if (!SURNAME.test(c.text)) return false;
  const at = c.start - c.sent.start;
  const after = c.sent.text.slice(c.end - c.sent.start, c.end - c.sent.start + 40);
  const before = c.sent.text.slice(Math.max(0, at - 40), at);
  return CITATION_AFTER.test(after) || (OPEN_CITATION.test(before) && YEAR_AFTER.test(after));
}

const SURNAME = /^\p{Lu}\p{Ll}+$/u;
const YEAR = String.raw`(?:19|20)\d\d[a-z]?`;
// "(2000)", "[1999]", " and Reefe (1993)", " and Reefe, 1993)": the year closes the citation
const CITATION_AFTER = new RegExp(String.raw`^(?:\s+(?:and|&)\s+\p{Lu}\p{Ll}+)?(?:\s*[(\[]\s*${YEAR}\s*[)\]]|,\s*${YEAR}\s*[);])`, 'u');
// "(Kelpman, 1993)" and the second author of "(Reefe and Kelpman, 1993)": an opening bracket or a first author before it
const OPEN_CITATION = /[(\[]\s*(?:\p{Lu}\p{Ll}+\s+(?:and|&)\s+)?$/u;
const YEAR_AFTER = new RegExp(String.raw`^,?\s*${YEAR}\s*[)\];,]`, 'u');

function genericAcronymKeys(acr: ReadonlyMap<string, DocAcronym>): Set<string> {
  const out = new Set<string>();
  for (const [k, a] of acr) if (a.generic) out.add(k);
  return out;
}

export function extractPaperEntities(paper: PaperText, ctx: PaperContext, prepared?: Prepared): PaperResult {
  const { prep, chosen: ruled } = ruleCandidates(paper, ctx, prepared);
  const sents = prep.sents;
  // Phases 2 and 3, features and score: the learned scorer keeps, drops and types candidates.
  const chosen = ctx.scorer ? scoreCandidates(sents, ruled, ctx, ctx.scorer, prep.genericKeys) : ruled;

  // Phases 4 and 5: one entity per name, with its aliases, mentions and role.
  const { entities, learned } = assembleEntities(paper, chosen, ctx, sents);
  return ctx.keepPrepared ? { entities, learned, prepared: prep } : { entities, learned };
}
