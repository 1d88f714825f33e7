// `npm run train`: rebuilds lexicon/candidate-scorer.json from SciERC (data/training/scierc,
// Apache-2.0) byte for byte: fixed seed, fixed feature order, rounded weights. The model is a
// multinomial logistic regression trained by AdaGrad SGD. We wrote this ~60-line trainer
// rather than take a library: the npm ML packages we know of are dense-matrix (millions of
// zero columns here) or non-deterministic across runs, and the file must be reproducible.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { createExtractor } from '../extract/index.js';
import { compileLexicon } from '../extract/lexicon-index.js';
import { ruleCandidates } from '../extract/paper.js';
import { isDescriptivePhrase, isDescriptiveTask } from '../extract/heads.js';
import { scoringInput } from '../extract/score-candidates.js';
import { SCORER_CLASSES, softmax, type ScorerClass, type ScorerWeights, type Thresholds } from '../extract/scorer.js';
import type { Extractor, Lexicon, PaperText } from '../extract/types.js';
import { toPredictionLine } from '../extract/predictions.js';
import { readUtf8 } from '../eval/io.js';
import { evaluate } from '../eval/score.js';
import { INVENTED_SETTINGS, readInvented, withoutGoldNames } from '../eval/heldout.js';
import { readSpanCorpus, type AnnotatedPaper, type GoldSpan } from '../eval/corpora.js';
import { SCIERC_LABELS, scoreSpans } from '../eval/spans.js';
import { defaultLexiconDir, loadLexicon, SCORER_FILE } from '../lexicon/load.js';
import { projectPath } from '../paths.js';
import { mulberry32 } from '../random.js';

export const TRAIN_SETTINGS = { seed: 20261204, epochs: 12, rate: 0.2, l2: 1e-5, minCount: 2 } as const;

/** SciERC label -> our scorer class. Material counts as a dataset only when it is a name (capitals or digits). */
export function classOfGold(g: GoldSpan, text: string): ScorerClass {
  switch (g.label) {
    case 'Method':
      // ENTITIES.md: "pretrained language models" describes, it does not name (SciERC files it as Method).
      return isDescriptivePhrase(text.slice(g.start, g.end)) ? 'none' : 'method';
    case 'Task':
      return isDescriptiveTask(text.slice(g.start, g.end)) ? 'none' : 'task';
    case 'Metric':
      return 'metric';
    case 'Material':
      return /[\p{Lu}\p{N}]/u.test(text.slice(g.start, g.end)) ? 'dataset' : 'none';
    default:
      return 'none';
  }
}

export interface Example {
  feats: string[];
  y: number;
}

/** Every candidate of every paper, labelled by the gold span it matches exactly (or none). */
export function examplesOf(docs: readonly AnnotatedPaper[], lexicon: Lexicon): Example[] {
  const ctx = { index: compileLexicon(lexicon), known: null };
  const out: Example[] = [];
  for (const d of docs) {
    const gold = new Map<string, ScorerClass>();
    for (const g of d.gold) {
      const cls = classOfGold(g, d.paper.abstract);
      const k = `${g.start}:${g.end}`;
      if (cls !== 'none' || !gold.has(k)) gold.set(k, cls);
    }
    const { prep, chosen } = ruleCandidates(d.paper, ctx);
    const { cands, feats } = scoringInput(prep.sents, chosen, ctx);
    cands.forEach((c, n) => {
      const cls = c.sent.field === 'abstract' ? gold.get(`${c.start}:${c.end}`) ?? 'none' : 'none';
      out.push({ feats: feats[n]!, y: SCORER_CLASSES.indexOf(cls) });
    });
  }
  return out;
}

