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

  it('teachesOthers finds a name another paper taught, by its first word', () => {
    const known = new Knowledge();
    known.add({ name: 'QuokkaNet', type: 'model', aliases: [], conf: 0.8, acronym: false }, 1);
    known.add({ name: 'GST', type: 'method', aliases: [], conf: 0.8, acronym: true }, 0);
    known.add({ name: 'Wombat tuning', type: 'method', aliases: [], conf: 0.8, acronym: false }, 2);
    known.add({ name: 'GPT-9', type: 'model', aliases: [], conf: 0.8, acronym: false }, 3);
    const rows: [text: string, taughtBy: number | null][] = [
      ['We use QuokkaNets here.', 1], // a plural of the taught word
      ['GST is ours.', 0],
      ['The Wombat tuning recipe.', 2],
      ['A GPT-9 baseline.', 3], // the first fine token of a word
      ['Lower-case gst is no match.', null], // case kept
      ['Nothing at all.', null],
    ];
    for (const [text, taughtBy] of rows) {
      const sents = buildSentences(paper(text));
      for (const self of [0, 1, 2, 3]) expect(known.teachesOthers(sents, self), `${text} / paper ${self}`).toBe(taughtBy !== null && taughtBy !== self);
    }
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

describe('authors cited by name', () => {
  it('a name another paper taught is an author, not an entity, before "et al." (except "the X et al. benchmark")', () => {
    const ex = createExtractor(compileLexicon(TINY_LEXICON));
    const [, cited, named] = ex.extractCorpus([
      paper('We release the Kelpman benchmark of reef images and test ten detectors on Kelpman.', '', 'teach'),
      paper('We follow the reef protocol of Kelpman et al. and train on FooBench.', '', 'cited'),
      paper('We test on the Kelpman et al. reef benchmark.', '', 'named'),
    ]);
    expect(cited!.entities.map((e) => e.name)).not.toContain('Kelpman');
    expect(named!.entities.find((e) => e.name === 'Kelpman')?.type).toBe('dataset');
  });

  it('a surname in an author-year citation is an author: "Kelpman (2000)", "[1999]", "(Kelpman, 1993)", "(Reefe and Kelpman, 1993)"', () => {
    const ex = createExtractor(compileLexicon(TINY_LEXICON));
    const [, ...cited] = ex.extractCorpus([
      paper('We release the Kelpman benchmark of reef images and the Reefe benchmark of tide charts, and test ten detectors on Kelpman and Reefe.', '', 'teach'),
      paper('Our parser gains 0.3 points beyond the Kelpman (2000) reranker.', '', 'year'),
      paper('Tense follows (Kelpman, 1993), and aspect follows (Reefe and Kelpman, 1993).', '', 'bracket'),
      paper('Our model outperforms Tidewell [1999] on FooBench.', '', 'square'),
    ]);
    for (const x of cited) expect(x!.entities.map((e) => e.name), x!.id).not.toEqual(expect.arrayContaining(['Kelpman']));
    expect(cited[1]!.entities.map((e) => e.name)).not.toContain('Reefe');
    expect(cited[2]!.entities.map((e) => e.name)).not.toContain('Tidewell');
  });
});

describe('what a paper teaches the corpus', () => {
  it('a word of the language that one paper lists as a dataset ("the Reefset suites (Coral, Object, Tide)") is that word again in other papers', () => {
    const ex = createExtractor(compileLexicon(TINY_LEXICON));
    const [teach, other] = ex.extractCorpus([
      paper('On the four Reefset suites (Coral, Object, Tide, Kelp-L), our planner averages 91% success.', '', 'teach'),
      paper('We split shore and object drift; our tracker reads Object Drift as a cue.', 'Steering Object Drift in Reef Video', 'other'),
    ]);
    expect(teach!.entities.find((e) => e.name === 'Object')?.type).toBe('dataset');
    expect(other!.entities.map((e) => e.name)).not.toContain('Object');
  });
});
