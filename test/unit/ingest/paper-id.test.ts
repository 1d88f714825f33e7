import { describe, expect, it } from 'vitest';
import { contentHash, paperId } from '../../../src/ingest/paper-id.js';

describe('paper ids', () => {
  it('uses the explicit id when given', () => {
    expect(paperId({ id: ' 2305.03047 ', title: 'Anything' })).toBe('2305.03047');
  });

  it('derives a stable, readable id from the normalised title', () => {
    const a = paperId({ title: 'ViNT: A Foundation Model for Visual Navigation' });
    expect(a).toMatch(/^vint-a-foundation-model-for-visual-navigation-[0-9a-f]{10}$/);
    expect(paperId({ title: 'ViNT:  a foundation model for visual-navigation' })).toBe(a);
    expect(paperId({ title: 'ViNT: A Foundation Model for Visual Navigation 2' })).not.toBe(a);
  });

  it('changes the content hash when any stored field changes', () => {
    const base = { title: 'T', abstract: 'A' };
    expect(contentHash(base)).toBe(contentHash({ ...base }));
    expect(contentHash({ ...base, abstract: 'B' })).not.toBe(contentHash(base));
    expect(contentHash({ ...base, url: 'https://x' })).not.toBe(contentHash(base));
  });
});
