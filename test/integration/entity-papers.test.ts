// An entity's papers, newest first, paged through the per-type link indexes
// (cypher/read/entity-papers-page.cypher), checked against a plain expansion
// of the same links: dated papers with ties, undated ones, roles, a date that
// changes on re-ingest, and links written before they carried their sort key.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../src/db/migrate.js';
import { ingest } from '../../src/ingest/pipeline.js';
import { readSource } from '../../src/ingest/readers.js';
import { defaultExtractor } from '../../src/runtime.js';
import { pageForward, startTestServer } from '../helpers/api.js';
import { useFreshDatabase, query } from '../helpers/db.js';

const db = useFreshDatabase();
let server: Awaited<ReturnType<typeof startTestServer>>;
let dir: string;

const SENTENCES = [
  'We evaluate our detector on ImageNet and report top-1 accuracy.',
  'Our model is pretrained on ImageNet before fine-tuning on COCO.',
  'Unlike prior work that only reports results on ImageNet, we study robustness.',
];

/** 40 papers naming ImageNet: dates with ties (several per day), and 6 undated. */
function papers(dateOf: (i: number) => string | undefined) {
  return Array.from({ length: 40 }, (_, i) => ({
    id: `ep-${String(i).padStart(2, '0')}`,
    title: `Study ${i} of visual representations`,
    abstract: `${SENTENCES[i % SENTENCES.length]} We also compare variant ${i} with a strong baseline.`,
    published: dateOf(i),
  }));
}
const initialDate = (i: number) => (i % 7 === 3 ? undefined : `2024-0${1 + (i % 5)}-1${i % 3}`);

async function ingestPapers(rows: ReturnType<typeof papers>) {
  const file = path.join(dir, `papers-${Date.now()}.jsonl`);
  fs.writeFileSync(file, rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
  return ingest(readSource(file), { db, extractor: defaultExtractor() });
}

/** The expected order, from a plain expansion of the entity's links. */
async function expected(role: string | null) {
  const rows = await query(
    db,
    `MATCH (p:Paper)-[r]->(e:Entity {id: 'dataset:imagenet'})
     WHERE $role IS NULL OR type(r) = $role
     RETURN p.id AS id ORDER BY coalesce(toString(p.published), '') DESC, p.id ASC`,
    { role },
  );
  return rows.map((r) => r.id as string);
}

async function pageThrough(role: string | null, first: number, viaFilter = false) {
  type Conn = { totalCount: number; edges: Array<{ node: { id: string } }>; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
  const pages = await pageForward<Conn['edges'][number], Conn>(async (after) => {
    const res: any = viaFilter
      ? await server.gql(
          `query($after: String, $first: Int, $role: Role) { papers(where: { all: [{ type: DATASET, name: "imagenet" }], role: $role }, first: $first, after: $after) {
            totalCount edges { node { id } } pageInfo { hasNextPage endCursor } } }`,
          { after, first, role },
        )
      : await server.gql(
          `query($after: String, $first: Int, $role: Role) { entity(type: DATASET, name: "ImageNet") { papers(role: $role, first: $first, after: $after) {
            totalCount edges { node { id } } pageInfo { hasNextPage endCursor } } } }`,
          { after, first, role },
        );
    expect(res.errors).toBeUndefined();
    return (viaFilter ? res.data.papers : res.data.entity.papers) as Conn;
  }, 50);
  return { ids: pages.flatMap((c) => c.edges.map((e) => e.node.id)), total: pages.at(-1)!.totalCount };
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'papergraph-entity-papers-'));
  await ingestPapers(papers(initialDate));
  server = await startTestServer(db);
});
afterAll(async () => {
  await server?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("an entity's papers, newest first", () => {
  it('pages through every paper once, dated ones by date then id, undated ones last', async () => {
    const want = await expected(null);
    expect(want.length).toBe(40);
    for (const first of [1, 3, 7, 20]) {
      const got = await pageThrough(null, first);
      expect(got.ids).toEqual(want);
      expect(got.total).toBe(40);
    }
    // The paper list filtered by the entity gives the same pages.
    expect((await pageThrough(null, 6, true)).ids).toEqual(want);
    // Dates come back as the input's YYYY-MM-DD (null when there is none), in lists and alone.
    const res: any = await server.gql('{ entity(name: "ImageNet") { papers(first: 40) { edges { node { id published } } } } }');
    const dates = Object.fromEntries(papers(initialDate).map((p) => [p.id, p.published ?? null]));
    for (const { node } of res.data.entity.papers.edges) expect(node.published).toBe(dates[node.id]);
    const one: any = await server.gql('query($id: ID!) { paper(id: $id) { published } }', { id: 'ep-01' });
    expect(one.data.paper.published).toBe(initialDate(1));
  });

  it('pages each role separately', async () => {
    const [roles] = await query(
      db,
      `MATCH (:Paper)-[r]->(:Entity {id: 'dataset:imagenet'}) RETURN collect(DISTINCT type(r)) AS types`,
    );
    expect((roles!.types as string[]).length).toBeGreaterThan(1);
    for (const role of roles!.types as string[]) {
      const want = await expected(role);
      const got = await pageThrough(role, 4);
      expect(got.ids).toEqual(want);
      expect(got.total).toBe(want.length);
      expect((await pageThrough(role, 5, true)).ids).toEqual(want);
    }
  });

  it('follows a paper whose date changes when it is ingested again', async () => {
    // ep-05 becomes the newest paper, ep-11 loses its date.
    const changed = (i: number) => (i === 5 ? '2025-12-31' : i === 11 ? undefined : initialDate(i));
    const summary = await ingestPapers(papers(changed));
    expect(summary.updated).toBe(2);
    const want = await expected(null);
    expect(want[0]).toBe('ep-05');
    expect((await pageThrough(null, 3)).ids).toEqual(want);
  });

  it('gives links written before links carried their sort key one when the schema is applied, once per database', async () => {
    // A database written by an older papergraph: no sort keys, no record of the backfill.
    await query(db, `MATCH (:Paper)-[r]->(:Entity) REMOVE r.eid, r.published`);
    await query(db, `MATCH (b:Backfill) DELETE b`);
    // Without them the indexes know no dated paper: only the undated ones are found.
    const [undated] = await query(db, `MATCH (p:Paper) WHERE p.published IS NULL RETURN collect(p.id) AS ids`);
    expect((await pageThrough(null, 10)).ids.sort()).toEqual((undated!.ids as string[]).sort());
    await migrate(db);
    const [missing] = await query(
      db,
      `MATCH (p:Paper)-[r]->(e:Entity) WHERE r.eid IS NULL OR r.eid <> e.id OR (p.published IS NOT NULL AND r.published <> p.published)
       RETURN count(r) AS n`,
    );
    expect(missing!.n).toBe(0);
    expect((await pageThrough(null, 8)).ids).toEqual(await expected(null));

    // Recorded once done: the next start skips the scan (a link stripped now stays stripped).
    await query(db, `MATCH (:Paper {id: 'ep-00'})-[r]->(:Entity) REMOVE r.eid`);
    await migrate(db);
    const [stripped] = await query(db, `MATCH (:Paper {id: 'ep-00'})-[r]->(:Entity) WHERE r.eid IS NULL RETURN count(r) AS n`);
    expect(stripped!.n).toBeGreaterThan(0);
  });
});
