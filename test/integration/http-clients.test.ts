// What HTTP clients that are not Apollo Client meet (issue 19): GET queries as
// urql, `curl -G` and Python's `requests.get(url, params=...)` send them, the
// CSRF policy (no cross-site simple request can run a mutation), and
// GraphQL-shaped errors with spec statuses for what fails before GraphQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingest } from '../../src/ingest/pipeline.js';
import type { SourceRecord } from '../../src/ingest/records.js';
import { defaultExtractor } from '../../src/runtime.js';
import { startTestServer, TEST_API_KEY } from '../helpers/api.js';
import { useFreshDatabase } from '../helpers/db.js';

const db = useFreshDatabase();
let server: Awaited<ReturnType<typeof startTestServer>>;

async function* onePaper(): AsyncGenerator<SourceRecord> {
  yield { location: 't:1', paper: { id: 'http-1', title: 'Tuning BERT for question answering', abstract: 'We fine-tune BERT on SQuAD and report F1.' } };
}

beforeAll(async () => {
  await ingest(onePaper(), { db, extractor: defaultExtractor() });
  server = await startTestServer(db);
});
afterAll(async () => {
  await server?.stop();
});

const MUTATION = 'mutation { ingestPapers(papers: [{ id: "csrf-1", title: "Forged", abstract: "A forged paper about BERT." }]) { ingested } }';

async function paperCount(): Promise<number> {
  const r = await server.gql('{ papers { totalCount } }');
  return r.data.papers.totalCount;
}

interface Answer {
  status: number;
  headers: Headers;
  body: { data?: any; errors?: { message: string; extensions?: { code?: string; requestId?: string } }[] };
}

async function send(init: RequestInit & { url?: string }): Promise<Answer> {
  const res = await fetch(init.url ?? server.url, init);
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: JSON.parse(text) };
}

function expectGraphQLError(a: Answer, status: number, code: string) {
  expect(a.status).toBe(status);
  expect(a.headers.get('content-type')).toMatch(/json/);
  expect(a.body.data).toBeUndefined();
  expect(a.body.errors).toHaveLength(1);
  expect(typeof a.body.errors![0]!.message).toBe('string');
  expect(a.body.errors![0]!.extensions?.code).toBe(code);
  expect(a.body.errors![0]!.extensions?.requestId).toBe(a.headers.get('x-request-id'));
  expect(Object.keys(a.body)).toEqual(['errors']);
}

describe('GET queries', () => {
  it('answers urql-style GET (query and variables in the URL, graphql-response accept, no content-type)', async () => {
    const params = new URLSearchParams({ query: 'query P($id: ID!) { paper(id: $id) { title } }', variables: JSON.stringify({ id: 'http-1' }) });
    const a = await send({
      url: `${server.url}?${params}`,
      method: 'GET',
      headers: { accept: 'application/graphql-response+json, application/graphql+json, application/json, text/event-stream, multipart/mixed' },
    });
    expect(a.status).toBe(200);
    expect(a.body.errors).toBeUndefined();
    expect(a.body.data.paper.title).toBe('Tuning BERT for question answering');
  });

  it('answers curl -G and requests.get (no headers beyond Accept: */*)', async () => {
    const a = await send({ url: `${server.url}?query=${encodeURIComponent('{ papers { totalCount } }')}`, method: 'GET', headers: { accept: '*/*' } });
    expect(a.status).toBe(200);
    expect(a.body.data.papers.totalCount).toBe(1);
  });

  it('never runs a mutation over GET, even with the API key', async () => {
    const before = await paperCount();
    const a = await send({
      url: `${server.url}?query=${encodeURIComponent(MUTATION)}`,
      method: 'GET',
      headers: { authorization: `Bearer ${TEST_API_KEY}` },
    });
    expect(a.status).toBe(405);
    expect(a.body.errors?.[0]?.message).toMatch(/GET/);
    expect(await paperCount()).toBe(before);
  });
});

describe('cross-site simple requests cannot run a mutation', () => {
  // What a form on another site can make a browser send without a CORS preflight:
  // no Authorization header, and a content-type among text/plain,
  // application/x-www-form-urlencoded and multipart/form-data.
  const forged: [string, RequestInit][] = [
    ['text/plain POST of a JSON body', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ query: MUTATION }) }],
    ['form post', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ query: MUTATION }).toString() }],
    ['multipart form post', { method: 'POST', body: (() => { const f = new FormData(); f.set('query', MUTATION); return f; })() }],
  ];
  for (const [name, init] of forged) {
    it(`refuses a ${name} with 415 and writes nothing`, async () => {
      const before = await paperCount();
      expectGraphQLError(await send({ ...init, headers: { ...init.headers, origin: 'https://evil.example' } }), 415, 'UNSUPPORTED_MEDIA_TYPE');
      expect(await paperCount()).toBe(before);
    });
  }

  it('refuses a JSON mutation without the bearer key (what a cross-site page could send after preflight)', async () => {
    const before = await paperCount();
    const r = await server.gql(MUTATION, {}, { origin: 'https://evil.example' });
    expect(r.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await paperCount()).toBe(before);
  });

  it('does not allow credentialed cross-origin requests', async () => {
    const res = await fetch(server.url, { method: 'OPTIONS', headers: { origin: 'https://studio.apollographql.com', 'access-control-request-method': 'POST' } });
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
  });
});

describe('status codes by GraphQL over HTTP', () => {
  it('answers a document that does not parse with 400 GRAPHQL_PARSE_FAILED', async () => {
    const r = await server.gql('{ papers { totalCount ');
    expect(r.status).toBe(400);
    expect(r.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(r.errors?.[0]?.message).toMatch(/^Syntax Error/);
  });

  it('answers malformed JSON with 400 BAD_REQUEST', async () => {
    expectGraphQLError(await send({ method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": "{ papers { totalCount } }"' }), 400, 'BAD_REQUEST');
  });

  it('answers an empty JSON body with 400 BAD_REQUEST', async () => {
    expectGraphQLError(await send({ method: 'POST', headers: { 'content-type': 'application/json' }, body: '' }), 400, 'BAD_REQUEST');
  });

  it('answers a body without content-type (requests.post(url, data=...)) with 415', async () => {
    const res = await fetch(server.url, { method: 'POST', body: new TextEncoder().encode(JSON.stringify({ query: '{ papers { totalCount } }' })) });
    expect(res.headers.get('content-type') ?? '').toMatch(/json/);
    const body = await res.json();
    expect(res.status).toBe(415);
    expect(body.errors[0].extensions.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('answers a body over 2 MiB with 413', async () => {
    const big = JSON.stringify({ query: '{ papers { totalCount } }', variables: { pad: 'x'.repeat(2 * 1024 * 1024 + 10) } });
    expectGraphQLError(await send({ method: 'POST', headers: { 'content-type': 'application/json' }, body: big }), 413, 'PAYLOAD_TOO_LARGE');
  });

  it('refuses a batch (a JSON array of operations) with 400 BAD_REQUEST', async () => {
    const q = { query: '{ papers { totalCount } }' };
    const a = await send({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify([q, q]) });
    expect(a.status).toBe(400);
    expect(a.body.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
    expect(a.body.errors?.[0]?.message).toMatch(/batching/i);
  });

  for (const method of ['PUT', 'DELETE', 'PATCH']) {
    it(`answers ${method} /graphql with 405 and Allow`, async () => {
      const a = await send({ method, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ papers { totalCount } }' }) });
      expectGraphQLError(a, 405, 'METHOD_NOT_ALLOWED');
      expect(a.headers.get('allow')).toBe('GET, POST');
    });
  }
});
