// Page sizes and opaque keyset cursors. A cursor encodes the row's sort key
// and id, so a page stays correct while papers are added before it.
import { z } from 'zod';
import { badInput } from './errors.js';

export const DEFAULT_PAGE = 20;
export const MAX_PAGE = 100;

export function pageSize(first: number | null | undefined, fallback = DEFAULT_PAGE, arg = 'first'): number {
  if (first === null || first === undefined) return fallback;
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE) {
    throw badInput(`${arg} must be between 0 and ${MAX_PAGE} (got ${first})`);
  }
  return first;
}

/** A connection's Relay paging arguments. */
export interface PagingArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

/**
 * Which page to read: `size` rows after the cursor's row (forward), or the
 * `size` rows just before it (backward; no cursor: the end of the list).
 */
export interface PageRequest {
  size: number;
  backward: boolean;
  cursor: string | null;
}

export function pageRequest(args: PagingArgs): PageRequest {
  const backward = args.last != null || args.before != null;
  if (backward && (args.first != null || args.after != null)) {
    throw badInput('page forward with first/after or backward with last/before, not both at once');
  }
  return backward
    ? { size: pageSize(args.last, DEFAULT_PAGE, 'last'), backward, cursor: args.before ?? null }
    : { size: pageSize(args.first), backward, cursor: args.after ?? null };
}

export type SortKey = [string | number, string];

export function encodeCursor(kind: string, key: SortKey): string {
  return Buffer.from(JSON.stringify([kind, ...key])).toString('base64url');
}

/** True for a real calendar date written YYYY-MM-DD (Date.parse alone accepts 2024-02-30). */
export function isCalendarDate(value: string): boolean {
  const t = /^\d{4}-\d{2}-\d{2}$/.test(value) ? Date.parse(value) : NaN;
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === value;
}

/**
 * A date argument: null when not given, else a real calendar date, or the
 * client's error naming the argument. The schema's `Date` scalar parses
 * nothing itself, on purpose: graphql-js reports a scalar's refusal of an
 * inline value with the scalar's message alone, without the argument's name
 * (tried), where this check names it; and PaperInput.published, a Date too,
 * also takes a year or a year-month, which ingest checks per record, so that
 * one bad record is refused, not the whole request.
 */
export function dateArg(value: string | null | undefined, arg: string): string | null {
  if (value == null) return null;
  if (!isCalendarDate(value)) throw badInput(`${arg} must be a YYYY-MM-DD date`);
  return value;
}

/**
 * What each list's sort key is. A cursor whose key has another type would
 * reach Cypher as a comparison that silently matches nothing (a string against
 * a count) or fails in Neo4j.
 */
export const SORT_KEYS = {
  /** Lower-cased titles and names (titles are at most 1,000 characters). */
  text: z.string().max(2_000),
  /** Paper counts. */
  count: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  /** Publication dates, '' for papers without one (they sort last). */
  date: z.union([z.literal(''), z.string().refine(isCalendarDate)]),
} as const;

/** Ids in cursors: paper ids, entity ids, or a cell's "rowId columnId". */
const CURSOR_ID = z.string().min(1).max(1_000);

/** The [sortKey, id] in a cursor made for this kind of list, or a clear error naming the argument. */
export function decodeCursor(kind: string, cursor: string | null | undefined, key: z.ZodType<string | number>, arg = 'after'): SortKey | null {
  if (cursor === null || cursor === undefined) return null;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    value = undefined;
  }
  const parsed = z.tuple([z.literal(kind), key, CURSOR_ID]).safeParse(value);
  if (parsed.success) return [parsed.data[1], parsed.data[2]];
  throw badInput(`${arg}: "${cursor.slice(0, 40)}" is not a cursor of this list`);
}

/** The page's cursor, decoded (see decodeCursor). */
export const seekKey = (kind: string, page: PageRequest, key: z.ZodType<string | number>) =>
  decodeCursor(kind, page.cursor, key, page.backward ? 'before' : 'after');

/**
 * Builds a Relay connection from rows fetched with limit = size + 1, in read
 * order: the list's order forward, nearest-to-the-cursor first backward. The
 * extra row tells whether more rows lie beyond the page in the direction read
 * (exact); the other direction has rows when a cursor was given (the cursor's
 * own row at least).
 */
export function connection<T>(
  kind: string,
  rows: { node: T; sortKey: string | number; id: string }[],
  page: PageRequest,
  totalCount: () => Promise<number> | number,
) {
  const more = rows.length > page.size;
  const kept = rows.slice(0, page.size);
  if (page.backward) kept.reverse();
  const edges = kept.map((r) => ({ cursor: encodeCursor(kind, [r.sortKey, r.id]), node: r.node }));
  const fromCursor = page.cursor !== null;
  return {
    edges,
    pageInfo: {
      hasNextPage: page.backward ? fromCursor : more,
      hasPreviousPage: page.backward ? more : fromCursor,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount,
  };
}
