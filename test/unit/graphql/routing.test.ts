// Resolver routing: real GraphQL operations through the real schema and
// resolvers, over a RECORDING database (test/helpers/recording-db.ts) that
// notes which named statement each resolver asked for, with which parameters,
// and answers with rows made up here. This tests the layer above src/db alone:
// a wrong route (statement, paging limit, decoded cursor, mapped filter) fails
// here, next to its cause. It is NOT a test of the database or of the API's
// answers: those are the end-to-end tests on the real Neo4j under
// test/integration, which stay, and the per-statement table of
// test/integration/read-statements.test.ts.
import { describe, expect, it } from 'vitest';
import type { Row } from '../../../src/db/database.js';
import { encodeCursor } from '../../../src/graphql/paging.js';
import { entityRow, paperRow, recordingDatabase, routingServer, runOperation, type Answers } from '../../helpers/recording-db.js';

const ids = (p: Row, key: string) => p[key] as string[];
const fill = <T>(n: number, make: (i: number) => T) => Array.from({ length: Math.max(n, 0) }, (_, i) => make(i));
/** A keyset page is read with limit = page size + 1; these pages are full, with no row beyond. */
const paperPage = (p: Row) => fill((p.limit as number) - 1, (i) => ({ paper: paperRow(`p${i + 1}`), sortKey: '2024-03-01' }));
const perId = <T>(key: string, make: (id: string) => T) => (p: Row) => ids(p, key).map(make);
const stored = (id: string) => ({ entity: entityRow(id), role: 'USES' as const, confidence: 0.9, evidence: null });
const author = { uid: 'author:ann', key: 'annlee', name: 'Ann Lee', orcid: null, openalexId: null, s2Id: null };

