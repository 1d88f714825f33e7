// The path past one machine, on the suite's real Neo4j: the API through a
// routing URI (neo4j://), as it would connect to a cluster or Aura, and two API
// instances (each its own driver and server, as two processes behind a load
// balancer) on one database: a write through one is read through the other,
// with the bookmark the mutation returned, and a table one instance keeps is
// not served stale after the other wrote.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { Database } from '../../src/db/database.js';
import { BOOKMARK_HEADER } from '../../src/graphql/bookmarks.js';
import { ingest } from '../../src/ingest/pipeline.js';
import { readSource } from '../../src/ingest/readers.js';
import type { SourceRecord } from '../../src/ingest/records.js';
import { projectPath } from '../../src/paths.js';
import { defaultExtractor } from '../../src/runtime.js';
import { startTestServer, TEST_API_KEY } from '../helpers/api.js';
import { freshDatabase, query } from '../helpers/db.js';

type Server = Awaited<ReturnType<typeof startTestServer>>;

/** The suite's Neo4j under the routing scheme (bolt://h:p -> neo4j://h:p, bolt+s -> neo4j+s). */
function routingUri(uri: string): string {
  return uri.replace(/^bolt(\+s|\+ssc)?:\/\//, 'neo4j$1://');
}

function openDatabase(uri: string): Database {
  const t = inject('neo4j');
  return new Database({ uri, user: t.user, password: t.password, database: t.database });
}

/** A POST to the server, with the response's headers (the test helper's gql drops them). */
async function post(server: Server, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  const res = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
  return { status: res.status, headers: res.headers, body: (await res.json()) as { data?: any; errors?: { message: string; extensions?: { code?: string } }[] } };
}

const INGEST = `mutation($papers: [PaperInput!]!) { ingestPapers(papers: $papers) { ingested errors { index message } ids } }`;
const PAPER = `query($id: ID!) { paper(id: $id) { id title entities { entity { id } } } }`;
const COUNT = `{ papers { totalCount } }`;
const TABLE = `{ cooccurrence(rows: METHOD, columns: TASK, first: 50) { row { id } column { id } papers } }`;

async function sampleRecords(): Promise<SourceRecord[]> {
  const records: SourceRecord[] = [];
  for await (const r of readSource(projectPath('data', 'hf-papers.txt'))) if (r.paper) records.push(r);
  return records;
}

async function* each<T>(xs: T[]) {
  yield* xs;
}

describe('a routing URI (neo4j://) on one server', () => {
  let db: Database;
  let server: Server;
  beforeAll(async () => {
    await (await freshDatabase()).close();
    db = openDatabase(routingUri(inject('neo4j').uri));
    server = await startTestServer(db);
  });
  afterAll(async () => {
    await server?.stop();
    await db?.close();
  });

  it('is answered: the server gives a routing table naming itself as router, reader and writer', async () => {
    expect(routingUri(inject('neo4j').uri)).toMatch(/^neo4j(\+s|\+ssc)?:\/\//);
    const [table] = await query(db, "CALL dbms.routing.getRoutingTable({}, $db) YIELD servers RETURN servers", { db: db.database });
    const roles = (table!.servers as { role: string; addresses: string[] }[]).map((s) => s.role).sort();
    expect(roles).toEqual(['READ', 'ROUTE', 'WRITE']);
    for (const s of table!.servers as { addresses: string[] }[]) expect(s.addresses.length).toBeGreaterThan(0);
  });

  it('serves the API: a mutation written through the writer, then read through the reader', async () => {
    const papers = (await sampleRecords()).slice(0, 3).map((r) => ({ title: r.paper!.title, abstract: r.paper!.abstract }));
    const w = await post(server, INGEST, { papers }, { authorization: `Bearer ${TEST_API_KEY}` });
    expect(w.body.errors).toBeUndefined();
    expect(w.body.data.ingestPapers.ingested).toBe(3);
    for (const id of w.body.data.ingestPapers.ids) {
      const r = await post(server, PAPER, { id });
      expect(r.body.errors).toBeUndefined();
      expect(r.body.data.paper.id).toBe(id);
    }
    expect((await post(server, COUNT)).body.data.papers.totalCount).toBe(3);
  });
});

describe('two API instances on one database', () => {
  let a: { db: Database; server: Server };
  let b: { db: Database; server: Server };
  let later: SourceRecord[];
  const uri = inject('neo4j').uri;

  beforeAll(async () => {
    const records = await sampleRecords();
    const setup = await freshDatabase();
    // Most of the sample first (the CLI's path); the last 30 papers go through instance A's mutation below.
    await ingest(each(records.slice(0, -30)), { db: setup, extractor: defaultExtractor() });
    await setup.close();
    later = records.slice(-30);
    for (const which of ['a', 'b'] as const) {
      const db = openDatabase(uri);
      const server = await startTestServer(db);
      if (which === 'a') a = { db, server };
      else b = { db, server };
    }
  });
  afterAll(async () => {
    for (const x of [a, b]) {
      await x?.server.stop();
      await x?.db.close();
    }
  });

  it('read what the other wrote, consistently, and a kept co-occurrence table is not served stale', async () => {
    const before = await post(b.server, TABLE);
    expect(before.body.errors).toBeUndefined();
    // Asked twice: B keeps the table (if it keeps any) after this.
    expect((await post(b.server, TABLE)).body.data).toEqual(before.body.data);
    const countBefore = (await post(b.server, COUNT)).body.data.papers.totalCount as number;

    const papers = later.map(({ paper: p }) => ({ title: p!.title, abstract: p!.abstract, ...(p!.published ? { published: p!.published } : {}) }));
    const w = await post(a.server, INGEST, { papers }, { authorization: `Bearer ${TEST_API_KEY}` });
    expect(w.body.errors).toBeUndefined();
    expect(w.body.data.ingestPapers.ingested).toBe(30);
    const bookmark = w.headers.get(BOOKMARK_HEADER);
    expect(bookmark, 'the mutation response carries its bookmark').toMatch(/^[A-Za-z0-9+/=:_-]+(,[A-Za-z0-9+/=:_-]+)*$/);

    // Through B, with A's bookmark: every paper A wrote, with its entities.
    const ids = w.body.data.ingestPapers.ids as string[];
    for (const id of ids) {
      const r = await post(b.server, PAPER, { id }, { [BOOKMARK_HEADER]: bookmark! });
      expect(r.body.errors).toBeUndefined();
      expect(r.body.data.paper?.id).toBe(id);
    }
    expect((await post(b.server, COUNT, {}, { [BOOKMARK_HEADER]: bookmark! })).body.data.papers.totalCount).toBe(countBefore + 30);
    // The same through A, which wrote them.
    expect((await post(a.server, COUNT)).body.data.papers.totalCount).toBe(countBefore + 30);

    // B's table now is the one a third instance, which never kept anything, computes; and the write changed it.
    const after = await post(b.server, TABLE);
    const c = openDatabase(uri);
    const cServer = await startTestServer(c);
    try {
      const fresh = await post(cServer, TABLE);
      expect(fresh.body.errors).toBeUndefined();
      expect(after.body.data).toEqual(fresh.body.data);
      expect(after.body.data).not.toEqual(before.body.data);
    } finally {
      await cServer.stop();
      await c.close();
    }
  });

  it('a bookmark costs one round trip: the request runs the same statements plus one catch-up read', async () => {
    const w = await post(a.server, INGEST, { papers: [{ title: 'Bookmarks across instances', abstract: 'We propose CausalNet and evaluate it on ImageNet.' }] }, { authorization: `Bearer ${TEST_API_KEY}` });
    const bookmark = w.headers.get(BOOKMARK_HEADER)!;
    const id = w.body.data.ingestPapers.ids[0] as string;
    const run = async (headers: Record<string, string>) => {
      const seen: string[] = [];
      const stop = b.db.onStatement((name) => seen.push(name));
      const r = await post(b.server, PAPER, { id }, headers);
      stop();
      expect(r.body.errors).toBeUndefined();
      expect(r.body.data.paper.title).toBe('Bookmarks across instances');
      return seen;
    };
    const plain = await run({});
    const withBookmark = await run({ [BOOKMARK_HEADER]: bookmark });
    expect(withBookmark.length).toBe(plain.length + 1);
    expect(withBookmark.filter((n) => n !== 'read/ping').sort()).toEqual(plain.filter((n) => n !== 'read/ping').sort());
  });

  it('refuses a header that is not a bookmark, or one this database did not issue, naming the header', async () => {
    for (const header of ['not a bookmark!', 'FB:garbage', Array.from({ length: 17 }, () => 'FB:x').join(',')]) {
      const r = await post(b.server, COUNT, {}, { [BOOKMARK_HEADER]: header });
      expect(r.status, header).toBe(400);
      expect(r.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(r.body.errors?.[0]?.message).toMatch(/bookmark/);
      expect(r.body.data ?? null).toBeNull();
    }
  });

  it('answers queries (no mutation) without a bookmark header', async () => {
    const r = await post(b.server, COUNT);
    expect(r.headers.get(BOOKMARK_HEADER)).toBeNull();
  });
});
