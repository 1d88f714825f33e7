// Questions over time against a real Neo4j: every answer is checked against the
// same count made independently in Cypher over the stored papers and links.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { startApiOn, type startTestServer } from '../helpers/api.js';
import { query } from '../helpers/db.js';
import { writeDatedCorpus } from '../helpers/dated-corpus.js';

let db: Database;
let server: Awaited<ReturnType<typeof startTestServer>>;

let gql: Awaited<ReturnType<typeof startApiOn>>['data'];
let stop: () => Promise<void>;
beforeAll(async () => {
  ({ db, server, data: gql, stop } = await startApiOn(writeDatedCorpus().file));
});
afterAll(async () => {
  await stop?.();
});

/** An entity's papers per period and role, counted directly over the links. */
async function expectedTimeline(eid: string, by: 'YEAR' | 'MONTH', from = '0001-01-01', to = '9999-12-31') {
  const rows = await query(
    db,
    `MATCH (p:Paper)-[r]->(e:Entity {id: $eid}) WHERE p.published >= date($from) AND p.published < date($to)
     WITH CASE $by WHEN 'YEAR' THEN toString(p.published.year) ELSE toString(p.published.year) + '-' + right('0' + toString(p.published.month), 2) END AS period, type(r) AS role
     RETURN period, role, count(*) AS papers ORDER BY period, role`,
    { eid, by, from, to },
  );
  const points = new Map<string, { period: string; papers: number; byRole: { role: string; papers: number }[] }>();
  for (const r of rows) {
    const p = points.get(r.period) ?? { period: r.period as string, papers: 0, byRole: [] as { role: string; papers: number }[] };
    p.papers += Number(r.papers);
    p.byRole.push({ role: r.role, papers: Number(r.papers) });
    points.set(r.period, p);
  }
  return [...points.values()];
}

const TIMELINE = `query($name: String!, $by: TimeBucket, $from: Date, $to: Date, $first: Int, $after: String) {
  entity(name: $name) { id timeline(by: $by, from: $from, to: $to, first: $first, after: $after) { period papers byRole { role papers } } }
}`;