/** Rows for every statement the API reads, made from the parameters they are given. */
const answers: Answers = {
  'read/papers-by-ids': perId('ids', (id) => ({ paper: paperRow(id, { abstract: `Abstract of ${id}.` }) })),
  'read/entities-by-ids': perId('ids', (id) => ({ entity: entityRow(id) })),
  // Every reference resolves: typed ones to their type, the others to a method.
  'read/entities-by-keys': (p) => (p.refs as { type: string | null; key: string; i: number }[]).map((r) => ({ i: r.i, entity: entityRow(`${r.type ?? 'method'}:${r.key}`) })),
  'read/papers-page-all-published-desc': paperPage,
  'read/papers-page-all-published-desc-before': paperPage,
  'read/papers-page-all-title-asc': paperPage,
  'read/papers-page-published-desc': paperPage,
  'read/papers-page-published-desc-before': paperPage,
  'read/papers-page-title-asc': paperPage,
  'read/papers-page-title-asc-before': paperPage,
  'read/papers-page-all-title-asc-before': paperPage,
  'read/papers-count-all': () => [{ total: 93 }],
  'read/papers-count': () => [{ total: 4 }],
  'read/entities-page-papers-desc': (p) => fill((p.limit as number) - 1, (i) => ({ entity: entityRow(`model:m${i}`), sortKey: 50 - i })),
  'read/entities-page-name-asc': () => [{ entity: entityRow('method:lora'), sortKey: 'lora' }],
  'read/entities-page-name-asc-before': () => [{ entity: entityRow('method:lora'), sortKey: 'lora' }],
  'read/entities-page-papers-desc-before': () => [{ entity: entityRow('model:bert'), sortKey: 9 }],
  'read/entities-count': () => [{ total: 12 }],
  'read/entity-by-keys-with-papers': (p) => [{ entity: entityRow(`${p.type ?? 'method'}:${ids(p, 'keys')[0]}`), rows: paperPage({ limit: 3 }), total: 2 }],
  'read/paper-with-entities': (p) => [{ paper: paperRow(p.id as string), items: [stored('method:lora')] }],
  'read/paper-entities': perId('paperIds', (pid) => ({ pid, text: { title: `Paper ${pid}`, abstract: null }, items: [stored('dataset:glue')] })),
  'read/entity-papers': perId('entityIds', (eid) => ({ eid, rows: paperPage({ limit: 2 }), total: 1 })),
  'read/entity-cooccurring': perId('entityIds', (eid) => ({ eid, rows: [{ entity: entityRow('dataset:glue'), papers: 2 }] })),
  'read/paper-related': perId('paperIds', (pid) => ({ pid, rows: [] })),
  'read/entity-family': perId('entityIds', (eid) => ({ eid, entity: entityRow('model:llama') })),
  'read/entity-variants': perId('entityIds', (eid) => ({ eid, rows: [entityRow('model:llama2')] })),
  'read/search': () => [{ score: 2.5, paper: paperRow('p1'), entity: null }],
  'read/cooccurrence': () => [],
  'read/cooccurrence-singles': () => [{ row: entityRow('model:bert'), column: entityRow('dataset:glue'), papers: 1 }],
  'read/path': () => [{ nodes: [{ kind: 'Paper', paper: paperRow('p1') }, { kind: 'Entity', entity: entityRow('method:lora') }] }],
  'read/stats': () => [{ papers: 3, entities: 2, relationships: 4, byType: [{ type: 'method', count: 2 }] }],
  'read/entity-timeline': perId('eids', (eid) => ({ eid, points: [{ period: '2024', papers: 1, byRole: [{ role: 'USES', papers: 1 }] }] })),
  'read/entities-first-seen': perId('ids', (id) => ({ id, date: '2024-03-01', paper: 'p1', role: 'PROPOSES' })),
  'read/trending': () => [],
  'read/trending-year-growth': () => [],
  'read/trending-year-rate': () => [],
  'read/new-entities': () => [{ entity: entityRow('dataset:foo'), firstSeen: '2024-02-02' }],
  'read/new-entities-before': () => [],
  'read/new-entities-count': () => [{ total: 1 }],
  'read/people-by-keys': (p) => ids(p, 'keys').map((key) => ({ key, uid: p.label === 'Author' ? `author:${key}` : null, name: key, paperCount: 2, ids: { orcid: null, openalexId: null, s2Id: null } })),
  'read/authors-by-uids': perId('uids', (uid) => ({ uid, name: uid, paperCount: 3 })),
  'read/author-top-entities': perId('keys', (key) => ({ key, top: [] })),
  'read/venue-top-entities': perId('keys', (key) => ({ key, top: [{ entity: entityRow('method:lora'), papers: 2 }] })),
  'read/paper-people': perId('ids', (id) => ({ id, authors: [author], venue: { key: 'icml', name: 'ICML' }, doi: null, externalIds: [] })),
};

const page = { after: null, before: null, backward: false };
const noFilter = { allIds: [], anyIds: [], role: null, text: null, from: null, to: null };

interface Route {
  op: string;
  query: string;
  variables?: Record<string, unknown>;
  /** Every statement the operation runs, with its parameters, in the order asked. */
  reads: [string, Row][];
}

