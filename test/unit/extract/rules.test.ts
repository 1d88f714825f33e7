// Rules added for names that papers introduce in their own ways.
import { describe, expect, it } from 'vitest';
import { createExtractor } from '../../../src/extract/index.js';
import { findDefinitions } from '../../../src/extract/acronyms.js';
import { TINY_LEXICON, assertOffsets, expectVariants, find, paper, withEntry } from './helpers.js';

const ex = createExtractor(TINY_LEXICON);

describe('more definition forms', () => {
  it('`SF: Long Form` spells the short form by initials', () => {
    const [d] = findDefinitions('This paper presents R2D: Robust Reward Decoders, a framework for agents.');
    expect(d).toMatchObject({ short: 'R2D', long: 'Robust Reward Decoders' });
    // a title whose subtitle merely contains the letters is not a definition
    expect(findDefinitions('EVE: Exploring the Variance of Embeddings at Scale')).toEqual([]);
  });

  it('`SF, an Capitalised Long Form` defines the short form', () => {
    const [d] = findDefinitions('We introduce GLOW, a Gated Latent Ordering Workflow for planning.');
    expect(d).toMatchObject({ short: 'GLOW', long: 'Gated Latent Ordering Workflow' });
  });

  it('a plural acronym names the singular entity, and generic ones are dropped', () => {
    const x = ex.extractPaper(paper('Large language models (LLMs) are popular. We train sparse autoencoder networks (SANs) with dropout.'));
    expect(x.entities.some((e) => e.key.startsWith('llm'))).toBe(false);
    const san = find(x, 'SAN');
    expect(san?.type).toBe('model');
    expect(san?.aliases).toContain('sparse autoencoder networks');
  });

  it('an acronym of a modifier takes the head noun after it: `zeroth-order (ZO) optimization`', () => {
    const x = ex.extractPaper(paper('We study zeroth-order (ZO) optimization for training. ZO methods are slow.'));
    const zo = find(x, 'ZO optimization');
    expect(zo?.type).toBe('method');
    expect(zo?.aliases).toContain('zeroth-order optimization');
  });
});

describe('more context rules', () => {
  it('`the public benchmarks A and B` types both as datasets', () => {
    const x = ex.extractPaper(paper('We rank first on the public benchmarks VORTEX and HALO-9 in all settings.'));
    expect(find(x, 'VORTEX')?.type).toBe('dataset');
    expect(find(x, 'HALO-9')?.type).toBe('dataset');
  });

  it('a name with a year is a challenge or benchmark edition', () => {
    const x = ex.extractPaper(paper('Our segmenter ranks first in KIDNEY 2019 and LIVER 2021.'));
    expect(find(x, 'KIDNEY 2019')?.type).toBe('dataset');
  });

  it('a name built on a listed dataset is a derived dataset (miniImageNet)', () => {
    const x = ex.extractPaper(paper('We report results on miniImageNet and FewShot-CIFAR-100.'));
    expect(find(x, 'miniImageNet')?.type).toBe('dataset');
    expect(find(x, 'miniImageNet')?.family).toBe('ImageNet');
  });

  it('`trained on X` types X as a dataset the paper uses', () => {
    const x = ex.extractPaper(paper('In this work, our encoders are trained on Flickrama and transfer well.'));
    expect(find(x, 'Flickrama')?.type).toBe('dataset');
    expect(find(x, 'Flickrama')?.role).toBe('uses');
  });

  it('modifier extension stops at discourse adverbs but not at a clause start', () => {
    const x = ex.extractPaper(paper('We try two variants, namely sparse prompt tuning and (2) Self-guided prompt tuning.'));
    expect(find(x, 'sparse prompt tuning')?.family).toBe('prompt tuning');
    expect(find(x, 'Self-guided prompt tuning')?.family).toBe('prompt tuning');
    const y = ex.extractPaper(paper('We add a fully connected dropout layer.'));
    expect(find(y, 'dropout')).toBeDefined();
    expect(y.entities.some((e) => e.name.includes('connected'))).toBe(false);
  });

  it('a listed technique with specific modifiers keeps the specific name', () => {
    const p = paper('We propose contrastive knowledge distillation for detectors and use standard dropout.');
    const x = ex.extractPaper(p);
    expect(find(x, 'contrastive knowledge distillation')?.family).toBe('knowledge distillation');
    // generic adjectives do not make a new technique
    expect(find(x, 'dropout')).toBeDefined();
    expect(find(x, 'standard dropout')).toBeUndefined();
    assertOffsets(p, x);
  });
});

