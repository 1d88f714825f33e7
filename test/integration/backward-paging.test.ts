// Backward paging (Relay's last/before) on every connection, against the real
// Neo4j: paging backward from the end reaches the start with the same items as
// paging forward, hasPreviousPage is exact, a page before a cursor taken from the
// middle is the items just before it, and a backward page costs the same
// statements as a forward one.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingest } from '../../src/ingest/pipeline.js';
import { readSource } from '../../src/ingest/readers.js';
import { defaultExtractor } from '../../src/runtime.js';
import { pageForward, startTestServer } from '../helpers/api.js';
import { writeDatedCorpus } from '../helpers/dated-corpus.js';
import { useFreshDatabase, query } from '../helpers/db.js';

const db = useFreshDatabase();
let server: Awaited<ReturnType<typeof startTestServer>>;
let dir: string;

const SENTENCES = [
  'We evaluate our detector on ImageNet and report top-1 accuracy.',
  'Our model is pretrained on ImageNet before fine-tuning on COCO.',
  'Unlike prior work that only reports results on ImageNet, we study robustness.',
];

/** 30 papers naming ImageNet: several on one day (ties broken by id), and undated ones. */
const imagenetPapers = Array.from({ length: 30 }, (_, i) => ({
  id: `bp-${String(i).padStart(2, '0')}`,
  title: `${i % 4 === 0 ? 'A study' : 'Study'} ${i} of visual representations`,
  abstract: `${SENTENCES[i % SENTENCES.length]} We also compare variant ${i} with a strong baseline.`,
  published: i % 7 === 3 ? undefined : `2024-0${1 + (i % 4)}-1${i % 3}`,
}));

