import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { startSampleApi, startTestServer, TEST_API_KEY } from '../helpers/api.js';

let db: Database;
let server: Awaited<ReturnType<typeof startTestServer>>;
let stop: () => Promise<void>;
const gql = (...a: Parameters<typeof server.gql>) => server.gql(...a);

beforeAll(async () => {
  ({ db, server, stop } = await startSampleApi());
});
afterAll(async () => {
  await stop?.();
});

const PAPER_ID = async (title: string) => {
  const r = await gql(`query($t: String!) { papers(where: { text: $t }, first: 5) { edges { node { id title } } } }`, { t: `"${title}"` });
  const hit = r.data.papers.edges.find((e: any) => e.node.title === title);
  expect(hit, `paper titled ${title}`).toBeTruthy();
  return hit.node.id as string;
};

describe('papers', () => {
  it('counts the 93 sample papers', async () => {
    const r = await gql('{ papers { totalCount } }');
    expect(r.errors).toBeUndefined();
    expect(r.data.papers.totalCount).toBe(93);
  });

  it('pages through every paper exactly once with keyset cursors, in both orders', async () => {
    for (const orderBy of ['TITLE_ASC', 'PUBLISHED_DESC']) {
      const seen: string[] = [];
      let after: string | null = null;
      let pages = 0;
      for (;;) {
        const r: any = await gql(
          `query($after: String, $o: PaperOrder) { papers(first: 20, after: $after, orderBy: $o) { edges { cursor node { id title } } pageInfo { hasNextPage endCursor hasPreviousPage } } }`,
          { after, o: orderBy },
        );
        expect(r.errors).toBeUndefined();
        const c = r.data.papers;
        seen.push(...c.edges.map((e: any) => e.node.id));
        expect(c.pageInfo.hasPreviousPage).toBe(after !== null);
        pages++;
        if (!c.pageInfo.hasNextPage) break;
        after = c.pageInfo.endCursor;
      }
      expect(pages).toBe(5);
      expect(seen).toHaveLength(93);
      expect(new Set(seen).size).toBe(93);
    }
    const titles = await gql('{ papers(first: 3, orderBy: TITLE_ASC) { edges { node { title } } } }');
    const t = titles.data.papers.edges.map((e: any) => e.node.title.toLowerCase());
    expect([...t].sort()).toEqual(t);
  });

  it('returns a paper with its entities, roles and evidence', async () => {
    const id = await PAPER_ID('SLCA: Slow Learner with Classifier Alignment for Continual Learning on a Pre-trained Model');
    const r = await gql(
      `query($id: ID!) { paper(id: $id) { id title entities { role confidence entity { __typename id name type } evidence { text sentence field start end } } } }`,
      { id },
    );
    expect(r.errors).toBeUndefined();
    const p = r.data.paper;
    expect(p.entities.length).toBeGreaterThan(2);
    const datasets = p.entities.filter((e: any) => e.entity.type === 'DATASET');
    expect(datasets.length).toBeGreaterThan(0);
    for (const pe of p.entities) {
      expect(['PROPOSES', 'USES', 'EVALUATES_ON', 'COMPARES_WITH', 'MENTIONS']).toContain(pe.role);
      expect(pe.evidence.length).toBeGreaterThan(0);
      for (const ev of pe.evidence) {
        expect(ev.sentence).toContain(ev.text);
        expect(ev.end - ev.start).toBe(ev.text.length);
      }
    }
    const onlyDatasets = await gql(`query($id: ID!) { paper(id: $id) { entities(type: DATASET) { entity { type } } } }`, { id });
    expect(onlyDatasets.data.paper.entities.length).toBe(datasets.length);
  });

  it('filters papers by entity, role and text', async () => {
    const top = await gql('{ entities(type: DATASET, first: 1) { edges { node { name paperCount } } } }');
    const ds = top.data.entities.edges[0].node;
    expect(ds.paperCount).toBeGreaterThan(0);
    const r = await gql(`query($n: String!) { papers(where: { all: [{ type: DATASET, name: $n }] }) { totalCount edges { node { entities(type: DATASET) { entity { name } } } } } }`, { n: ds.name });
    expect(r.data.papers.totalCount).toBe(ds.paperCount);
    for (const e of r.data.papers.edges) expect(e.node.entities.map((x: any) => x.entity.name)).toContain(ds.name);
    const none = await gql('{ papers(where: { all: [{ name: "no-such-entity-xyz" }] }) { totalCount edges { node { id } } } }');
    expect(none.data.papers).toEqual({ totalCount: 0, edges: [] });
    const text = await gql('{ papers(where: { text: "navigation" }) { totalCount } }');
    expect(text.data.papers.totalCount).toBeGreaterThan(0);
    expect(text.data.papers.totalCount).toBeLessThan(93);
  });

  it('filters by entity id as by name, alone and combined, and rejects a reference with both or neither', async () => {
    const top = await gql('{ entities(type: DATASET, first: 2) { edges { node { id name } } } methods: entities(type: METHOD, first: 1) { edges { node { id name } } } }');
    const [a, b] = top.data.entities.edges.map((e: any) => e.node);
    const m = top.data.methods.edges[0].node;
    const ids = async (where: object) => {
      const r = await gql('query($w: PaperFilter) { papers(where: $w, first: 100) { totalCount edges { node { id } } } }', { w: where });
      expect(r.errors).toBeUndefined();
      return { total: r.data.papers.totalCount, ids: r.data.papers.edges.map((e: any) => e.node.id) };
    };
    // One entity (the entity page's statement), with and without a role.
    const one = await ids({ all: [{ id: a.id }] });
    expect(one.total).toBeGreaterThan(0);
    expect(one).toEqual(await ids({ all: [{ type: 'DATASET', name: a.name }] }));
    expect(await ids({ any: [{ id: a.id }], role: 'EVALUATES_ON' })).toEqual(await ids({ any: [{ type: 'DATASET', name: a.name }], role: 'EVALUATES_ON' }));
    // Several, names and ids mixed.
    const mixed = await ids({ any: [{ id: a.id }, { type: 'DATASET', name: b.name }], all: [{ id: m.id }] });
    expect(mixed.total).toBeGreaterThan(0);
    expect(mixed).toEqual(await ids({ any: [{ type: 'DATASET', name: a.name }, { id: b.id }], all: [{ type: 'METHOD', name: m.name }] }));
    // An unknown id, or an id of another type than asked, matches nothing.
    expect(await ids({ all: [{ id: 'dataset:no-such-dataset' }] })).toEqual({ total: 0, ids: [] });
    expect(await ids({ all: [{ type: 'MODEL', id: a.id }] })).toEqual({ total: 0, ids: [] });
    expect(await ids({ all: [{ type: 'MODEL', id: a.id }, { id: m.id }] })).toEqual({ total: 0, ids: [] });
    for (const ref of [{ id: a.id, name: a.name }, { type: 'DATASET' }]) {
      const bad = await gql('query($w: PaperFilter) { papers(where: $w) { totalCount } }', { w: { all: [ref] } });
      expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(bad.errors?.[0]?.message).toContain('where.all[0] must give either name or id');
    }
  });
});