describe('own contribution type', () => {
  it('"our method" makes a proposed BERT-like name a method, "our model" a model', () => {
    const a = ex.extractPaper(paper('We propose ZipBERT, which grows networks. Our method halves the training cost.'));
    expect(find(a, 'ZipBERT')?.type).toBe('method');
    const b = ex.extractPaper(paper('We propose ZipBERT, which grows networks. Our model halves the training cost.'));
    expect(find(b, 'ZipBERT')?.type).toBe('model');
  });
});

describe('titles', () => {
  it('a capitalised opening phrase ending in an architecture head is the proposed model', () => {
    const x = ex.extractPaper(paper('We stack modules.', 'Folded Lattice Networks for Depth Estimation'));
    const f = find(x, 'Folded Lattice Networks');
    expect(f?.type).toBe('model');
    expect(f?.role).toBe('proposes');
  });

  it('a title phrase that is a topic or a sentence is not a name', () => {
    const a = ex.extractPaper(paper('We study it.', 'Efficient Language Model Training at Scale'));
    expect(a.entities).toHaveLength(0);
    const b = ex.extractPaper(paper('We study it.', 'General Planning Requires Learning to Plan'));
    expect(b.entities).toHaveLength(0);
  });

  it('an all-capitals title yields no shape names', () => {
    const x = ex.extractPaper(paper('We present a model.', 'DEEP HIERARCHICAL MEMORY FOR LONG DOCUMENTS'));
    expect(x.entities).toHaveLength(0);
  });
});

describe('robustness', () => {
  it('handles empty and odd inputs', () => {
    expect(ex.extractPaper(paper('', '')).entities).toEqual([]);
    expect(ex.extractPaper({ id: 'z', title: 'GPT-4', abstract: '' }).entities[0]?.name).toBe('GPT-4');
    const p = paper('Unbalanced (parenthesis with GPT-4 and BERT–based ideas – and “quotes”.');
    assertOffsets(p, ex.extractPaper(p));
  });
});

describe('a name that a model and a dataset share', () => {
  it('a listed model\'s name in a list of datasets is the dataset of that name; alone it stays the model', () => {
    const own = createExtractor(withEntry('model', 'Tidewing'));
    const listed = own.extractPaper(paper('On four small graph datasets, Kelpgraph, Reefgraph, Tidewing and Shoalgraph, our model improves accuracy.'));
    expect(find(listed, 'Tidewing')?.type).toBe('dataset');
    const alone = own.extractPaper(paper('We fine-tune Tidewing on Kelpgraph and Reefgraph.'));
    expect(find(alone, 'Tidewing')?.type).toBe('model');
  });
});

describe('a listed dataset whose list name ends in a lower-case noun for data', () => {
  it('is named by the words before the noun ("the Reefo benchmark" -> Reefo, the list\'s spelling an alias); a capitalised noun belongs to the name ("Gannet Dialogue Corpus")', () => {
    const own = createExtractor(withEntry('dataset', 'Reefo benchmark', 'Gannet Dialogue Corpus'));
    const x = own.extractPaper(paper('Kelpo is tested on the Reefo benchmark, then on the Gannet Dialogue Corpus.'));
    expect(find(x, 'Reefo')?.type).toBe('dataset');
    expect(find(x, 'Reefo')?.aliases).toContain('Reefo benchmark');
    expect(find(x, 'Gannet Dialogue Corpus')?.type).toBe('dataset');
  });
});

describe('a dataset spelt with its noun', () => {
  it('a listed dataset keeps no lower-case "X dataset" alias (the list knows the name); an unlisted one does', () => {
    const own = createExtractor(withEntry('dataset', 'Shorenet'));
    const x = own.extractPaper(paper('Kelpo reads the Shorenet dataset and the Kelpshore dataset.'));
    expect(find(x, 'Shorenet')?.aliases.map((a) => a.toLowerCase())).not.toContain('shorenet dataset');
    expect(find(x, 'Kelpshore')?.aliases).toContain('Kelpshore dataset');
  });
});

describe('a size letter after a listed model', () => {
  it('names a variant of it ("KelpDet-l", "KelpDet-m"), a model of its family, whatever the list of results around it holds', () => {
    const own = createExtractor(withEntry('model', 'KelpDet'));
    const x = own.extractPaper(paper('Reefo scores 0.83, against 0.79 for a dropout-tuned baseline, 0.81 for KelpDet-l and 0.80 for KelpDet-m.', 'Reefo: counting shells'));
    expectVariants(x, ['KelpDet-l', 'KelpDet-m'], 'model', 'KelpDet');
  });
});

