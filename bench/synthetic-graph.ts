// A synthetic knowledge graph for the API benchmark, written with papergraph's
// own write path (toGraphBatch + writeBatch) from synthetic extractions, so the
// stored graph has exactly the shape ingestion gives it, without paying for the
// extractor.
//
//   npx tsc -p tsconfig.json && node dist/bench/synthetic-graph.js --papers 100000 [--seed 7] \
//       [--port 7701] [--data /tmp/papergraph-bench] [--batch 1000]
//
// Seeded and reproducible: the same --seed gives the same graph. Entity use is
// long-tailed like real corpora: per type, the entity drawn is Zipf-distributed
// over a fixed ranked vocabulary (a few hubs in tens of thousands of papers,
// most names in one or two), and each paper also proposes a fresh model or
// method that is (almost) never seen again. Every paper links ~8-10 entities
// with a role, a confidence and evidence (mention text, sentence, offsets and
// field, all consistent with the stored abstract), and models/datasets named
// like "Foo-7B"/"BAR-100" are variants of their family/base ("Foo"/"BAR").
import { Database } from '../src/db/database.js';
import { migrate } from '../src/db/migrate.js';
import { writeBatch } from '../src/db/graph-writes.js';
import type { EntityType, ExtractedEntity, Field, Mention, PaperExtraction, Role } from '../src/extract/types.js';
import { toGraphBatch, type PreparedPaper } from '../src/ingest/to-graph.js';
import { startLocalNeo4j } from '../src/local-neo4j/manager.js';
import { mulberry32, Zipf } from './generate-corpus.js';
import { benchOptions, wholeNumber, runIfMain } from './options.js';

type Rng = () => number;
const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!;
const int = (rng: Rng, lo: number, hi: number) => lo + Math.floor(rng() * (hi - lo + 1));
const cap = (s: string) => s[0]!.toUpperCase() + s.slice(1);

export const SYNTHETIC_EXTRACTOR_VERSION = 'synthetic-1';

// ---------------------------------------------------------------- vocabulary

const SYL = 'ka lo mi ra ven tor qui zel dra fen gal hex jun kel lor mar nox pra quil ren sta tal ul ver wix yar zo bri cas del eno fa gor has ix jel mo nu op ras sil tev um vo xan yl zen'.split(' ');
const root = (rng: Rng) => cap(Array.from({ length: int(rng, 2, 3) }, () => pick(rng, SYL)).join('').slice(0, 9));

/** A name in the vocabulary, with the family/base it is a variant of, if any. */
export interface VocabEntry {
  name: string;
  aliases: string[];
  family?: string;
}

function modelEntry(rng: Rng): VocabEntry {
  const r = root(rng);
  switch (int(rng, 0, 9)) {
    case 0: return { name: `${r}-${pick(rng, ['1B', '3B', '7B', '8B', '13B', '34B', '70B'])}`, aliases: [], family: r };
    case 1: return { name: `${r}Net-${pick(rng, ['18', '34', '50', '101', '152'])}`, aliases: [], family: `${r}Net` };
    case 2: return { name: `${r}BERT`, aliases: [] };
    case 3: return { name: `${r}Former`, aliases: [] };
    case 4: return { name: `${r}GPT`, aliases: [] };
    case 5: return { name: `${r}LM`, aliases: [] };
    case 6: return { name: `${r}-v${int(rng, 2, 4)}`, aliases: [], family: r };
    case 7: return { name: `${r}ViT-${pick(rng, ['S', 'B', 'L', 'H'])}`, aliases: [], family: `${r}ViT` };
    default: return { name: `${r}Diffusion`, aliases: [] };
  }
}

function datasetEntry(rng: Rng): VocabEntry {
  const r = root(rng);
  switch (int(rng, 0, 6)) {
    case 0: return { name: `${r}-${pick(rng, ['1k', '10k', '100k', '1M'])}`, aliases: [], family: r };
    case 1: return { name: `${r} Bench`, aliases: [`${r}Bench`] };
    case 2: return { name: `${r}QA`, aliases: [] };
    case 3: { const b = r.toUpperCase().slice(0, 5); return { name: `${b}-${pick(rng, ['10', '100', '200', '1000'])}`, aliases: [], family: b }; }
    case 4: return { name: `${r}Set`, aliases: [] };
    default: return { name: `${r} Corpus`, aliases: [] };
  }
}

