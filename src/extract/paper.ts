// One paper through the pipeline: sentences and tokens, acronym definitions,
// lexicon and known-name matches, shape chunks, context typing, then entities
// with their mentions and roles. The candidate generators live in *-candidates.ts.
import { acronymCandidates, type DocAcronym } from './acronym-candidates.js';
import { scoreCandidates } from './score-candidates.js';
import { markProposals, propagateLists, resolveOverlaps } from './assemble.js';
import { keyOf, buildSentences, mkCand, tokenRange, type Cand, type PaperContext, type Sent } from './candidate.js';
import { isCommonWord } from './english.js';
import { headType, isDescriptivePhrase, isGenericLongForm } from './heads.js';
import type { KnownName } from './knowledge.js';
import { knownCandidates, prefixSet } from './known-candidates.js';
import { phraseCandidates, taskPhraseCandidates } from './phrase-candidates.js';
import { ROLE_RANK, mentionRole } from './roles.js';
import { shapeCandidates } from './shape-candidates.js';
import { lexiconCandidates } from './lexicon-candidates.js';
import { isNonEntityName, morphType } from './shapes.js';
import { TITLE_GENERIC, titleHeadRange, titlePhraseCandidates } from './title-candidates.js';
import type { EntityType, ExtractedEntity, Mention, PaperText, Role } from './types.js';

export type { PaperContext, Sent } from './candidate.js';

export interface PaperResult {
  entities: ExtractedEntity[];
  /** Names this paper can teach the rest of the corpus. */
  learned: KnownName[];
  /** Letters and digits (case kept) of the paper's whitespace-delimited words and their singulars. */
  wordKeys: Set<string>;
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
  const lex = sents.map((s) => {
    const cs = lexiconCandidates(ctx, s);
    if (blocked.length === 0) return cs;
    const blockedHere = blocked.filter(([bs]) => bs === s);
    return blockedHere.length === 0 ? cs : cs.filter((c) => !blockedHere.some(([, bi, bj]) => c.i <= bj && bi <= c.j));
  });
  return { sents, acr, acrLong, blocked, acrCands, lex };
}

/** Phase 1, candidates: every rule's spans, overlaps resolved, proposals marked. */
export function ruleCandidates(paper: PaperText, ctx: PaperContext, prepared?: Prepared): { prep: Prepared; chosen: Cand[] } {
  const prep = prepared ?? preparePaper(paper, ctx);
  const { sents, acr, acrLong, blocked } = prep;
  // a kept preparation is read again later: work on copies of its candidates
  const keep = ctx.keepPrepared === true || prepared !== undefined;
  const acrCands = keep ? clones(prep.acrCands) : prep.acrCands;
  const cands: Cand[] = [...acrCands];
  const knownPrefixes = acr.size > 0 || (ctx.known && ctx.known.size > 0) ? prefixSet(acr, acrLong, ctx.known) : null;
  // Generic acronyms (LLMs) by key, so that each token needs one lookup at most.
  let genericKeys: Set<string> | null = null;
  for (const [k, a] of acr) if (a.generic) (genericKeys ??= new Set()).add(k);
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
    if (genericKeys) {
      for (let k = 0; k < s.tokens.length; k++) {
        const key = s.tokens[k]!.key;
        const a = acr.get(key) ?? (key.endsWith('s') ? acr.get(key.slice(0, -1)) : undefined);
        if (a?.generic) covered[k] = 1;
      }
    }
    const shapes = shapeCandidates(ctx, s, covered);
    for (const c of shapes) for (let k = c.i; k <= c.j; k++) covered[k] = 1;
    const phrases = [...phraseCandidates(s, covered), ...taskPhraseCandidates(s, covered), ...(s.isTitle ? titlePhraseCandidates(s, covered) : [])];
    for (const c of local) cands.push(c);
    for (const c of shapes) cands.push(c);
    for (const c of phrases) cands.push(c);
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
        if (keyOf(c.text) === keyOf(headText)) c.titleHead = true;
      }
    }
    if (!found) {
      const r = tokenRange(title.tokens, th[0], th[1]);
      const generic = isGenericLongForm(headText) || headText.split(/\s+/).every((w) => TITLE_GENERIC.has(w.toLowerCase()) || isCommonWord(w.toLowerCase()));
      if (r && !generic && /\p{Lu}/u.test(headText) && headText.split(/\s+/).length <= 3 && !/^(a|an|the|on|towards?|why|how|what|when)\b/i.test(headText)) {
        const c = mkCand(title, r[0], r[1], 'shape', { type: apType && apType !== 'task' && apType !== 'metric' ? apType : morphType(headText) ?? 'method', conf: apType ? 0.8 : 0.5 });
        c.titleHead = true;
        chosen.push(c);
      }
    }
  }

  markProposals(chosen);
  return { prep, chosen };
}

