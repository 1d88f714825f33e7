// `npm run train` must rebuild the committed weights byte for byte (fixed seed, fixed order).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SCORER_FILE, defaultLexiconDir } from '../../../src/lexicon/load.js';
import { serializeWeights, trainScorer } from '../../../src/train/train.js';
import { join } from 'node:path';

describe('training', () => {
  it('rebuilds lexicon/candidate-scorer.json exactly', () => {
    const committed = readFileSync(join(defaultLexiconDir(), SCORER_FILE), 'utf8');
    const { file } = trainScorer();
    expect(serializeWeights(file) === committed, 'the weights differ from `npm run train` output: rerun it and commit the file').toBe(true);
  }, 600_000);
});
