// Issue 19 (4, 7): real GraphQL clients against the real server on the sample
// corpus, each paging a list to its end and resolving node(id:) through a
// fragment on an interface, with no cache warning: Apollo Client and urql
// Graphcache with the setups shipped in examples/clients/, urql with its
// defaults (document cache, GET for short queries), graphql-request, Python's
// gql (examples/clients/papergraph_gql.py), and the GraphQL-over-HTTP audits of
// the graphql-http package.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Client as UrqlClient, cacheExchange as documentCacheExchange, fetchExchange } from '@urql/core';
import { buildSchema, isObjectType, parse } from 'graphql';
import { GraphQLClient } from 'graphql-request';
import { serverAudits, type AuditResult } from 'graphql-http';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it, vi } from 'vitest';
import { cacheExchange as graphcacheExchange } from '@urql/exchange-graphcache';
import { keys as graphcacheKeys, papergraphUrqlClient } from '../../examples/clients/urql.js';
import generated from '../../src/client/possible-types.js';
import { projectPath } from '../../src/paths.js';
import { startSampleApi } from '../helpers/api.js';

// Apollo Client warns (about cache data loss, among others) only in development mode,
// which a bundler's `development` condition or this global turns on; it is read when
// the package loads, so the client is imported after setting it.
(globalThis as { __DEV__?: boolean }).__DEV__ = true;
const { ApolloClient, gql: apolloGql, HttpLink, InMemoryCache } = await import('@apollo/client');
const { papergraphApolloClient, typePolicies } = await import('../../examples/clients/apollo.js');

let server: Awaited<ReturnType<typeof startSampleApi>>['server'];
let stop: () => Promise<void>;
let paperTotal: number;
let entityId: string;

beforeAll(async () => {
  ({ server, stop } = await startSampleApi());
  const r = await server.gql('{ papers { totalCount } entities(type: METHOD, first: 1) { edges { node { id } } } }');
  paperTotal = r.data.papers.totalCount;
  entityId = r.data.entities.edges[0].node.id;
  expect(paperTotal).toBeGreaterThan(20);
});
afterAll(async () => {
  await stop?.();
});

// Every console warning or error while a client runs (Apollo's "Cache data may be lost",
// Graphcache's "Invalid key" and "Heuristic Fragment Matching" all go there).
let warnings: string[] = [];
beforeEach(() => {
  warnings = [];
  for (const level of ['warn', 'error'] as const) {
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
      warnings.push(args.map(String).join(' '));
    });
  }
});
afterEach(() => {
  vi.restoreAllMocks();
});

const PAGE = 7; // small pages: the sample corpus is walked in several
const PAPERS = `query Papers($after: String) {
  papers(first: ${PAGE}, after: $after) {
    totalCount
    edges { cursor node { id title } }
    pageInfo { hasNextPage endCursor }
  }
}`;
const ENTITIES = `query Models($after: String) {
  entities(type: MODEL, first: ${PAGE}, after: $after) {
    totalCount
    edges { cursor node { id name ... on Model { family { id name } } } }
    pageInfo { hasNextPage endCursor }
  }
}`;
const NODE = `query Node($id: ID!) { node(id: $id) { id ... on Entity { name type paperCount } } }`;

