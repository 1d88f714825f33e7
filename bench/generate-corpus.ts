// A synthetic corpus of ML abstracts for the ingest benchmark, as JSON Lines.
//
//   npx tsc -p tsconfig.json && node dist/bench/generate-corpus.js --n 100000 --seed 1 --out corpus.jsonl[.gz]
//
// Seeded and reproducible: the same --seed gives the same bytes, and a smaller
// --n gives a prefix of a larger one. Real corpora are long-tailed: a few
// names (a GPT, an ImageNet, Adam) appear in thousands of abstracts, most in
// one. So every name a paper *uses* is drawn from a Zipf distribution over a
// fixed vocabulary, and the names a paper *proposes* are fresh, mostly never
// seen again. Names have the shapes real ones have (Xyz-7B, FooNet-50,
// BarBERT, Qux-1k, Baz Bench, "contrastive foo alignment (CFA)"), and
// sentences use the cues an extractor looks for ("We propose X", "X
// outperforms Y on Z", "experiments on A and B", "based on M"). Output is
// streamed: memory does not depend on --n.
import fs from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { createGzip } from 'node:zlib';
import { benchOptions, wholeNumber, runIfMain } from './options.js';
import { mulberry32, type Rng } from '../src/random.js';

export { mulberry32 };

export interface CorpusPaper {
  id: string;
  arxiv_id: string;
  title: string;
  abstract: string;
  published: string;
  authors: string[];
  url: string;
}

/** Draws rank r (0-based) with probability proportional to 1 / (r + 1 + q)^s (Zipf–Mandelbrot). */
export class Zipf<T> {
  private readonly cdf: Float64Array;
  constructor(
    readonly items: readonly T[],
    s: number,
    q = 0,
  ) {
    this.cdf = new Float64Array(items.length);
    let total = 0;
    for (let r = 0; r < items.length; r++) this.cdf[r] = total += 1 / (r + 1 + q) ** s;
    for (let r = 0; r < items.length; r++) this.cdf[r]! /= total;
  }
  draw(rng: Rng): T {
    const u = rng();
    let lo = 0;
    let hi = this.cdf.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cdf[mid]! < u) lo = mid + 1;
      else hi = mid;
    }
    return this.items[lo]!;
  }
}

const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!;
const int = (rng: Rng, lo: number, hi: number) => lo + Math.floor(rng() * (hi - lo + 1));
const cap = (s: string) => s[0]!.toUpperCase() + s.slice(1);

// Syllables for names that look like names but belong to no real model.
const SYL = 'ka lo mi ra ven tor qui zel dra fen gal hex jun kel lor mar nox pra quil ren sta tal ul ver wix yar zo bri cas del eno fa gor has ix jel mo nu op ras sil tev um vo xan yl zen'.split(' ');
const root = (rng: Rng) => cap(Array.from({ length: int(rng, 2, 3) }, () => pick(rng, SYL)).join('').slice(0, 9));
const acronymOf = (words: string) =>
  words
    .split(/[\s-]+/)
    .filter((w) => !/^(of|for|and|the|with|via)$/.test(w))
    .map((w) => w[0]!.toUpperCase())
    .join('');

function modelName(rng: Rng): string {
  const r = root(rng);
  switch (int(rng, 0, 9)) {
    case 0: return `${r}-${pick(rng, ['1B', '3B', '7B', '8B', '13B', '34B', '70B', '1.5B'])}`;
    case 1: return `${r}Net-${pick(rng, ['18', '34', '50', '101', '152'])}`;
    case 2: return `${r}BERT`;
    case 3: return `${r}Former`;
    case 4: return `${r}GPT`;
    case 5: return `${r}LM`;
    case 6: return `${r.slice(0, 3).toUpperCase()}-${int(rng, 2, 5)}`;
    case 7: return `${r}-v${int(rng, 2, 4)}`;
    case 8: return `${r}ViT-${pick(rng, ['S', 'B', 'L', 'H'])}`;
    default: return `${r}Diffusion`;
  }
}

