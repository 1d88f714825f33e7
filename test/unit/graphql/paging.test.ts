import { describe, expect, it } from 'vitest';
import { connection, decodeCursor, encodeCursor, pageRequest, pageSize, seekKey, SORT_KEYS } from '../../../src/graphql/paging.js';

describe('page sizes', () => {
  it('defaults to 20 and refuses more than 100 or negatives', () => {
    expect(pageSize(undefined)).toBe(20);
    expect(pageSize(null, 10)).toBe(10);
    expect(pageSize(100)).toBe(100);
    expect(() => pageSize(101)).toThrow(/between 0 and 100/);
    expect(() => pageSize(-1)).toThrow(/between 0 and 100/);
  });
});

describe('keyset cursors', () => {
  it('round-trip the sort key and id, and only for their own list', () => {
    const c = encodeCursor('papers-TITLE_ASC', ['attention is all you need', 'p1']);
    expect(decodeCursor('papers-TITLE_ASC', c, SORT_KEYS.text)).toEqual(['attention is all you need', 'p1']);
    expect(() => decodeCursor('entities-NAME_ASC', c, SORT_KEYS.text)).toThrow(/not a cursor of this list/);
    expect(() => decodeCursor('papers-TITLE_ASC', 'garbage', SORT_KEYS.text)).toThrow(/not a cursor of this list/);
    expect(decodeCursor('x', null, SORT_KEYS.text)).toBeNull();
  });

  it('refuse tampered cursors: wrong-typed keys, extra parts, bad dates, negative counts', () => {
    const forge = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const bad: [string, unknown, (typeof SORT_KEYS)[keyof typeof SORT_KEYS]][] = [
      ['entities-PAPERS_DESC', ['entities-PAPERS_DESC', 'ten', 'model:x'], SORT_KEYS.count],
      ['entities-PAPERS_DESC', ['entities-PAPERS_DESC', -1, 'model:x'], SORT_KEYS.count],
      ['entities-PAPERS_DESC', ['entities-PAPERS_DESC', 1.5, 'model:x'], SORT_KEYS.count],
      ['papers-TITLE_ASC', ['papers-TITLE_ASC', 7, 'p1'], SORT_KEYS.text],
      ['papers-TITLE_ASC', ['papers-TITLE_ASC', 'a', 7], SORT_KEYS.text],
      ['papers-TITLE_ASC', ['papers-TITLE_ASC', 'a', 'p1', 'extra'], SORT_KEYS.text],
      ['papers-TITLE_ASC', ['papers-TITLE_ASC', 'a', ''], SORT_KEYS.text],
      ['papers-TITLE_ASC', { 0: 'papers-TITLE_ASC', 1: 'a', 2: 'p1' }, SORT_KEYS.text],
      ['papers-PUBLISHED_DESC', ['papers-PUBLISHED_DESC', '2024-02-30', 'p1'], SORT_KEYS.date],
      ['papers-PUBLISHED_DESC', ['papers-PUBLISHED_DESC', 20240101, 'p1'], SORT_KEYS.date],
    ];
    for (const [kind, value, key] of bad) expect(() => decodeCursor(kind, forge(value), key), JSON.stringify(value)).toThrow(/not a cursor of this list/);
    expect(decodeCursor('papers-PUBLISHED_DESC', forge(['papers-PUBLISHED_DESC', '', 'p1']), SORT_KEYS.date)).toEqual(['', 'p1']);
    expect(decodeCursor('papers-PUBLISHED_DESC', forge(['papers-PUBLISHED_DESC', '2024-02-29', 'p1']), SORT_KEYS.date)).toEqual(['2024-02-29', 'p1']);
  });

  it('builds a Relay page from size+1 rows', () => {
    const rows = [1, 2, 3].map((i) => ({ node: i, sortKey: i, id: `id${i}` }));
    const page = connection('k', rows, pageRequest({ first: 2 }), () => 3);
    expect(page.edges.map((e) => e.node)).toEqual([1, 2]);
    expect(page.pageInfo.hasNextPage).toBe(true);
    expect(page.pageInfo.hasPreviousPage).toBe(false);
    expect(decodeCursor('k', page.pageInfo.endCursor, SORT_KEYS.count)).toEqual([2, 'id2']);
    expect(connection('k', rows.slice(0, 2), pageRequest({ first: 2, after: 'x' }), () => 2).pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
  });

  it('builds a backward page from size+1 rows read nearest first, in the list order', () => {
    // Rows before cursor id9, nearest first: 8, 7, 6 (one more than last: 2).
    const rows = [8, 7, 6].map((i) => ({ node: i, sortKey: i, id: `id${i}` }));
    const page = connection('k', rows, pageRequest({ last: 2, before: 'c9' }), () => 9);
    expect(page.edges.map((e) => e.node)).toEqual([7, 8]);
    expect(page.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: true });
    expect(decodeCursor('k', page.pageInfo.startCursor, SORT_KEYS.count, 'before')).toEqual([7, 'id7']);
    // The start of the list: no row beyond the page; the end of the list (no cursor): nothing after it.
    expect(connection('k', rows.slice(0, 2), pageRequest({ last: 2, before: 'c9' }), () => 2).pageInfo.hasPreviousPage).toBe(false);
    expect(connection('k', rows, pageRequest({ last: 2 }), () => 3).pageInfo.hasNextPage).toBe(false);
  });

  it('takes first/after or last/before, not both, and caps last like first', () => {
    expect(pageRequest({})).toEqual({ size: 20, backward: false, cursor: null });
    expect(pageRequest({ before: 'c' })).toEqual({ size: 20, backward: true, cursor: 'c' });
    expect(pageRequest({ last: 5 })).toEqual({ size: 5, backward: true, cursor: null });
    expect(() => pageRequest({ first: 2, last: 2 })).toThrow(/not both/);
    expect(() => pageRequest({ after: 'a', before: 'b' })).toThrow(/not both/);
    expect(() => pageRequest({ last: 101 })).toThrow(/last must be between 0 and 100 \(got 101\)/);
    expect(() => pageRequest({ last: -1 })).toThrow(/last must be between 0 and 100/);
    const cursor = encodeCursor('papers-TITLE_ASC', ['a', 'p1']);
    expect(() => seekKey('entities-NAME_ASC', pageRequest({ before: cursor }), SORT_KEYS.text)).toThrow(/^before: ".*" is not a cursor of this list/);
  });
});