const METHOD_ADJ = 'contrastive adaptive hierarchical sparse latent progressive residual stochastic gated masked federated curriculum spectral causal dynamic implicit low-rank token-level cross-modal self-supervised'.split(' ');
const METHOD_NOUN = 'feature prototype gradient attention memory policy reward token graph prompt routing diffusion retrieval'.split(' ');
const METHOD_HEAD = 'alignment distillation regularization pruning quantization sampling optimization augmentation tuning decoding matching calibration fusion'.split(' ');
const acronymOf = (words: string) =>
  words.split(/[\s-]+/).map((w) => w[0]!.toUpperCase()).join('');

function methodEntry(rng: Rng): VocabEntry {
  const long = `${pick(rng, METHOD_ADJ)} ${pick(rng, METHOD_NOUN)} ${pick(rng, METHOD_HEAD)}`;
  const qualifier = rng() < 0.5 ? '' : ` ${pick(rng, ['v2', 'plus', 'lite', 'xl'])}`;
  return { name: `${long}${qualifier}`, aliases: [`${acronymOf(long)}${qualifier ? qualifier.toUpperCase() : ''}`] };
}

const TASK_DOMAIN = 'image video speech text graph point-cloud medical-image code tabular multilingual long-document molecular remote-sensing'.split(' ');
const TASK_HEAD = 'classification segmentation generation retrieval summarization question-answering captioning anomaly-detection translation forecasting pose-estimation depth-estimation reasoning'.split(' ');
const METRICS = 'accuracy,top-1 accuracy,F1,macro-F1,exact match,BLEU,ROUGE-L,mAP,mIoU,FID,perplexity,AUROC,word error rate,pass@1,NDCG@10,recall@10,PSNR,SSIM,CIDEr,success rate,MAE,RMSE,Dice score'.split(',');
const FIRST = 'Ana Wei Priya Jonas Mira Kenji Luis Fatima Olga Tom Sara Yuki Ravi Elena Omar Lena Chen Marta Ivan Aisha Paul Noor Hugo Zara'.split(' ');
const SURNAMES = 'Abe Bauer Costa Dang Eze Fischer Garcia Haddad Ito Jensen Kim Lopez Mehta Nowak Okafor Park Quinn Rossi Singh Tanaka Ueda Varga Wang Xu Yilmaz Zhou'.split(' ');

function uniqueBy(rng: Rng, n: number, make: (rng: Rng) => VocabEntry): VocabEntry[] {
  const seen = new Set<string>();
  const out: VocabEntry[] = [];
  for (let tries = 0; out.length < n && tries < n * 30; tries++) {
    const e = make(rng);
    const k = e.name.toLowerCase().replace(/[^a-z0-9]/g, '');
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(e);
  }
  return out;
}

export interface Vocabulary {
  model: Zipf<VocabEntry>;
  dataset: Zipf<VocabEntry>;
  method: Zipf<VocabEntry>;
  task: Zipf<VocabEntry>;
  metric: Zipf<VocabEntry>;
}

/** Ranked vocabularies (rank 0 = most used). Fixed size, independent of the paper count. */
export function vocabulary(seed: number): Vocabulary {
  const rng = mulberry32(seed ^ 0x5eed);
  const tasks = TASK_DOMAIN.flatMap((d) => TASK_HEAD.map((h) => `${d} ${h}`.replace(/-/g, ' ')));
  for (let i = tasks.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [tasks[i], tasks[j]] = [tasks[j]!, tasks[i]!];
  }
  return {
    model: new Zipf(uniqueBy(rng, 20_000, modelEntry), 1.1, 2),
    dataset: new Zipf(uniqueBy(rng, 8_000, datasetEntry), 1.1, 1),
    method: new Zipf(uniqueBy(rng, 6_000, methodEntry), 1.05, 2),
    task: new Zipf(tasks.map((t) => ({ name: t, aliases: [] })), 1.0, 1),
    metric: new Zipf(METRICS.map((m) => ({ name: m, aliases: [] })), 1.2),
  };
}

// ---------------------------------------------------------------- one paper

interface Slot {
  type: EntityType;
  entry: VocabEntry;
  role: Role;
}

/** Builds a text field sentence by sentence, recording where each entity is mentioned. */
class FieldWriter {
  text = '';
  constructor(
    readonly field: Field,
    private readonly mentions: Map<string, Mention[]>,
  ) {}

