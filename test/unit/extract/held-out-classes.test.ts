// One row per class of error seen on unseen papers (issue: extraction on papers it has never
// seen), with sentences written for this test: every name here is invented, so no rule or
// lexicon entry can know it; the type and role must come from the sentence and the name's shape.
import { describe, expect, it } from 'vitest';
import { createExtractor } from '../../../src/extract/index.js';
import type { EntityType, Role } from '../../../src/extract/types.js';
import { loadLexicon, loadScorerWeights } from '../../../src/lexicon/load.js';

const ex = createExtractor(loadLexicon(), loadScorerWeights());

interface Row {
  klass: string;
  title?: string;
  abstract: string;
  expect: Array<[name: string, type: EntityType, role?: Role]>;
  /** Phrases that must not come out as entities of any type. */
  absent?: string[];
}

const ROWS: Row[] = [
  { klass: 'unknown new model name with a size suffix -> model, proposes', abstract: 'We present Quillo-7B, a new open language model for household planning. It outperforms strong baselines.', expect: [['Quillo-7B', 'model', 'proposes']] },
  { klass: 'unknown new benchmark -> dataset, proposes', abstract: 'We release the Marrowbench benchmark, a collection of 4,000 sorting puzzles, and evaluate ten systems on it.', expect: [['Marrowbench', 'dataset', 'proposes']] },
  { klass: 'descriptive phrases -> nothing', abstract: 'We use a flexible transformer and pretrained language models. Our approach relies on the proposed framework.', expect: [], absent: ['flexible transformer', 'pretrained language models', 'proposed framework', 'approach'] },
  { klass: '"named X" -> proposes', abstract: 'We develop an assistant named Tobble that answers questions about tax forms.', expect: [['Tobble', 'model', 'proposes']] },
  { klass: '"we introduce X, a <system noun>" -> model, proposes', abstract: 'We introduce Kestrel, a parser for legal text, and evaluate it on dependency parsing.', expect: [['Kestrel', 'model', 'proposes']] },
  { klass: '"compare with X" -> compares_with', abstract: 'We fine-tune ResNet-50 on ImageNet and compare with ViT-B/16 under the same budget.', expect: [['ResNet-50', 'model', 'uses'], ['ImageNet', 'dataset', 'evaluates_on'], ['ViT-B/16', 'model', 'compares_with']] },
  { klass: 'a lower-case measure with a metric head -> metric', abstract: 'Our recogniser lowers the word error rate by 12% on two corpora of telephone speech.', expect: [['word error rate', 'metric']] },
];

describe('held-out error classes, on invented names', () => {
  for (const row of ROWS) {
    it(row.klass, () => {
      const x = ex.extractPaper({ id: 't', title: row.title ?? 'A study', abstract: row.abstract });
      for (const [name, type, role] of row.expect) {
        const e = x.entities.find((en) => en.name === name);
        expect(e, `${name} in ${JSON.stringify(x.entities.map((en) => `${en.type}:${en.name}`))}`).toBeDefined();
        expect(e!.type, name).toBe(type);
        if (role) expect(e!.role, name).toBe(role);
      }
      for (const phrase of row.absent ?? []) expect(x.entities.map((en) => en.name.toLowerCase())).not.toContain(phrase);
    });
  }
});
