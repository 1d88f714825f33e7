// What the time questions keep at write time against the same made from the
// papers and links themselves: papers per entity and month, and per entity and
// year (ingest/period-counts-change) and each entity's first paper
// (ingest/refresh-entity-first-seen, ingest/advance-entity-first-seen). After a
// first ingest, after papers are added, change their entities, their date or
// lose every entity, and after the migration builds the counts for a graph
// written without them.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../src/db/migrate.js';
import { ingest } from '../../src/ingest/pipeline.js';
import { readSource } from '../../src/ingest/readers.js';
import { defaultExtractor } from '../../src/runtime.js';
import { useFreshDatabase, query } from '../helpers/db.js';
import { writeDatedCorpus } from '../helpers/dated-corpus.js';

const db = useFreshDatabase();
let tmp: string;
beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'papergraph-months-'));
  await ingest(readSource(writeDatedCorpus().file), { db, extractor: defaultExtractor() });
});
afterAll(async () => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

const kept = () =>
  query(
    db,
    `MATCH (e:Entity)-[c:MONTH_COUNT|YEAR_COUNT]->(x)
     RETURN e.id AS id, x = e AS self, type(c) AS kind, c.period AS period, c.type AS type, c.papers AS papers,
            [role IN ['PROPOSES', 'USES', 'EVALUATES_ON', 'COMPARES_WITH', 'MENTIONS'] WHERE c[role] IS NOT NULL | [role, c[role]]] AS roles,
            c.base AS base, c.growth AS growth, c.rate AS rate
     ORDER BY id, kind, period`,
  );

/** A year's count also holds the year before's papers and the growth from them, absolute and relative to max(before, 1). */
function withGrowth(rows: Record<string, unknown>[]) {
  const papers = new Map(rows.map((r) => [`${r.id} ${r.kind} ${r.period}`, Number(r.papers)]));
  return rows.map((r) => {
    if (r.kind !== 'YEAR_COUNT') return { ...r, base: null, growth: null, rate: null };
    const base = papers.get(`${r.id} YEAR_COUNT ${Number(r.period) - 1}`) ?? 0;
    const growth = Number(r.papers) - base;
    return { ...r, base, growth, rate: growth / Math.max(base, 1) };
  });
}

/** Every entity's papers per month and per year, and role, counted from the dated papers (not from the links' copy of the date). */
const recounted = () =>
  query(
    db,
    `MATCH (p:Paper)-[r:PROPOSES|USES|EVALUATES_ON|COMPARES_WITH|MENTIONS]->(e:Entity) WHERE p.published IS NOT NULL
     UNWIND [['MONTH_COUNT', p.published.year * 100 + p.published.month], ['YEAR_COUNT', p.published.year]] AS kp
     WITH e, kp[0] AS kind, kp[1] AS period, type(r) AS role, count(*) AS n
     ORDER BY role
     WITH e, kind, period, sum(n) AS papers, collect([role, n]) AS byRole
     RETURN e.id AS id, true AS self, kind, period, e.type AS type, papers,
            [role IN ['PROPOSES', 'USES', 'EVALUATES_ON', 'COMPARES_WITH', 'MENTIONS'] WHERE any(x IN byRole WHERE x[0] = role) | [x IN byRole WHERE x[0] = role][0]] AS roles
     ORDER BY id, kind, period`,
  );

/** Each entity's first paper as kept (ingest/refresh-entity-first-seen, ingest/advance-entity-first-seen) and as recounted: earliest date, then lowest paper id. */
const firstSeen = () =>
  Promise.all([
    query(db, `MATCH (e:Entity) RETURN e.id AS id, toString(e.firstSeen) AS date, e.firstPaper AS paper, e.firstRole AS role ORDER BY id`),
    query(
      db,
      `MATCH (e:Entity)
       OPTIONAL MATCH (p:Paper)-[r:PROPOSES|USES|EVALUATES_ON|COMPARES_WITH|MENTIONS]->(e) WHERE p.published IS NOT NULL
       WITH e, p, r ORDER BY p.published, p.id
       WITH e, head(collect(CASE WHEN p IS NULL THEN null ELSE [toString(p.published), p.id, type(r)] END)) AS first
       RETURN e.id AS id, first[0] AS date, first[1] AS paper, first[2] AS role ORDER BY id`,
    ),
  ]);

async function expectCountsMatchLinks() {
  const expected = withGrowth(await recounted());
  expect(expected.length).toBeGreaterThan(20);
  expect(await kept()).toEqual(expected);
  const [stored, recount] = await firstSeen();
  expect(stored.filter((e) => e.date !== null).length).toBeGreaterThan(3);
  expect(stored).toEqual(recount);
}

async function reingest(papers: { id: string; title: string; abstract: string; published?: string }[]) {
  const file = path.join(tmp, 'changed.jsonl');
  fs.writeFileSync(file, papers.map((p) => JSON.stringify(p)).join('\n') + '\n');
  return ingest(readSource(file), { db, extractor: defaultExtractor() });
}

describe('papers per entity and period, and first papers, kept at write time', () => {
  it('equal the counts from the papers after an ingest', async () => {
    await expectCountsMatchLinks();
    // The one undated paper is in no month.
    const [undated] = await query(db, `MATCH (p:Paper {id: 'dated-undated'})-->(e:Entity) RETURN count(e) AS n`);
    expect(undated!.n).toBeGreaterThan(0);
  });

  it('follow papers that change their entities, their date, or lose every entity', async () => {
    const stored = (await query(
      db,
      `MATCH (p:Paper) WHERE p.id IN ['dated-3', 'dated-30', 'dated-40']
       RETURN p.id AS id, p.title AS title, p.abstract AS abstract, toString(p.published) AS published ORDER BY id`,
    )) as { id: string; title: string; abstract: string; published: string }[];
    expect(stored).toHaveLength(3);
    // The first LoRA paper: changing it moves LoRA's first paper to the next one.
    const [firstLora] = (await query(
      db,
      `MATCH (e:Entity {name: 'LoRA'}) MATCH (p:Paper {id: e.firstPaper}) RETURN p.id AS id, p.title AS title, p.abstract AS abstract, toString(p.published) AS published`,
    )) as { id: string; title: string; abstract: string; published: string }[];
    expect(firstLora!.published).toBe('2022-02-03');
    const s = await reingest([
      // A new paper, earlier than every LoRA and GLUE paper: their first paper moves earlier.
      { id: 'dated-early', title: 'An early paper', abstract: 'We propose LoRA and evaluate it on GLUE.', published: '2018-05-01' },
      { ...firstLora!, abstract: 'We train a ResNet-50 on ImageNet.' },
      // Other entities, same month: the old ones lose the paper there, the new ones gain it.
      { ...stored[0]!, abstract: 'We propose LoRA and evaluate it on SQuAD with accuracy.' },
      // Same text, another year: its month moves.
      { ...stored[1]!, published: '2016-07-04' },
      // No entity left.
      { ...stored[2]!, abstract: 'We write a short note about nothing in particular.' },
    ]);
    expect(s).toMatchObject({ ingested: 1, updated: 4 });
    await expectCountsMatchLinks();
    const moved = await kept();
    expect(moved.some((k) => k.kind === 'MONTH_COUNT' && k.period === 201607) && moved.some((k) => k.kind === 'YEAR_COUNT' && k.period === 2016)).toBe(true);
    const [lora] = await query(db, `MATCH (e:Entity {name: 'LoRA'}) RETURN e.firstPaper AS paper`);
    expect(lora!.paper).toBe('dated-early');
    // Back as they were: the counts are too.
    const before = await kept();
    // The new paper loses its entities: LoRA's first paper is recomputed from its links.
    await reingest([...stored, firstLora!, { id: 'dated-early', title: 'An early paper', abstract: 'We write a short note about nothing in particular.', published: '2018-05-01' }]);
    await expectCountsMatchLinks();
    const [back] = await query(db, `MATCH (e:Entity {name: 'LoRA'}) RETURN e.firstPaper AS paper`);
    expect(back!.paper).toBe(firstLora!.id);
    expect(await kept()).not.toEqual(before);
    expect((await kept()).some((k) => [201607, 2016].includes(k.period))).toBe(false);
  });

  it('are built by the migration for a graph that has links but no counts', async () => {
    const before = await kept();
    await query(db, `MATCH ()-[c:MONTH_COUNT|YEAR_COUNT]->() DELETE c`);
    await query(db, `MATCH (b:Backfill) WHERE b.name STARTS WITH 'migrations/011-period-counts' DELETE b`);
    await migrate(db);
    expect(await kept()).toEqual(before);
    await expectCountsMatchLinks();
    // Run again over counts it made (a backfill interrupted and restarted): the same counts.
    await query(db, `MATCH (b:Backfill) WHERE b.name STARTS WITH 'migrations/011-period-counts' DELETE b`);
    await migrate(db);
    expect(await kept()).toEqual(before);
    // Counts kept before the growth was: migration 013 adds it.
    await query(db, `MATCH ()-[c:YEAR_COUNT]->() REMOVE c.base, c.growth, c.rate`);
    await query(db, `MATCH (b:Backfill) WHERE b.name STARTS WITH 'migrations/013-year-growth' DELETE b`);
    await migrate(db);
    expect(await kept()).toEqual(before);
  });
});
