// papergraph's entity extractor: lexicon + shape + context rules on top of
// compromise's English lexicon (see english.ts for why compromise's full tagger
// is not run per abstract). Pure: the lexicon is handed in by the caller.
import type { Extractor, Lexicon, PaperExtraction, PaperText } from './types.js';
import { compileLexicon } from './lexicon-index.js';
import { extractPaperEntities } from './paper.js';
import { Knowledge } from './knowledge.js';

export const EXTRACTOR_VERSION = 'rules-1.0.0';

export function createExtractor(lexicon: Lexicon): Extractor {
  // Compiled once: key index of every name and alias.
  const index = compileLexicon(lexicon);

  function extractPaper(paper: PaperText): PaperExtraction {
    const r = extractPaperEntities(paper, { index, known: null });
    return { id: paper.id, entities: r.entities };
  }

  function extractCorpus(papers: readonly PaperText[]): PaperExtraction[] {
    // Pass 1 learns acronyms and confidently typed names from every paper;
    // pass 2 reads each paper again knowing them (one type per name).
    const known = new Knowledge();
    for (const p of papers) {
      for (const k of extractPaperEntities(p, { index, known: null }).learned) known.add(k);
    }
    return papers.map((p) => ({ id: p.id, entities: extractPaperEntities(p, { index, known }).entities }));
  }

  return { version: EXTRACTOR_VERSION, extractPaper, extractCorpus };
}

export { toPredictionLine, extractToPredictions } from './predictions.js';
