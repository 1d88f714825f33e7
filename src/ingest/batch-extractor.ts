// Extraction for the ingest pipeline: in worker threads when the compiled
// worker exists (the CLI), else on the calling thread (tests run from source).
import fs from 'node:fs';
import os from 'node:os';
import { Piscina } from 'piscina';
import { extractorVersion } from '../extract/index.js';
import { loadScorerWeights } from '../lexicon/load.js';
import type { Extractor, PaperExtraction, PaperText } from '../extract/types.js';
import { projectPath } from '../paths.js';

export interface BatchExtractor {
  readonly version: string;
  /** Threads extracting at once (1 on the calling thread). */
  readonly parallelism: number;
  extractBatch(papers: PaperText[]): Promise<PaperExtraction[]>;
  close(): Promise<void>;
}

export function inThreadExtractor(extractor: Extractor): BatchExtractor {
  return {
    version: extractor.version,
    parallelism: 1,
    extractBatch: async (papers) => extractor.extractCorpus(papers),
    close: async () => {},
  };
}

const WORKER_FILE = projectPath('dist', 'src', 'ingest', 'extract-worker.js');

/**
 * A pool of extraction threads, or undefined when the compiled worker is not
 * there (running from TypeScript sources).
 */
export function workerPoolExtractor(threads = Math.max(1, os.availableParallelism())): BatchExtractor | undefined {
  if (!fs.existsSync(WORKER_FILE)) return undefined;
  const pool = new Piscina<PaperText[], PaperExtraction[]>({ filename: WORKER_FILE, minThreads: threads, maxThreads: threads });
  return {
    version: extractorVersion(loadScorerWeights()),
    parallelism: threads,
    extractBatch: (papers) => pool.run(papers),
    close: () => pool.destroy(),
  };
}
