import { describe, expect, it } from 'vitest';
import { loadLexicon, mergeEntries, parseLexiconTsv } from '../../../src/lexicon/load.js';
import { createExtractor } from '../../../src/extract/index.js';
import { toPrediction, toPredictionLine, extractToPredictions } from '../../../src/extract/predictions.js';
import { isNonEntityName } from '../../../src/extract/shapes.js';
import { paper } from './helpers.js';

describe('lexicon loading', () => {
  it('parses TSV rows with | aliases and family', () => {
    const rows = parseLexiconTsv('model', 'name\taliases\tfamily\tsource\tlicense\nFoo 7B\tfoo-7b | Foo7\tFoo\tx\tMIT\n');
    expect(rows).toEqual([{ type: 'model', name: 'Foo 7B', aliases: ['foo-7b', 'Foo7'], family: 'Foo' }]);
  });

  it('merges rows by key, keeping the first row and adding new aliases', () => {
    const merged = mergeEntries([{ type: 'dataset', name: 'CIFAR-10', aliases: [] }], [{ type: 'dataset', name: 'cifar10', aliases: ['C10'] }]);
    expect(merged).toEqual([{ type: 'dataset', name: 'CIFAR-10', aliases: ['C10'] }]);
  });

  it('loads every type from the project lexicon, including methods and tasks', () => {
    const lex = loadLexicon();
    const types = new Set(lex.entries.map((e) => e.type));
    expect([...types].sort()).toEqual(['dataset', 'method', 'metric', 'model', 'task']);
    const byName = (n: string) => lex.entries.find((e) => e.name === n);
    expect(byName('LoRA')?.type).toBe('method');
    expect(byName('RLHF')?.aliases).toContain('reinforcement learning from human feedback');
    expect(byName('object detection')?.type).toBe('task');
    expect(byName('CIFAR-100')?.type).toBe('dataset');
  });

  it('never stops a measure the lexicon lists: a short name spelled like a computing acronym is still a metric', () => {
    const measures = loadLexicon().entries.filter((e) => e.type === 'metric').flatMap((e) => [e.name, ...e.aliases]);
    expect(measures.length).toBeGreaterThan(50);
    expect(measures.filter((n) => isNonEntityName(n))).toEqual([]);
  });

  it('matches a listed name across a space or a hyphen, never across a comma', () => {
    const lex = { entries: [{ type: 'dataset' as const, name: 'Kelpset', aliases: [] }, { type: 'dataset' as const, name: 'Kelpset-A', aliases: [] }] };
    const ex = createExtractor(lex);
    const names = (text: string) => ex.extractPaper(paper(text)).entities.map((e) => e.name);
    expect(names('On Kelpset, a small student reaches 70.1% accuracy.')).toEqual(['Kelpset']);
    expect(names('On Kelpset A it drops.')).toEqual(['Kelpset A']);
  });

  it('gives a listed entity all its listed names as aliases, and a split of it only the name of what it splits', () => {
    const lex = {
      entries: [
        { type: 'metric' as const, name: 'Kelp score', aliases: ['KS', 'Kelp-S'] },
        { type: 'dataset' as const, name: 'Reefset', aliases: ['RS-1', 'Reef set one'] },
      ],
    };
    const ex = createExtractor(lex);
    const aliases = (text: string) => Object.fromEntries(ex.extractPaper(paper(text)).entities.map((e) => [e.name, e.aliases]));
    expect(aliases('On Reefset, KelpNet raises the KS by 3 points.')).toMatchObject({ Reefset: ['RS-1', 'Reef set one'], KS: ['Kelp score', 'Kelp-S'] });
    expect(aliases('On Split Reefset, KelpNet raises the Kelp-S by 3 points.')).toMatchObject({ 'Split Reefset': ['Reefset'], 'Kelp-S': ['Kelp score', 'KS'] });
  });

  it('matches a listed name with a possessive also without it ("Marlow score" for "Marlow\'s score")', () => {
    const ex = createExtractor({ entries: [{ type: 'metric' as const, name: "Marlow's score", aliases: [] }] });
    const found = ex.extractPaper(paper('On Reefset, KelpNet raises the Marlow score by 3 points.')).entities.find((e) => e.type === 'metric');
    expect(found).toMatchObject({ name: 'Marlow score', aliases: ["Marlow's score"] });
  });

  it('matches a listed name that holds a symbol ("A* search") only where the text writes the symbol', () => {
    const ex = createExtractor({ entries: [{ type: 'method' as const, name: 'A* kelp search', aliases: [] }] });
    const names = (text: string) => ex.extractPaper(paper(text)).entities.map((e) => e.name);
    expect(names('We plan reef routes with A* kelp search.')).toEqual(['A* kelp search']);
    expect(names('We cast routing as a kelp search over reefs.')).toEqual([]);
  });

  it('takes no verb for a technique: "we fine-tune X" names X, not fine-tuning', () => {
    const ex = createExtractor(loadLexicon());
    const names = (text: string) => ex.extractPaper(paper(text)).entities.map((e) => e.name.toLowerCase());
    expect(names('We fine-tune KelpLM-7B on reef reports. KelpLM-7B fine-tunes fast.')).not.toEqual(expect.arrayContaining([expect.stringMatching(/^fine-tunes?$/)]));
    expect(names('We study fine-tuning of KelpLM-7B on reef reports.')).toContain('fine-tuning');
  });

  it('reads a listed measure\'s acronym as a technique where the paper uses it as one, and as the measure where it measures', () => {
    const ex = createExtractor({
      entries: [
        { type: 'metric' as const, name: 'KMS', aliases: ['kelp mean spread'] },
        { type: 'model' as const, name: 'ReefBERT', aliases: [] },
      ],
    });
    const typed = (text: string) => ex.extractPaper(paper(text)).entities.filter((e) => e.name === 'KMS').map((e) => `${e.type}:${e.aliases.join('|')}`);
    expect(typed('Pretraining methods such as ReefBERT and KMS rebuild masked patches. Unlike KMS, our encoder predicts features.')).toEqual(['method:']);
    expect(typed('We start from a KMS-pretrained encoder.')).toEqual(['method:']);
    expect(typed('Metrics for reef systems, such as ReefBERT and KMS, are noisy.')).toEqual(['metric:kelp mean spread']);
    expect(typed('ReefBERT reaches the lowest KMS (0.41), and ReefNet the lowest spread.')).toEqual(['metric:kelp mean spread']);
  });

  it('drives the real extractor end to end', () => {
    const ex = createExtractor(loadLexicon());
    const x = ex.extractPaper(paper('We fine-tune LLaMA-65b with LoRA and evaluate on MMLU and GSM8K.'));
    const names = x.entities.map((e) => `${e.type}:${e.name}`);
    expect(names).toEqual(expect.arrayContaining(['model:LLaMA-65b', 'method:LoRA', 'dataset:MMLU', 'dataset:GSM8K']));
  });
});

