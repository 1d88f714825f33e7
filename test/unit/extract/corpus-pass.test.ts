// The two-pass corpus run keeps each paper's knowledge-independent reading (sentences,
// acronyms, lexicon matches) from the first pass and reuses it in the second: the
// result must be exactly what reading the paper from scratch gives.
import { describe, expect, it } from 'vitest';
import { createExtractor } from '../../../src/extract/index.js';
import { Knowledge } from '../../../src/extract/knowledge.js';
import { compileLexicon } from '../../../src/extract/lexicon-index.js';
import { extractPaperEntities, preparePaper } from '../../../src/extract/paper.js';
import { buildSentences } from '../../../src/extract/candidate.js';
import { TINY_LEXICON, paper } from './helpers.js';

const papers = [
  paper('We propose Gradient Surgery Tuning (GST), a method that edits gradients. GST improves fine-tuning of BERT on GLUE.', 'GST: Editing Gradients', 'a'),
  paper('We compare LoRA with GST and dropout on CIFAR-100. Large language models (LLMs) help. The QuokkaNet model is new.', '', 'b'),
  paper('Experiments on the FooBench benchmark show that QuokkaNet outperforms ResNet-50 in accuracy.', '', 'c'),
  paper('Nothing named here at all.', '', 'd'),
];

describe('corpus passes', () => {
  it('a second reading from the kept preparation equals a reading from scratch', () => {
    const index = compileLexicon(TINY_LEXICON);
    const known = new Knowledge();
    for (const p of papers) for (const k of extractPaperEntities(p, { index, known: null }).learned) known.add(k, 99);
    for (const p of papers) {
      const fresh = extractPaperEntities(p, { index, known });
      const prep = preparePaper(p, { index, known: null });
      // read twice from the same preparation: its candidates must stay pristine
      const once = extractPaperEntities(p, { index, known }, prep);
      const twice = extractPaperEntities(p, { index, known }, prep);
      expect(once.entities).toEqual(fresh.entities);
      expect(twice.entities).toEqual(fresh.entities);
    }
  });

  it('first-pass results keep their preparation only when asked', () => {
    const index = compileLexicon(TINY_LEXICON);
    const p = papers[0]!;
    expect(extractPaperEntities(p, { index, known: null }).prepared).toBeUndefined();
    expect(extractPaperEntities(p, { index, known: null, keepPrepared: true }).prepared?.sents.length).toBeGreaterThan(0);
  });

  it('teachesOthersIn agrees with teachesOthers over the word keys', () => {
    const index = compileLexicon(TINY_LEXICON);
    const known = new Knowledge();
    known.add({ name: 'QuokkaNet', type: 'model', aliases: [], conf: 0.8, acronym: false }, 1);
    known.add({ name: 'GST', type: 'method', aliases: [], conf: 0.8, acronym: true }, 0);
    known.add({ name: 'Foo-Bar tuning', type: 'method', aliases: [], conf: 0.8, acronym: false }, 2);
    const texts = ['We use QuokkaNets here.', 'GST is ours.', 'The Foo-Bar tuning recipe.', 'Foo alone.', 'Nothing at all.'];
    for (const [n, t] of texts.entries()) {
      const p = paper(t);
      const keys = extractPaperEntities(p, { index, known: null, wantWordKeys: true }).wordKeys;
      const sents = buildSentences(p);
      for (const self of [0, 1, 2, 3]) expect(known.teachesOthersIn(sents, self), `${n}/${self}`).toBe(known.teachesOthers(keys, self));
    }
    expect(known.teachesOthersIn(buildSentences(paper('We use QuokkaNets here.')), 0)).toBe(true);
    expect(known.teachesOthersIn(buildSentences(paper('We use QuokkaNets here.')), 1)).toBe(false);
  });

  it('extractCorpus equals two passes over one-paper shards', () => {
    const ex = createExtractor(TINY_LEXICON);
    const whole = ex.extractCorpus(papers);
    const learned = papers.map((p, n) => ex.learnShard([p], n));
    const taught = learned.flatMap((l) => l.taught);
    const parts = papers.flatMap((p, n) => ex.finishShard([p], learned[n]!.state, taught));
    expect(parts).toEqual(whole);
  });
});