function datasetName(rng: Rng): string {
  const r = root(rng);
  switch (int(rng, 0, 6)) {
    case 0: return `${r}-${pick(rng, ['1k', '10k', '100k', '1M'])}`;
    case 1: return `${r} Bench`;
    case 2: return `${r}Bench`;
    case 3: return `${r}QA`;
    case 4: return `${r.toUpperCase().slice(0, 5)}-${pick(rng, ['10', '100', '200', '1000'])}`;
    case 5: return `${r}Set`;
    default: return `${r} Corpus`;
  }
}

const METHOD_ADJ = 'contrastive adaptive hierarchical sparse latent progressive residual stochastic gated masked federated curriculum spectral causal dynamic implicit low-rank token-level cross-modal self-supervised'.split(' ');
const METHOD_NOUN = 'feature prototype gradient attention memory policy reward token graph prompt routing diffusion retrieval'.split(' ');
const METHOD_HEAD = 'alignment distillation regularization pruning quantization sampling optimization augmentation tuning decoding matching calibration fusion'.split(' ');

/** A method: its long form and the acronym papers define for it. */
interface Method {
  long: string;
  short: string;
}

function methodName(rng: Rng): Method {
  const long = `${pick(rng, METHOD_ADJ)} ${pick(rng, METHOD_NOUN)} ${pick(rng, METHOD_HEAD)}`;
  return { long, short: acronymOf(long) };
}

const TASK_DOMAIN = 'image video speech text graph point-cloud medical-image code tabular multilingual long-document molecular remote-sensing'.split(' ');
const TASK_HEAD = 'classification segmentation generation retrieval summarization question-answering captioning anomaly-detection translation forecasting pose-estimation depth-estimation reasoning'.split(' ');
const METRICS = 'accuracy,top-1 accuracy,F1,macro-F1,exact match,BLEU,ROUGE-L,mAP,mIoU,FID,perplexity,AUROC,word error rate,pass@1,NDCG@10,recall@10,PSNR,SSIM,CIDEr,success rate,MAE,RMSE,Dice score'.split(',');
const FIRST = 'Ana Wei Priya Jonas Mira Kenji Luis Fatima Olga Tom Sara Yuki Ravi Elena Omar Lena Chen Marta Ivan Aisha Paul Noor Hugo Zara'.split(' ');

/** Every name a paper can use, ranked: rank 0 is the most used. Fixed size, so --n does not change it. */
interface Vocabulary {
  models: Zipf<string>;
  datasets: Zipf<string>;
  methods: Zipf<Method>;
  tasks: Zipf<string>;
  metrics: Zipf<string>;
  surnames: Zipf<string>;
}

function unique<T>(rng: Rng, n: number, make: (rng: Rng) => T, key: (t: T) => string): T[] {
  const seen = new Set<string>();
  const out: T[] = [];
  for (let tries = 0; out.length < n && tries < n * 20; tries++) {
    const t = make(rng);
    if (seen.has(key(t))) continue;
    seen.add(key(t));
    out.push(t);
  }
  return out;
}

function vocabulary(rng: Rng): Vocabulary {
  const tasks = TASK_DOMAIN.flatMap((d) => TASK_HEAD.map((h) => `${d} ${h}`.replace(/-/g, ' ')));
  for (let i = tasks.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [tasks[i], tasks[j]] = [tasks[j]!, tasks[i]!];
  }
  // Exponents near 1 with a small offset, as measured on real name counts: a heavy head and a long tail of singletons.
  return {
    models: new Zipf(unique(rng, 20_000, modelName, (s) => s), 1.1, 2),
    datasets: new Zipf(unique(rng, 8_000, datasetName, (s) => s), 1.1, 1),
    methods: new Zipf(unique(rng, 3_000, methodName, (m) => m.short), 1.05, 2),
    tasks: new Zipf(tasks, 1.0, 1),
    metrics: new Zipf(METRICS, 1.2),
    surnames: new Zipf(unique(rng, 5_000, root, (s) => s), 0.9, 5),
  };
}