describe('a line of releases of a listed model', () => {
  it('a capitalised line name between the family and its release number is one model of the family ("Tidewing Sonnet 4"); a part of a paper or a network is not ("Tidewing Table 2", "Tidewing Layer 12")', () => {
    const own = createExtractor(withEntry('model', 'Tidewing'));
    const x = own.extractPaper(paper('Kelpo beats Tidewing Sonnet 4 and Tidewing Opus 4.1 on reef charts. Tidewing Table 2 lists the rest, and Tidewing Layer 12 features help.'));
    expectVariants(x, ['Tidewing Sonnet 4', 'Tidewing Opus 4.1'], 'model', 'Tidewing');
    const names = x.entities.map((en) => en.name.toLowerCase());
    expect(names).not.toContain('tidewing table 2');
    expect(names).not.toContain('tidewing layer 12');
  });
});

describe('a release tier after a listed model', () => {
  it('names that release, of the family: right after the name ("Tidewing Large", "Tidewing X-Large"), after a lower-case name\'s version ("reefvec 2.0 Large") and hyphened to a release number ("Tidewing 2-70B-Chat"); not a compound ("Large-scale")', () => {
    const own = createExtractor(withEntry('model', 'Tidewing', 'reefvec 2.0'));
    const x = own.extractPaper(paper('Kelpo beats Tidewing Large, Tidewing X-Large, reefvec 2.0 Large and Tidewing 2-70B-Chat on reef speech.'));
    expectVariants(x, ['Tidewing Large', 'Tidewing X-Large', 'Tidewing 2-70B-Chat'], 'model', 'Tidewing');
    expect(find(x, 'reefvec 2.0 Large')?.type).toBe('model');
    const compound = own.extractPaper(paper('Tidewing Large-scale tuning helps Kelpo.'));
    expect(compound.entities.map((en) => en.name)).not.toContain('Tidewing Large');
  });
});

describe('a listed model\'s size, lower-case tier or release number where its noun phrase ends', () => {
  it('names that release, of the listed name: before a verb, a preposition or a bracket ("Reefo-400 10B into", "Gannet-2 large reaches", "Tidewing 1.5 (a ...)"); not before a noun it qualifies ("Gannet-2 large gains", "Reefo-400 10B tokens")', () => {
    const own = createExtractor(withEntry('model', 'Tidewing', 'Reefo-400', 'Gannet-2'));
    const x = own.extractPaper(paper('Kelpo distils Reefo-400 10B into a student, and Gannet-2 large reaches 40 points. Tidewing 1.5 (a reef image model) trails.'));
    expectVariants(x, ['Reefo-400 10B'], 'model', 'Reefo-400');
    expectVariants(x, ['Gannet-2 large'], 'model', 'Gannet-2');
    expectVariants(x, ['Tidewing 1.5'], 'model', 'Tidewing');
    const noun = own.extractPaper(paper('Kelpo shows Gannet-2 large gains over Reefo-400 10B tokens.'));
    const names = noun.entities.map((en) => en.name);
    expect(names).not.toContain('Gannet-2 large');
    expect(names).not.toContain('Reefo-400 10B');
  });
});

describe('a list of systems with a listed one', () => {
  it('goes on through capitalised ordinary words ("improving on Shoal and ReefFormer"), not through a word that names a kind of the noun after it ("Harbour adapters"), a release tier ("Large") or, from a listed ordinary word alone, any word ("Marten and Heron")', () => {
    const own = createExtractor(withEntry('model', 'ReefFormer', 'Marten'));
    const x = own.extractPaper(paper('Kelpo improves on Shoal and ReefFormer with fewer layers. It also beats ReefFormer and Harbour adapters, ReefFormer Lite and Large, then Marten and Heron.'));
    expect(find(x, 'Shoal')?.type).toBe('model');
    const names = x.entities.map((en) => en.name);
    for (const word of ['Harbour', 'Large', 'Heron']) expect(names).not.toContain(word);
  });
});

describe('a named evaluation split after a listed dataset', () => {
  it('names that split of it ("Shorenet test-dev", "Shorenet minival", after an edition "Shorenet 2019 val"); a bare "val" stays the words\' own', () => {
    const own = createExtractor(withEntry('dataset', 'Shorenet'));
    const x = own.extractPaper(paper('Kelpo reaches 53.4 AP on Shorenet test-dev, 49.7 AP on Shorenet minival and 44.1 AP on Shorenet 2019 val.'));
    expectVariants(x, ['Shorenet test-dev', 'Shorenet minival', 'Shorenet 2019 val'], 'dataset', 'Shorenet');
    const bare = own.extractPaper(paper('Kelpo reaches 49.7 AP on Shorenet val.'));
    expect(bare.entities.map((en) => en.name)).toContain('Shorenet');
  });
});

