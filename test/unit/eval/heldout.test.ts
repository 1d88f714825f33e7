// The "names unlisted" row of the held-out table reads the seed dev set with a lexicon that
// lacks every gold name: these tests pin which entries that removes.
import { describe, expect, it } from 'vitest';
import { withoutGoldNames } from '../../../src/eval/heldout.js';
import type { Lexicon } from '../../../src/extract/types.js';

const lexicon: Lexicon = {
  entries: [
    { type: 'model', name: 'Quillo', aliases: ['Quillo-LM'] },
    { type: 'dataset', name: 'Marrow-Bench', aliases: [] },
    { type: 'method', name: 'anchor distillation', aliases: ['AD'] },
    { type: 'metric', name: 'accuracy', aliases: [] },
  ],
};

describe('withoutGoldNames', () => {
  it('drops entries whose name or alias matches a gold name or alias (case, punctuation and a plural s ignored)', () => {
    const gold = [
      JSON.stringify({ id: 'a', entities: [{ type: 'model', name: 'quillo lm', aliases: [] }] }),
      JSON.stringify({ id: 'b', entities: [{ type: 'dataset', name: 'MarrowBench', aliases: [] }, { type: 'method', name: 'x', aliases: ['Anchor Distillations'] }] }),
    ].join('\n');
    expect(withoutGoldNames(lexicon, gold).entries.map((e) => e.name)).toEqual(['accuracy']);
  });

  it('keeps everything when no gold name is listed', () => {
    const gold = JSON.stringify({ id: 'a', entities: [{ type: 'model', name: 'Heron', aliases: [] }] });
    expect(withoutGoldNames(lexicon, gold).entries).toHaveLength(4);
  });
});
