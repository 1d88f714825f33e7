// Quality floor: the extractor must keep the targets on the dev sets
// (copied into test/fixtures/eval), so no change can silently degrade it.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../src/eval/score.js';
import { createExtractor } from '../../../src/extract/index.js';
import { toPredictionLine } from '../../../src/extract/predictions.js';
import type { PaperText } from '../../../src/extract/types.js';
import { loadLexicon, loadScorerWeights } from '../../../src/lexicon/load.js';
import { projectPath } from '../../../src/paths.js';

const fixture = (name: string) => fs.readFileSync(projectPath('test', 'fixtures', 'eval', name), 'utf8');
const papers = (name: string): PaperText[] =>
  fixture(name)
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as PaperText);

// the product's extractor: the rule stage and the learned candidate scorer
const extractor = createExtractor(loadLexicon(), loadScorerWeights());
const predict = (input: string) => extractor.extractCorpus(papers(input)).map(toPredictionLine).join('\n');

describe('extraction quality on the dev sets', () => {
  it('seed dev: core F1 >= 0.85, model/dataset/method F1 >= 0.75 each, role accuracy >= 0.75', () => {
    const scores = evaluate(fixture('seed-dev-gold.jsonl'), predict('seed-input.jsonl')).entity_list!;
    expect(scores.micro.core.f1).toBeGreaterThanOrEqual(0.85);
    for (const type of ['model', 'dataset', 'method'] as const) expect(scores.per_type[type].f1, type).toBeGreaterThanOrEqual(0.75);
    expect(scores.micro.core.role_accuracy).toBeGreaterThanOrEqual(0.75);
  });

  it('SciREX dev: core mentionP >= 0.75 and salientR >= 0.55', () => {
    const scores = evaluate(fixture('scirex-dev-gold.jsonl'), predict('scirex-dev-input.jsonl')).scirex!;
    expect(scores.micro.core.mention_precision).toBeGreaterThanOrEqual(0.75);
    expect(scores.micro.core.salient_recall).toBeGreaterThanOrEqual(0.55);
  });
});
