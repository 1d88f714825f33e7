// Runs in a worker thread (piscina): one extractor per thread, built once,
// extracting whole batches so corpus-level rules see the batch together.
import { createExtractor } from '../extract/index.js';
import type { PaperExtraction, PaperText } from '../extract/types.js';
import { loadLexicon, loadScorerWeights } from '../lexicon/load.js';

const extractor = createExtractor(loadLexicon(), loadScorerWeights());

export default function extractBatch(papers: PaperText[]): PaperExtraction[] {
  return extractor.extractCorpus(papers);
}
