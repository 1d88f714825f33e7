import { describe, expect, it } from 'vitest';
import { createExtractor, EXTRACTOR_VERSION } from '../../../src/extract/index.js';
import { TINY_LEXICON, assertOffsets, find, paper } from './helpers.js';

const ex = createExtractor(TINY_LEXICON);

describe('lexicon matching', () => {
  it('matches case-insensitively and across punctuation, keeping the surface form', () => {
    const p = paper('We apply Knowledge Distillation and low-rank adaptation. Results on cifar100 are reported.');
    const x = ex.extractPaper(p);
    expect(find(x, 'Knowledge Distillation')?.type).toBe('method');
    expect(find(x, 'cifar100')?.type).toBe('dataset');
    expect(find(x, 'cifar100')?.key).toBe('cifar100');
    assertOffsets(p, x);
  });

  it('is case-sensitive for names that are ordinary words or acronyms', () => {
    const x = ex.extractPaper(paper('We glue the parts together and feed an alpaca. We also test Alpaca on GLUE.'));
    expect(x.entities.filter((e) => e.name.toLowerCase() === 'glue')).toHaveLength(1);
    expect(find(x, 'GLUE')?.type).toBe('dataset');
    expect(x.entities.filter((e) => e.name.toLowerCase() === 'alpaca').map((e) => e.name)).toEqual(['Alpaca']);
  });

  it('joins an acronym and its long form into one entity named by the acronym', () => {
    const p = paper('We use reinforcement learning from human feedback (RLHF) to align the model. RLHF is costly.');
    const x = ex.extractPaper(p);
    const r = x.entities.filter((e) => e.key === 'rlhf');
    expect(r).toHaveLength(1);
    expect(r[0]!.name).toBe('RLHF');
    expect(r[0]!.aliases).toContain('reinforcement learning from human feedback');
    expect(r[0]!.mentions.length).toBe(3);
    assertOffsets(p, x);
  });
});

describe('hyphenated and versioned names, variants and families', () => {
  it('keeps GPT-4 and LLaMA-65b whole and links the variant to its family', () => {
    const p = paper('We fine-tune GPT-4 and LLaMA-65b with LoRA.');
    const x = ex.extractPaper(p);
    expect(find(x, 'GPT-4')?.type).toBe('model');
    const l = find(x, 'LLaMA-65b');
    expect(l?.type).toBe('model');
    expect(l?.family).toBe('LLaMA');
    expect(l?.key).toBe('llama65b');
    assertOffsets(p, x);
  });

  it('links BERT_BASE and ResNet-152 to their bases', () => {
    const x = ex.extractPaper(paper('We compare BERT_BASE with a ResNet-152 backbone.'));
    expect(find(x, 'BERT_BASE')?.family).toBe('BERT');
    expect(find(x, 'ResNet-152')?.family).toBe('ResNet');
  });

  it('keeps a dataset split as the specific name, linked to the base dataset', () => {
    const x = ex.extractPaper(paper('We report accuracy on Split CIFAR-100 for continual learning.'));
    const s = find(x, 'Split CIFAR-100');
    expect(s?.type).toBe('dataset');
    expect(s?.family).toBe('CIFAR-100');
    expect(find(x, 'continual learning')?.type).toBe('task');
    expect(find(x, 'accuracy')?.type).toBe('metric');
  });

  it('finds unlisted names by shape (CamelCase, inner capitals, digits)', () => {
    const x = ex.extractPaper(paper('We present GraphZip, a compression method for graphs. GraphZip beats earlier codecs.'));
    const g = find(x, 'GraphZip');
    expect(g?.type).toBe('method');
    expect(g?.mentions).toHaveLength(2);
  });
});