describe('entities', () => {
  it('finds an entity by any spelling and traverses to its papers', async () => {
    const top = await gql('{ entities(first: 1) { totalCount edges { node { id name type paperCount } } } }');
    const e = top.data.entities.edges[0].node;
    expect(e.paperCount).toBeGreaterThan(1);
    const spelled = e.name.toLowerCase().replace(/[-\s]/g, ' ').toUpperCase();
    const r = await gql(`query($n: String!) { entity(name: $n) { id name paperCount papers(first: 2) { totalCount edges { node { id title } } pageInfo { hasNextPage } } } }`, { n: spelled });
    expect(r.errors).toBeUndefined();
    expect(r.data.entity.id).toBe(e.id);
    expect(r.data.entity.papers.totalCount).toBe(e.paperCount);
    expect(r.data.entity.papers.edges).toHaveLength(2);
    expect(r.data.entity.papers.pageInfo.hasNextPage).toBe(e.paperCount > 2);
    expect(await gql('{ entity(name: "definitely not an entity 42") { id } }')).toMatchObject({ data: { entity: null } });
  });

  it('orders entities by paper count and by name', async () => {
    const r = await gql('{ entities(first: 30) { edges { node { paperCount } } } byName: entities(first: 30, orderBy: NAME_ASC) { edges { node { name } } } }');
    const counts = r.data.entities.edges.map((e: any) => e.node.paperCount);
    expect(counts).toEqual([...counts].sort((a: number, b: number) => b - a));
    const names = r.data.byName.edges.map((e: any) => e.node.name.toLowerCase());
    expect(names).toEqual([...names].sort());
  });
});

