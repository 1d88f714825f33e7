// Phases 2 and 3 of extraction: the rule candidates plus noun-phrase chunks are described by
// features and scored; the scorer drops rule candidates it is sure are descriptions, types
// the ones the rules could not, and adds the chunks it believes are entities. Overlaps are
// then resolved: rule spans first (they carry more evidence), chunks by confidence.
import { chunkCandidates, sentenceWords, type ChunkOptions, type Word } from './chunk-candidates.js';
import { candidateKey, type Cand, type PaperContext, type Sent } from './candidate.js';
import { features, sentenceView, type DocStats, type SentenceView } from './features.js';
import { SCORER_CLASSES, typeOfClass, type Scorer, type ScorerClass } from './scorer.js';
import { headType, isDescriptivePhrase, isDescriptiveTask } from './heads.js';
import { isCommonWord, isPlaceLike } from './english.js';

/** Sources whose type the scorer never overrides: a lexicon entry or an acronym definition says what it is. */
const TYPED_SOURCES = new Set(['lexicon', 'acronym', 'long']);

export interface ScoringInput {
  /** Rule candidates first, then chunks. */
  cands: Cand[];
  /** Number of rule candidates at the front of cands. */
  ruleCount: number;
  feats: string[][];
}

/**
 * Every candidate of a paper with its features: what the scorer sees (and src/train learns from).
 * `wanted` skips, before their features are built, candidates no decision could keep.
 */
export function scoringInput(
  sents: readonly Sent[],
  ruled: readonly Cand[],
  ctx: PaperContext,
  opts: {
    wanted?: (c: Cand, isRule: boolean) => boolean;
    covered?: Map<Sent, Uint8Array>;
    keep?: ChunkOptions['keep'];
    /** A cheap test on a sentence's free tokens: can any chunk of it be kept at all? */
    mayHold?: (s: Sent, covered: Uint8Array | undefined) => boolean;
  } = {},
): ScoringInput {
  const { wanted, covered, keep, mayHold } = opts;
  // (views are built only for sentences whose candidates get features)
  const views = new Map<Sent, SentenceView>();
  const viewOf = (s: Sent): SentenceView => {
    let v = views.get(s);
    if (!v) views.set(s, (v = sentenceView(s, sentenceWords(s), sents.indexOf(s))));
    return v;
  };
  const taken = covered ? null : new Set(ruled.map((c) => `${c.sent.field}:${c.start}:${c.end}`));
  const cands: Cand[] = [...ruled];
  for (const s of sents) {
    // (the scorer learned from abstracts; a title's capitalised words would read as names)
    if (s.isTitle) continue;
    const cov = covered?.get(s);
    if (mayHold && !mayHold(s, cov)) continue;
    for (const c of chunkCandidates(s, sentenceWords(s), { covered: cov, keep })) if (!taken?.has(`${c.sent.field}:${c.start}:${c.end}`)) cands.push(c);
  }
  const doc: DocStats = { keyCount: new Map() };
  for (const c of cands) {
    const k = candidateKey(c);
    doc.keyCount.set(k, (doc.keyCount.get(k) ?? 0) + 1);
  }
  if (!wanted) return { cands, ruleCount: ruled.length, feats: cands.map((c) => features(c, viewOf(c.sent), ctx.index, doc)) };
  const kept: Cand[] = [];
  let ruleCount = 0;
  cands.forEach((c, n) => {
    const isRule = n < ruled.length;
    if (!wanted(c, isRule)) return;
    kept.push(c);
    if (isRule) ruleCount++;
  });
  return { cands: kept, ruleCount, feats: kept.map((c) => features(c, viewOf(c.sent), ctx.index, doc)) };
}

/** A lower-case word in a name, or a capital anywhere but a sentence's first letter. */
function hasNameShape(c: Cand): boolean {
  const atSentenceStart = c.start === c.sent.start;
  const t = atSentenceStart ? c.text.slice(1) : c.text;
  return /[\p{Lu}\p{N}]/u.test(t);
}

/**
 * What ENTITIES.md requires of an untyped phrase before it can be each kind, whatever the
 * scorer learned from SciERC (whose Method and Metric also cover descriptions): a method is
 * not a description, a dataset has a name, a metric is a measure by its head or a name
 * (a listed metric is the lexicon rule's already).
 */
function chunkMayBe(cls: Exclude<ScorerClass, 'none'>, c: Cand): boolean {
  switch (cls) {
    case 'method':
      return !isDescriptivePhrase(c.text);
    case 'dataset': {
      // a name, ending in its name word or a dataset noun ("Thistle relies" is not one)
      const last = c.text.split(/\s+/).pop()!;
      const ordinary = c.text.split(/\s+/).every((w) => isCommonWord(w.toLowerCase()) || isPlaceLike(w.toLowerCase()));
      return !ordinary && hasNameShape(c) && /\p{L}/u.test(c.text) && (/[\p{Lu}\p{N}]/u.test(last) || headType(last.toLowerCase()) === 'dataset');
    }
    case 'metric':
      // (a metric the lexicon does not list is named by its measure word: "the Kelp score";
      // name-shaped chunks without one were mostly figures, "4.2x less CPU time")
      return headType(c.text.split(/\s+/).pop()!.toLowerCase()) === 'metric';
    case 'task':
      return !isDescriptiveTask(c.text);
  }
}

