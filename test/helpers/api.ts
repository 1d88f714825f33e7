import { loadConfig } from '../../src/config.js';
import type { Database } from '../../src/db/database.js';
import { startServer, type RunningServer } from '../../src/graphql/server.js';
import { defaultExtractor } from '../../src/runtime.js';
import { ingest } from '../../src/ingest/pipeline.js';
import { readSource } from '../../src/ingest/readers.js';
import { expect } from 'vitest';
import { freshDatabase, sampleDatabase } from './db.js';

export const TEST_API_KEY = 'test-key-0123456789abcdef';

export interface GqlResponse<T = any> {
  status: number;
  data?: T;
  errors?: { message: string; extensions?: { code?: string } }[];
}

export async function startTestServer(db: Database, env: Record<string, string> = {}): Promise<RunningServer & { gql: typeof gql }> {
  const config = loadConfig({ PAPERGRAPH_API_KEY: TEST_API_KEY, NODE_ENV: 'test', ...env });
  const server = await startServer({ db, extractor: defaultExtractor(), config }, 0, '127.0.0.1');
  async function gql<T = any>(query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<GqlResponse<T>> {
    const res = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as GqlResponse<T>;
    return { ...body, status: res.status };
  }
  return { ...server, gql };
}

/** A fresh database holding the sample corpus, and a test server on it. */
export async function startSampleApi() {
  const db = await sampleDatabase();
  const server = await startTestServer(db);
  return {
    db,
    server,
    stop: async () => {
      await server.stop();
      await db.close();
    },
  };
}

/**
 * A fresh database holding `file` (every record must be good), a test server on
 * it, and `data(query, variables)`, which fails the test on GraphQL errors.
 */
export async function startApiOn(file: string) {
  const db = await freshDatabase();
  const s = await ingest(readSource(file), { db, extractor: defaultExtractor() });
  expect(s.rejected, JSON.stringify(s.rejections)).toBe(0);
  const server = await startTestServer(db);
  const data = async (query: string, variables: Record<string, unknown> = {}) => {
    const r = await server.gql(query, variables);
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    return r.data;
  };
  return {
    db,
    server,
    data,
    stop: async () => {
      await server.stop();
      await db.close();
    },
  };
}

/** What a connection page must carry for pageForward. */
export interface ForwardPage<E> {
  edges: E[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/**
 * Every page of a connection, forward from the start: `fetch(after)` returns the page after
 * a cursor (null for the first page). Fails if paging does not end within `maxPages`.
 */
export async function pageForward<E, P extends ForwardPage<E>>(fetch: (after: string | null) => Promise<P>, maxPages = 200): Promise<P[]> {
  const pages: P[] = [];
  let after: string | null = null;
  for (let n = 0; n < maxPages; n++) {
    const page: P = await fetch(after);
    pages.push(page);
    if (!page.pageInfo.hasNextPage) return pages;
    after = page.pageInfo.endCursor;
  }
  throw new Error(`paging forward did not end within ${maxPages} pages`);
}