describe('graph-wide queries', () => {
  it('answers stats, search, co-occurrence, node and path', async () => {
    const stats = await gql('{ stats { papers entities relationships byType { type count } } }');
    expect(stats.data.stats.papers).toBe(93);
    expect(stats.data.stats.byType.find((t: any) => t.type === 'Paper').count).toBe(93);

    const search = await gql('{ search(query: "continual learning", first: 10) { score paper { id } entity { id name } } }');
    expect(search.data.search.length).toBeGreaterThan(0);
    for (const hit of search.data.search) expect((hit.paper === null) !== (hit.entity === null)).toBe(true);

    const cells = await gql('{ cooccurrence(rows: METHOD, columns: DATASET, first: 5) { row { type name } column { type name } papers } }');
    expect(cells.errors).toBeUndefined();
    for (const c of cells.data.cooccurrence) {
      expect(c.row.type).toBe('METHOD');
      expect(c.column.type).toBe('DATASET');
      expect(c.papers).toBeGreaterThanOrEqual(1);
    }

    const top = await gql('{ entities(first: 1) { edges { node { id papers(first: 2) { edges { node { id } } } } } } }');
    const entity = top.data.entities.edges[0].node;
    const [p1, p2] = entity.papers.edges.map((e: any) => e.node.id);
    const node = await gql(`query($id: ID!) { node(id: $id) { __typename id ... on Paper { title } } }`, { id: p1 });
    expect(node.data.node).toMatchObject({ __typename: 'Paper', id: p1 });
    const path = await gql(`query($a: ID!, $b: ID!) { path(from: $a, to: $b) { __typename id } }`, { a: p1, b: p2 });
    expect(path.data.path).toHaveLength(3);
    expect(path.data.path[0].id).toBe(p1);
    expect(path.data.path[2].id).toBe(p2);
  });
});

