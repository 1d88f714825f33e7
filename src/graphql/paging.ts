// Page sizes and opaque keyset cursors. A cursor encodes the row's sort key
// and id, so a page stays correct while papers are added before it.
import { badInput } from './errors.js';

export const DEFAULT_PAGE = 20;
export const MAX_PAGE = 100;

export function pageSize(first: number | null | undefined, fallback = DEFAULT_PAGE): number {
  if (first === null || first === undefined) return fallback;
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE) {
    throw badInput(`first must be between 0 and ${MAX_PAGE} (got ${first})`);
  }
  return first;
}

export type SortKey = [string | number, string];

export function encodeCursor(kind: string, key: SortKey): string {
  return Buffer.from(JSON.stringify([kind, ...key])).toString('base64url');
}

/** The [sortKey, id] in a cursor made for this kind of list, or a clear error. */
export function decodeCursor(kind: string, cursor: string | null | undefined): SortKey | null {
  if (cursor === null || cursor === undefined) return null;
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 3 && value[0] === kind && typeof value[2] === 'string' && ['string', 'number'].includes(typeof value[1])) {
      return [value[1], value[2]];
    }
  } catch {
    // falls through to the error below
  }
  throw badInput(`after: "${cursor.slice(0, 40)}" is not a cursor of this list`);
}

/** Builds a Relay connection from rows fetched with limit = size + 1. */
export function connection<T>(
  kind: string,
  rows: { node: T; sortKey: string | number; id: string }[],
  size: number,
  after: string | null | undefined,
  totalCount: () => Promise<number> | number,
) {
  const page = rows.slice(0, size);
  const edges = page.map((r) => ({ cursor: encodeCursor(kind, [r.sortKey, r.id]), node: r.node }));
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > size,
      hasPreviousPage: Boolean(after),
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount,
  };
}
