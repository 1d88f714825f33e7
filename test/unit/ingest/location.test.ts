import { describe, expect, it } from 'vitest';
import { locationSource, recordLocation } from '../../../src/ingest/records.js';

describe('record locations', () => {
  it('name a source and a place, and give the source back', () => {
    expect(recordLocation('papers.jsonl', 12)).toBe('papers.jsonl:12');
    expect(locationSource(recordLocation('papers.jsonl', 12))).toBe('papers.jsonl');
    // A file name may hold colons itself; only the trailing number is the place.
    expect(locationSource(recordLocation('C:/data/a:b.bib', 3))).toBe('C:/data/a:b.bib');
    // A location without a record number (a harvest that failed before its first page) is all source.
    expect(locationSource('https://export.arxiv.org/oai2')).toBe('https://export.arxiv.org/oai2');
  });
});
