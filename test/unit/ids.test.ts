import { describe, expect, it } from 'vitest';
import { conformingPaperId, isEntityId, MAX_PAPER_ID, paperIdProblem } from '../../src/ids.js';
import { paperId } from '../../src/ingest/paper-id.js';
import { validatePaper } from '../../src/ingest/validate.js';

describe('id policy', () => {
  it.each([
    '2305.03047',
    'hep-th/9901001',
    'math.AG/0101001',
    'openalex:W2194775991',
    's2:649def34f8be52c8b66281af98ae884c09aef38b',
    'corpus:2154',
    'hu2021lora',
    'vint-a-foundation-model-for-visual-navigation-1a2b3c4d5e',
    'Müller_2020+v2',
    'modeling:x',
    'x'.repeat(MAX_PAPER_ID),
  ])('keeps %s', (id) => {
    expect(paperIdProblem(id)).toBeUndefined();
  });

  it.each([
    ['method:lora', /starts with "method:", which is reserved for entity ids/],
    ['Dataset:imagenet', /starts with "Dataset:", which is reserved for entity ids/],
    ['a/b?c#d', /contains "\?"/],
    ['my paper', /contains a space/],
    ['x'.repeat(5000), /longer than 256 characters \(5000\)/],
    ['50%', /contains "%"/],
  ])('refuses %s', (id, problem) => {
    expect(paperIdProblem(id)).toMatch(problem);
  });

  it('tells entity ids by their prefix, as Query.node routes', () => {
    expect(isEntityId('model:llama65b')).toBe(true);
    expect(isEntityId('metric:bleu')).toBe(true);
    expect(isEntityId('openalex:W1')).toBe(false);
    expect(isEntityId('2305.03047')).toBe(false);
  });

  it('derived ids keep the policy, whatever the title', () => {
    for (const title of ['ViNT: A Foundation Model for Visual Navigation?', 'Method: LoRA #1', '!!!', '深度学习 综述', 'x'.repeat(900)]) {
      expect(paperIdProblem(paperId({ title })), title).toBeUndefined();
    }
  });

  it('renames an off-policy id to a policy-keeping, distinct, stable one', () => {
    const olds = ['method:lora', 'a/b?c#d', 'x'.repeat(5000), 'x'.repeat(5001), 'method-lora', '???', 'my paper'];
    const news = olds.map(conformingPaperId);
    for (const id of news) expect(paperIdProblem(id), id).toBeUndefined();
    expect(new Set(news).size).toBe(olds.length);
    expect(news[0]).toMatch(/^method-lora-[0-9a-f]{10}$/);
    expect(news[1]).toMatch(/^a\/b-c-d-[0-9a-f]{10}$/);
    expect(conformingPaperId('method:lora')).toBe(news[0]);
  });

  it('is what validatePaper applies (every reader, the CLI and the mutation go through it)', () => {
    expect(validatePaper({ id: 'method:lora', title: 'T', abstract: 'A' })).toEqual({ error: expect.stringMatching(/reserved for entity ids/) });
    expect(validatePaper({ id: 'a/b?c#d', title: 'T', abstract: 'A' })).toEqual({ error: expect.stringMatching(/contains "\?"/) });
    expect(validatePaper({ id: ' 2305.03047 ', title: 'T', abstract: 'A' })).toEqual({ paper: { id: '2305.03047', title: 'T', abstract: 'A' } });
  });
});
