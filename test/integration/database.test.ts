// The db module's own behaviour: reads that share a transaction, co-occurrence
// pages read from the kept counts.
import { describe, expect, it } from 'vitest';
import { DbError } from '../../src/db/database.js';
import { cellKey, graphReads, type CellKey } from '../../src/db/graph-reads.js';
import { useSampleDatabase } from '../helpers/db.js';

const db = useSampleDatabase();

describe('shared read transactions', () => {
  it('answer reads requested together as they are answered alone', async () => {
    const reads = graphReads(db);
    const alone = [await reads.search('language model', 5), await reads.search('diffusion', 5), await reads.search('zzzunknownzzz', 5)];
    const together = await Promise.all([reads.search('language model', 5), reads.search('diffusion', 5), reads.search('zzzunknownzzz', 5)]);
    expect(together).toEqual(alone);
    expect(alone.map((rows) => rows.length)).toEqual([5, 5, 0]);
  });

  it('fail only the read that is wrong when reads are requested together', async () => {
    const reads = graphReads(db);
    const seen: string[] = [];
    const stop = db.onStatement((name) => seen.push(name));
    const [good, bad, other] = await Promise.allSettled([reads.search('transformer', 3), reads.search('title:(unbalanced', 3), reads.ping()]);
    stop();
    expect(good.status).toBe('fulfilled');
    expect((good as PromiseFulfilledResult<unknown[]>).value.length).toBe(3);
    expect(other.status).toBe('fulfilled');
    expect(bad.status).toBe('rejected');
    const err = (bad as PromiseRejectedResult).reason as DbError;
    expect(err).toBeInstanceOf(DbError);
    expect(err.kind).toBe('query-syntax');
    // The three ran together first, then each alone after the shared transaction failed.
    expect(seen.filter((n) => n === 'read/search').length).toBe(4);
  });

  it('run again alone, not as one unit, after one statement of the transaction fails', async () => {
    const reads = graphReads(db);
    const searchAlone = await reads.search('transformer', 3);
    const noFilter = { allIds: [], anyIds: [], role: null, text: null, from: null, to: null };
    const ids = (await reads.papersPage('PUBLISHED_DESC', noFilter, null, 3)).map((r) => r.paper.id);
    const papersAlone = await reads.papersById(ids);
    expect(papersAlone.size).toBe(3);
    const seen: string[] = [];
    const stop = db.onStatement((name) => seen.push(name));
    const [good, bad, papers] = await Promise.allSettled([reads.search('transformer', 3), reads.search('title:(unbalanced', 3), reads.papersById(ids)]);
    stop();
    // The neighbours of the bad statement answer exactly what they answer alone.
    expect(good).toEqual({ status: 'fulfilled', value: searchAlone });
    expect(papers).toEqual({ status: 'fulfilled', value: papersAlone });
    expect(((bad as PromiseRejectedResult).reason as DbError).kind).toBe('query-syntax');
    // One shared transaction (a client error is not retryable, so the driver
    // ran it once), then each statement once alone: nothing ran as a unit again.
    expect(seen).toEqual(['read/search', 'read/search', 'read/papers-by-ids', 'read/search', 'read/search', 'read/papers-by-ids']);
    // The bad statement fails alone too, every time: a unit retry could not have succeeded.
    for (let i = 0; i < 2; i++) await expect(reads.search('title:(unbalanced', 3)).rejects.toMatchObject({ kind: 'query-syntax' });
  });
});

describe('co-occurrence pages', () => {
  it('walk the kept counts in the table\'s order, each page after the last cell of the one before', async () => {
    const reads = graphReads(db);
    const whole = (await reads.cooccurrence('method', 'dataset', 1, 100, null)).map(cellKey);
    expect(whole.length).toBeGreaterThan(10);
    for (const size of [4, 1]) {
      const paged: CellKey[] = [];
      let after: CellKey | null = null;
      while (paged.length <= whole.length) {
        const page: CellKey[] = (await reads.cooccurrence('method', 'dataset', 1, size, after)).map(cellKey);
        if (page.length === 0) break;
        paged.push(...page);
        after = page.at(-1)!;
      }
      expect(paged.slice(0, whole.length)).toEqual(whole);
    }
  });
});
