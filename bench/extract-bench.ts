// Extraction throughput: papergraph's extractor vs plain compromise tagging.
//
//   npx tsc -p tsconfig.json && node dist/bench/extract-bench.js [--n 20000] [--workers 2] [--nlp 2000] [--batch 1000]
//
// The corpus repeats and re-mixes the dev abstracts (test/fixtures/eval/*-input.jsonl, copies of ../shared/eval):
// every synthetic abstract is a new sentence order of a real one with a fresh id,
// so the corpus-level rules see a realistic amount of repetition. Compromise's
// full tagging (`nlp(text)` per abstract) is measured in the same run, on a
// sample (it is ~10x slower; --nlp sets the sample size).
import { readFileSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { availableParallelism, loadavg } from 'node:os';
import nlp from 'compromise';
import { loadLexicon, loadScorerWeights } from '../src/lexicon/load.js';
import { createExtractor, type ShardState, type Taught } from '../src/extract/index.js';
import type { PaperText } from '../src/extract/types.js';
import { projectPath } from '../src/paths.js';
import { benchOptions, runMain, wholeNumber } from './options.js';

interface Args {
  n: number;
  workers: number;
  nlpSample: number;
  batch: number;
  evalDir: string;
}

const USAGE = 'node dist/bench/extract-bench.js [--n 20000] [--workers 2] [--nlp 2000] [--batch 1000] [--eval test/fixtures/eval]';

function parseOptions(): Args {
  const o = benchOptions(USAGE, {
    n: { type: 'string', default: '20000' },
    workers: { type: 'string', default: String(Math.min(2, availableParallelism())) },
    nlp: { type: 'string', default: '2000' },
    batch: { type: 'string', default: '1000' },
    // the dev inputs the repo ships (test/fixtures/eval), so the default works from any folder and any clone
    eval: { type: 'string', default: projectPath('test', 'fixtures', 'eval') },
  });
  return {
    n: wholeNumber('n', o.n, 1),
    workers: wholeNumber('workers', o.workers, 1),
    nlpSample: wholeNumber('nlp', o.nlp),
    batch: wholeNumber('batch', o.batch, 1),
    evalDir: o.eval,
  };
}

function readInputs(dir: string): PaperText[] {
  const out: PaperText[] = [];
  for (const f of ['seed-input.jsonl', 'scirex-dev-input.jsonl']) {
    const p = resolve(dir, f);
    if (!existsSync(p)) continue;
    for (const line of readFileSync(p, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const o = JSON.parse(line) as PaperText;
      out.push({ id: o.id, title: o.title ?? '', abstract: o.abstract ?? '' });
    }
  }
  if (out.length === 0) throw new Error(`no *-input.jsonl under ${dir} (use --eval DIR)`);
  return out;
}

// Deterministic PRNG so every run benchmarks the same corpus.
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** `n` abstracts: the originals first, then sentence-shuffled copies. */
export function buildCorpus(base: PaperText[], n: number): PaperText[] {
  const rand = rng(42);
  const out: PaperText[] = [];
  for (let k = 0; k < n; k++) {
    const src = base[k % base.length]!;
    if (k < base.length) {
      out.push(src);
      continue;
    }
    const sents = src.abstract.split(/(?<=[.!?])\s+(?=[A-Z])/);
    for (let i = sents.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [sents[i], sents[j]] = [sents[j]!, sents[i]!];
    }
    out.push({ id: `${src.id}#${k}`, title: src.title, abstract: sents.join(' ') });
  }
  return out;
}

type Msg = { kind: 'learn'; papers: PaperText[]; offset: number } | { kind: 'finish'; taught: Taught[] };

function workerMain(scored: boolean): void {
  const extractor = createExtractor(loadLexicon(), scored ? loadScorerWeights() : null);
  let papers: PaperText[] = [];
  let state: ShardState | null = null;
  parentPort!.on('message', (m: Msg) => {
    if (m.kind === 'learn') {
      papers = m.papers;
      const r = extractor.learnShard(papers, m.offset);
      state = r.state;
      parentPort!.postMessage({ taught: r.taught });
    } else {
      const res = extractor.finishShard(papers, state!, m.taught);
      let entities = 0;
      for (const r of res) entities += r.entities.length;
      parentPort!.postMessage({ entities });
    }
  });
  parentPort!.postMessage({ ready: true });
}

function once<T>(w: Worker): Promise<T> {
  return new Promise((res, rej) => {
    w.once('message', (m: T) => res(m));
    w.once('error', rej);
  });
}

async function runWorkers(corpus: PaperText[], k: number, scored: boolean): Promise<{ seconds: number; entities: number }> {
  const workers = Array.from({ length: k }, () => new Worker(new URL(import.meta.url), { workerData: { worker: true, scored } }));
  await Promise.all(workers.map((w) => once(w)));
  const t0 = performance.now();
  const size = Math.ceil(corpus.length / k);
  const shards = workers.map((_, i) => corpus.slice(i * size, (i + 1) * size));
  const learned = await Promise.all(
    workers.map((w, i) => {
      const p = once<{ taught: Taught[] }>(w);
      w.postMessage({ kind: 'learn', papers: shards[i]!, offset: i * size } satisfies Msg);
      return p;
    }),
  );
  // Corpus order keeps the merged knowledge (and so the output) deterministic.
  const taught = learned.flatMap((l) => l.taught);
  const done = await Promise.all(
    workers.map((w) => {
      const p = once<{ entities: number }>(w);
      w.postMessage({ kind: 'finish', taught } satisfies Msg);
      return p;
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  await Promise.all(workers.map((w) => w.terminate()));
  return { seconds, entities: done.reduce((a, d) => a + d.entities, 0) };
}

async function main(): Promise<void> {
  const args = parseOptions();
  const corpus = buildCorpus(readInputs(args.evalDir), Math.max(args.n, 1));
  console.log(`corpus: ${corpus.length} abstracts, ${availableParallelism()} cores`);

  const tl = performance.now();
  const extractor = createExtractor(loadLexicon(), loadScorerWeights());
  console.log(`lexicon + scorer load + compile: ${(performance.now() - tl).toFixed(0)} ms`);
  // The rule stage alone, for the side-by-side figure: what the learned scorer costs.
  const rulesOnly = createExtractor(loadLexicon());

  // Warm up the contenders on a few abstracts so JIT compilation is not measured.
  for (const p of corpus.slice(0, 50)) {
    extractor.extractPaper(p);
    rulesOnly.extractPaper(p);
    nlp(p.abstract);
  }

  // CPU seconds beside wall-clock seconds: other processes on the machine slow the wall
  // clock of both contenders, the CPU-time rate shows what the code itself costs.
  const cpu = (): number => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1e6;
  };
  console.log(`load average before: ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
  const sample = corpus.slice(0, Math.min(args.nlpSample, corpus.length));
  let t0 = performance.now();
  let c0 = cpu();
  let terms = 0;
  for (const p of sample) terms += nlp(p.abstract).terms().length;
  const nlpRate = sample.length / ((performance.now() - t0) / 1000);
  const nlpCpuRate = sample.length / (cpu() - c0);
  console.log(`compromise nlp(text): ${nlpRate.toFixed(1)} abstracts/s (${nlpCpuRate.toFixed(1)} per CPU-second; ${sample.length} abstracts, ${terms} terms)`);

  t0 = performance.now();
  c0 = cpu();
  const single = extractor.extractCorpus(corpus);
  const singleRate = corpus.length / ((performance.now() - t0) / 1000);
  const singleCpuRate = corpus.length / (cpu() - c0);
  const ents = single.reduce((a, r) => a + r.entities.length, 0);
  console.log(`papergraph extractCorpus, 1 thread: ${singleRate.toFixed(1)} abstracts/s (${singleCpuRate.toFixed(1)} per CPU-second; ${ents} entities)`);
  t0 = performance.now();
  c0 = cpu();
  const rulesEnts = rulesOnly.extractCorpus(corpus).reduce((a, r) => a + r.entities.length, 0);
  const rulesRate = corpus.length / ((performance.now() - t0) / 1000);
  const rulesCpuRate = corpus.length / (cpu() - c0);
  console.log(`  rule stage only (no scorer), 1 thread: ${rulesRate.toFixed(1)} abstracts/s (${rulesCpuRate.toFixed(1)} per CPU-second; ${rulesEnts} entities)`);

  // The ingest pipeline's shape: extractCorpus on batches of ~1000 abstracts (per piscina task).
  t0 = performance.now();
  c0 = cpu();
  let batchEnts = 0;
  for (let i = 0; i < corpus.length; i += args.batch) for (const r of extractor.extractCorpus(corpus.slice(i, i + args.batch))) batchEnts += r.entities.length;
  const batchRate = corpus.length / ((performance.now() - t0) / 1000);
  const batchCpuRate = corpus.length / (cpu() - c0);
  console.log(`papergraph extractCorpus in batches of ${args.batch}, 1 thread: ${batchRate.toFixed(1)} abstracts/s (${batchCpuRate.toFixed(1)} per CPU-second; ${batchEnts} entities)`);

  let best = singleRate;
  if (args.workers > 1) {
    const r = await runWorkers(corpus, args.workers, true);
    const rate = corpus.length / r.seconds;
    console.log(`papergraph extractCorpus, ${args.workers} worker threads: ${rate.toFixed(1)} abstracts/s (${r.entities} entities)`);
    best = Math.max(best, rate);
    const rr = await runWorkers(corpus, args.workers, false);
    console.log(`  rule stage only (no scorer), ${args.workers} worker threads: ${(corpus.length / rr.seconds).toFixed(1)} abstracts/s (${rr.entities} entities)`);
  }
  console.log(`ratio papergraph / compromise: ${(best / nlpRate).toFixed(2)}x (1 thread: ${(singleRate / nlpRate).toFixed(2)}x; per CPU-second: ${(singleCpuRate / nlpCpuRate).toFixed(2)}x)`);
  console.log(`load average after: ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
}

if (isMainThread) runMain(main);
else if ((workerData as { worker?: boolean } | null)?.worker) {
  workerMain((workerData as { scored?: boolean }).scored === true);
}