const routes: Route[] = [
  // papers
  {
    op: 'papers: no filter, newest first, with totalCount (count store)',
    query: '{ papers(first: 2) { totalCount edges { node { id } } } }',
    reads: [['read/papers-page-all-published-desc', { ...page, limit: 3 }], ['read/papers-count-all', {}]],
  },
  {
    op: 'papers: by title after a cursor (cursor decoded to its keyset)',
    query: 'query($after: String) { papers(orderBy: TITLE_ASC, first: 5, after: $after) { edges { node { id } } } }',
    variables: { after: encodeCursor('papers-TITLE_ASC', ['paper b', 'p2']) },
    reads: [['read/papers-page-all-title-asc', { after: ['paper b', 'p2'], before: null, backward: false, limit: 6 }]],
  },
  {
    op: 'papers: backward, before a cursor (the -before statement)',
    query: 'query($before: String) { papers(last: 2, before: $before) { edges { node { id } } } }',
    variables: { before: encodeCursor('papers-PUBLISHED_DESC', ['2024-01-05', 'p9']) },
    reads: [['read/papers-page-all-published-desc-before', { after: null, before: ['2024-01-05', 'p9'], backward: true, limit: 3 }]],
  },
  {
    op: 'papers: two names (all + any) and text: names resolved together (plural tried as singular), then the filtered page and count',
    query: '{ papers(where: { all: [{ type: DATASET, name: "Foo Nets" }], any: [{ name: "Bar" }], text: "  sparse " }) { totalCount edges { node { id } } } }',
    reads: [
      ['read/entities-by-keys', { refs: [{ type: 'dataset', key: 'foonets', i: 0 }, { type: 'dataset', key: 'foonet', i: 1 }, { type: null, key: 'bar', i: 2 }] }],
      ['read/papers-page-published-desc', { ...noFilter, allIds: ['dataset:foonets'], anyIds: ['method:bar'], text: 'sparse', ...page, limit: 21 }],
      ['read/papers-count', { ...noFilter, allIds: ['dataset:foonets'], anyIds: ['method:bar'], text: 'sparse' }],
    ],
  },
  {
    op: 'papers: date bounds only (filtered statement, not the index-ordered one)',
    query: '{ papers(first: 3, where: { publishedFrom: "2023-01-01", publishedTo: "2024-01-01" }) { edges { node { id } } } }',
    reads: [['read/papers-page-published-desc', { ...noFilter, from: '2023-01-01', to: '2024-01-01', ...page, limit: 4 }]],
  },
  {
    op: 'papers: backward by title with no filter',
    query: '{ papers(orderBy: TITLE_ASC, last: 4) { edges { node { id } } } }',
    reads: [['read/papers-page-all-title-asc-before', { after: null, before: null, backward: true, limit: 5 }]],
  },
  {
    op: 'papers: by title with a text filter, and backward with it (filtered statements)',
    query: 'query($before: String) { a: papers(orderBy: TITLE_ASC, first: 2, where: { text: "pruning" }) { edges { node { id } } } b: papers(orderBy: TITLE_ASC, last: 2, before: $before, where: { text: "pruning" }) { edges { node { id } } } }',
    variables: { before: encodeCursor('papers-TITLE_ASC', ['paper b', 'p2']) },
    reads: [
      ['read/papers-page-title-asc', { ...noFilter, text: 'pruning', ...page, limit: 3 }],
      ['read/papers-page-title-asc-before', { ...noFilter, text: 'pruning', after: null, before: ['paper b', 'p2'], backward: true, limit: 3 }],
    ],
  },
  {
    op: 'papers: newest first with a role filter, backward (filtered -before statement)',
    query: 'query($before: String) { papers(last: 2, before: $before, where: { role: PROPOSES }) { edges { node { id } } } }',
    variables: { before: encodeCursor('papers-PUBLISHED_DESC', ['2024-01-05', 'p9']) },
    reads: [['read/papers-page-published-desc-before', { ...noFilter, role: 'PROPOSES', after: null, before: ['2024-01-05', 'p9'], backward: true, limit: 3 }]],
  },
  {
    op: 'papers: one entity by id with a role: the entity page statement, role as stored',
    query: '{ papers(where: { any: [{ id: "method:lora" }], role: USES }) { totalCount edges { node { id } } } }',
    reads: [['read/entity-papers', { entityIds: ['method:lora'], role: 'USES', ...page, limit: 21 }]],
  },
  {
    op: 'papers: one entity by name: name and page in one statement',
    query: '{ papers(first: 2, where: { all: [{ type: MODEL, name: "GPT-4" }] }) { totalCount edges { node { id } } } }',
    reads: [['read/entity-by-keys-with-papers', { keys: ['gpt4'], type: 'model', role: null, ...page, limit: 3 }]],
  },
  {
    op: 'papers: an id of another type than asked matches nothing without a statement',
    query: '{ papers(where: { all: [{ type: DATASET, id: "method:lora" }] }) { totalCount edges { node { id } } } }',
    reads: [],
  },
  // paper, node
  {
    op: 'paper: fields and abstract from one papers-by-ids',
    query: '{ paper(id: "p7") { title abstract } }',
    reads: [['read/papers-by-ids', { ids: ['p7'] }]],
  },
  {
    op: 'paper: with all its entities, one statement (the paper page)',
    query: '{ paper(id: "p7") { title entities { role entity { name } } } }',
    reads: [['read/paper-with-entities', { id: 'p7', limit: 200 }]],
  },
  {
    op: 'paper: filtered entities, related papers, authors and venue',
    query: '{ paper(id: "p7") { entities(type: DATASET, role: EVALUATES_ON) { role } related(first: 3) { score } authorList { name } venue { name } } }',
    reads: [
      ['read/papers-by-ids', { ids: ['p7'] }],
      ['read/paper-entities', { paperIds: ['p7'], type: 'dataset', role: 'EVALUATES_ON', limit: 200 }],
      ['read/paper-related', { paperIds: ['p7'], limit: 3, hubLimit: 5000 }],
      ['read/paper-people', { ids: ['p7'] }],
    ],
  },
  {
    op: 'node: an entity id reads entities, a paper id papers',
    query: '{ a: node(id: "method:lora") { id } b: node(id: "2401.00001") { id } }',
    reads: [['read/entities-by-ids', { ids: ['method:lora'] }], ['read/papers-by-ids', { ids: ['2401.00001'] }]],
  },
  // entity
  {
    op: 'entity: by name (type lower-cased, plural and singular keys)',
    query: '{ entity(type: MODEL, name: "GPT-4s") { name } }',
    reads: [['read/entities-by-keys', { refs: [{ type: 'model', key: 'gpt4s', i: 0 }, { type: 'model', key: 'gpt4', i: 1 }] }]],
  },
  {
    op: 'entity: with a page of papers, one statement (the entity page)',
    query: '{ entity(name: "LoRA") { name papers(first: 5, role: USES) { totalCount edges { node { id } } } } }',
    reads: [['read/entity-by-keys-with-papers', { keys: ['lora'], type: null, role: 'USES', ...page, limit: 6 }]],
  },
  {
    op: 'entity: co-occurring, timeline by month, first seen and its paper',
    query: '{ entity(name: "LoRA") { cooccurring(type: DATASET, first: 4) { papers } timeline(by: MONTH, from: "2024-01-01", to: "2024-03-01") { period } firstSeen { date paper { title } } } }',
    reads: [
      ['read/entities-by-keys', { refs: [{ type: null, key: 'lora', i: 0 }] }],
      ['read/entity-cooccurring', { entityIds: ['method:lora'], type: 'dataset', limit: 4 }],
      ['read/entity-timeline', { eids: ['method:lora'], by: 'MONTH', years: [], months: [{ from: 202401, to: 202403 }], days: [], after: null, limit: 100 }],
      ['read/entities-first-seen', { ids: ['method:lora'] }],
      ['read/papers-by-ids', { ids: ['p1'] }],
    ],
  },
  {
    op: 'entity: a model family and its variants',
    query: '{ entity(type: MODEL, name: "Llama") { ... on Model { family { name } variants(first: 2) { name } } } }',
    reads: [
      ['read/entities-by-keys', { refs: [{ type: 'model', key: 'llama', i: 0 }] }],
      ['read/entity-family', { entityIds: ['model:llama'] }],
      ['read/entity-variants', { entityIds: ['model:llama'], limit: 2 }],
    ],
  },
  {
    op: 'timeline by year: whole years read as years, the rest as months',
    query: '{ entity(name: "LoRA") { timeline(from: "2020-01-01", to: "2024-06-01", first: 7, after: "2021") { period } } }',
    reads: [
      ['read/entities-by-keys', { refs: [{ type: null, key: 'lora', i: 0 }] }],
      ['read/entity-timeline', { eids: ['method:lora'], by: 'YEAR', years: [{ from: 2020, to: 2024 }], months: [{ from: 202401, to: 202406 }], days: [], after: '2021', limit: 7 }],
    ],
  },
  // entities
  {
    op: 'entities: by type, most papers first, with count',
    query: '{ entities(type: MODEL, first: 3) { totalCount edges { node { id } } } }',
    reads: [['read/entities-page-papers-desc', { type: 'model', query: null, ...page, limit: 4 }], ['read/entities-count', { type: 'model', query: null }]],
  },
  {
    op: 'entities: by name after a cursor, query trimmed',
    query: 'query($after: String) { entities(query: " lo ", orderBy: NAME_ASC, after: $after) { edges { node { id } } } }',
    variables: { after: encodeCursor('entities-NAME_ASC', ['lora', 'method:lora']) },
    reads: [['read/entities-page-name-asc', { type: null, query: 'lo', after: ['lora', 'method:lora'], before: null, backward: false, limit: 21 }]],
  },
  {
    op: 'entities: backward in both orders (the -before statements)',
    query: 'query($before: String) { a: entities(type: TASK, last: 3) { edges { node { id } } } b: entities(orderBy: NAME_ASC, last: 1, before: $before) { edges { node { id } } } }',
    variables: { before: encodeCursor('entities-NAME_ASC', ['lora', 'method:lora']) },
    reads: [
      ['read/entities-page-papers-desc-before', { type: 'task', query: null, after: null, before: null, backward: true, limit: 4 }],
      ['read/entities-page-name-asc-before', { type: null, query: null, after: null, before: ['lora', 'method:lora'], backward: true, limit: 2 }],
    ],
  },
  // search, cooccurrence, path, stats
  {
    op: 'search: trimmed text and limit',
    query: '{ search(query: "  lora ", first: 5) { score paper { id } } }',
    reads: [['read/search', { query: 'lora', limit: 5 }]],
  },
  {
    op: 'cooccurrence: kept pairs first, then one-paper cells for the rest of the page',
    query: '{ cooccurrence(rows: MODEL, columns: DATASET, first: 10) { papers cursor } }',
    reads: [
      ['read/cooccurrence', { rows: 'model', columns: 'dataset', pair: 'dataset model', minPapers: 2, maxPapers: Number.MAX_SAFE_INTEGER, after: null, limit: 10 }],
      ['read/cooccurrence-singles', { rows: 'model', columns: 'dataset', after: null, limit: 10 }],
    ],
  },
  {
    op: 'cooccurrence: minPapers 2 reads only the kept pairs',
    query: '{ cooccurrence(rows: METHOD, columns: TASK, minPapers: 2, first: 3) { papers } }',
    reads: [['read/cooccurrence', { rows: 'method', columns: 'task', pair: 'method task', minPapers: 2, maxPapers: Number.MAX_SAFE_INTEGER, after: null, limit: 3 }]],
  },
  {
    op: 'cooccurrence: after a one-paper cell, only the one-paper cells',
    query: 'query($after: String) { cooccurrence(rows: MODEL, columns: DATASET, first: 10, after: $after) { papers } }',
    variables: { after: encodeCursor('cooccurrence-MODEL-DATASET', [1, 'model:bert dataset:glue']) },
    reads: [['read/cooccurrence-singles', { rows: 'model', columns: 'dataset', after: ['model:bert', 'dataset:glue'], limit: 10 }]],
  },
  {
    op: 'path: default hops',
    query: '{ path(from: "p1", to: "method:lora") { id } }',
    reads: [['read/path', { from: 'p1', to: 'method:lora', maxHops: 4 }]],
  },
  { op: 'stats', query: '{ stats { papers byType { type count } } }', reads: [['read/stats', {}]] },
  // time
  {
    op: 'trending: one whole year against the year before reads the kept growth',
    query: '{ trending(type: DATASET, from: "2024-01-01", to: "2025-01-01") { papers cursor } }',
    reads: [['read/trending-year-growth', { type: 'dataset', period: 2024, minPapers: 3, after: null, limit: 20, maxScore: Number.MAX_VALUE }]],
  },
  {
    op: 'trending: relative, after a cursor (score bounds the page)',
    query: 'query($after: String) { trending(type: MODEL, from: "2024-01-01", to: "2025-01-01", orderBy: RELATIVE, minPapers: 1, first: 5, after: $after) { papers } }',
    variables: { after: encodeCursor('trending-RELATIVE', [1.5, 'model:bert']) },
    reads: [['read/trending-year-rate', { type: 'model', period: 2024, minPapers: 1, after: [1.5, 'model:bert'], limit: 5, maxScore: 1.5 }]],
  },
  {
    op: 'trending: three months against the three before, split into months',
    query: '{ trending(type: METHOD, from: "2024-03-01", to: "2024-06-01") { papers } }',
    reads: [
      [
        'read/trending',
        {
          type: 'method', order: 'ABSOLUTE', minPapers: 3, after: null, limit: 20, years: [],
          months: [{ from: 202312, to: 202403, base: true }, { from: 202403, to: 202406, base: false }], days: [],
        },
      ],
    ],
  },
  {
    op: 'newEntities: type and bounds, with count',
    query: '{ newEntities(type: DATASET, from: "2024-01-01", to: "2025-01-01", first: 5) { totalCount edges { firstSeen node { id } } } }',
    reads: [
      ['read/new-entities', { type: 'dataset', from: '2024-01-01', to: '2025-01-01', ...page, limit: 6 }],
      ['read/new-entities-count', { type: 'dataset', from: '2024-01-01', to: '2025-01-01' }],
    ],
  },
  {
    op: 'newEntities: backward before a cursor',
    query: 'query($before: String) { newEntities(from: "2024-01-01", to: "2025-01-01", last: 3, before: $before) { edges { node { id } } } }',
    variables: { before: encodeCursor('new-entities', ['2024-05-01', 'dataset:x']) },
    reads: [['read/new-entities-before', { type: null, from: '2024-01-01', to: '2025-01-01', after: null, before: ['2024-05-01', 'dataset:x'], backward: true, limit: 4 }]],
  },
  // people
  {
    op: 'author: by name key, top entities by the node uid',
    query: '{ author(name: "Ann Lee") { name paperCount topEntities(type: METHOD, first: 3) { papers } } }',
    reads: [
      ['read/people-by-keys', { label: 'Author', keys: ['annlee'] }],
      ['read/author-top-entities', { keys: ['author:annlee'], type: 'method', role: null, limit: 3 }],
    ],
  },
  {
    op: 'venue: by name key, top entities by the key',
    query: '{ venue(name: "NeurIPS 2024") { paperCount topEntities(role: PROPOSES) { papers } } }',
    reads: [
      ['read/people-by-keys', { label: 'Venue', keys: ['neurips2024'] }],
      ['read/venue-top-entities', { keys: ['neurips2024'], type: null, role: 'PROPOSES', limit: 20 }],
    ],
  },
];

