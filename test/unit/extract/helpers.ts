// A small hand-made lexicon so the rule tests do not depend on the gazetteer files.
import { expect } from 'vitest';
import type { Lexicon, LexiconEntry, PaperText, PaperExtraction, ExtractedEntity } from '../../../src/extract/types.js';

const e = (type: LexiconEntry['type'], name: string, aliases: string[] = [], family?: string): LexiconEntry =>
  family ? { type, name, aliases, family } : { type, name, aliases };

export const TINY_LEXICON: Lexicon = {
  entries: [
    e('model', 'LLaMA'),
    e('model', 'GPT-4', [], 'GPT'),
    e('model', 'GPT'),
    e('model', 'BERT'),
    e('model', 'ResNet'),
    e('model', 'ResNet-50', [], 'ResNet'),
    e('model', 'Alpaca'),
    e('dataset', 'CIFAR-100'),
    e('dataset', 'CIFAR-10'),
    e('dataset', 'ImageNet'),
    e('dataset', 'GLUE', ['General Language Understanding Evaluation']),
    e('method', 'RLHF', ['reinforcement learning from human feedback']),
    e('method', 'LoRA', ['low-rank adaptation']),
    e('method', 'knowledge distillation'),
    e('method', 'fine-tuning', ['finetuning']),
    e('method', 'dropout'),
    e('method', 'prompt tuning'),
    e('task', 'image classification'),
    e('task', 'continual learning'),
    e('metric', 'accuracy'),
  ],
};

/** The tiny lexicon with more entries of one type (invented names the test needs the list to know). */
export const withEntry = (type: LexiconEntry['type'], ...names: string[]): Lexicon => ({ entries: [...TINY_LEXICON.entries, ...names.map((name) => e(type, name))] });

export const paper = (abstract: string, title = '', id = 'p1'): PaperText => ({ id, title, abstract });

export function find(x: PaperExtraction, name: string): ExtractedEntity | undefined {
  return x.entities.find((en) => en.name === name);
}

/** Every mention's offsets reproduce its text, and its sentence holds it. */
export function assertOffsets(p: PaperText, x: PaperExtraction): void {
  for (const en of x.entities) {
    for (const m of en.mentions) {
      const field = m.field === 'title' ? p.title : p.abstract;
      if (field.slice(m.start, m.end) !== m.text) throw new Error(`bad offsets for ${m.text}`);
      if (!m.sentence.includes(m.text)) throw new Error(`sentence lacks ${m.text}`);
      if (!field.includes(m.sentence)) throw new Error(`sentence not verbatim: ${m.sentence}`);
    }
  }
}

/** Each named entity is of `type` and links to `family` (a variant of a listed name). */
export function expectVariants(x: PaperExtraction, names: string[], type: ExtractedEntity['type'], family: string): void {
  for (const name of names) {
    expect(find(x, name)?.type, name).toBe(type);
    expect(find(x, name)?.family, name).toBe(family);
  }
}