  /** parts: plain strings, or [slotKey, surface text] for a mention. */
  sentence(parts: (string | [string, string])[]) {
    let sentence = '';
    const marks: { key: string; at: number; text: string }[] = [];
    for (const p of parts) {
      if (typeof p === 'string') sentence += p;
      else {
        marks.push({ key: p[0], at: sentence.length, text: p[1] });
        sentence += p[1];
      }
    }
    const base = this.text ? this.text.length + 1 : 0;
    this.text = this.text ? `${this.text} ${sentence}` : sentence;
    for (const m of marks) {
      const list = this.mentions.get(m.key) ?? [];
      list.push({ text: m.text, start: base + m.at, end: base + m.at + m.text.length, field: this.field, sentence });
      this.mentions.set(m.key, list);
    }
  }
}

const ROLE_CONFIDENCE: Record<Role, [number, number]> = {
  proposes: [0.85, 0.99],
  uses: [0.7, 0.95],
  evaluates_on: [0.75, 0.98],
  compares_with: [0.65, 0.95],
  mentions: [0.5, 0.85],
};

function writePaper(rng: Rng, v: Vocabulary, index: number) {
  const slots = new Map<string, Slot>();
  const add = (type: EntityType, entry: VocabEntry, role: Role): string => {
    const key = `${type}:${entry.name.toLowerCase()}`;
    if (!slots.has(key)) slots.set(key, { type, entry, role });
    return key;
  };
  // Fresh: what the paper proposes has a new name (index-suffixed, so unique).
  const proposesModel = rng() < 0.6;
  const fresh = proposesModel ? modelEntry(rng) : methodEntry(rng);
  const freshEntry: VocabEntry = proposesModel
    ? { name: `${fresh.name.split('-')[0]}${index.toString(36).toUpperCase()}`, aliases: [] }
    : { name: `${fresh.name} ${index.toString(36)}`, aliases: [`${fresh.aliases[0]}${index.toString(36).toUpperCase()}`] };
  const freshType: EntityType = proposesModel ? 'model' : 'method';
  const freshKey = add(freshType, freshEntry, 'proposes');

  const base = v.model.draw(rng);
  const baseKey = add('model', base, 'uses');
  const rivals = [v.model.draw(rng), v.model.draw(rng)].slice(0, int(rng, 0, 2)).filter((m) => m !== base);
  const rivalKeys = rivals.map((m) => add('model', m, 'compares_with'));
  const datasets = [...new Set([v.dataset.draw(rng), v.dataset.draw(rng), v.dataset.draw(rng)])].slice(0, int(rng, 1, 3));
  const datasetKeys = datasets.map((d) => add('dataset', d, 'evaluates_on'));
  const method = v.method.draw(rng);
  const methodKey = add('method', method, 'uses');
  const task = v.task.draw(rng);
  const taskKey = add('task', task, 'mentions');
  const metric = v.metric.draw(rng);
  const metricKey = add('metric', metric, rng() < 0.7 ? 'evaluates_on' : 'mentions');
  const extraDataset = rng() < 0.35 ? v.dataset.draw(rng) : undefined;
  const extraDatasetKey = extraDataset ? add('dataset', extraDataset, 'uses') : undefined;
  const extraMethod = rng() < 0.5 ? v.method.draw(rng) : undefined;
  const extraMethodKey = extraMethod ? add('method', extraMethod, 'mentions') : undefined;

  const mentions = new Map<string, Mention[]>();
  const title = new FieldWriter('title', mentions);
  const abs = new FieldWriter('abstract', mentions);
  const m = (key: string, text: string): [string, string] => [key, text];
  const list = (xs: [string, string][]): (string | [string, string])[] => {
    const out: (string | [string, string])[] = [];
    xs.forEach((x, i) => {
      if (i > 0) out.push(i === xs.length - 1 ? ' and ' : ', ');
      out.push(x);
    });
    return out;
  };

  title.sentence([m(freshKey, freshEntry.name), `: ${cap(pick(rng, METHOD_ADJ))} `, m(taskKey, cap(task.name)), ' with ', m(methodKey, method.aliases[0] ?? method.name)]);
  abs.sentence([m(taskKey, cap(task.name)), ' has seen rapid progress with large pretrained models such as ', m(baseKey, base.name), '.']);
  abs.sentence([`However, existing approaches degrade under distribution shift and their `, m(metricKey, metric.name), ' drops on out-of-domain inputs.']);
  if (proposesModel) {
    abs.sentence(['We propose ', m(freshKey, freshEntry.name), ', a simple model for ', m(taskKey, task.name), ' based on ', m(baseKey, base.name), '.']);
  } else {
    abs.sentence(['We propose ', m(freshKey, freshEntry.name), ' (', m(freshKey, freshEntry.aliases[0]!), '), which builds on ', m(baseKey, base.name), '.']);
  }
  abs.sentence([m(freshKey, proposesModel ? freshEntry.name : freshEntry.aliases[0]!), ' is trained with ', m(methodKey, method.name), method.aliases[0] ? ' (' : '', ...(method.aliases[0] ? [m(methodKey, method.aliases[0]), ')'] : []), ' and requires no additional labels.']);
  abs.sentence(['Experiments on ', ...list(datasets.map((d, i) => m(datasetKeys[i]!, d.name))), ' show gains of ', `${(rng() * 12 + 0.5).toFixed(1)}% in `, m(metricKey, metric.name), rivals.length ? ' over ' : '', ...list(rivals.map((r, i) => m(rivalKeys[i]!, r.name))), '.']);
  if (extraDataset && extraDatasetKey) abs.sentence(['We pretrain on ', m(extraDatasetKey, extraDataset.name), ' and fine-tune on the target data.']);
  if (extraMethod && extraMethodKey) abs.sentence(['Our analysis relates the approach to ', m(extraMethodKey, extraMethod.name), '.']);
  if (rng() < 0.5) abs.sentence(['Code and models are publicly available.']);

  const entities: ExtractedEntity[] = [];
  for (const [key, slot] of slots) {
    const ms = mentions.get(key) ?? [];
    if (ms.length === 0) continue;
    const [lo, hi] = ROLE_CONFIDENCE[slot.role];
    entities.push({
      type: slot.type,
      name: slot.entry.name,
      key: slot.entry.name.toLowerCase().replace(/[^a-z0-9]/g, ''),
      aliases: slot.entry.aliases,
      ...(slot.entry.family ? { family: slot.entry.family } : {}),
      role: slot.role,
      confidence: Math.round((lo + rng() * (hi - lo)) * 1000) / 1000,
      mentions: ms,
    });
  }
  return { title: title.text, abstract: abs.text, entities };
}