const server = routingServer();

/** The statements one operation asked for; it must answer without errors. */
async function readsOf(query: string, variables?: Record<string, unknown>) {
  const { db, reads } = recordingDatabase(answers);
  const result = await runOperation(server, db, query, variables);
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return reads;
}

describe('resolver routing (recording database; the real Neo4j is tested in test/integration)', () => {

  it.each(routes)('$op', async ({ query, variables, reads: expected }) => {
    const reads = await readsOf(query, variables);
    expect(reads.map((r) => [r.name, r.params])).toEqual(expected);
  });

  it('runs the cheap lookups in shared transactions and pattern searches alone', async () => {
    const { db, reads } = recordingDatabase(answers);
    await runOperation(server, db, '{ a: search(query: "lora") { score } b: search(query: "lor*") { score } c: paper(id: "p1") { title } }');
    expect(reads.map((r) => [r.name, r.params.query ?? null, r.shared])).toEqual([
      ['read/search', 'lora', true],
      ['read/search', 'lor*', false],
      ['read/papers-by-ids', null, true],
    ]);
  });

  it('asks for nothing when the arguments are refused', async () => {
    const { db, reads } = recordingDatabase(answers);
    const result = await runOperation(server, db, '{ path(from: "p1", to: "p1") { id } }');
    expect(result.errors?.[0]?.message).toMatch(/same/);
    expect(reads).toEqual([]);
  });
});