interface Page {
  totalCount: number;
  edges: { node: { id: string } }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/** Follows endCursor to the last page; the ids of each page as the client returned them. */
async function walk(fetchPage: (after: string | null) => Promise<Page>) {
  const pages: string[][] = [];
  let after: string | null = null;
  let total = -1;
  for (let i = 0; i < 100; i++) {
    const page = await fetchPage(after);
    total = page.totalCount;
    pages.push(page.edges.map((e) => e.node.id));
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor;
  }
  return { pages, total };
}

function expectWholeList(ids: string[], total: number) {
  expect(ids).toHaveLength(total);
  expect(new Set(ids).size).toBe(total);
}

const operationsDir = projectPath('examples', 'operations');
const exampleVariables = JSON.parse(fs.readFileSync(path.join(operationsDir, 'variables.json'), 'utf8')) as Record<string, Record<string, unknown>>;
const exampleOperations = fs
  .readdirSync(operationsDir)
  .filter((f) => f.endsWith('.graphql'))
  .sort()
  .map((f) => ({ name: path.basename(f, '.graphql'), text: fs.readFileSync(path.join(operationsDir, f), 'utf8') }));

describe('Apollo Client with examples/clients/apollo.ts', () => {
  it('pages papers and models to the end, keeping every page in the cache', async () => {
    const client = papergraphApolloClient(server.url);
    for (const [text, field] of [
      [PAPERS, 'papers'],
      [ENTITIES, 'entities'],
    ] as const) {
      const query = apolloGql(text);
      // Each page from the network; relayStylePagination merges it into the one list.
      const { pages, total } = await walk(async (after) => ((await client.query({ query, variables: { after }, fetchPolicy: 'network-only' })).data as Record<string, Page>)[field]!);
      expect(pages.length).toBeGreaterThan(1);
      const cached = client.readQuery({ query, variables: { after: null } }) as Record<string, Page>;
      expectWholeList(cached[field]!.edges.map((e) => e.node.id), total);
    }
    expect(warnings).toEqual([]);
  });

  it('resolves node(id:) through a fragment on Entity, and keeps the name', async () => {
    const client = papergraphApolloClient(server.url);
    const r = await client.query({ query: apolloGql(NODE), variables: { id: entityId } });
    expect(r.data).toEqual({ node: { __typename: 'Method', id: entityId, name: expect.any(String), type: 'METHOD', paperCount: expect.any(Number) } });
    expect(warnings).toEqual([]);
  });

  it('runs every example operation twice, and queries sharing records keep each other whole', async () => {
    const client = papergraphApolloClient(server.url);
    for (const op of exampleOperations) {
      for (const fetchPolicy of ['network-only', 'cache-first'] as const) {
        const r = await client.query({ query: apolloGql(op.text), variables: exampleVariables[op.name] ?? {}, fetchPolicy });
        expect(r.error, op.name).toBeUndefined();
        expect(r.data, op.name).toBeTruthy();
      }
    }
    // Two queries asking different fields of id-less records (stats) and of a paper's
    // entity links: the second must not evict what the first read.
    const stats1 = apolloGql('{ stats { papers entities } }');
    const stats2 = apolloGql('{ stats { relationships byType { type count } } }');
    const paperId = exampleVariables.PaperPage!.id as string;
    const links1 = apolloGql('query($id: ID!) { paper(id: $id) { id entities { id role entity { id name } } } }');
    const links2 = apolloGql('query($id: ID!) { paper(id: $id) { id entities { id confidence evidence { text } } } }');
    await client.query({ query: stats1 });
    await client.query({ query: stats2 });
    await client.query({ query: links1, variables: { id: paperId } });
    await client.query({ query: links2, variables: { id: paperId } });
    expect(client.readQuery({ query: stats1 })).toEqual({ stats: { __typename: 'GraphStats', papers: paperTotal, entities: expect.any(Number) } });
    const links = client.readQuery({ query: links1, variables: { id: paperId } }) as { paper: { entities: { id: string; entity: { id: string; name: string } }[] } } | null;
    expect(links?.paper.entities.length).toBeGreaterThan(0);
    // PaperEntity.id is paper x entity.
    for (const l of links!.paper.entities) expect(l.id).toBe(`${paperId}>${l.entity.id}`);
    expect(warnings).toEqual([]);
  });
});

describe('urql Graphcache with examples/clients/urql.ts', () => {
  it('pages papers and models to the end, keeping every page in the cache', async () => {
    const client = papergraphUrqlClient(server.url);
    for (const [query, field] of [
      [PAPERS, 'papers'],
      [ENTITIES, 'entities'],
    ] as const) {
      const { pages, total } = await walk(async (after) => {
        const r = await client.query(query, { after }, { requestPolicy: 'network-only' }).toPromise();
        expect(r.error).toBeUndefined();
        // relayPagination answers with every page so far, and the last page's pageInfo.
        return r.data[field] as Page;
      });
      expect(pages.length).toBeGreaterThan(1);
      const cached = await client.query(query, { after: null }, { requestPolicy: 'cache-only' }).toPromise();
      expectWholeList((cached.data[field] as Page).edges.map((e) => e.node.id), total);
    }
    expect(warnings).toEqual([]);
  });

  it('resolves node(id:) through a fragment on Entity, and runs every example operation, with no warning', async () => {
    const client = papergraphUrqlClient(server.url);
    const r = await client.query(NODE, { id: entityId }).toPromise();
    expect(r.error).toBeUndefined();
    expect(r.data.node).toMatchObject({ id: entityId, name: expect.any(String), type: 'METHOD', paperCount: expect.any(Number) });
    for (const op of exampleOperations) {
      for (const requestPolicy of ['network-only', 'cache-first'] as const) {
        const res = await client.query(op.text, exampleVariables[op.name] ?? {}, { requestPolicy }).toPromise();
        expect(res.error, op.name).toBeUndefined();
        expect(res.data, op.name).toBeTruthy();
      }
    }
    expect(warnings).toEqual([]);
  });
});

describe('without the shipped setups (the check above is live)', () => {
  it('Apollo’s default cache drops the interface fragment’s fields and warns on id-less records; bare Graphcache warns', async () => {
    const apollo = new ApolloClient({ link: new HttpLink({ uri: server.url }), cache: new InMemoryCache() });
    const node = await apollo.query({ query: apolloGql(NODE), variables: { id: entityId } });
    expect((node.data as { node: Record<string, unknown> }).node.name).toBeUndefined();
    await apollo.query({ query: apolloGql('{ stats { papers } }') });
    await apollo.query({ query: apolloGql('{ stats { entities } }') });
    expect(warnings.some((w) => /Cache data may be lost when replacing/.test(w))).toBe(true);
    warnings = [];
    const urql = new UrqlClient({ url: server.url, exchanges: [graphcacheExchange(), fetchExchange] });
    await urql.query('{ stats { papers byType { type count } } }', {}).toPromise();
    expect(warnings.some((w) => /Invalid key/.test(w))).toBe(true);
    warnings = [];
  });
});

describe('the shipped cache setups cover the schema', () => {
  const sdl = fs
    .readdirSync(projectPath('schema'))
    .filter((f) => f.endsWith('.graphql'))
    .map((f) => fs.readFileSync(projectPath('schema', f), 'utf8'))
    .join('\n');
  const schema = buildSchema(sdl);
  const idless = Object.values(schema.getTypeMap())
    .filter(isObjectType)
    .filter((t) => !t.name.startsWith('__') && !['Query', 'Mutation'].includes(t.name) && !/(Connection|Edge|PageInfo)$/.test(t.name) && !t.getFields().id)
    .map((t) => t.name)
    .sort();

  it('every object type without an id has a key rule in both (new types cannot slip by)', () => {
    expect(idless.length).toBeGreaterThan(5);
    expect(idless.filter((t) => !(t in graphcacheKeys))).toEqual([]);
    expect(idless.filter((t) => !(t in typePolicies))).toEqual([]);
  });

  it('possibleTypes is the schema’s', () => {
    const { Entity, Node } = generated.possibleTypes;
    expect([...Entity!].sort()).toEqual(['Dataset', 'Method', 'Metric', 'Model', 'Task']);
    expect([...Node!].sort()).toEqual(['Dataset', 'Method', 'Metric', 'Model', 'Paper', 'Task']);
    expect(parse(PAPERS)).toBeTruthy();
  });
});

describe('urql with its defaults', () => {
  it('sends GET, pages to the end and resolves node(id:) on an interface fragment', async () => {
    const methods: string[] = [];
    const client = new UrqlClient({
      url: server.url,
      exchanges: [documentCacheExchange, fetchExchange],
      fetch: (input, init) => {
        methods.push(init?.method ?? 'GET');
        return fetch(input, init);
      },
    });
    const { pages, total } = await walk(async (after) => {
      const r = await client.query(PAPERS, { after }).toPromise();
      expect(r.error).toBeUndefined();
      return r.data.papers;
    });
    expectWholeList(pages.flat(), total);
    const node = await client.query(NODE, { id: entityId }).toPromise();
    expect(node.data.node).toMatchObject({ id: entityId, name: expect.any(String) });
    expect(new Set(methods)).toEqual(new Set(['GET']));
    expect(warnings).toEqual([]);
  });
});

describe('graphql-request', () => {
  it.each(['POST', 'GET'] as const)('pages to the end and resolves node(id:) on an interface fragment (%s)', async (method) => {
    const client = new GraphQLClient(server.url, { method });
    const { pages, total } = await walk(async (after) => (await client.request<{ papers: Page }>(PAPERS, { after })).papers);
    expectWholeList(pages.flat(), total);
    const node = await client.request<{ node: { id: string; name: string } }>(NODE, { id: entityId });
    expect(node.node).toMatchObject({ id: entityId, name: expect.any(String) });
    expect(warnings).toEqual([]);
  });
});

describe('Python gql (examples/clients/papergraph_gql.py)', () => {
  it('pages to the end and resolves node(id:) on an interface fragment', async () => {
    const out = await new Promise<string>((resolve, reject) =>
      execFile(
        inject('python'),
        [projectPath('examples', 'clients', 'papergraph_gql.py')],
        { env: { ...process.env, PAPERGRAPH_URL: server.url }, timeout: 120_000 },
        (error, stdout, stderr) => (error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(stdout)),
      ),
    );
    const summary = JSON.parse(out.trim().split('\n').at(-1)!);
    expect(summary.totalCount).toBe(paperTotal);
    expect(summary.seen).toBe(paperTotal);
    expect(summary.distinct).toBe(paperTotal);
    expect(summary.pages).toBeGreaterThan(1);
    expect(summary.node).toMatchObject({ __typename: 'Method', name: expect.any(String), type: 'METHOD' });
  });
});

// Where Apollo Server deliberately differs from the spec's SHOULDs, and why.
const AUDIT_EXCEPTIONS: Record<string, string> = {
  // For a request that accepts only the legacy `application/json`, the spec recommends
  // 200 for a request error (parse, validation, variable coercion), for old clients that
  // cannot read an error status's body. Apollo Server answers 400 (with the GraphQL
  // error body) whatever the Accept header, like every current client expects: a typo is
  // a client error to `raise_for_status()`, load balancers and logs, never a success.
  '572B': 'parse failure: 400, not 200, for application/json',
  FDE2: 'validation failure: 400, not 200, for application/json',
  '7B9B': 'variable coercion failure: 400, not 200, for application/json',
};

describe('GraphQL over HTTP audits (graphql-http serverAudits)', () => {
  it('nothing worse than a notice, except the named exceptions', async () => {
    const results: AuditResult[] = [];
    for (const audit of serverAudits({ url: server.url, fetchFn: fetch })) results.push(await audit.fn());
    const failing = results.filter((r) => r.status === 'warn' || r.status === 'error');
    const unexplained = failing.filter((r) => !(r.id in AUDIT_EXCEPTIONS)).map((r) => `${r.status} ${r.id} ${r.name}: ${'reason' in r ? r.reason : ''}`);
    expect(unexplained).toEqual([]);
    // An exception is what it says: a warning (never an error), answered 400.
    for (const r of failing) {
      expect(r.status, r.id).toBe('warn');
      expect('response' in r && r.response.status, r.id).toBe(400);
    }
    const count = (status: string) => results.filter((r) => r.status === status).length;
    console.info(`graphql-http ${results.length} audits: ${count('ok')} ok, ${count('notice')} notices, ${count('warn')} warnings (named exceptions: ${failing.map((r) => r.id).join(', ') || 'none'}), ${count('error')} errors`);
  });
});
