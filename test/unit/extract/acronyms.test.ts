import { describe, expect, it } from 'vitest';
import { bestLongFormStart, findDefinitions, isShortFormCandidate } from '../../../src/extract/acronyms.js';

describe('Schwartz–Hearst acronym definitions', () => {
  it('finds `long form (SF)` and trims the long form to the first matching word', () => {
    const s = 'Agents are tuned with reinforcement learning from human feedback (RLHF) at scale.';
    const [d] = findDefinitions(s);
    expect(d?.short).toBe('RLHF');
    expect(d?.long).toBe('reinforcement learning from human feedback');
    expect(s.slice(d!.longStart, d!.longEnd)).toBe(d!.long);
    expect(s.slice(d!.shortStart, d!.shortEnd)).toBe('RLHF');
  });

  it('drops leading words the short form does not need', () => {
    const [d] = findDefinitions('We study the problem of optical character recognition (OCR) in scans.');
    expect(d?.long).toBe('optical character recognition');
  });

  it('requires the first short-form letter at a word start', () => {
    // "X" never starts a word before the parenthesis: no definition.
    expect(findDefinitions('We use a strong baseline method (XBM) here.')).toEqual([]);
    expect(bestLongFormStart('HMM', 'hidden Markov model')).toBe(0);
  });

  it('prefers capitalised words that spell the short form by their initials to an inner-letter match', () => {
    // the shortest match would take the "p" inside "Repair" and give "Pier Repair"
    const [d] = findDefinitions('A Pebble Pier Repair (PPR) step resets channels.');
    expect(d?.long).toBe('Pebble Pier Repair');
    // lower-case words keep the paper's rule
    expect(findDefinitions('We use pebble pier repair (PPR) here.')[0]?.long).toBe('pier repair');
  });

  it('never takes an article for the first initial ("a reef tagging (ART) model")', () => {
    expect(findDefinitions('Kelpo is a 2B-parameter multilingual reef tagging (ART) model.')).toEqual([]);
    expect(findDefinitions('Kelpo is an automatic reef tagging (ART) model.')[0]?.long).toBe('automatic reef tagging');
  });

  it('finds `SF (long form)` when the parenthesis holds several words', () => {
    const [d] = findDefinitions('We call it ADAM (ADapt And Merge) in what follows.');
    expect(d?.short).toBe('ADAM');
    expect(d?.long).toBe('ADapt And Merge');
  });

  it('reads a digit after a letter as repetition (T3, S3T)', () => {
    const [d] = findDefinitions('We train Stacked Sparse Samplers (S3) on many sensors.');
    expect(d?.short).toBe('S3');
    expect(d?.long).toBe('Stacked Sparse Samplers');
  });

  it('lets a long form start with a dimension word the short form spells ("3D", "2D")', () => {
    const [d] = findDefinitions('We propose 3D Kelp Mesh Fitting (3DKMF) for reef scans.');
    expect(d?.short).toBe('3DKMF');
    expect(d?.long).toBe('3D Kelp Mesh Fitting');
    expect(findDefinitions('We add 2D reef position codes (2D-RPC) to the encoder.')[0]?.long).toBe('2D reef position codes');
    expect(findDefinitions('It is bounded by the 2-hop kelp walk (2-KW) test.')[0]?.long).toBe('2-hop kelp walk');
    // a year or a count before the name is no part of it
    expect(findDefinitions('Results in 2019 Kelp Mesh (2KM) were strong.')).toEqual([]);
    expect(findDefinitions('We collect 500 Kelp Mesh Scans (KMS) in total.')[0]?.long).toBe('Kelp Mesh Scans');
  });

  it('accepts a spelled-out name after `dubbed`', () => {
    const [d] = findDefinitions('We propose QUIP, dubbed Quick Unified Instruction Prompting, for agents.');
    expect(d?.short).toBe('QUIP');
    expect(d?.long).toBe('Quick Unified Instruction Prompting');
  });

  it('ignores glosses and e.g. parentheses', () => {
    expect(isShortFormCandidate('e.g.')).toBe(false);
    expect(isShortFormCandidate('roughly')).toBe(false);
    expect(findDefinitions('Large models (e.g., BERT) are costly.')).toEqual([]);
    expect(findDefinitions('It improves accuracy (see below).')).toEqual([]);
  });
});
