import { describe, expect, it } from 'vitest';
import { bareArxivId, validatePaper } from '../../../src/ingest/validate.js';

describe('validatePaper', () => {
  it.each([
    [{ title: ['T'], abstract: 'A' }, 'title must be a string'],
    [{ title: 'T', abstract: { text: 'A' } }, 'abstract must be a string'],
    [{ title: 'T', abstract: 'A', id: true }, 'id must be a string or an integer'],
    [{ title: 'T', abstract: 'A', url: 5 }, 'url must be a string'],
    [{ title: 'T', abstract: 'A', authors: { name: 'X' } }, 'authors must be a list of strings'],
    [{ title: 'T', abstract: 'A', published: '05/04/2023' }, 'published "05/04/2023" is not a YYYY-MM-DD date'],
    [{ abstract: '' }, 'title is missing; abstract is empty'],
    [{ title: '\u0007\u0000', abstract: 'A' }, 'title is empty'],
    [{ title: 'T', abstract: 'x'.repeat(20_001) }, 'abstract is longer than 20000 characters'],
    ['just a string', 'record is not a JSON object'],
    [null, 'record is not a JSON object'],
  ])('rejects %j: %s', (raw, reason) => {
    expect(validatePaper(raw)).toEqual({ error: reason });
  });

  it('normalises what it keeps: integer id, author string, arXiv id, URL untouched by prose cleaning', () => {
    expect(
      validatePaper({
        id: 42,
        title: ' T ',
        abstract: 'A',
        authors: 'Ann Lee, Bo Chen and Cy Diaz',
        arxiv_id: 'arXiv:2305.03047v2',
        url: 'https://example.org/~lab/paper_1.pdf',
      }),
    ).toEqual({
      paper: { id: '42', title: 'T', abstract: 'A', authors: ['Ann Lee', 'Bo Chen', 'Cy Diaz'], arxivId: '2305.03047', url: 'https://example.org/~lab/paper_1.pdf' },
    });
  });
});

describe('bareArxivId', () => {
  it.each([
    ['2305.03047', '2305.03047'],
    ['2305.03047v2', '2305.03047'],
    ['arXiv:2305.03047v12', '2305.03047'],
    ['http://arxiv.org/abs/2305.03047v2', '2305.03047'],
    ['https://arxiv.org/pdf/2305.03047v1.pdf', '2305.03047'],
    ['http://arxiv.org/abs/hep-th/9901001v1', 'hep-th/9901001'],
    ['cs/0301007', 'cs/0301007'],
    ['0704.0001', '0704.0001'],
    ['not-an-arxiv-id', 'not-an-arxiv-id'],
  ])('%s -> %s', (raw, bare) => {
    expect(bareArxivId(raw)).toBe(bare);
  });
});