describe('context rules', () => {
  it('`on the X benchmark` types X as a dataset', () => {
    const x = ex.extractPaper(paper('We evaluate our method on the Zorblax Arena benchmark and report gains.'));
    expect(find(x, 'Zorblax Arena')?.type).toBe('dataset');
  });

  it('`an assistant named X` types X and marks it proposed', () => {
    const x = ex.extractPaper(paper('In this work, we build an AI assistant named Quokka.'));
    const q = find(x, 'Quokka');
    expect(q?.type).toBe('model');
    expect(q?.role).toBe('proposes');
  });

  it('`datasets such as A, B and C` types every member', () => {
    const x = ex.extractPaper(paper('We test on datasets such as PlinkSet, QuorbData and CIFAR-10.'));
    expect(find(x, 'PlinkSet')?.type).toBe('dataset');
    expect(find(x, 'QuorbData')?.type).toBe('dataset');
    expect(find(x, 'CIFAR-10')?.type).toBe('dataset');
  });

  it('an enumeration with a listed dataset types its unknown members', () => {
    const x = ex.extractPaper(paper('Experiments on ImageNet, ZebraVox and CIFAR-10 confirm this.'));
    expect(find(x, 'ZebraVox')?.type).toBe('dataset');
  });

  it('`X-based` yields X without the suffix', () => {
    const p = paper('Our detector is LoRA-based and uses a KLM-based scorer.');
    const x = ex.extractPaper(p);
    expect(find(x, 'LoRA')?.mentions[0]?.text).toBe('LoRA');
    expect(find(x, 'KLM')).toBeDefined();
    assertOffsets(p, x);
  });

  it('`X outperforms Y`: Y is a compared baseline', () => {
    const x = ex.extractPaper(paper('We propose FlexNet. FlexNet outperforms ResNet-50 and BERT by a wide margin.'));
    expect(find(x, 'ResNet-50')?.role).toBe('compares_with');
    expect(find(x, 'BERT')?.role).toBe('compares_with');
    expect(find(x, 'FlexNet')?.role).toBe('proposes');
  });
});

describe('roles', () => {
  it('proposes: `we propose X`, `we introduce X` and title `X: ...`', () => {
    const a = ex.extractPaper(paper('We introduce MegaTok, a tokenizer for code.'));
    expect(find(a, 'MegaTok')?.role).toBe('proposes');
    const b = ex.extractPaper(paper('It works well in practice.', 'SparkLM: Fast Language Models for Edge Devices'));
    expect(find(b, 'SparkLM')?.role).toBe('proposes');
    expect(find(b, 'SparkLM')?.type).toBe('model');
  });

  it('uses: `based on X`, `we fine-tune X`', () => {
    const x = ex.extractPaper(paper('In this paper, our tagger is based on BERT. We fine-tune it with dropout.'));
    expect(find(x, 'BERT')?.role).toBe('uses');
    expect(find(x, 'dropout')?.role).toBe('uses');
  });

  it('evaluates_on: datasets the paper reports results on', () => {
    const x = ex.extractPaper(paper('We propose a new loss. Experiments on CIFAR-10 and ImageNet show gains.'));
    expect(find(x, 'CIFAR-10')?.role).toBe('evaluates_on');
    expect(find(x, 'ImageNet')?.role).toBe('evaluates_on');
  });

  it('uses for datasets trained on', () => {
    const x = ex.extractPaper(paper('We propose a new loss. The model is trained on ImageNet and tested elsewhere.'));
    expect(find(x, 'ImageNet')?.role).toBe('uses');
  });

  it('compares_with: `compared with X`, `surpasses X`', () => {
    const x = ex.extractPaper(paper('Our model surpasses Alpaca. Compared with GPT-4, we use far less compute.'));
    expect(find(x, 'Alpaca')?.role).toBe('compares_with');
    expect(find(x, 'GPT-4')?.role).toBe('compares_with');
  });

  it('mentions: background before the paper speaks of itself', () => {
    const x = ex.extractPaper(paper('Recent assistants such as GPT-4 rely on RLHF. We study dropout instead.'));
    expect(find(x, 'GPT-4')?.role).toBe('mentions');
    expect(find(x, 'RLHF')?.role).toBe('mentions');
    expect(find(x, 'dropout')?.role).toBe('uses');
  });

  it('a listed name is never proposed by the paper', () => {
    const x = ex.extractPaper(paper('We propose LoRA for detectors.'));
    expect(find(x, 'LoRA')?.role).not.toBe('proposes');
  });

  it('gives a confidence between 0 and 1', () => {
    const x = ex.extractPaper(paper('We fine-tune GPT-4 on GLUE and ship FooBarNet.'));
    for (const e of x.entities) {
      expect(e.confidence).toBeGreaterThan(0);
      expect(e.confidence).toBeLessThanOrEqual(1);
    }
  });
});