/** One paper's sentences, from templates whose slots are filled with the paper's entities. */
function writePaper(rng: Rng, v: Vocabulary): { title: string; abstract: string } {
  const task = v.tasks.draw(rng);
  const metric = v.metrics.draw(rng);
  const base = v.models.draw(rng);
  const rivals = [v.models.draw(rng), v.models.draw(rng)].filter((m) => m !== base);
  const datasets = [...new Set([v.datasets.draw(rng), v.datasets.draw(rng), v.datasets.draw(rng)])].slice(0, int(rng, 1, 3));
  const used = v.methods.draw(rng);
  // What the paper proposes is new: a fresh name, almost never drawn again.
  const proposesModel = rng() < 0.6;
  const fresh = proposesModel ? modelName(rng) : methodName(rng);
  const name = typeof fresh === 'string' ? fresh : fresh.short;
  const introduce = typeof fresh === 'string' ? fresh : `${fresh.long} (${fresh.short})`;
  const gain = (rng() * 12 + 0.5).toFixed(1);
  const list = (xs: string[]) => (xs.length < 2 ? xs.join('') : `${xs.slice(0, -1).join(', ')} and ${xs.at(-1)}`);

  const context = pick(rng, [
    `${cap(task)} has seen rapid progress with large pretrained models such as ${list(rivals.length ? rivals : [base])}.`,
    `Recent work on ${task} relies on ever larger models, which are costly to train and to deploy.`,
    `${cap(task)} remains challenging when labelled data is scarce.`,
  ]);
  const problem = pick(rng, [
    `However, existing approaches ignore the structure of the input and degrade under distribution shift.`,
    `Yet current methods scale poorly with sequence length and require extensive tuning.`,
    `However, their ${metric} drops sharply on out-of-domain inputs.`,
  ]);
  const propose = pick(rng, [
    `We propose ${introduce}, a simple ${proposesModel ? 'model' : 'method'} for ${task} based on ${base}.`,
    `In this paper, we introduce ${introduce}, which builds on ${base} and ${used.long} (${used.short}).`,
    `To address this, we present ${introduce}, a ${proposesModel ? 'model' : 'framework'} that combines ${used.short} with a lightweight decoder.`,
  ]);
  const detail = pick(rng, [
    `${name} is trained with ${used.long} and requires no additional labels.`,
    `Unlike prior work, ${name} reuses the frozen encoder of ${base} and adds fewer than ${int(rng, 1, 50)}M parameters.`,
    `Our analysis shows that ${name} is robust to noisy annotations.`,
  ]);
  const evaluate = pick(rng, [
    `Experiments on ${list(datasets)} show that ${name} outperforms ${list(rivals.length ? rivals : [base])} by ${gain}% in ${metric}.`,
    `${name} achieves ${(50 + rng() * 49).toFixed(1)} ${metric} on ${datasets[0]}, surpassing ${base}.`,
    `We evaluate ${name} on ${list(datasets)} and report consistent gains in ${metric} over ${base}.`,
  ]);
  // Further sentences, 1 to 6 of them, so lengths vary like real abstracts (about 90 to 220 words).
  const more = [
    () => `An ablation study shows that removing ${used.short} reduces ${metric} by ${(rng() * 5 + 0.2).toFixed(1)} points.`,
    () => `We further show that ${name} transfers to ${v.tasks.draw(rng)} without retraining.`,
    () => `Compared with ${v.models.draw(rng)}, ${name} needs ${int(rng, 2, 10)}x less compute during training.`,
    () => `We also release ${v.datasets.draw(rng)}, a new benchmark for ${task} with ${int(rng, 2, 90)}k annotated examples.`,
    () => `Our analysis reveals that gains are largest on long and noisy inputs, where ${base} often fails.`,
    () => `Following ${v.models.draw(rng)}, we pretrain on ${v.datasets.draw(rng)} and fine-tune with ${v.methods.draw(rng).short}.`,
    () => `These results hold across model sizes and random seeds.`,
  ];
  const further = Array.from({ length: int(rng, 1, 6) }, () => pick(rng, more)());
  const extra = rng() < 0.03 ? ` It is $${int(rng, 2, 9)}\\times$ faster than ${base} at inference~\\cite{ref${int(rng, 1, 99)}}.` : '';
  const close = pick(rng, [`Code and models are publicly available.`, `We release our code to facilitate future research.`, ``]);
  const abstract = [context, problem, propose, detail, evaluate, ...further].join(' ') + extra + (close ? ` ${close}` : '');

  const title = pick(rng, [
    `${name}: ${cap(pick(rng, METHOD_ADJ))} ${cap(task.split(' ').at(-1)!)} with ${cap(used.long.split(' ').slice(-1)[0]!)}`,
    `${cap(pick(rng, METHOD_ADJ))} ${cap(task)} via ${typeof fresh === 'string' ? used.long : fresh.long}`,
    `Towards Robust ${cap(task)} with ${name}`,
    `On the Limits of ${base} for ${cap(task)}`,
  ]);
  return { title, abstract };
}

