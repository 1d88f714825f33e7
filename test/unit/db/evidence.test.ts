import { describe, expect, it } from 'vitest';
import { decodeEvidence, encodeEvidence, EvidenceMismatchError, type MentionInput } from '../../../src/db/evidence.js';

const paper = {
  title: '  Frobnicator: fast graphs ',
  abstract: 'We train Frobnicator on QuuxSet. It beats Blarg on QuuxSet. It beats Blarg on QuuxSet. Émile’s 𝒳-Net is slower.',
};

/** A mention as the extractor reports it: its text found in the field from `from` on, and its sentence. */
function mention(field: 'title' | 'abstract', text: string, sentence: string, from = 0): MentionInput {
  const start = paper[field].indexOf(text, from);
  return { text, start, end: start + text.length, field, sentence };
}

describe('evidence stored as offsets into the paper text', () => {
  it('gives back each mention with its text and sentence, in title and abstract', () => {
    const mentions = [
      mention('title', 'Frobnicator', 'Frobnicator: fast graphs'),
      mention('abstract', 'QuuxSet', 'We train Frobnicator on QuuxSet.'),
      mention('abstract', 'Blarg', 'It beats Blarg on QuuxSet.'),
      mention('abstract', '𝒳-Net', 'Émile’s 𝒳-Net is slower.'),
    ];
    const stored = encodeEvidence('p1', paper, mentions);
    expect(stored.every((x) => Number.isInteger(x) && x >= 0)).toBe(true);
    expect(decodeEvidence(stored, paper)).toEqual(mentions.map(({ text, sentence, field, start, end }) => ({ text, sentence, field, start, end })));
  });

  it('finds the copy of a repeated sentence that holds the mention', () => {
    const second = paper.abstract.indexOf('It beats', paper.abstract.indexOf('It beats') + 1);
    const m = mention('abstract', 'Blarg', 'It beats Blarg on QuuxSet.', second);
    const [field, start, end, sentenceStart, sentenceEnd] = encodeEvidence('p1', paper, [m]);
    expect([field, start, end]).toEqual([1, m.start, m.end]);
    expect(sentenceStart).toBe(second);
    expect(paper.abstract.slice(sentenceStart, sentenceEnd)).toBe('It beats Blarg on QuuxSet.');
  });

  it('refuses a mention that is not in the text, naming the paper', () => {
    const quux = mention('abstract', 'QuuxSet', 'We train Frobnicator on QuuxSet.');
    const moved = { ...quux, start: 3, end: 10 };
    expect(() => encodeEvidence('paper-42', paper, [moved])).toThrow(EvidenceMismatchError);
    expect(() => encodeEvidence('paper-42', paper, [moved])).toThrow(/paper "paper-42": mention "QuuxSet" is not at 3-10 of the abstract/);
    const elsewhere = { ...quux, sentence: 'A sentence the abstract does not have.' };
    expect(() => encodeEvidence('paper-42', paper, [elsewhere])).toThrow(/sentence of mention "QuuxSet"/);
  });

  it('reads nothing from a link without offsets', () => {
    expect(decodeEvidence(null, paper)).toEqual([]);
    expect(decodeEvidence([], paper)).toEqual([]);
  });
});