/** chunkMayBe's cheap part, on words, before a span becomes a candidate. */
function spanMayBe(cls: Exclude<ScorerClass, 'none'>, ws: readonly Word[], a: number, b: number): boolean {
  if (cls === 'method' || cls === 'task') return true;
  if (cls === 'metric') return headType(ws[b]!.lower) === 'metric';
  for (let k = a; k <= b; k++) if (ws[k]!.shaped) return true;
  return false;
}

/** Has the sentence a free token a dataset chunk needs (a capital past its first letter, or a digit) or a metric chunk needs (a metric head)? */
function freeTokenFor(s: Sent, cov: Uint8Array | undefined, dataset: boolean, metric: boolean): boolean {
  const t = s.tokens;
  for (let k = 0; k < t.length; k++) {
    if (cov && cov[k]) continue;
    const { text, key } = t[k]!;
    // (a capital or a mark anywhere but a sentence's first letter)
    if (dataset && text !== key && (k > 0 || text.slice(1) !== key.slice(1))) return true;
    if (dataset && /\d/.test(k === 0 ? text.slice(1) : text)) return true;
    if (metric && headType(key) === 'metric') return true;
  }
  return false;
}

function coveredTokens(cands: readonly Cand[]): Map<Sent, Uint8Array> {
  const out = new Map<Sent, Uint8Array>();
  for (const c of cands) {
    let cov = out.get(c.sent);
    if (!cov) out.set(c.sent, (cov = new Uint8Array(c.sent.tokens.length)));
    for (let k = c.i; k <= c.j; k++) cov[k] = 1;
  }
  return out;
}

function overlaps(a: Cand, b: Cand): boolean {
  return a.sent === b.sent && a.start < b.end && b.start < a.end;
}

/**
 * `notNames`: keys the paper itself says are no entity (acronyms of institutions or of generic
 * classes, "LLMs"), which no chunk may bring back.
 */
export function scoreCandidates(sents: readonly Sent[], ruled: readonly Cand[], ctx: PaperContext, scorer: Scorer, notNames: ReadonlySet<string> = new Set()): Cand[] {
  const { chunk: chunkMin, dropRule } = scorer.thresholds;
  // Only candidates some decision could change are scored (most chunks cannot be any kind the
  // thresholds leave open; rule candidates need a score only when they may be dropped).
  const open = (['method', 'dataset', 'task', 'metric'] as const).filter((cls) => chunkMin[cls] <= 1);
  const mayDrop = dropRule <= 1;
  // When no rule candidate can be dropped, a chunk overlapping one can never be accepted.
  const covered = mayDrop ? undefined : coveredTokens(ruled);
  const wanted = (c: Cand, isRule: boolean): boolean =>
    isRule ? mayDrop && !TYPED_SOURCES.has(c.source) : open.some((cls) => chunkMayBe(cls, c));
  const keep = (ws: readonly Word[], a: number, b: number): boolean => open.some((cls) => spanMayBe(cls, ws, a, b));
  const anyChunk = open.includes('method') || open.includes('task');
  const mayHold = (s: Sent, cov: Uint8Array | undefined): boolean => anyChunk || freeTokenFor(s, cov, open.includes('dataset'), open.includes('metric'));
  const { cands, ruleCount, feats } = scoringInput(sents, ruled, ctx, { wanted, covered, keep, mayHold });
  const kept: Cand[] = ruled.filter((c) => !wanted(c, true));
  const chunks: Array<{ c: Cand; p: number }> = [];
  for (let n = 0; n < cands.length; n++) {
    const c = cands[n]!;
    const p = scorer.probabilities(feats[n]!);
    let best = 1;
    for (let k = 2; k < SCORER_CLASSES.length; k++) if (p[k]! > p[best]!) best = k;
    if (n < ruleCount) {
      if (p[0]! >= dropRule) continue;
      // (an untyped rule candidate keeps the rules' default: the scorer's SciERC types cost held-out F1)
      kept.push(c);
    } else {
      const cls = SCORER_CLASSES[best]! as Exclude<ScorerClass, 'none'>;
      if (p[best]! < chunkMin[cls] || !chunkMayBe(cls, c) || notNames.has(candidateKey(c))) continue;
      c.type = typeOfClass(cls, null);
      c.conf = Math.round(p[best]! * 1000) / 1000;
      chunks.push({ c, p: p[best]! });
    }
  }
  chunks.sort((a, b) => b.p - a.p || a.c.start - b.c.start);
  const accepted: Cand[] = [];
  for (const { c } of chunks) {
    if (kept.some((r) => overlaps(r, c)) || accepted.some((r) => overlaps(r, c))) continue;
    accepted.push(c);
  }
  return kept.concat(accepted);
}
