import { describe, expect, it } from 'vitest';
import { isNameShaped, isStopName, morphType, variantBases } from '../../../src/extract/shapes.js';
import { headType } from '../../../src/extract/heads.js';

describe('shape rules', () => {
  it('recognises CamelCase, inner capitals, digits and versions', () => {
    for (const w of ['YOLOv9', 'GPT-4', 'LLaMA', 'ResNet-50', 'BERT_BASE', 'word2vec', 'SimpleNet', 'S4', 'SELF-ALIGN'])
      expect(isNameShaped(w), w).toBe(true);
  });

  it('takes a name that opens with digits, not a dimension, resolution or size', () => {
    for (const w of ['3DQuill', '2KelpBench', '4DFLOW']) expect(isNameShaped(w), w).toBe(true);
    for (const w of ['3D', '4K', '6DoF', '1080p', '10Mb', '3Dquill']) expect(isNameShaped(w), w).toBe(false);
  });

  it('tells a reference to a part of the paper from a name that starts like one', () => {
    for (const w of ['Section 3', 'Fig. 2b', 'Appendix A', 'Appendix B.1', 'Table 1', 'Step-2']) expect(isStopName(w), w).toBe(true);
    for (const w of ['TabSkiff', 'PartReed', 'StepKelp', 'FigureQuill']) expect(isStopName(w), w).toBe(false);
  });

  it('stops mathematical objects named after people ("many Gaussians", "bounds the Hessian"), not names built on them', () => {
    for (const w of ['Gaussian', 'Gaussians', 'Laplacian', 'Hessian', 'Jacobians']) expect(isStopName(w), w).toBe(true);
    for (const w of ['KelpGaussian', 'Gaussian Kelp Splatting']) expect(isStopName(w), w).toBe(false);
  });

  it('rejects title-cased words, generic acronyms and roman numerals', () => {
    for (const w of ['Pre-Trained', 'However', 'AI', 'LLMs', 'GPU', 'III', 'data-driven', 'v2', 'github.com/x'])
      expect(isNameShaped(w), w).toBe(false);
  });

  it('reduces sized, tiered and versioned variants to their bases', () => {
    expect(variantBases('LLaMA-65b')).toEqual(['LLaMA']);
    expect(variantBases('BERT_BASE')).toEqual(['BERT']);
    expect(variantBases('Qwen-1.5 72B')).toEqual(['Qwen-1.5', 'Qwen']);
    expect(variantBases('YOLOv9')).toEqual(['YOLO']);
    expect(variantBases('ImageNet-R')).toEqual(['ImageNet']);
    // a vision backbone's size and patch: one trained network of its family
    expect(variantBases('Kelpyard-L/14')).toEqual(['Kelpyard']);
    expect(morphType('Kelpyard-B/16')).toBe('model');
  });

  it('reads the type a name spells', () => {
    expect(morphType('FooNet')).toBe('model');
    expect(morphType('TinyBERT')).toBe('model');
    expect(morphType('MathQA')).toBe('dataset');
    expect(morphType('CodeBench')).toBe('dataset');
    expect(morphType('pass@10')).toBe('metric');
    expect(morphType('SELF-ALIGN')).toBeNull();
  });
});

describe('head nouns', () => {
  it('type a head noun in any case, and only the words listed (no property of a plain object: "constructor")', () => {
    expect(headType('Datasets')).toBe('dataset');
    expect(headType('benchmark')).toBe('dataset');
    expect(headType('retrievers')).toBe('model');
    for (const w of ['constructor', 'toString', 'hasOwnProperty', '__proto__', 'valueOf']) expect(headType(w), w).toBeNull();
  });
});
