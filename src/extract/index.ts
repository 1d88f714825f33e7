// papergraph's entity extractor: lexicon + shape + context rules on top of
// compromise's English lexicon (see english.ts for why compromise's full tagger
// is not run per abstract). Pure: the lexicon is handed in by the caller.
import type { Extractor, Lexicon, PaperExtraction, PaperText } from './types.js';
import { compileLexicon, type LexiconIndex } from './lexicon-index.js';
import { extractPaperEntities, type PaperResult } from './paper.js';
import { Knowledge, type KnownName } from './knowledge.js';
import { buildSentences } from './candidate.js';
import { createScorer, type ScorerWeights } from './scorer.js';

/** Version of the rule stage; an extractor with a scorer appends the weights' version. */
export const EXTRACTOR_VERSION = 'rules-1.1.0';

/** A name one paper teaches the corpus: [paper number in the corpus, name]. */
export type Taught = [number, KnownName];

/** First-pass results of one shard, kept by whoever runs the second pass. */
export interface ShardState {
  offset: number;
  first: PaperResult[];
}

/**
 * extractCorpus split in its two passes, so that shards of a large corpus can
 * run on worker threads: every shard runs learnShard, the caller concatenates
 * the taught names in corpus order and hands them to finishShard of every shard.
 */
export interface CorpusExtractor extends Extractor {
  learnShard(papers: readonly PaperText[], offset: number): { taught: Taught[]; state: ShardState };
  finishShard(papers: readonly PaperText[], state: ShardState, taught: readonly Taught[]): PaperExtraction[];
}

/** What ingest records on every link: the rule stage's version and the scorer weights'. */
export function extractorVersion(weights: ScorerWeights | null): string {
  return weights ? `${EXTRACTOR_VERSION}+${weights.version}` : EXTRACTOR_VERSION;
}

/** An extractor over this lexicon; with scorer weights, the learned scorer decides each candidate. */
export function createExtractor(lexicon: Lexicon | LexiconIndex, weights: ScorerWeights | null = null): CorpusExtractor {
  // Compiled once: key index of every name and alias (or one compiled already, as training
  // tries many scorer settings over one lexicon), and the scorer's weight table.
  const index = 'byKey' in lexicon ? lexicon : compileLexicon(lexicon);
  const scorer = weights ? createScorer(weights) : null;
  const version = extractorVersion(weights);

  function extractPaper(paper: PaperText): PaperExtraction {
    const r = extractPaperEntities(paper, { index, known: null, scorer });
    return { id: paper.id, entities: r.entities };
  }

  // Pass 1 learns acronyms and confidently typed names from every paper.
  function learnShard(papers: readonly PaperText[], offset: number): { taught: Taught[]; state: ShardState } {
    const taught: Taught[] = [];
    const first = papers.map((p, n) => {
      const r = extractPaperEntities(p, { index, known: null, scorer, keepPrepared: true });
      for (const k of r.learned) taught.push([offset + n, k]);
      return r;
    });
    return { taught, state: { offset, first } };
  }

  // Pass 2 reads each paper again knowing them (one type per name); a paper none
  // of whose words starts a name taught by another paper reads the same twice.
  function finishShard(papers: readonly PaperText[], state: ShardState, taught: readonly Taught[]): PaperExtraction[] {
    const known = new Knowledge();
    for (const [n, k] of taught) known.add(k, n);
    return papers.map((p, n) => {
      const r1 = state.first[n]!;
      const prep = r1.prepared;
      // (a state without its preparation, e.g. built by hand, is read from its sentences again)
      const again = known.teachesOthers(prep ? prep.sents : buildSentences(p), state.offset + n);
      const r = again ? extractPaperEntities(p, { index, known, scorer }, prep) : r1;
      // the first reading's sentences and candidates are not needed any more
      r1.prepared = undefined;
      return { id: p.id, entities: r.entities };
    });
  }

  function extractCorpus(papers: readonly PaperText[]): PaperExtraction[] {
    const { taught, state } = learnShard(papers, 0);
    return finishShard(papers, state, taught);
  }

  return { version, extractPaper, extractCorpus, learnShard, finishShard };
}

export type { ScorerWeights } from './scorer.js';
export { toPredictionLine, toPrediction, extractToPredictions } from './predictions.js';
export type { PredictionLine, PredictionEntity, PredictionMention } from './predictions.js';