describe('co-occurrence pages', () => {
  it('pages through a table with cell cursors, equal to one big page, and rejects a cursor of another table', async () => {
    const q = `query($first: Int, $after: String, $min: Int) { cooccurrence(rows: METHOD, columns: DATASET, first: $first, after: $after, minPapers: $min) {
      row { id } column { id } papers cursor } }`;
    const whole = (await gql(q, { first: 100 })).data.cooccurrence as { row: { id: string }; column: { id: string }; papers: number; cursor: string }[];
    expect(whole.length).toBeGreaterThan(10);
    const key = (c: (typeof whole)[number]) => `${c.papers} ${c.row.id} ${c.column.id}`;
    for (const min of [1, 2]) {
      const paged: typeof whole = [];
      let after: string | null = null;
      for (let guard = 0; guard < 100; guard++) {
        const res = await gql(q, { first: 3, after, min });
        expect(res.errors).toBeUndefined();
        paged.push(...res.data.cooccurrence);
        if (res.data.cooccurrence.length < 3 || paged.length >= whole.length) break;
        after = res.data.cooccurrence.at(-1).cursor;
      }
      const want = whole.filter((c) => c.papers >= min);
      expect(paged.slice(0, want.length).map(key)).toEqual(want.map(key));
    }
    const other = await gql('{ cooccurrence(rows: METHOD, columns: TASK, first: 1) { cursor } }');
    const foreign = await gql(q, { first: 3, after: other.data.cooccurrence[0].cursor });
    expect(foreign.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('errors and limits', () => {
  it('rejects oversized pages and foreign cursors with BAD_USER_INPUT', async () => {
    const big = await gql('{ papers(first: 500) { totalCount } }');
    expect(big.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(big.errors?.[0]?.message).toMatch(/between 0 and 100/);
    const cursor = await gql('{ papers(after: "bm9wZQ") { totalCount } }');
    expect(cursor.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const date = await gql('{ papers(where: { publishedFrom: "2024-02-30" }) { totalCount } }');
    expect(date.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(date.errors?.[0]?.message).toMatch(/where.publishedFrom must be a YYYY-MM-DD date/);
  });

  it('lets a normal two-hop Relay query through and rejects abusive ones, naming the limit', async () => {
    const twoHop = `query($n: Int) { papers(first: $n) { edges { node { title entities { entity { name papers(first: 10) { edges { node { title } } } } } } } } }`;
    const ok = await gql(twoHop, { n: 20 });
    expect(ok.errors).toBeUndefined();

    // Each limit: HTTP 400, its own code (and extensions.limit), a message that says what was exceeded.
    const refused = async (query: string, variables: Record<string, unknown>, code: string, limit: string, message: RegExp) => {
      const r = await gql(query, variables);
      expect(r.status).toBe(400);
      expect(r.data).toBeUndefined();
      const e = r.errors?.[0] as { message: string; extensions?: Record<string, unknown> };
      expect(e.extensions?.code).toBe(code);
      expect(e.extensions?.limit).toBe(limit);
      expect(e.message).toMatch(message);
      expect(e.message).not.toMatch(/Syntax Error/);
    };
    await refused(twoHop.replace('first: 10', 'first: $n'), { n: 100 }, 'COST_LIMIT_EXCEEDED', 'cost', /^Query cost limit of 100000 objects exceeded: this operation may return about \d+ /);
    const deep = `{ papers { edges { node { related { paper { related { paper { related { paper { entities { entity { papers { edges { node { title } } } } } } } } } } } } } } }`;
    await refused(deep, {}, 'DEPTH_LIMIT_EXCEEDED', 'depth', /^Query depth limit of 12 exceeded: fields are nested 15 deep/);
    const aliases = `{ ${Array.from({ length: 20 }, (_, i) => `a${i}: stats { papers }`).join(' ')} }`;
    await refused(aliases, {}, 'ALIAS_LIMIT_EXCEEDED', 'aliases', /^Alias limit of 15 exceeded: the operation has 20 aliases/);
    const directives = `query($y: Boolean = true) { stats @include(if: $y) { ${Array(20).fill('papers @include(if: $y)').join(' ')} } }`;
    await refused(directives, {}, 'DIRECTIVE_LIMIT_EXCEEDED', 'directives', /^Directive limit of 20 exceeded: the operation has 21 directives/);
    // Over the token limit the document is not parsed: a parse failure, as Apollo answers any document it cannot parse.
    await refused(`{ ${Array(3100).fill('__typename').join(' ')} }`, {}, 'GRAPHQL_PARSE_FAILED', 'tokens', /^Token limit of 3000 exceeded/);

    // Just under each limit the operation runs.
    const under = await gql(`query($y: Boolean = true) { ${Array.from({ length: 15 }, (_, i) => `a${i}: stats @include(if: $y) { papers }`).join(' ')} }`);
    expect(under.errors).toBeUndefined();
    expect(under.data.a14.papers).toBeGreaterThan(0);
  });

  it('costs the same number of statements for 3 or 30 papers with nested lists (no N+1)', async () => {
    const q = `query($n: Int) { papers(first: $n) { edges { node { title
      entities { role evidence { text } entity { name ... on Model { family { name } variants { name } } ... on Dataset { base { name } }
        papers(first: 2) { totalCount edges { node { id entities(type: METHOD) { entity { name } } } } }
        cooccurring(first: 3) { papers entity { name } } } }
      related(first: 3) { score paper { title } shared { name } } } } } }`;
    const count = async (n: number) => {
      let statements = 0;
      const off = db.onStatement(() => statements++);
      const r = await gql(q, { n });
      off();
      expect(r.errors).toBeUndefined();
      return statements;
    };
    const small = await count(3);
    const large = await count(30);
    expect(large).toBe(small);
    expect(large).toBeLessThanOrEqual(12);
  });
});

describe('ingestPapers mutation', () => {
  const mutation = `mutation($papers: [PaperInput!]!) { ingestPapers(papers: $papers) { ingested updated unchanged ids errors { index message } } }`;
  const papers = [
    { id: 'api-1', title: 'Testing an API paper', abstract: 'We fine-tune BERT on SQuAD.' },
    { id: 'api-2', title: '', abstract: 'No title here.' },
  ];

  it('needs the API key', async () => {
    const anonymous = await gql(mutation, { papers });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const wrong = await gql(mutation, { papers }, { authorization: 'Bearer wrong-key-wrong-key-wrong' });
    expect(wrong.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('ingests the good records and reports the bad ones by index', async () => {
    const r = await gql(mutation, { papers }, { authorization: `Bearer ${TEST_API_KEY}` });
    expect(r.errors).toBeUndefined();
    expect(r.data.ingestPapers).toEqual({ ingested: 1, updated: 0, unchanged: 0, ids: ['api-1', null], errors: [{ index: 1, message: 'title is empty' }] });
    const again = await gql(mutation, { papers: papers.slice(0, 1) }, { authorization: `Bearer ${TEST_API_KEY}` });
    expect(again.data.ingestPapers).toMatchObject({ ingested: 0, unchanged: 1 });
    const stored = await gql('{ paper(id: "api-1") { title } }');
    expect(stored.data.paper.title).toBe('Testing an API paper');
  });
});

describe('http endpoints', () => {
  it('serves /health and /ready, and lets Apollo Sandbox in through CORS', async () => {
    const base = server.url.replace(/\/graphql$/, '');
    expect(await (await fetch(`${base}/health`)).json()).toEqual({ status: 'ok' });
    expect(await (await fetch(`${base}/ready`)).json()).toEqual({ status: 'ready' });
    const pre = await fetch(server.url, {
      method: 'OPTIONS',
      headers: { origin: 'https://studio.apollographql.com', 'access-control-request-method': 'POST' },
    });
    expect(pre.headers.get('access-control-allow-origin')).toBe('https://studio.apollographql.com');
    const other = await fetch(server.url, { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers a body that is not JSON, or too large, with a 4xx that says so', async () => {
    const post = (body: string) => fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const broken = await post('{"query": "{ stats { papers } }"');
    expect(broken.status).toBe(400);
    expect(((await broken.json()) as { errors: { message: string }[] }).errors[0]!.message).toMatch(/JSON/);
    const huge = await post(JSON.stringify({ query: '{ stats { papers } }', variables: { pad: 'x'.repeat(3 * 1024 * 1024) } }));
    expect(huge.status).toBe(413);
    expect(((await huge.json()) as { errors: { message: string }[] }).errors[0]!.message).toMatch(/too large/i);
    // The server still answers, with or without a trailing slash.
    expect((await gql('{ stats { papers } }')).data.stats.papers).toBeGreaterThan(0);
    const slash = await fetch(`${server.url}/`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ stats { papers } }"}' });
    expect(((await slash.json()) as { data: { stats: { papers: number } } }).data.stats.papers).toBeGreaterThan(0);
  });
});