describe('Entity.timeline', () => {
  it('counts papers per year and role, undated ones left out', async () => {
    const { entity } = await gql(TIMELINE, { name: 'LoRA' });
    expect(entity.timeline).toEqual(await expectedTimeline(entity.id, 'YEAR'));
    expect(entity.timeline.map((p: { period: string }) => p.period)).toEqual(['2022', '2023']);
    expect(entity.timeline.reduce((s: number, p: { papers: number }) => s + p.papers, 0)).toBe(12);
  });

  it('counts per month within a date range, and pages by period', async () => {
    const { entity } = await gql(TIMELINE, { name: 'ImageNet', by: 'MONTH', from: '2020-03-01', to: '2022-06-01' });
    const expected = await expectedTimeline(entity.id, 'MONTH', '2020-03-01', '2022-06-01');
    expect(expected.length).toBeGreaterThan(5);
    expect(entity.timeline).toEqual(expected);
    const pages: unknown[] = [];
    let after: string | undefined;
    for (let i = 0; i < 20; i++) {
      const page = (await gql(TIMELINE, { name: 'ImageNet', by: 'MONTH', from: '2020-03-01', to: '2022-06-01', first: 4, after })).entity.timeline;
      pages.push(...page);
      if (page.length < 4) break;
      after = page.at(-1).period;
    }
    expect(pages).toEqual(expected);
  });

  it('counts a range whose bounds cut months (their days counted apart from the whole months)', async () => {
    for (const by of ['MONTH', 'YEAR'] as const) {
      for (const [from, to] of [['2020-03-10', '2022-06-20'], ['2022-02-10', '2022-02-20'], ['2021-12-16', '2023-01-01']]) {
        const { entity } = await gql(TIMELINE, { name: 'ImageNet', by, from, to });
        const expected = await expectedTimeline(entity.id, by, from, to);
        expect(expected.length, `${by} ${from} ${to}`).toBeGreaterThan(0);
        expect(entity.timeline, `${by} ${from} ${to}`).toEqual(expected);
      }
    }
  });

  it('rejects a range that ends before it starts, and a bad period', async () => {
    const r = await server.gql(TIMELINE, { name: 'LoRA', from: '2023-01-01', to: '2022-01-01' });
    expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const bad = await server.gql(TIMELINE, { name: 'LoRA', after: 'last year' });
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('firstSeen and newEntities', () => {
  it('names the earliest dated paper of an entity, with its role', async () => {
    const { entity } = await gql('{ entity(name: "LoRA") { id firstSeen { date role paper { id published } } } }');
    const [first] = await query(db, 'MATCH (p:Paper)-[r]->(:Entity {id: $id}) WHERE p.published IS NOT NULL RETURN toString(p.published) AS date, p.id AS paper, type(r) AS role ORDER BY p.published, p.id LIMIT 1', { id: entity.id });
    expect(entity.firstSeen).toEqual({ date: first!.date, role: first!.role, paper: { id: first!.paper, published: first!.date } });
    expect(entity.firstSeen.date).toBe('2022-02-03');
  });

  it('lists the entities first seen in a range, newest first, paged, with the total', async () => {
    const expected = await query(
      db,
      `MATCH (p:Paper)-[]->(e:Entity) WHERE p.published IS NOT NULL WITH e, min(p.published) AS first
       WHERE first >= date('2022-01-01') AND first < date('2024-01-01') RETURN e.id AS id, toString(first) AS firstSeen ORDER BY first DESC, id`,
    );
    expect(expected.map((e) => e.id)).toEqual(expect.arrayContaining(['dataset:foobench']));
    const Q = `query($after: String) { newEntities(from: "2022-01-01", to: "2024-01-01", first: 2, after: $after) {
      totalCount edges { firstSeen node { id } } pageInfo { hasNextPage endCursor } } }`;
    const seen: { id: string; firstSeen: string }[] = [];
    let after: string | null = null;
    for (let i = 0; i < 50; i++) {
      const { newEntities } = await gql(Q, { after });
      expect(newEntities.totalCount).toBe(expected.length);
      seen.push(...newEntities.edges.map((e: { firstSeen: string; node: { id: string } }) => ({ id: e.node.id, firstSeen: e.firstSeen })));
      if (!newEntities.pageInfo.hasNextPage) break;
      after = newEntities.pageInfo.endCursor;
    }
    expect(seen).toEqual(expected);
  });
});

describe('trending', () => {
  it('ranks entities by growth from the baseline period, absolute or relative, with a minimum support', async () => {
    const expected = async (type: string, from: string, to: string, baseFrom: string, minPapers: number) => {
      const rows = await query(
        db,
        `MATCH (p:Paper)-[]->(e:Entity {type: $type}) WHERE p.published >= date($baseFrom) AND p.published < date($to)
         WITH e, sum(CASE WHEN p.published >= date($from) THEN 1 ELSE 0 END) AS papers, sum(CASE WHEN p.published < date($from) THEN 1 ELSE 0 END) AS baseline
         WHERE papers >= $minPapers RETURN e.id AS id, papers, baseline`,
        { type, from, to, baseFrom, minPapers },
      );
      return rows.map((r) => ({ id: r.id as string, papers: Number(r.papers), baseline: Number(r.baseline) }));
    };
    const Q = `query($type: EntityType!, $order: TrendOrder, $min: Int, $after: String, $first: Int) {
      trending(type: $type, from: "2023-01-01", to: "2024-01-01", orderBy: $order, minPapers: $min, first: $first, after: $after) {
        entity { id } papers baselinePapers growth growthRate cursor } }`;
    for (const type of ['METHOD', 'DATASET']) {
      const want = await expected(type.toLowerCase(), '2023-01-01', '2024-01-01', '2022-01-01', 2);
      expect(want.length).toBeGreaterThan(1);
      const abs = [...want].sort((a, b) => b.papers - b.baseline - (a.papers - a.baseline) || (a.id < b.id ? -1 : 1));
      const { trending } = await gql(Q, { type, order: 'ABSOLUTE', min: 2, first: 100 });
      expect(trending.map((t: { entity: { id: string } }) => t.entity.id)).toEqual(abs.map((a) => a.id));
      for (const [i, t] of trending.entries()) {
        expect([t.papers, t.baselinePapers, t.growth]).toEqual([abs[i]!.papers, abs[i]!.baseline, abs[i]!.papers - abs[i]!.baseline]);
        expect(t.growthRate).toBeCloseTo((abs[i]!.papers - abs[i]!.baseline) / Math.max(abs[i]!.baseline, 1));
      }
      const rel = [...want].sort((a, b) => (b.papers - b.baseline) / Math.max(b.baseline, 1) - (a.papers - a.baseline) / Math.max(a.baseline, 1) || (a.id < b.id ? -1 : 1));
      const relative = (await gql(Q, { type, order: 'RELATIVE', min: 2, first: 100 })).trending;
      expect(relative.map((t: { entity: { id: string } }) => t.entity.id)).toEqual(rel.map((a) => a.id));
      // Paging one at a time gives the same ranking.
      const paged: string[] = [];
      let after: string | null = null;
      for (let i = 0; i < 50; i++) {
        const page: { entity: { id: string }; cursor: string }[] = (await gql(Q, { type, order: 'RELATIVE', min: 2, first: 1, after })).trending;
        if (page.length === 0) break;
        paged.push(page[0]!.entity.id);
        after = page[0]!.cursor;
      }
      expect(paged).toEqual(rel.map((a) => a.id));
    }
  });

  it('counts periods whose bounds cut months the same as whole ones', async () => {
    const Q = `query($type: EntityType!, $from: Date!, $to: Date!, $base: Date) {
      trending(type: $type, from: $from, to: $to, baselineFrom: $base, minPapers: 1, first: 100) { entity { id } papers baselinePapers } }`;
    const cases: [string, string, string][] = [
      ['2023-02-10', '2023-07-20', '2022-08-17'],
      ['2022-05-01', '2022-09-04', '2022-02-03'],
      ['2023-03-01', '2023-03-02', '2023-02-28'],
      ['2022-01-01', '2024-01-01', '2019-06-15'],
    ];
    let ranked = 0;
    for (const [from, to, base] of cases) {
      const rows = await query(
        db,
        `MATCH (p:Paper)-[]->(e:Entity {type: 'dataset'}) WHERE p.published >= date($base) AND p.published < date($to)
         WITH e, sum(CASE WHEN p.published >= date($from) THEN 1 ELSE 0 END) AS papers, sum(CASE WHEN p.published < date($from) THEN 1 ELSE 0 END) AS baseline
         WHERE papers >= 1 RETURN e.id AS id, papers, baseline ORDER BY papers - baseline DESC, id`,
        { from, to, base },
      );
      const { trending } = await gql(Q, { type: 'DATASET', from, to, base });
      const got = trending.map((t: { entity: { id: string }; papers: number; baselinePapers: number }) => ({ id: t.entity.id, papers: t.papers, baseline: t.baselinePapers }));
      expect(got, `${from} ${to} from ${base}`).toEqual(rows.map((r) => ({ id: r.id, papers: Number(r.papers), baseline: Number(r.baseline) })));
      ranked += got.length;
    }
    expect(ranked).toBeGreaterThan(4);
  });

  it('answers a list of entities with their timelines in a bounded number of statements', async () => {
    const count = async (first: number) => {
      let statements = 0;
      const off = db.onStatement(() => statements++);
      try {
        await gql(`{ entities(first: ${first}) { edges { node { timeline { period papers } firstSeen { date paper { title } } } } } }`);
      } finally {
        off();
      }
      return statements;
    };
    expect(await count(3)).toBe(await count(30));
  });
});
