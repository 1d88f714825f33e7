// What the ingest and scale benchmarks share: the generated corpus (made once
// per size and seed, then reused), an ingest run with its sustained rate, and
// the peak RSS of another process.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Database } from '../src/db/database.js';
import type { BatchExtractor } from '../src/ingest/batch-extractor.js';
import { ingest, type IngestSummary } from '../src/ingest/pipeline.js';
import { readSource } from '../src/ingest/readers.js';
import { writeCorpus } from './generate-corpus.js';

export const mb = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MB`;

/** The corpus of `n` generated abstracts for `seed`, written to the temp folder on first use. */
export async function benchCorpus(n: number, seed: number, log: (line: string) => void): Promise<string> {
  const corpus = path.join(os.tmpdir(), `papergraph-bench-corpus-${n}-${seed}.jsonl`);
  if (!fs.existsSync(corpus)) {
    const t0 = performance.now();
    // Written beside, then renamed: an interrupted run leaves no half corpus to reuse.
    const partial = `${corpus}.partial`;
    const out = fs.createWriteStream(partial);
    await writeCorpus(n, seed, out);
    await new Promise<void>((resolve) => out.end(resolve));
    fs.renameSync(partial, corpus);
    log(`generated ${n} abstracts in ${((performance.now() - t0) / 1000).toFixed(1)} s -> ${corpus}`);
  }
  return corpus;
}

export { peakRss } from '../src/local-neo4j/bulk-import.js';

export interface IngestRun {
  summary: IngestSummary;
  /** Papers read per second over the whole run. */
  rate: number;
  /** Over the second half of the run: past the JVM's and the workers' warm-up. */
  sustained: number;
}

/** One ingest of `corpus`, with a progress line every 10 s. */
export async function timedIngest(
  corpus: string,
  opts: { db: Database; extractor: BatchExtractor; batchSize: number },
  log: (line: string) => void,
): Promise<IngestRun> {
  let lastLine = 0;
  // (papers, seconds) after each batch.
  const samples: [number, number][] = [];
  const progress = (s: IngestSummary) => {
    samples.push([s.read, s.seconds]);
    if (s.seconds - lastLine < 10) return;
    lastLine = s.seconds;
    log(`  ... ${s.read} papers, ${(s.read / s.seconds).toFixed(0)}/s, RSS ${mb(process.memoryUsage().rss)}`);
  };
  const summary = await ingest(readSource(corpus), { ...opts, onProgress: progress });
  const rate = summary.read / summary.seconds;
  const half = samples.find(([read]) => read >= summary.read / 2);
  // (Papers are read ahead of the writes: on a small run the first sample may already count them all.)
  const sustained = half && half[0] < summary.read && summary.seconds > half[1] ? (summary.read - half[0]) / (summary.seconds - half[1]) : rate;
  return { summary, rate, sustained };
}