describe('the title\'s one-word name in a sentence', () => {
  it('is no part of the name before it ("for Gannet-30B-A3B Kelpo reaches ...")', () => {
    const x = ex.extractPaper(paper('On one small card, for Gannet-30B-A3B Kelpo reaches 20 tokens per second.', 'Kelpo: Predictive Offloading of Reef Experts'));
    expect(find(x, 'Gannet-30B-A3B')?.type).toBe('model');
    expect(x.entities.map((en) => en.name.toLowerCase())).not.toContain('gannet-30b-a3b kelpo');
  });
});

describe('a title head of a few capitalised words that the abstract repeats', () => {
  it('is the paper\'s own name, one name wherever it occurs, though a list knows a word of it ("Gannet Policy" with "Gannet" listed); an acronym\'s long form stays the acronym\'s', () => {
    const own = createExtractor(withEntry('model', 'Gannet'));
    const x = own.extractPaper(paper('We present Gannet Policy, a visuomotor policy for reef grasping. Gannet Policy needs ten demonstrations.', 'Gannet Policy: Point Flows for Reef Grasping'));
    expect(find(x, 'Gannet Policy')?.role).toBe('proposes');
    const names = x.entities.map((en) => en.name.toLowerCase());
    expect(names).not.toContain('gannet');
    expect(names).not.toContain('policy');
    const defined = own.extractPaper(paper('We present the Reef Anything (RA) project, a task for reef grasping. Reef Anything holds ten scenes.', 'Reef Anything: Kelp Grasping'));
    expect(defined.entities.map((en) => en.name)).toContain('RA');
    expect(defined.entities.map((en) => en.name)).not.toContain('Reef Anything');
  });
});

describe('a listed image dataset at a resolution', () => {
  it('names that version of it, of its family ("Kelpnet 64x64", "Kelpnet 128 × 128"); a speed-up after it does not ("Kelpnet 3x")', () => {
    const own = createExtractor(withEntry('dataset', 'Kelpnet'));
    const x = own.extractPaper(paper('Our sampler scores a KFD of 2.4 on Kelpnet 64x64 and 3.1 on Kelpnet 128 × 128. On Kelpnet 3x faster decoding follows.'));
    expectVariants(x, ['Kelpnet 64x64', 'Kelpnet 128 × 128'], 'dataset', 'Kelpnet');
    expect(x.entities.map((en) => en.name.toLowerCase())).not.toContain('kelpnet 3x');
  });
});

describe('a numbered model family the list holds no row of', () => {
  it('is a model name itself ("k7" of a listed "k7-mini"), in its own spelling only ("K7 levels")', () => {
    const own = createExtractor({ entries: [...TINY_LEXICON.entries, { type: 'model', name: 'k7-mini', aliases: [], family: 'k7' }] });
    const x = own.extractPaper(paper('Kelpo is compared with k7 and k7-mini on reef charts, where K7 levels vary.'));
    expect(find(x, 'k7')?.type).toBe('model');
    expect(find(x, 'k7')?.role).toBe('compares_with');
    expect(x.entities.map((en) => en.name)).not.toContain('K7');
  });
});

describe('a time until or per something, spelt out', () => {
  it('names a measure ("time to first kelp (TTFK)", "time per reef token (TPRT)")', () => {
    const x = ex.extractPaper(paper('Kelpo forecasts the time to first kelp (TTFK) and time per reef token (TPRT) for each request.'));
    expect(find(x, 'TTFK')?.type).toBe('metric');
    expect(find(x, 'TPRT')?.type).toBe('metric');
  });
});

describe('an acronym the list knows as a system, spelt out as a measure', () => {
  it('the paper\'s long form that ends in a quantity makes it a metric ("time-per-kelp-token (TPKT)"); without a long form the list decides', () => {
    const own = createExtractor(withEntry('model', 'TPKT'));
    expect(find(own.extractPaper(paper('Kelpo predicts time-per-kelp-token (TPKT) for each request.')), 'TPKT')?.type).toBe('metric');
    expect(find(own.extractPaper(paper('We compare Kelpo with TPKT on reef logs.')), 'TPKT')?.type).toBe('model');
  });

  it('so does a long form ending in a measure noun ("relative kelp error (RKE)", with RKE listed as data); an optimum of it names an estimator ("minimum kelp error (MKE)")', () => {
    const own = createExtractor({ entries: [...withEntry('dataset', 'RKE').entries, ...withEntry('method', 'MKE').entries] });
    expect(find(own.extractPaper(paper('On reef logs, relative kelp error (RKE) falls to 5.4 cm.')), 'RKE')?.type).toBe('metric');
    expect(find(own.extractPaper(paper('We pair Kelpo with the minimum kelp error (MKE) filter.')), 'MKE')?.type).toBe('method');
  });
});