describe('prediction lines', () => {
  it('writes the scorer format', () => {
    const ex = createExtractor(loadLexicon());
    const p = paper('We fine-tune GPT-4 on SQuAD.', '', 'x1');
    const line = JSON.parse(toPredictionLine(ex.extractPaper(p))) as ReturnType<typeof toPrediction>;
    expect(line.id).toBe('x1');
    const g = line.entities.find((e) => e.name === 'GPT-4')!;
    expect(g).toMatchObject({ type: 'model', role: 'uses' });
    expect(g.mentions[0]).toEqual({ text: 'GPT-4', start: 13, end: 18, field: 'abstract' });
    expect(typeof g.confidence).toBe('number');
    const lines = extractToPredictions([p, paper('Nothing here.', '', 'x2')], ex);
    expect(lines.map((l) => (JSON.parse(l) as { id: string }).id)).toEqual(['x1', 'x2']);
  });
});

describe('papergraph general-knowledge lists', () => {
  const ex = createExtractor(loadLexicon());
  const typed = (text: string) => ex.extractPaper(paper(text)).entities.map((e) => `${e.type}:${e.name}`);

  it('types continual-learning, optimisation and RL techniques as methods', () => {
    expect(typed('We regularise with elastic weight consolidation (EWC) and train with AdamW under cosine annealing.')).toEqual(
      expect.arrayContaining(['method:EWC', 'method:AdamW', 'method:cosine annealing']),
    );
    expect(typed('The agent is trained with conservative Q-learning and generalized advantage estimation.')).toEqual(
      expect.arrayContaining(['method:conservative Q-learning', 'method:generalized advantage estimation']),
    );
  });

  it('types established problem names as tasks', () => {
    expect(typed('We study video frame interpolation and facial expression recognition.')).toEqual(
      expect.arrayContaining(['task:video frame interpolation', 'task:facial expression recognition']),
    );
  });

  it('types classic benchmarks, models and metrics', () => {
    const names = typed('SRGAN is evaluated on Set5 and Urban100 with PSNR and MS-SSIM, and GraphSAGE on ogbn-arxiv.');
    expect(names).toEqual(expect.arrayContaining(['model:SRGAN', 'dataset:Set5', 'dataset:Urban100', 'metric:MS-SSIM', 'model:GraphSAGE', 'dataset:ogbn-arxiv']));
  });

  it('keeps ordinary-word names case-sensitive', () => {
    // "complex" and "habitat" are English words; ComplEx and Habitat are names only when so spelt
    const names = typed('A complex habitat model. We compare ComplEx with DistMult in Habitat.');
    expect(names).toEqual(expect.arrayContaining(['model:ComplEx', 'model:DistMult', 'dataset:Habitat']));
    expect(names.filter((n) => /complex|habitat/.test(n))).toEqual([]);
  });
});
