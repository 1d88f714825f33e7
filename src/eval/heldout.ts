// The held-out table printed by `npm run eval`: one row per evaluation set, marking
// which sets trained the scorer or chose its settings, so that the generalisation figure
// is read from the sets the extractor never saw. One extra row reads the seed dev set with
// every gold name taken out of the lexicon: new papers name models and techniques no list
// holds yet, and that row measures how much of the dev score the list alone earns. Two rows read
// abstracts written for papergraph in today's style (data/eval/invented/README.md).
import path from 'node:path';
import type { Extractor, Lexicon } from '../extract/types.js';
import { createExtractor } from '../extract/index.js';
import type { ScorerWeights } from '../extract/scorer.js';
import { toPredictionLine } from '../extract/predictions.js';
import { projectPath } from '../paths.js';
import { readSpanCorpusIfPresent, type AnnotatedPaper } from './corpora.js';
import { readUtf8 } from './io.js';
import { evaluate, keyset, parseJsonl } from './score.js';
import { SCIERC_LABELS, SCIER_LABELS, scoreSpans, type LabelMap, type SpanScores } from './spans.js';
import type { PaperText } from '../extract/types.js';
import { existsSync } from 'node:fs';

export type SetUse = 'training' | 'settings' | 'held-out' | 'regression guard';

export interface Row {
  set: string;
  use: SetUse;
  headline: string;
  detail: string;
}

const f = (x: number) => x.toFixed(3);

function spanRow(set: string, use: SetUse, docs: AnnotatedPaper[] | null, extractor: Extractor, labels: LabelMap, where: string): Row {
  if (!docs) return { set, use, headline: 'not found', detail: `(${where} missing)` };
  const preds = extractor.extractCorpus(docs.map((d) => d.paper));
  const s: SpanScores = scoreSpans(docs.map((d) => d.gold), preds, labels);
  const per = Object.entries(s.perLabel).map(([l, v]) => `${l} ${f(v.f1)}`).join(', ');
  return { set, use, headline: `span F1 ${f(s.micro.f1)} (P ${f(s.micro.precision)} R ${f(s.micro.recall)})`, detail: per };
}

function readPapers(file: string): PaperText[] {
  return readUtf8(file).split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as PaperText);
}

/** The invented sets whose errors have been read: they may choose settings (the table's and train's thresholds). */
export const INVENTED_SETTINGS = {
  general: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'q', 's', 'u', 'af', 'ai'],
  specialist: ['w', 'x', 'y', 'z', 'ab', 'ac'],
} as const;

/** Gold lines and papers of invented sets (data/eval/invented/<set>/), in the order given. */
export function readInvented(sets: readonly string[]): { gold: string; papers: PaperText[] } {
  const dirs = sets.map((x) => projectPath('data', 'eval', 'invented', x));
  return {
    gold: dirs.map((d) => readUtf8(path.join(d, 'gold.jsonl')).trim()).join('\n'),
    papers: dirs.flatMap((d) => readPapers(path.join(d, 'input.jsonl'))),
  };
}

export interface HeldoutOptions {
  /** The workplace's shared folder (eval sets, SciER); default ../shared beside the project. */
  sharedDir?: string;
}

/** The lexicon without any entry one of whose names or aliases is a gold name of `goldJsonl`. */
export function withoutGoldNames(lexicon: Lexicon, goldJsonl: string): Lexicon {
  const gold = new Set<string>();
  for (const line of parseJsonl(goldJsonl) as Array<{ entities?: Array<{ name?: string; aliases?: string[] }> }>) {
    for (const e of line.entities ?? []) for (const k of keyset([e.name, ...(e.aliases ?? [])])) gold.add(k);
  }
  return { entries: lexicon.entries.filter((e) => ![...keyset([e.name, ...e.aliases])].some((k) => gold.has(k))) };
}

function seedRow(set: string, use: SetUse, goldJsonl: string, predJsonl: string): Row {
  const seed = evaluate(goldJsonl, predJsonl).entity_list!;
  const perType = (['model', 'dataset', 'method', 'task', 'metric'] as const).map((t) => `${t} ${f(seed.per_type[t].f1)}`).join(', ');
  return {
    set,
    use,
    headline: `core F1 ${f(seed.micro.core.f1)} (P ${f(seed.micro.core.precision)} R ${f(seed.micro.core.recall)}), role acc ${f(seed.micro.core.role_accuracy)}`,
    detail: perType,
  };
}