/** Multinomial logistic regression, AdaGrad, deterministic. Returns feature -> weights per class. */
export function trainLogistic(examples: readonly Example[], settings = TRAIN_SETTINGS): Map<string, Float64Array> {
  const k = SCORER_CLASSES.length;
  const counts = new Map<string, number>();
  for (const e of examples) for (const f of e.feats) counts.set(f, (counts.get(f) ?? 0) + 1);
  const names = [...counts.keys()].filter((f) => counts.get(f)! >= settings.minCount).sort();
  const id = new Map(names.map((f, n) => [f, n]));
  const w = new Float64Array(names.length * k);
  const g2 = new Float64Array(names.length * k).fill(1e-8);
  const rows = examples.map((e) => ({ ids: e.feats.map((f) => id.get(f)).filter((x): x is number => x !== undefined), y: e.y }));
  const order = rows.map((_, n) => n);
  const rand = mulberry32(settings.seed);
  const z = new Float64Array(k);
  for (let epoch = 0; epoch < settings.epochs; epoch++) {
    for (let n = order.length - 1; n > 0; n--) {
      const m = Math.floor(rand() * (n + 1));
      [order[n], order[m]] = [order[m]!, order[n]!];
    }
    for (const r of order) {
      const row = rows[r]!;
      z.fill(0);
      for (const f of row.ids) for (let c = 0; c < k; c++) z[c] = z[c]! + w[f * k + c]!;
      const p = softmax(z);
      for (const f of row.ids) {
        for (let c = 0; c < k; c++) {
          const at = f * k + c;
          const grad = p[c]! - (c === row.y ? 1 : 0) + settings.l2 * w[at]!;
          g2[at] = g2[at]! + grad * grad;
          w[at] = w[at]! - (settings.rate * grad) / Math.sqrt(g2[at]!);
        }
      }
    }
  }
  const out = new Map<string, Float64Array>();
  names.forEach((f, n) => out.set(f, w.slice(n * k, n * k + k)));
  return out;
}

/** A short content hash (FNV-1a, 32 bit) naming the weights, so ingest can tell versions apart. */
function fnv(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(16).padStart(8, '0');
}

function weightsFile(table: Map<string, Float64Array>, thresholds: Thresholds): ScorerWeights {
  const weights: Record<string, number[]> = {};
  for (const f of [...table.keys()].sort()) {
    const ws = [...table.get(f)!].map((x) => Math.round(x * 1e4) / 1e4);
    if (ws.some((x) => x !== 0)) weights[f] = ws.map((x) => (Object.is(x, -0) ? 0 : x));
  }
  const body = { classes: [...SCORER_CLASSES], thresholds, weights };
  return { version: `scorer-${fnv(JSON.stringify(body))}`, ...body };
}

/**
 * Thresholds chosen on the settings sets: SciERC dev, seed dev (the user's kind of text,
 * whose guide differs from SciERC's), read twice: with the lexicon and with every gold name
 * taken out of it (new papers name what no list holds yet), and the invented settings sets
 * (eval/heldout.ts: INVENTED_SETTINGS; F1 over model, dataset, method and metric, the types
 * every one of them annotates). Those ~600 papers are what keeps a decision from resting on
 * the 47 of seed dev: before them, a retrain after a small rule change switched metric chunks
 * on or off. The objective averages the four F1; it is tuned one threshold at a time in a
 * fixed order (two rounds): the rule-drop level, then each chunk class. Each decision keeps
 * the highest threshold (OFF first, then the fewest chunks) whose F1 is within MIN_GAIN of
 * the best: a class of chunks is switched on only for a clear gain. (At 0.001, metric chunks gained 0.0005 in one retrain
 * and 0.0012 in the next, after a rule change that touched no metric, and flipped.)
 */
const MIN_GAIN = 0.002;
/** Above every probability: the decision is switched off. */
const OFF = 1.01;
const CHUNK_THRESHOLDS = [0.3, 0.4, 0.5, 0.6, 0.7, 0.8, OFF];
const DROP_THRESHOLDS = [0.6, 0.7, 0.8, 0.9, 0.95, OFF];

/** Of thresholds tried, the highest whose F1 is within MIN_GAIN of the best. */
export function mostCautious(tried: readonly { threshold: number; f1: number }[]): { threshold: number; f1: number } {
  const top = Math.max(...tried.map((x) => x.f1));
  return tried.filter((x) => x.f1 >= top - MIN_GAIN).reduce((a, b) => (b.threshold > a.threshold ? b : a));
}