/** The papers with their extractions, one at a time; the same seed gives the same sequence. */
export function* syntheticPapers(n: number, seed: number): Generator<PreparedPaper> {
  const v = vocabulary(seed);
  const rng = mulberry32(seed);
  for (let i = 0; i < n; i++) {
    const year = 2015 + Math.min(10, Math.floor(11 * Math.sqrt(rng())));
    const month = int(rng, 1, 12);
    const day = int(rng, 1, 28);
    const id = `syn-${String(year % 100).padStart(2, '0')}${String(month).padStart(2, '0')}.${String(i).padStart(6, '0')}`;
    const { title, abstract, entities } = writePaper(rng, v, i);
    const authors = Array.from({ length: int(rng, 1, 6) }, () => `${pick(rng, FIRST)} ${pick(rng, SURNAMES)}`);
    const published = rng() < 0.02 ? undefined : `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    const extraction: PaperExtraction = { id, entities };
    yield {
      id,
      source: 'synthetic',
      input: { id, title, abstract, authors, url: `https://example.org/abs/${id}`, arxivId: id.slice(4), ...(published ? { published } : {}) },
      extraction,
    };
  }
}

// ---------------------------------------------------------------- loading

export interface LoadStats {
  papers: number;
  seconds: number;
  batches: number;
  /** Slowest and median write of one batch, in ms. */
  batchMsMedian: number;
  batchMsMax: number;
  batchMsFirst: number;
  batchMsLast: number;
  /** Time building the batches in JS (generation + toGraphBatch), in s. */
  prepareSeconds: number;
  /** Seconds spent in each statement of writeBatch, summed over all batches. */
  statementSeconds: Record<string, number>;
}

