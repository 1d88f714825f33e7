import { describe, expect, it } from 'vitest';
import { connection, decodeCursor, encodeCursor, pageSize } from '../../../src/graphql/paging.js';

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
    expect(decodeCursor('papers-TITLE_ASC', c)).toEqual(['attention is all you need', 'p1']);
    expect(() => decodeCursor('entities-NAME_ASC', c)).toThrow(/not a cursor of this list/);
    expect(() => decodeCursor('papers-TITLE_ASC', 'garbage')).toThrow(/not a cursor of this list/);
    expect(decodeCursor('x', null)).toBeNull();
  });

  it('builds a Relay page from size+1 rows', () => {
    const rows = [1, 2, 3].map((i) => ({ node: i, sortKey: i, id: `id${i}` }));
    const page = connection('k', rows, 2, null, () => 3);
    expect(page.edges.map((e) => e.node)).toEqual([1, 2]);
    expect(page.pageInfo.hasNextPage).toBe(true);
    expect(page.pageInfo.hasPreviousPage).toBe(false);
    expect(decodeCursor('k', page.pageInfo.endCursor)).toEqual([2, 'id2']);
    expect(connection('k', rows.slice(0, 2), 2, 'x', () => 2).pageInfo.hasNextPage).toBe(false);
  });
});
