// The explorer in a real headless Chromium (Debian's package, driven by
// playwright-core) against the real server on the sample corpus. Expectations
// come from the GraphQL API, so they follow the extractor's output. Screenshots
// go to test-output/explorer/ for a person to look at; the first-view times and
// GraphQL requests per view are printed.
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPLORER_DIR } from '../../src/graphql/explorer.js';
import { projectPath } from '../../src/paths.js';
import { startSampleApi, TEST_API_KEY } from '../helpers/api.js';
import { chromiumPath } from '../helpers/chromium.js';

const OUT = projectPath('test-output', 'explorer');

let api: Awaited<ReturnType<typeof startSampleApi>>;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let origin: string;
const otherHosts: string[] = [];
const consoleErrors: string[] = [];
let graphqlRequests = 0;
const measured: { view: string; firstViewMs: number; requests: number }[] = [];

const gql = (q: string, v: Record<string, unknown> = {}) => api.server.gql(q, v);

beforeAll(async () => {
  if (!fs.existsSync(path.join(EXPLORER_DIR, 'index.html'))) throw new Error('dist/explorer is not built: run `npm run build:web` (npm install and npm test do)');
  const executablePath = chromiumPath();
  api = await startSampleApi();
  origin = new URL(api.server.url).origin;
  fs.rmSync(OUT, { recursive: true, force: true });
  fs.mkdirSync(OUT, { recursive: true });
  // Running as root (CI) needs --no-sandbox.
  browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
  context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  // Every request goes through here: one for another host is recorded and refused.
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (new URL(url).origin !== origin && !url.startsWith('data:') && !url.startsWith('blob:')) {
      otherHosts.push(url);
      return route.abort();
    }
    return route.continue();
  });
  page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(`${page.url()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => consoleErrors.push(`${page.url()}: ${e.message}`));
  page.on('request', (r) => {
    if (new URL(r.url()).pathname === '/graphql' && r.method() === 'POST') graphqlRequests++;
  });
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await api?.stop();
  if (measured.length) {
    console.log('[explorer] first view (navigation start to data shown) and GraphQL requests per view:');
    for (const m of measured) console.log(`[explorer]   ${m.view.padEnd(58)} ${String(Math.round(m.firstViewMs)).padStart(5)} ms  ${m.requests} requests`);
  }
});

/** Waits until the app shows `view` with its data, then until the network is quiet. */
async function ready(view: string) {
  await page.waitForSelector(`body[data-ready="${view}"]`, { timeout: 20_000 });
  await page.waitForLoadState('networkidle');
}

/** Loads a URL afresh (as a shared link would) and records its first-view time and GraphQL requests. */
async function open(url: string, view: string, label = url) {
  graphqlRequests = 0;
  await page.goto(origin + url);
  await ready(view);
  const firstViewMs = await page.evaluate(() => performance.getEntriesByName('papergraph:first-view')[0]?.startTime ?? NaN);
  measured.push({ view: label, firstViewMs, requests: graphqlRequests });
  return { firstViewMs, requests: graphqlRequests };
}

const shot = (name: string) => page.screenshot({ path: path.join(OUT, `${name}.png`) });

/** The most-linked model: the one a person is most likely to look for. */
async function knownModel(): Promise<{ id: string; name: string; paperCount: number }> {
  const r = await gql('{ entities(type: MODEL, first: 1) { edges { node { id name paperCount } } } }');
  return r.data.entities.edges[0].node;
}

describe('explorer', () => {
  it('redirects / to /explore and serves the app there and at any deeper path', async () => {
    const res = await fetch(`${origin}/`, { redirect: 'manual' });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/explore');
    for (const p of ['/explore', '/explore/', '/explore/entity?id=x']) {
      const r = await fetch(origin + p);
      expect(r.status).toBe(200);
      expect(r.headers.get('content-security-policy')).toContain("connect-src 'self'");
      expect(await r.text()).toContain('<div id="app">');
    }
    expect((await fetch(`${origin}/explore/assets/nope.js`)).status).toBe(404);
  });

  it('home: shows the graph overview; type-ahead finds a known model and opens its page', async () => {
    const model = await knownModel();
    const { requests } = await open('/explore', 'home');
    expect(requests).toBe(1);
    expect(await page.locator('.stats').innerText()).toContain('93 papers');
    await shot('home');

    const box = page.getByRole('combobox', { name: 'Search' });
    await box.fill(model.name.slice(0, Math.max(3, model.name.length - 1)));
    const option = page.getByRole('option').filter({ has: page.locator('.name').getByText(model.name, { exact: true }) });
    await option.waitFor();
    await shot('search-typeahead');
    await option.click();
    await ready('entity');
    expect(new URL(page.url()).searchParams.get('id')).toBe(model.id);
    expect(await page.locator('h1').innerText()).toBe(model.name);
  });

  it('search: type chips restrict the type-ahead to the chosen types', async () => {
    await open('/explore', 'home');
    await page.getByRole('button', { name: 'dataset', exact: true }).click();
    await ready('home');
    expect(new URL(page.url()).searchParams.get('types')).toBe('DATASET');
    await page.getByRole('combobox', { name: 'Search' }).fill('c');
    await page.getByRole('option').first().waitFor();
    const badges = await page.locator('.suggestions li .badge').allInnerTexts();
    expect(badges.length).toBeGreaterThan(0);
    expect(new Set(badges.map((b) => b.toLowerCase()))).toEqual(new Set(['dataset']));
    await shot('search-chips');
  });

  it('entity page: lists its papers (paged), role breakdown and co-occurring entities as the API has them', async () => {
    const model = await knownModel();
    const { requests } = await open(`/explore/entity?id=${encodeURIComponent(model.id)}`, 'entity', 'entity page');
    // The page itself, plus the timeline's counts when its papers have dates.
    expect(requests).toBeLessThanOrEqual(3);
    const r = await gql(
      `query($id: ID!) { node(id: $id) { ... on Entity { paperCount uses: papers(role: USES, first: 0) { totalCount } papers(first: 10) { edges { node { title } } } cooccurring(first: 1) { entity { name } } } } }`,
      { id: model.id },
    );
    const e = r.data.node;
    const titles = await page.locator('ol.papers li > a').allInnerTexts();
    expect(titles).toEqual(e.papers.edges.map((x: any) => x.node.title));
    expect(await page.locator('.fact .big').innerText()).toBe(String(e.paperCount));
    expect(await page.locator('[data-role="USES"]').innerText()).toBe(String(e.uses.totalCount));
    expect(await page.locator('.cooccurring').innerText()).toContain(e.cooccurring[0].entity.name);
    await shot('entity');
  });

  it('entity page: pages through a hub entity\'s papers', async () => {
    const r = await gql('{ entities(first: 1) { edges { node { id paperCount papers(first: 20) { edges { node { title } } } } } } }');
    const hub = r.data.entities.edges[0].node;
    expect(hub.paperCount).toBeGreaterThan(10);
    await open(`/explore/entity?id=${encodeURIComponent(hub.id)}`, 'entity', 'entity page (hub)');
    await page.getByRole('button', { name: /Next 10 papers/ }).click();
    await page.waitForURL(/after=/);
    await ready('entity');
    const titles = await page.locator('ol.papers li > a').allInnerTexts();
    expect(titles).toEqual(hub.papers.edges.slice(10, 20).map((x: any) => x.node.title));
    // The page is a link too.
    await page.reload();
    await ready('entity');
    expect(await page.locator('ol.papers li > a').allInnerTexts()).toEqual(titles);
  });

  it('paper page: highlights each entity at its evidence offsets, with role and confidence on hover, linking to the entity', async () => {
    // The paper with the most abstract mentions exercises the most offsets.
    const list = await gql('{ papers(first: 100, orderBy: TITLE_ASC) { edges { node { id entities { evidence { field } } } } } }');
    const best = list.data.papers.edges
      .map((e: any) => ({ id: e.node.id, n: e.node.entities.flatMap((x: any) => x.evidence).filter((v: any) => v.field === 'abstract').length }))
      .sort((a: any, b: any) => b.n - a.n)[0];
    const r = await gql(
      `query($id: ID!) { paper(id: $id) { title abstract entities { role confidence entity { id name } evidence { text field start end } } } }`,
      { id: best.id },
    );
    const paper = r.data.paper;
    const { requests } = await open(`/explore/paper?id=${encodeURIComponent(best.id)}`, 'paper', 'paper page');
    expect(requests).toBe(1);
    expect(await page.locator('.abstract-text').textContent()).toBe(paper.abstract);

    const marks = await page.locator('.abstract-text mark.hl').evaluateAll((els) =>
      els.map((el) => ({ text: el.textContent, entity: (el as HTMLElement).dataset.entity, start: Number((el as HTMLElement).dataset.start), end: Number((el as HTMLElement).dataset.end), title: el.getAttribute('title') })),
    );
    const evidence = paper.entities.flatMap((l: any) => l.evidence.filter((v: any) => v.field === 'abstract').map((v: any) => ({ ...v, link: l })));
    expect(marks.length).toBeGreaterThan(2);
    for (const m of marks) {
      // The marked text is the evidence text, at the evidence's offsets in the abstract.
      const ev = evidence.find((v: any) => v.link.entity.id === m.entity && v.start === m.start && v.end === m.end);
      expect(ev, `evidence for mark ${JSON.stringify(m)}`).toBeTruthy();
      expect(m.text).toBe(ev.text);
      expect(paper.abstract.slice(m.start, m.end)).toBe(m.text);
      expect(m.title).toContain(ev.link.confidence.toFixed(2));
    }
    // Every mention is marked unless it overlaps one that is.
    for (const v of evidence) {
      const marked = marks.some((m) => m.start === v.start && m.end === v.end);
      const overlaps = marks.some((m) => m.start < v.end && v.start < m.end);
      expect(marked || overlaps, `mention ${v.text}@${v.start}`).toBe(true);
    }
    await page.locator('.abstract-text mark.hl').first().hover();
    await shot('paper');

    const first = marks[0]!;
    await page.locator('.abstract-text mark.hl').first().click();
    await ready('entity');
    expect(new URL(page.url()).searchParams.get('id')).toBe(first.entity);
  });

  it('graph: draws the entity with its papers, edges labelled by role, and expands a node on click', async () => {
    const model = await knownModel();
    const { requests } = await open(`/explore/graph?id=${encodeURIComponent(model.id)}`, 'graph', 'graph');
    expect(requests).toBe(1);
    const state = () =>
      page.evaluate(() => {
        const cy = (window as any).papergraphGraph;
        return {
          nodes: cy.nodes().map((n: any) => ({ id: n.id(), kind: n.data('kind'), pos: n.renderedPosition(), visible: n.visible() })),
          edges: cy.edges().map((e: any) => e.data('label')),
        };
      });
    const before = await state();
    expect(before.nodes.length).toBe(1 + Math.min(10, model.paperCount));
    expect(before.edges.length).toBe(Math.min(10, model.paperCount));
    for (const label of before.edges) expect(['proposes', 'uses', 'evaluates on', 'compares with', 'mentions']).toContain(label);
    expect(await page.locator('.graph-canvas canvas').count()).toBeGreaterThan(0);
    expect(await page.locator('.graph-canvas').getAttribute('data-nodes')).toBe(String(before.nodes.length));
    await shot('graph');

    // A real click on a paper node expands it into its entities.
    const paperNode = before.nodes.find((n: any) => n.kind === 'paper')!;
    const boxRect = (await page.locator('.graph-canvas').boundingBox())!;
    graphqlRequests = 0;
    await page.mouse.click(boxRect.x + paperNode.pos.x, boxRect.y + paperNode.pos.y);
    await page.waitForFunction((n) => (window as any).papergraphGraph.nodes().length > n, before.nodes.length);
    await page.waitForURL(/expand=/);
    await page.waitForLoadState('networkidle');
    expect(graphqlRequests).toBe(1);
    const after = await state();
    expect(after.nodes.length).toBeGreaterThan(before.nodes.length);
    expect(new URL(page.url()).searchParams.getAll('expand')).toEqual([paperNode.id]);
    await shot('graph-expanded');

    // The expanded graph is a link: reloading rebuilds the same nodes.
    await page.reload();
    await ready('graph');
    const reloaded = await state();
    expect(reloaded.nodes.map((n: any) => n.id).sort()).toEqual(after.nodes.map((n: any) => n.id).sort());
  });

  it('graph: a hub shows a capped sample with "show more"', async () => {
    const r = await gql('{ entities(first: 1) { edges { node { id paperCount } } } }');
    const hub = r.data.entities.edges[0].node;
    await open(`/explore/graph?id=${encodeURIComponent(hub.id)}`, 'graph', 'graph (hub)');
    const count = () => page.evaluate(() => (window as any).papergraphGraph.nodes().length);
    expect(await count()).toBe(11);
    await expect(page.locator('.selected-node').innerText()).resolves.toContain(`Showing 10 of ${hub.paperCount} papers`);
    await page.getByRole('button', { name: 'Show more' }).click();
    await page.waitForFunction(() => (window as any).papergraphGraph.nodes().length > 11);
    expect(await count()).toBe(1 + Math.min(20, hub.paperCount));
  });

  it('co-occurrence: heatmap cells open their papers, and the view reloads from its link', async () => {
    const r = await gql('{ cooccurrence(rows: METHOD, columns: DATASET, first: 1) { papers row { id name } column { id name } } }');
    const top = r.data.cooccurrence[0];
    const { requests } = await open('/explore/cooccurrence', 'cooccurrence', 'co-occurrence');
    expect(requests).toBe(1);
    const cell = page.locator(`button.cell[data-row="${top.row.id}"][data-column="${top.column.id}"]`);
    expect(await cell.innerText()).toBe(String(top.papers));
    await cell.click();
    await page.waitForURL(/row=/);
    await ready('cooccurrence');
    const listed = page.locator('.cell-papers ol.papers li');
    expect(await listed.count()).toBe(Math.min(20, top.papers));
    await shot('cooccurrence');
    const url = page.url();
    await page.reload();
    await ready('cooccurrence');
    expect(page.url()).toBe(url);
    expect(await page.locator('.cell-papers ol.papers li').count()).toBe(Math.min(20, top.papers));
  });

  it('path: draws the chain between two entities with the evidence sentence of each hop', async () => {
    const r = await gql('{ entities(type: MODEL, first: 2) { edges { node { id } } } }');
    const [a, b] = r.data.entities.edges.map((e: any) => e.node.id);
    const p = await gql('query($a: ID!, $b: ID!) { path(from: $a, to: $b) { id } }', { a, b });
    expect(p.data.path, `a path between ${a} and ${b}`).toBeTruthy();
    const { requests } = await open(`/explore/path?from=${encodeURIComponent(a)}&to=${encodeURIComponent(b)}`, 'path', 'path');
    // The path, the evidence of its papers, the two ends' names.
    expect(requests).toBeLessThanOrEqual(3);
    const ids = await page.locator('.path-node').evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset.id));
    expect(ids).toEqual(p.data.path.map((n: any) => n.id));
    const evidence = await page.locator('.hop-evidence mark').allInnerTexts();
    expect(evidence.length).toBe(ids.length - 1 - (await page.locator('.hop-role', { hasText: 'variant of' }).count()));
    await shot('path');
  });

  it('deep links: every view reloads to the same view', async () => {
    const model = await knownModel();
    const urls: [string, string][] = [
      ['/explore?q=learning&types=METHOD', 'home'],
      [`/explore/entity?id=${encodeURIComponent(model.id)}`, 'entity'],
      [`/explore/graph?id=${encodeURIComponent(model.id)}`, 'graph'],
      ['/explore/cooccurrence?rows=TASK&columns=METRIC', 'cooccurrence'],
      [`/explore/path?from=${encodeURIComponent(model.id)}`, 'path'],
    ];
    for (const [url, view] of urls) {
      await open(url, view, `deep link ${url.split('?')[0]}`);
      const before = await page.locator('main').innerText();
      await page.reload();
      await ready(view);
      expect(page.url()).toBe(origin + url);
      expect(await page.locator('main').innerText()).toBe(before);
    }
    await page.goto(`${origin}/explore?q=learning&types=METHOD`);
    await ready('home');
    const badges = await page.locator('.hits .badge').allInnerTexts();
    expect(badges.length).toBeGreaterThan(0);
    expect(new Set(badges.map((b) => b.toLowerCase()))).toEqual(new Set(['method']));
    // Back and forward move between views.
    await page.goto(`${origin}/explore/entity?id=${encodeURIComponent(model.id)}`);
    await ready('entity');
    await page.goBack();
    await ready('home');
    expect(new URL(page.url()).searchParams.get('q')).toBe('learning');
  });

  it('GraphiQL at /graphql for a browser, bundled, runs a query', async () => {
    graphqlRequests = 0;
    // GraphiQL reads the schema by introspection, then runs what is in its editor.
    const schemaRead = page.waitForResponse((r) => r.url().endsWith('/graphql') && (r.request().postData() ?? '').includes('IntrospectionQuery'));
    await page.goto(`${origin}/graphql`);
    await page.locator('.graphiql-container').waitFor({ timeout: 30_000 });
    await schemaRead;
    await page.locator('.graphiql-query-editor .view-lines').filter({ hasText: 'stats' }).waitFor({ timeout: 30_000 });
    await page.locator('.graphiql-execute-button').click();
    // Monaco writes the result's spaces as no-break spaces.
    await page.locator('.result-window').filter({ hasText: /"papers":\s*93/ }).waitFor({ timeout: 30_000 });
    await shot('graphiql');
    // POST without a browser's Accept still gets GraphQL, not the page.
    expect((await gql('{ stats { papers } }')).data.stats.papers).toBe(93);
  });

  it('entity page: a timeline of dated papers by year, and by month over the last two years', async () => {
    // The sample corpus has no dates: three dated papers naming one entity give it a timeline.
    const abstract = 'We fine-tune BERT on SQuAD and report exact match.';
    const dated = [
      { id: 'timeline-1', title: 'Timeline test paper one', abstract, published: '2023-01-15' },
      { id: 'timeline-2', title: 'Timeline test paper two', abstract, published: '2023-03-02' },
      { id: 'timeline-3', title: 'Timeline test paper three', abstract, published: '2024-02-20' },
    ];
    const ingested = await api.server.gql(
      'mutation($p: [PaperInput!]!) { ingestPapers(papers: $p) { ingested errors { message } } }',
      { p: dated },
      { authorization: `Bearer ${TEST_API_KEY}` },
    );
    expect(ingested.data.ingestPapers).toEqual({ ingested: 3, errors: [] });
    const linked = await gql('{ paper(id: "timeline-1") { entities { entity { id paperCount } } } }');
    const entity = linked.data.paper.entities[0].entity;
    const { requests } = await open(`/explore/entity?id=${encodeURIComponent(entity.id)}`, 'entity', 'entity page (dated papers)');
    expect(requests).toBe(1);
    const title = (period: string) => page.locator(`.bar-col[data-period="${period}"]`).getAttribute('title');
    expect(await page.locator('.bar-col').count()).toBe(2);
    expect(await title('2023')).toBe('2023: 2 papers');
    expect(await title('2024')).toBe('2024: 1 paper');
    const undated = entity.paperCount - 3;
    if (undated > 0) expect(await page.locator('.timeline').innerText()).toContain(`${undated} paper${undated === 1 ? '' : 's'} without a date`);
    await shot('entity-timeline');

    graphqlRequests = 0;
    await page.getByRole('button', { name: 'by month' }).click();
    await page.locator('.bar-col[data-period="2024-02"]').waitFor();
    expect(graphqlRequests).toBe(1);
    // January 2023 to February 2024, the months without papers as zeros.
    expect(await page.locator('.bar-col').count()).toBe(14);
    expect(await title('2023-01')).toBe('Jan 2023: 1 paper');
    expect(await title('2023-02')).toBe('Feb 2023: 0 papers');
    expect(await title('2024-02')).toBe('Feb 2024: 1 paper');
  });

  it('made no request to another host and logged no console error', () => {
    expect(otherHosts).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});