/** Writes n synthetic papers in batches through writeBatch; logs progress. */
export async function loadSyntheticGraph(
  db: Database,
  opts: { papers: number; seed: number; batch: number; log?: (line: string) => void },
): Promise<LoadStats> {
  const log = opts.log ?? (() => {});
  await migrate(db);
  const started = performance.now();
  const times: number[] = [];
  let prepare = 0;
  let buffer: PreparedPaper[] = [];
  let written = 0;
  // Statements of one write transaction run one after another: each lasts until the next starts.
  const statementMs: Record<string, number> = {};
  let current: { name: string; at: number } | undefined;
  const closeCurrent = (now: number) => {
    if (current) statementMs[current.name] = (statementMs[current.name] ?? 0) + now - current.at;
    current = undefined;
  };
  const off = db.onStatement((name) => {
    const now = performance.now();
    closeCurrent(now);
    current = { name, at: now };
  });
  const flush = async () => {
    if (buffer.length === 0) return;
    const t0 = performance.now();
    const batch = toGraphBatch(buffer, SYNTHETIC_EXTRACTOR_VERSION);
    const t1 = performance.now();
    prepare += t1 - t0;
    await writeBatch(db, batch);
    closeCurrent(performance.now());
    const ms = performance.now() - t1;
    times.push(ms);
    written += buffer.length;
    buffer = [];
    if (times.length % 10 === 0 || written === opts.papers) {
      const rate = written / ((performance.now() - started) / 1000);
      log(`  ${written}/${opts.papers} papers (${rate.toFixed(0)} papers/s; last batch ${ms.toFixed(0)} ms, ${batch.paperLinks.length} links, ${batch.entities.length} entities)`);
    }
  };
  let t = performance.now();
  for (const paper of syntheticPapers(opts.papers, opts.seed)) {
    buffer.push(paper);
    if (buffer.length >= opts.batch) {
      prepare += performance.now() - t;
      await flush();
      t = performance.now();
    }
  }
  prepare += performance.now() - t;
  await flush();
  off();
  const sorted = [...times].sort((a, b) => a - b);
  return {
    papers: written,
    seconds: (performance.now() - started) / 1000,
    batches: times.length,
    batchMsMedian: sorted[Math.floor(sorted.length / 2)] ?? 0,
    batchMsMax: sorted.at(-1) ?? 0,
    batchMsFirst: times[0] ?? 0,
    batchMsLast: times.at(-1) ?? 0,
    prepareSeconds: prepare / 1000,
    statementSeconds: Object.fromEntries(Object.entries(statementMs).map(([k, v]) => [k, Math.round(v) / 1000])),
  };
}

export interface BenchNeo4jOptions {
  port: number;
  dataDir: string;
  heap: string;
  pageCache: string;
}

export const DEFAULT_BENCH_NEO4J: BenchNeo4jOptions = { port: 7701, dataDir: '/tmp/papergraph-bench', heap: '2g', pageCache: '1g' };

/** The bench Neo4j's command-line options (for `benchOptions`), shared by the scripts that start it. */
export const BENCH_NEO4J_OPTIONS = {
  port: { type: 'string', default: String(DEFAULT_BENCH_NEO4J.port) },
  data: { type: 'string', default: DEFAULT_BENCH_NEO4J.dataDir },
  heap: { type: 'string', default: DEFAULT_BENCH_NEO4J.heap },
  pagecache: { type: 'string', default: DEFAULT_BENCH_NEO4J.pageCache },
} as const;

export function benchNeo4jOptions(o: { port: string; data: string; heap: string; pagecache: string }): BenchNeo4jOptions {
  return { port: wholeNumber('port', o.port, 1), dataDir: o.data, heap: o.heap, pageCache: o.pagecache };
}

/** Starts (or reuses) the benchmark's own local Neo4j and connects to it. */
export async function benchDatabase(opts: BenchNeo4jOptions, log: (line: string) => void) {
  const { uri, started, pid } = await startLocalNeo4j({
    dataDir: opts.dataDir,
    port: opts.port,
    heap: opts.heap,
    pageCache: opts.pageCache,
    // A safety net: no benchmark query may hold the database for longer.
    txTimeout: '60s',
    log,
  });
  log(`Neo4j ${started ? 'started' : 'already running'} at ${uri} (process ${pid}, data ${opts.dataDir})`);
  const db = new Database({ uri, user: 'neo4j', password: 'papergraph', database: 'neo4j', readTimeoutMs: 30_000 });
  await db.verify();
  return { db, uri, started, pid };
}

async function main(argv: string[]) {
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const o = benchOptions('node dist/bench/synthetic-graph.js [--papers 100000] [--seed 7] [--batch 1000] [--port 7701] [--data DIR] [--heap 2g] [--pagecache 1g]', {
    papers: { type: 'string', default: '100000' },
    seed: { type: 'string', default: '7' },
    batch: { type: 'string', default: '1000' },
    ...BENCH_NEO4J_OPTIONS,
  }, argv);
  const papers = wholeNumber('papers', o.papers, 1);
  const seed = wholeNumber('seed', o.seed);
  const batch = wholeNumber('batch', o.batch, 1);
  const neo = benchNeo4jOptions(o);
  const { db } = await benchDatabase(neo, log);
  try {
    const stats = await loadSyntheticGraph(db, { papers, seed, batch, log });
    log(JSON.stringify(stats));
  } finally {
    await db.close();
  }
}

runIfMain(import.meta.url, main);