/** The papers, one at a time; the same seed always gives the same sequence. */
export function* generateCorpus(n: number, seed: number): Generator<CorpusPaper> {
  const rng = mulberry32(seed);
  const v = vocabulary(rng);
  const perMonth = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    // Submissions grow every year, so later years are likelier.
    const year = 2015 + Math.min(10, Math.floor(11 * Math.sqrt(rng())));
    const month = int(rng, 1, 12);
    const ym = `${String(year % 100).padStart(2, '0')}${String(month).padStart(2, '0')}`;
    const seq = (perMonth.get(ym) ?? 0) + 1;
    perMonth.set(ym, seq);
    const id = `${ym}.${String(seq).padStart(5, '0')}`;
    const { title, abstract } = writePaper(rng, v);
    const authors = Array.from({ length: int(rng, 1, 6) }, () => `${pick(rng, FIRST)} ${v.surnames.draw(rng)}`);
    const published = `${year}-${String(month).padStart(2, '0')}-${String(int(rng, 1, 28)).padStart(2, '0')}`;
    yield { id, arxiv_id: id, title, abstract, published, authors, url: `https://arxiv.org/abs/${id}` };
  }
}

/** Writes the corpus as JSON Lines, honouring back-pressure (gzip when the file ends in .gz). */
export async function writeCorpus(n: number, seed: number, out: Writable): Promise<void> {
  let buffer = '';
  for (const paper of generateCorpus(n, seed)) {
    buffer += `${JSON.stringify(paper)}\n`;
    if (buffer.length >= 1 << 16) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  if (buffer) out.write(buffer);
}

async function main(argv: string[]) {
  const o = benchOptions('node dist/bench/generate-corpus.js --n N --seed S [--out FILE(.gz)]', {
    n: { type: 'string', default: '1000' },
    seed: { type: 'string', default: '1' },
    out: { type: 'string', default: '-' },
  }, argv);
  const n = wholeNumber('n', o.n);
  const seed = wholeNumber('seed', o.seed);
  const file = o.out;
  if (file === '-') return writeCorpus(n, seed, process.stdout);
  const sink = fs.createWriteStream(file);
  const out = file.endsWith('.gz') ? createGzip() : sink;
  if (out !== sink) out.pipe(sink);
  const started = performance.now();
  await writeCorpus(n, seed, out);
  out.end();
  await once(sink, 'finish');
  process.stderr.write(`wrote ${n} abstracts to ${file} in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
}

runIfMain(import.meta.url, main);