describe('a list of N items costs a bounded number of statements (DataLoader batching)', () => {
  const once = (...names: string[]) => Object.fromEntries(names.map((n) => [n, 1]));
  const counts = (reads: { name: string }[]) => Object.fromEntries([...new Set(reads.map((r) => r.name))].map((n) => [n, reads.filter((r) => r.name === n).length]));

  it('20 papers with abstracts, entities, related papers, authors (with counts and top entities) and venues: one statement each', async () => {
    const reads = await readsOf('{ papers(first: 20) { edges { node { abstract entities { entity { name } } related { score } venue { name } authorList { paperCount topEntities { papers } } } } } }');
    expect(counts(reads)).toEqual(
      once('read/papers-page-all-published-desc', 'read/papers-by-ids', 'read/paper-entities', 'read/paper-related', 'read/paper-people', 'read/authors-by-uids', 'read/author-top-entities'),
    );
    const twenty = fill(20, (i) => `p${i + 1}`);
    for (const [name, key] of [['read/papers-by-ids', 'ids'], ['read/paper-entities', 'paperIds'], ['read/paper-related', 'paperIds'], ['read/paper-people', 'ids']] as const) {
      expect(reads.find((r) => r.name === name)!.params[key], name).toEqual(twenty);
    }
    // Every paper lists the same author: asked for once.
    expect(reads.find((r) => r.name === 'read/authors-by-uids')!.params.uids).toEqual([author.uid]);
  });

  it('20 entities with papers, co-occurring entities, timelines and first appearances: one statement each', async () => {
    const reads = await readsOf('{ entities(first: 20) { edges { node { papers(first: 2) { totalCount } cooccurring { papers } timeline { period } firstSeen { date paper { title } } } } } }');
    // Every first appearance is paper p1: one papers-by-ids lookup.
    expect(counts(reads)).toEqual(
      once('read/entities-page-papers-desc', 'read/entity-papers', 'read/entity-cooccurring', 'read/entity-timeline', 'read/entities-first-seen', 'read/papers-by-ids'),
    );
    const twenty = fill(20, (i) => `model:m${i}`);
    expect(reads.find((r) => r.name === 'read/entity-papers')!.params).toEqual({ entityIds: twenty, role: null, ...page, limit: 3 });
    expect(reads.find((r) => r.name === 'read/entities-first-seen')!.params.ids).toEqual(twenty);
  });

  it('the same nested field with other arguments is one more statement, not one per item', async () => {
    const reads = await readsOf('{ papers(first: 20) { edges { node { a: entities(type: MODEL) { role } b: entities(role: USES) { role } c: entities(role: USES) { role } } } } }');
    const entityReads = reads.filter((r) => r.name === 'read/paper-entities').map((r) => [r.params.type, r.params.role]);
    expect(entityReads).toEqual([['model', null], [null, 'USES']]);
  });
});