export function chooseThresholds(table: Map<string, Float64Array>, lexicon: Lexicon, dev: readonly AnnotatedPaper[]): { thresholds: Thresholds; f1: number } {
  const t: Thresholds = { chunk: { method: OFF, dataset: OFF, task: OFF, metric: OFF }, dropRule: OFF };
  const seedPapers = readUtf8(projectPath('test', 'fixtures', 'eval', 'seed-input.jsonl')).split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as PaperText);
  const seedGold = readUtf8(projectPath('test', 'fixtures', 'eval', 'seed-dev-gold.jsonl'));
  const index = compileLexicon(lexicon);
  const unlisted = compileLexicon(withoutGoldNames(lexicon, seedGold));
  const seedF1 = (ex: Extractor) => evaluate(seedGold, ex.extractCorpus(seedPapers).map(toPredictionLine).join('\n')).entity_list!.micro.all.f1;
  const invented = readInvented([...INVENTED_SETTINGS.general, ...INVENTED_SETTINGS.specialist]);
  const inventedF1 = (ex: Extractor) => {
    const scores = evaluate(invented.gold, ex.extractCorpus(invented.papers).map(toPredictionLine).join('\n')).entity_list!.per_type;
    const sum = (k: 'tp' | 'fp' | 'fn') => (['model', 'dataset', 'method', 'metric'] as const).reduce((n, t) => n + scores[t][k], 0);
    return (2 * sum('tp')) / (2 * sum('tp') + sum('fp') + sum('fn'));
  };
  // (memoised: coordinate ascent tries the current thresholds again in every decision and round)
  const tried = new Map<string, number>();
  const f1Of = (th: Thresholds): number => {
    const key = JSON.stringify(th);
    const known = tried.get(key);
    if (known !== undefined) return known;
    const f1 = objective(th);
    tried.set(key, f1);
    return f1;
  };
  const objective = (th: Thresholds): number => {
    const weights = weightsFile(table, th);
    const ex = createExtractor(index, weights);
    const preds = ex.extractCorpus(dev.map((d) => d.paper));
    const scierc = scoreSpans(dev.map((d) => d.gold), preds, SCIERC_LABELS).micro.f1;
    return (scierc + seedF1(ex) + seedF1(createExtractor(unlisted, weights)) + inventedF1(ex)) / 4;
  };
  let best = 0;
  // Not the first value to clear the margin in order of trial: that was the lowest of a
  // near-tie (metric chunks at 0.5 over 0.6 and 0.7, 0.0002 apart), the least cautious.
  const tune = (values: readonly number[], set: (v: number) => void) => {
    const chosen = mostCautious(
      values.map((v) => {
        set(v);
        return { threshold: v, f1: f1Of(t) };
      }),
    );
    set(chosen.threshold);
    best = chosen.f1;
  };
  // coordinate ascent, two rounds: a threshold's best value depends on the others
  for (let round = 0; round < 2; round++) {
    tune(DROP_THRESHOLDS, (v) => (t.dropRule = v));
    for (const cls of ['method', 'dataset', 'task', 'metric'] as const) tune(CHUNK_THRESHOLDS, (v) => (t.chunk[cls] = v));
  }
  return { thresholds: t, f1: best };
}

export function trainScorer(lexicon: Lexicon = loadLexicon()): { file: ScorerWeights; devF1: number; examples: number } {
  const dir = projectPath('data', 'training', 'scierc');
  const train = readSpanCorpus(path.join(dir, 'train.json'));
  const dev = readSpanCorpus(path.join(dir, 'dev.json'));
  const examples = examplesOf(train, lexicon);
  const table = trainLogistic(examples);
  const { thresholds, f1 } = chooseThresholds(table, lexicon, dev);
  return { file: weightsFile(table, thresholds), devF1: f1, examples: examples.length };
}

/** The file's exact bytes (what the reproducibility test compares). */
export function serializeWeights(w: ScorerWeights): string {
  return JSON.stringify(w) + '\n';
}

export function writeScorer(w: ScorerWeights, dir = defaultLexiconDir()): string {
  const file = path.join(dir, SCORER_FILE);
  writeFileSync(file, serializeWeights(w));
  return file;
}