interface Edge {
  cursor: string;
  node: { id: string };
}
interface Conn {
  totalCount?: number;
  edges: Edge[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

const PAGE = 'totalCount edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor }';
const PAGE_NO_TOTAL = 'edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor }';
const VARS = '$first: Int, $after: String, $last: Int, $before: String';
const ARGS = 'first: $first, after: $after, last: $last, before: $before';

/** A connection under test: a query taking the four paging variables, and where its connection is in the data. */
interface Listing {
  name: string;
  query: string;
  pick: (data: any) => Conn;
  variables?: Record<string, unknown>;
}

const listings = (): Listing[] => [
  { name: 'papers, newest first', query: `query(${VARS}) { papers(${ARGS}) { ${PAGE} } }`, pick: (d) => d.papers },
  { name: 'papers by title', query: `query(${VARS}) { papers(orderBy: TITLE_ASC, ${ARGS}) { ${PAGE} } }`, pick: (d) => d.papers },
  {
    name: 'papers matching a text, newest first',
    query: `query(${VARS}) { papers(where: { text: "imagenet OR lora" }, ${ARGS}) { ${PAGE} } }`,
    pick: (d) => d.papers,
  },
  {
    name: 'papers matching a text, by title',
    query: `query(${VARS}) { papers(where: { text: "imagenet OR lora" }, orderBy: TITLE_ASC, ${ARGS}) { ${PAGE} } }`,
    pick: (d) => d.papers,
  },
  {
    name: 'papers of either of two entities',
    query: `query(${VARS}) { papers(where: { any: [{ id: "dataset:imagenet" }, { id: "dataset:glue" }] }, ${ARGS}) { ${PAGE} } }`,
    pick: (d) => d.papers,
  },
  {
    name: 'papers of one entity by name (one statement with the name)',
    query: `query(${VARS}) { papers(where: { all: [{ type: DATASET, name: "imagenet" }] }, ${ARGS}) { ${PAGE} } }`,
    pick: (d) => d.papers,
  },
  {
    name: 'papers of one entity by id',
    query: `query(${VARS}) { papers(where: { all: [{ id: "dataset:imagenet" }] }, ${ARGS}) { ${PAGE} } }`,
    pick: (d) => d.papers,
  },
  {
    name: 'Entity.papers on the entity page',
    query: `query(${VARS}) { entity(type: DATASET, name: "ImageNet") { papers(${ARGS}) { ${PAGE} } } }`,
    pick: (d) => d.entity.papers,
  },
  {
    name: 'Entity.papers of one role, by node id',
    query: `query(${VARS}, $role: Role) { node(id: "dataset:imagenet") { ... on Entity { papers(role: $role, ${ARGS}) { ${PAGE} } } } }`,
    pick: (d) => d.node.papers,
  },
  { name: 'entities, most papers first', query: `query(${VARS}) { entities(${ARGS}) { ${PAGE} } }`, pick: (d) => d.entities },
  { name: 'entities by name', query: `query(${VARS}) { entities(orderBy: NAME_ASC, ${ARGS}) { ${PAGE} } }`, pick: (d) => d.entities },
  {
    name: 'entities matching a name query',
    query: `query(${VARS}) { entities(query: "a* OR b* OR c* OR g* OR i* OR l* OR r* OR s* OR t*", ${ARGS}) { ${PAGE} } }`,
    pick: (d) => d.entities,
  },
  {
    name: 'new entities',
    query: `query(${VARS}) { newEntities(from: "2019-01-01", to: "2025-01-01", ${ARGS}) { ${PAGE_NO_TOTAL} } }`,
    pick: (d) => d.newEntities,
  },
];

async function page(l: Listing, args: { first?: number; after?: string | null; last?: number; before?: string | null }): Promise<Conn> {
  const r = await server.gql(l.query, { ...l.variables, ...args });
  expect(r.errors, `${l.name}: ${JSON.stringify(r.errors)}`).toBeUndefined();
  return l.pick(r.data);
}

/** Every edge, forward with first: size. */
async function forward(l: Listing, size: number): Promise<Edge[]> {
  const pages = await pageForward<Edge, Conn>((after) => page(l, { first: size, after }));
  return pages.flatMap((c) => c.edges);
}

/** Every edge, backward from the end with last: size, checking each page's pageInfo against `all` (the forward order). */
async function backward(l: Listing, size: number, all: Edge[]): Promise<Edge[]> {
  const edges: Edge[] = [];
  let before: string | null = null;
  for (let guard = 0; guard < 200; guard++) {
    const c = await page(l, { last: size, before });
    const start = all.length - edges.length - c.edges.length;
    // Exact: earlier items exist exactly when the page does not start at the list's first item.
    expect(c.pageInfo.hasPreviousPage, `${l.name}: hasPreviousPage at ${start}`).toBe(start > 0);
    // Items after the page exist when it ends before a cursor.
    expect(c.pageInfo.hasNextPage, l.name).toBe(before !== null);
    expect(c.pageInfo.startCursor).toBe(c.edges[0]?.cursor ?? null);
    expect(c.pageInfo.endCursor).toBe(c.edges.at(-1)?.cursor ?? null);
    edges.unshift(...c.edges);
    if (!c.pageInfo.hasPreviousPage) return edges;
    before = c.pageInfo.startCursor;
  }
  throw new Error(`${l.name}: backward paging did not end`);
}

const ids = (edges: Edge[]) => edges.map((e) => e.node.id);

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'papergraph-backward-'));
  const file = path.join(dir, 'imagenet.jsonl');
  fs.writeFileSync(file, imagenetPapers.map((p) => JSON.stringify(p)).join('\n') + '\n');
  for (const f of [file, writeDatedCorpus().file]) {
    const s = await ingest(readSource(f), { db, extractor: defaultExtractor() });
    expect(s.rejected).toBe(0);
  }
  server = await startTestServer(db);
});
afterAll(async () => {
  await server?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('backward paging (last/before) on every connection', () => {
  it('pages backward from the end to the start through the same items as forward, with exact hasPreviousPage', async () => {
    const [role] = await query(db, `MATCH (:Paper)-[r]->(:Entity {id: 'dataset:imagenet'}) RETURN type(r) AS role, count(*) AS n ORDER BY n DESC LIMIT 1`);
    for (const l of listings()) {
      if (l.name.includes('one role')) l.variables = { role: role!.role };
      const all = await forward(l, 100);
      expect(all.length, `${l.name} has items to page`).toBeGreaterThanOrEqual(5);
      expect(new Set(ids(all)).size, `${l.name}: no repeats`).toBe(all.length);
      // About 8 pages, and 3 (the first page read backward is then not full).
      for (const size of [Math.ceil(all.length / 8), Math.ceil(all.length / 3) + 1]) {
        expect(ids(await forward(l, size)), `${l.name}, first: ${size}`).toEqual(ids(all));
        const back = await backward(l, size, all);
        expect(ids(back), `${l.name}, last: ${size}`).toEqual(ids(all));
        // Cursors are the list's own: the same item has the same cursor both ways.
        expect(back.map((e) => e.cursor)).toEqual(all.map((e) => e.cursor));
      }
      // The same totalCount both ways.
      const last = await page(l, { last: 3 });
      const first = await page(l, { first: 3 });
      expect(last.totalCount).toBe(first.totalCount);
      if (first.totalCount !== undefined) expect(first.totalCount).toBe(all.length);
    }
  }, 300_000);

  it('gives the items just before a cursor from the middle, and turns around again', async () => {
    for (const l of listings().filter((x) => !x.name.includes('one role'))) {
      const all = await forward(l, 100);
      const i = Math.max(3, Math.floor(all.length / 2));
      const c = await page(l, { last: 3, before: all[i]!.cursor });
      expect(ids(c.edges), l.name).toEqual(ids(all.slice(i - 3, i)));
      expect(c.pageInfo).toMatchObject({ hasPreviousPage: i - 3 > 0, hasNextPage: true });
      // Forward again from the backward page's end: the cursor's own item comes next.
      const next = await page(l, { first: 2, after: c.pageInfo.endCursor });
      expect(ids(next.edges), l.name).toEqual(ids(all.slice(i, i + 2)));
      // Before the first item: an empty page with nothing before it.
      const none = await page(l, { last: 5, before: all[0]!.cursor });
      expect(none.edges).toEqual([]);
      expect(none.pageInfo).toMatchObject({ hasPreviousPage: false, hasNextPage: true, startCursor: null, endCursor: null });
    }
  }, 120_000);

  it('refuses mixed directions, caps last like first, and checks before cursors', async () => {
    const bad = async (q: string, message: RegExp) => {
      const r = await server.gql(q);
      expect(r.status).toBe(400);
      expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(r.errors?.[0]?.message).toMatch(message);
    };
    await bad('{ papers(first: 2, last: 2) { totalCount } }', /first\/after or backward with last\/before, not both/);
    await bad('{ entities(after: "x", before: "y") { totalCount } }', /not both/);
    await bad('{ papers(last: 101) { totalCount } }', /last must be between 0 and 100 \(got 101\)/);
    await bad('{ entity(name: "ImageNet") { papers(last: -1) { totalCount } } }', /last must be between 0 and 100/);
    const titles: any = await server.gql('{ papers(orderBy: TITLE_ASC, first: 1) { edges { cursor } } }');
    await bad(`{ papers(before: "${titles.data.papers.edges[0].cursor}") { totalCount } }`, /^before: ".*" is not a cursor of this list/);
    await bad('{ newEntities(from: "2019-01-01", to: "2025-01-01", before: "bm9wZQ") { edges { cursor } } }', /^before: "bm9wZQ" is not a cursor/);
  });

  it('costs a backward page the same statements as a forward one, however many entities page their papers', async () => {
    const q = (dir: 'first' | 'last') => `query($n: Int) { entities(${dir}: $n) { edges { node { name papers(${dir}: 2) { totalCount edges { node { id } } } } } } }`;
    const count = async (text: string, n: number) => {
      let statements = 0;
      const off = db.onStatement(() => statements++);
      const r = await server.gql(text, { n });
      off();
      expect(r.errors).toBeUndefined();
      expect(r.data.entities.edges).toHaveLength(n);
      return statements;
    };
    const forward3 = await count(q('first'), 3);
    expect(await count(q('last'), 3)).toBe(forward3);
    expect(await count(q('last'), 10)).toBe(forward3);
  });
});
