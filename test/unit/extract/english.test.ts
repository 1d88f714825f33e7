// Word classes read from compromise's lexicon: one comparative test serves the role cues and the context hints.
import { describe, expect, it } from 'vitest';
import { isComparative } from '../../../src/extract/english.js';

describe('isComparative', () => {
  it('knows comparatives compromise lists and -er forms of its adjectives', () => {
    for (const w of ['better', 'worse', 'higher', 'lower', 'cheaper', 'faster', 'fewer', 'more', 'less']) expect(isComparative(w), w).toBe(true);
  });
  it('does not take nouns, adverbs or prepositions that end in -er for comparatives', () => {
    for (const w of ['paper', 'transformer', 'encoder', 'layer', 'order', 'other', 'under', 'over', 'after', 'never', 'together', 'however', 'rather', 'whether', 'number']) expect(isComparative(w), w).toBe(false);
  });
});