export function extractPaperEntities(paper: PaperText, ctx: PaperContext, prepared?: Prepared): PaperResult {
  const { prep, chosen: ruled } = ruleCandidates(paper, ctx, prepared);
  const sents = prep.sents;
  // Phases 2 and 3, features and score: the learned scorer keeps, drops and types candidates.
  const chosen = ctx.scorer ? scoreCandidates(paper, sents, ruled, ctx, ctx.scorer) : ruled;

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
  const selfNoun = ownContributionNoun(paper.abstract ?? '');
  for (const [, cs] of groups) {
    const first = cs.find((c) => c.source === 'acronym' || c.source === 'known') ?? cs[0]!;
    const best = cs.reduce((b, c) => (c.conf > b.conf ? c : b), cs[0]!);
    let type = best.type ?? 'method';
    // The paper's own unlisted name, typed only by its spelling: "our method" / "our model" decides
    // (ENTITIES.md: a procedure is a method, a released system a model).
    if (selfNoun && best.conf <= 0.6 && (type === 'model' || type === 'method') && cs.every((c) => !c.listed && (c.source === 'shape' || c.source === 'phrase'))) {
      if (cs.some((c) => c.titleHead || c.proposed || c.named)) type = selfNoun;
    }
    const name = first.name;
    const key = keyOf(name);
    if (key.length < 2 || isNonEntityName(name)) continue;
    // "a flexible transformer", "pretrained language models": a description, unless a list or an acronym names it
    if ((type === 'method' || type === 'model') && isDescriptivePhrase(name) && !ctx.index.byKey.has(key) && cs.every((c) => c.source !== 'acronym' && c.source !== 'long')) continue;
    const aliasSet = new Map<string, string>();
    for (const c of cs) {
      for (const a of [...c.aliases, c.family, c.name, c.text]) {
        if (!a) continue;
        const k = keyOf(a);
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
    if (family && keyOf(family) !== key) ent.family = family;
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
  // Only a corpus run needs them (to skip a second reading); a single paper saves the work.
  if (ctx.wantWordKeys) {
    // Case kept: a taught "MEAN" cannot match the word "mean" (known names with capitals match by case).
    for (const s of sents) {
      let k = '';
      for (let t = 0; t < s.tokens.length; t++) {
        const tk = s.tokens[t]!;
        k = tk.glued ? k + tk.text : tk.text;
        const n = s.tokens[t + 1];
        if (!n || !n.glued) {
          wordKeys.add(k);
          if (k.endsWith('s')) wordKeys.add(k.slice(0, -1));
        }
        // the first fine token alone starts names such as "GPT-4"
        if (!tk.glued) wordKeys.add(tk.text);
      }
    }
  }
  return ctx.keepPrepared ? { entities, learned, wordKeys, prepared: prep } : { entities, learned, wordKeys };
}

function firstPos(e: ExtractedEntity): number {
  const m = e.mentions[0];
  if (!m) return 0;
  return (m.field === 'title' ? 0 : 1e6) + m.start;
}

/** How the abstract refers to its own contribution: "our method/approach" or "our model/network". */
function ownContributionNoun(abstract: string): 'method' | 'model' | null {
  const re = /\bour (?:proposed |new |novel )?(method|approach|framework|technique|algorithm|model|network|architecture|system)s?\b/gi;
  let method = 0;
  let model = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(abstract)) !== null) {
    if (/^(model|network|architecture|system)$/i.test(m[1]!)) model++;
    else method++;
  }
  if (method > model) return 'method';
  if (model > method) return 'model';
  return null;
}