describe('corpus-level rules', () => {
  const papers = [
    paper('We propose sparse mixture routing (SMR) for transformers. SMR halves compute.', '', 'a'),
    paper('We build on SMR and report results on the Frobble dataset.', '', 'b'),
    paper('Frobble is small, so we also fine-tune on it with SMR.', '', 'c'),
  ];

  it('an acronym defined in one abstract is known in the others', () => {
    const [, b] = ex.extractCorpus(papers);
    const smr = find(b!, 'SMR');
    expect(smr?.type).toBe('method');
    expect(smr?.aliases).toContain('sparse mixture routing');
    // without the corpus, paper b alone does not know what SMR stands for
    expect(find(ex.extractPaper(papers[1]!), 'SMR')?.aliases ?? []).not.toContain('sparse mixture routing');
  });

  it('a name typed by a strong context in one abstract keeps that type in others', () => {
    const [, , c] = ex.extractCorpus(papers);
    expect(find(c!, 'Frobble')?.type).toBe('dataset');
  });

  it('is deterministic and keeps input order', () => {
    const r1 = ex.extractCorpus(papers);
    const r2 = ex.extractCorpus(papers);
    expect(r1.map((r) => r.id)).toEqual(['a', 'b', 'c']);
    expect(JSON.stringify(r1)).toBe(JSON.stringify(r2));
  });
});

describe('offsets and evidence', () => {
  it('every mention reproduces its text and carries its sentence, in title and abstract', () => {
    const p = paper(
      '  Deep models (e.g., GPT-4) need data.  We propose ZetaNet-XL, trained on ImageNet, and compare with ResNet-50!  Gains hold.',
      'ZetaNet: Scaling ResNet Backbones',
    );
    const x = ex.extractPaper(p);
    assertOffsets(p, x);
    const z = find(x, 'ZetaNet');
    expect(z?.mentions.some((m) => m.field === 'title' && m.sentence === p.title)).toBe(true);
    expect(find(x, 'ZetaNet-XL')?.mentions[0]?.sentence).toBe('We propose ZetaNet-XL, trained on ImageNet, and compare with ResNet-50!');
  });

  it('reports its version', () => {
    expect(ex.version).toBe(EXTRACTOR_VERSION);
    expect(EXTRACTOR_VERSION).toMatch(/^rules-\d+\.\d+\.\d+$/);
  });
});

describe('mentions', () => {
  it('records every further occurrence of a name, in any case for a lower-case spelling, never inside a longer word', () => {
    const p = paper('We introduce Brindlet, a parser for receipts. Brindlet reads 40 pages per second, and MegaBrindlet or Brindlet-2 would be larger. Distillation helps: we apply distillation twice.');
    const x = ex.extractPaper(p);
    const w = find(x, 'Brindlet');
    expect(w?.mentions.map((m) => m.start)).toEqual([p.abstract.indexOf('Brindlet'), p.abstract.indexOf('Brindlet reads')]);
    const d = find(x, 'distillation') ?? find(x, 'Distillation');
    expect(d?.mentions.map((m) => m.text)).toEqual(['Distillation', 'distillation']);
    assertOffsets(p, x);
  });
});