export function heldoutTable(lexicon: Lexicon, weights: ScorerWeights | null, opts: HeldoutOptions = {}): Row[] {
  const extractor = createExtractor(lexicon, weights);
  const shared = opts.sharedDir ?? path.resolve(projectPath(), '..', 'shared');
  const scierc = (split: string) => readSpanCorpusIfPresent(projectPath('data', 'training', 'scierc', `${split}.json`));
  const scier = (split: string) => readSpanCorpusIfPresent(path.join(shared, 'corpora', 'scier', 'PLM', `${split}.jsonl`));
  const rows: Row[] = [
    spanRow('SciERC train (350)', 'training', scierc('train'), extractor, SCIERC_LABELS, 'data/training/scierc'),
    spanRow('SciERC dev (50)', 'settings', scierc('dev'), extractor, SCIERC_LABELS, 'data/training/scierc'),
    spanRow('SciERC test (100)', 'held-out', scierc('test'), extractor, SCIERC_LABELS, 'data/training/scierc'),
    spanRow('SciER test (10 full texts)', 'held-out', scier('test'), extractor, SCIER_LABELS, `${shared}/corpora/scier`),
    spanRow('SciER test_ood (6 full texts)', 'held-out', scier('test_ood'), extractor, SCIER_LABELS, `${shared}/corpora/scier`),
  ];
  const evalDir = path.join(shared, 'eval');
  const fixtures = projectPath('test', 'fixtures', 'eval');
  const evalFile = (name: string) => (existsSync(path.join(evalDir, name)) ? path.join(evalDir, name) : path.join(fixtures, name));
  const predictWith = (ex: Extractor, input: string) => ex.extractCorpus(readPapers(evalFile(input))).map(toPredictionLine).join('\n');
  const predict = (input: string) => predictWith(extractor, input);
  const seedGold = readUtf8(evalFile('seed-dev-gold.jsonl'));
  rows.push(seedRow('seed dev (47)', 'settings', seedGold, predict('seed-input.jsonl')));
  const unseen = createExtractor(withoutGoldNames(lexicon, seedGold), weights);
  rows.push(seedRow('seed dev, names unlisted (47)', 'settings', seedGold, predictWith(unseen, 'seed-input.jsonl')));
  // abstracts written for papergraph (data/eval/invented/README.md): modern text the dev sets lack
  const invented = (sets: readonly string[]): [gold: string, pred: string] => {
    const { gold, papers } = readInvented(sets);
    return [gold, extractor.extractCorpus(papers).map(toPredictionLine).join('\n')];
  };
  rows.push(seedRow('invented abstracts A-J, Q, S, U, AF, AI (570)', 'settings', ...invented(INVENTED_SETTINGS.general)));
  rows.push(seedRow('invented abstracts K-M (120)', 'held-out', ...invented(['k', 'l', 'm'])));
  rows.push(seedRow('invented abstracts N-O (80)', 'held-out', ...invented(['n', 'o'])));
  rows.push(seedRow('invented abstracts P, R (80)', 'held-out', ...invented(['p', 'r'])));
  rows.push(seedRow('invented abstracts T (40)', 'held-out', ...invented(['t'])));
  rows.push(seedRow('invented abstracts V (40)', 'held-out', ...invented(['v'])));
  rows.push(seedRow('invented abstracts AA (40)', 'held-out', ...invented(['aa'])));
  rows.push(seedRow('invented abstracts AD (40)', 'held-out', ...invented(['ad'])));
  rows.push(seedRow('invented abstracts AH (40)', 'held-out', ...invented(['ah'])));
  rows.push(seedRow('invented abstracts AJ (40)', 'held-out', ...invented(['aj'])));
  rows.push(seedRow('invented abstracts AK (40)', 'held-out', ...invented(['ak'])));
  // (specialist fields, whose own names no general list holds: apart, to show the gap)
  for (const x of INVENTED_SETTINGS.specialist) rows.push(seedRow(`invented specialist-field abstracts ${x.toUpperCase()} (40)`, 'settings', ...invented([x])));
  rows.push(seedRow('invented specialist-field abstracts AE (40)', 'held-out', ...invented(['ae'])));
  rows.push(seedRow('invented specialist-field abstracts AG (40)', 'held-out', ...invented(['ag'])));
  const sx = evaluate(readUtf8(evalFile('scirex-dev-gold.jsonl')), predict('scirex-dev-input.jsonl')).scirex!;
  rows.push({
    set: 'SciREX dev (142)',
    use: 'regression guard',
    headline: `salientR ${f(sx.micro.core.salient_recall)}, mentionP ${f(sx.micro.core.mention_precision)}, mentionR ${f(sx.micro.core.mention_recall)}`,
    detail: `all types: mentionP ${f(sx.micro.all.mention_precision)}, mentionR ${f(sx.micro.all.mention_recall)}`,
  });
  return rows;
}

export function formatTable(rows: readonly Row[]): string {
  const head = ['set', 'used for', 'score', 'by type'];
  const cells = rows.map((r) => [r.set, r.use, r.headline, r.detail]);
  const w = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => '| ' + c.map((x, i) => x.padEnd(w[i]!)).join(' | ') + ' |';
  return [line(head), '|' + w.map((n) => '-'.repeat(n + 2)).join('|') + '|', ...cells.map(line)].join('\n');
}
