// Fault injection, part 1: hostile queries and bad input against the real API
// on a real Neo4j. Every attack gets a coded, clean answer (no database text,
// stack or path) and the server keeps serving. Prints a table: attack,
// expected, seen. (Neo4j killed and restarted: fault-injection-neo4j.test.ts.)
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { startSampleApi, startTestServer, TEST_API_KEY, type GqlResponse } from '../helpers/api.js';
import { faultTable } from '../helpers/fault-table.js';
import { fanOutQuery } from '../helpers/attacks.js';

let db: Database;
let dev: Awaited<ReturnType<typeof startTestServer>>;
let prod: Awaited<ReturnType<typeof startTestServer>>;
let stop: () => Promise<void>;
const table = faultTable();

beforeAll(async () => {
  ({ db, server: dev, stop } = await startSampleApi());
  prod = await startTestServer(db, { NODE_ENV: 'production' });
});
afterAll(async () => {
  console.log(table.render('Fault injection: hostile queries and bad input'));
  await prod?.stop();
  await stop?.();
});

/** Internals that must never reach a client. */
const LEAK = /Neo4j|Neo\.|neo4j-driver|stacktrace|Cypher|db\.index|MATCH |\/work\/|\/home\/|\/tmp\/|node_modules|at [\w.<>]+ \(|\.[jt]s:\d+/;

interface Seen {
  status: number;
  code: string;
  body: string;
  res: GqlResponse;
}

async function post(server: typeof dev, body: unknown, headers: Record<string, string> = {}): Promise<Seen> {
  const res = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const text = await res.text();
  const json = JSON.parse(text) as GqlResponse;
  return { status: res.status, code: json.errors?.[0]?.extensions?.code ?? 'none', body: text, res: json };
}

/** Sends the attack to both modes; both must answer as expected, cleanly. */
async function attack(name: string, expected: { status: number; code: string }, body: unknown, headers: Record<string, string> = {}) {
  const answers = [await post(dev, body, headers), await post(prod, body, headers)];
  const seen = answers.map((a) => `${a.status} ${a.code}`);
  const leaks = answers.some((a) => LEAK.test(a.body));
  table.record(name, `${expected.status} ${expected.code}`, `${[...new Set(seen)].join(' / ')}${leaks ? ' LEAKS' : ''}`);
  for (const a of answers) {
    expect(`${a.status} ${a.code}`, a.body.slice(0, 500)).toBe(`${expected.status} ${expected.code}`);
    expect(a.body).not.toMatch(LEAK);
    expect((a.res.errors?.[0]?.extensions as { requestId?: string } | undefined)?.requestId).toMatch(/^[0-9a-f-]{36}$/);
  }
  return answers[0]!;
}

describe('hostile queries', () => {
  it('a fragment fan-out (4 fragments x 100 spreads, 2 KB) is costed at once and answered', async () => {
    const q = fanOutQuery(4, 100);
    await post(dev, { query: fanOutQuery(2, 2) }); // warm-up: the first request compiles the server's code paths
    const t0 = performance.now();
    const r = await post(dev, { query: q });
    const ms = performance.now() - t0;
    table.record(`fragment fan-out, ${q.length} bytes`, '200 none', `${r.status} ${r.code} (${ms.toFixed(0)} ms)`);
    expect(r.status).toBe(200);
    expect(r.res.data.papers.edges).toHaveLength(1);
  });

  it('a negative first cannot pay for a huge fan-out', async () => {
    await attack('first: -2147483648 beside first: 100 x 100 x 100', { status: 400, code: 'COST_LIMIT_EXCEEDED' }, {
      query: '{ a: papers(first: -2147483648) { totalCount } b: papers(first: 100) { edges { node { related(first: 100) { paper { entities { entity { papers(first: 100) { totalCount } } } } } } } } }',
    });
  });

  it('a variable default is costed as executed', async () => {
    await attack('query($n: Int = 100) nested three times', { status: 400, code: 'COST_LIMIT_EXCEEDED' }, {
      query: 'query($n: Int = 100) { papers(first: $n) { edges { node { related(first: $n) { paper { related(first: $n) { paper { entities { entity { name } } } } } } } } } }',
    });
  });

  it('too many tokens is the client\'s mistake, not a server fault', async () => {
    const r = await attack('3,001+ tokens', { status: 400, code: 'GRAPHQL_PARSE_FAILED' }, { query: `{ ${Array(3100).fill('__typename').join(' ')} }` });
    expect(r.res.errors?.[0]?.message).toMatch(/^Token limit of 3000 exceeded/);
  });
});

describe('bad input', () => {
  const lucene = [
    ['search: unclosed quote', '{ search(query: "\\"unclosed") { score } }'],
    ['search: trailing backslash', '{ search(query: "attention\\\\") { score } }'],
    ['papers(where.text): unbalanced (', '{ papers(where: { text: "title:(unbalanced" }) { totalCount } }'],
    ['entities(query): trailing backslash', '{ entities(query: "bert\\\\") { totalCount } }'],
  ];
  for (const [name, query] of lucene) {
    it(`Lucene syntax error, ${name}`, async () => {
      const r = await attack(`Lucene: ${name}`, { status: 400, code: 'BAD_USER_INPUT' }, { query });
      expect(r.res.errors?.[0]?.message).toMatch(/full-text query could not be parsed/);
    });
  }

  it('path from a node to itself', async () => {
    const id = (await dev.gql('{ papers(first: 1) { edges { node { id } } } }')).data.papers.edges[0].node.id;
    const r = await attack('path(from: X, to: X)', { status: 400, code: 'BAD_USER_INPUT' }, { query: 'query($x: ID!) { path(from: $x, to: $x) { id } }', variables: { x: id } });
    expect(r.res.errors?.[0]?.message).toMatch(/from and to are the same/);
  });

  it('cursors: garbage, and tampered ones with wrong-typed keys', async () => {
    const forge = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
    await attack('cursor: not base64 JSON', { status: 400, code: 'BAD_USER_INPUT' }, { query: '{ papers(after: "%%%garbage") { totalCount } }' });
    await attack('cursor: count key is a string', { status: 400, code: 'BAD_USER_INPUT' }, {
      query: 'query($a: String) { entities(after: $a) { totalCount } }',
      variables: { a: forge(['entities-PAPERS_DESC', 'ten', 'model:bert']) },
    });
    await attack('cursor: date key is not a date', { status: 400, code: 'BAD_USER_INPUT' }, {
      query: 'query($a: String) { papers(after: $a) { totalCount } }',
      variables: { a: forge(['papers-PUBLISHED_DESC', { $gt: '' }, 'p1']) },
    });
    await attack('cooccurrence cursor: cell ids missing', { status: 400, code: 'BAD_USER_INPUT' }, {
      query: 'query($a: String) { cooccurrence(rows: METHOD, columns: DATASET, after: $a) { papers } }',
      variables: { a: forge(['cooccurrence-METHOD-DATASET', 3, 'onlyone']) },
    });
  });

  it('over-long arguments are refused without being echoed', async () => {
    const mb = 'x'.repeat(1_000_000);
    const r = await attack('entity(name: 1 MB)', { status: 400, code: 'BAD_USER_INPUT' }, { query: 'query($n: String!) { entity(name: $n) { id } }', variables: { n: mb } });
    expect(r.body.length).toBeLessThan(2_000);
    expect(r.res.errors?.[0]?.message).toMatch(/Query.entity\(name:\) is longer than 200 characters/);
    await attack('search(query: 10 kB)', { status: 400, code: 'BAD_USER_INPUT' }, { query: `{ search(query: "${'y'.repeat(10_000)}") { score } }` });
    await attack('paper(id: 10 kB)', { status: 400, code: 'BAD_USER_INPUT' }, { query: `{ paper(id: "${'z'.repeat(10_000)}") { id } }` });
    const ingest = await attack('ingestPapers with a 10 kB id', { status: 400, code: 'BAD_USER_INPUT' }, {
      query: 'mutation($p: [PaperInput!]!) { ingestPapers(papers: $p) { ingested } }',
      variables: { p: [{ id: 'i'.repeat(10_000), title: 'A title', abstract: 'An abstract.' }] },
    }, { authorization: `Bearer ${TEST_API_KEY}` });
    expect(ingest.res.errors?.[0]?.message).toMatch(/PaperInput|ingestPapers\(papers:\)\[\]\.id is longer than 256/);
  });
});

describe('active HTML in titles and abstracts', () => {
  it('is stored and served as text only, and ingest says how many records it changed', async () => {
    const papers = [
      { id: 'xss-1', title: 'Robust <svg onload=alert(1)></svg>Transformers', abstract: 'We <iframe src="javascript:alert(1)">x</iframe>study <details ontoggle=alert(1) open>robust</details> models.' },
      { id: 'xss-2', title: 'Plain <object data=x.swf>fallback</object><embed src=y.swf>Title', abstract: 'An abstract with <img src=x onerror=alert(1)>an image.' },
      { id: 'xss-3', title: 'A clean title', abstract: 'Predict the <mask> token when a<b holds.' },
    ];
    const r = await dev.gql('mutation($p: [PaperInput!]!) { ingestPapers(papers: $p) { ingested sanitized errors { message } } }', { p: papers }, { authorization: `Bearer ${TEST_API_KEY}` });
    expect(r.data.ingestPapers).toEqual({ ingested: 3, sanitized: 2, errors: [] });
    const stored = await dev.gql('{ a: paper(id: "xss-1") { title abstract } b: paper(id: "xss-2") { title abstract } c: paper(id: "xss-3") { title abstract } }');
    const text = JSON.stringify(stored.data);
    const active = /<\s*(svg|iframe|details|object|embed|img|script)|on\w+\s*=|javascript:/i;
    table.record('ingestPapers: <svg onload>, <iframe javascript:>, <details ontoggle>, <object>, <embed>, <img onerror>', 'text only, sanitized 2', `${active.test(text) ? 'ACTIVE HTML STORED' : 'text only'}, sanitized ${r.data.ingestPapers.sanitized}`);
    expect(text).not.toMatch(active);
    expect(stored.data).toEqual({
      a: { title: 'Robust Transformers', abstract: 'We study robust models.' },
      b: { title: 'Plain Title', abstract: 'An abstract with an image.' },
      c: { title: 'A clean title', abstract: 'Predict the <mask> token when a<b holds.' },
    });
  });
});

describe('server faults', () => {
  it('reach clients as "internal error" with a request id, and the log line carries the same id and the cause', async () => {
    const lines: string[] = [];
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    });
    // A fault inside the database layer: an error whose message holds a path, as a real bug's would.
    const unhook = db.onStatement(() => {
      throw new Error('injected fault at /work/secret/place.js:12');
    });
    try {
      const r = await attack('a fault inside the server (injected)', { status: 200, code: 'INTERNAL_SERVER_ERROR' }, { query: '{ stats { papers } }' });
      const id = (r.res.errors?.[0]?.extensions as { requestId?: string }).requestId!;
      const logged = lines.filter((l) => l.includes(id));
      expect(logged.length).toBe(1);
      expect(JSON.parse(logged[0]!)).toMatchObject({ level: 'error', requestId: id, code: 'INTERNAL_SERVER_ERROR', message: 'injected fault at /work/secret/place.js:12' });
    } finally {
      unhook();
      spy.mockRestore();
    }
  });

  it('show their detail to clients only with PAPERGRAPH_DEBUG_ERRORS=true', async () => {
    const debug = await startTestServer(db, { PAPERGRAPH_DEBUG_ERRORS: 'true' });
    const unhook = db.onStatement(() => {
      throw new Error('injected fault');
    });
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      const r = await post(debug, { query: '{ stats { papers } }' });
      table.record('a fault, PAPERGRAPH_DEBUG_ERRORS=true', 'message and stack shown', r.body.includes('stacktrace') && r.body.includes('injected fault') ? 'message and stack shown' : r.body.slice(0, 80));
      expect(r.res.errors?.[0]?.message).toBe('injected fault');
      expect(r.body).toMatch(/stacktrace/);
    } finally {
      spy.mockRestore();
      unhook();
      await debug.stop();
    }
  });

  it('keeps serving after all of the above', async () => {
    const r = await post(dev, { query: '{ papers { totalCount } }' });
    table.record('a normal query afterwards', '200 none', `${r.status} ${r.code}`);
    expect(r.status).toBe(200);
    expect(r.res.data.papers.totalCount).toBe(93 + 3);
  });
});
