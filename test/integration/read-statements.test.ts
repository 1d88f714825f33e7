// One table row per read statement of cypher/read, run by name on the real
// Neo4j over a small graph designed here, so the expected rows are known: six
// papers with made-up titles, dates, authors and venues, ingested by the real
// pipeline (extraction included). What the abstracts link, read off them:
//
//   kg-1 2022-03-10 Paper Echo     Ada Vole, Bo Tarn  Glimcon   Quillformer (PROPOSES), Brambleset
//   kg-2 2023-02-14 Paper Bravo    Bo Tarn            Glimcon   BERT, LoRA, SQuAD, GLUE
//   kg-3 2023-06-01 Paper Foxtrot  Cyd Arrow          Pondmeet  LoRA, GLUE
//   kg-4 2023-06-20 Paper Alpha    Ada Vole, Cyd Arrow   -      BERT, GLUE
//   kg-5 (no date)  Paper Delta    Bo Tarn               -      BERT, SQuAD
//   kg-6 2024-01-05 Paper Charlie  -                     -      ResNet-50 (a variant of ResNet), ImageNet
//
// Models and methods are USES and datasets EVALUATES_ON unless marked. Papers
// per entity: BERT 3, GLUE 3, LoRA 2, SQuAD 2, the others 1. Quillformer and
// Brambleset are invented (the extractor finds them by their context); the
// others are lexicon names, so the links do not hang on the scorer's mood.
// A guard fails when a statement under cypher/read (fragments excepted) has no row.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Row } from '../../src/db/database.js';
import { nameOnlyUid } from '../../src/db/author-identity.js';
import type { ReadName, ReadRows } from '../../src/db/read-rows.js';
import { ingest } from '../../src/ingest/pipeline.js';
import { readSource } from '../../src/ingest/readers.js';
import { defaultExtractor } from '../../src/runtime.js';
import { useFreshDatabase } from '../helpers/db.js';
import { readStatementNames } from '../helpers/read-statements.js';

const PAPERS = [
  { id: 'kg-1', title: 'Paper Echo', published: '2022-03-10', abstract: 'We propose Quillformer and evaluate it on Brambleset.', authors: ['Ada Vole', 'Bo Tarn'], venue: 'Glimcon' },
  { id: 'kg-2', title: 'Paper Bravo', published: '2023-02-14', abstract: 'We train BERT with LoRA and evaluate it on SQuAD and GLUE.', authors: ['Bo Tarn'], venue: 'Glimcon' },
  { id: 'kg-3', title: 'Paper Foxtrot', published: '2023-06-01', abstract: 'We propose LoRA, a low-rank adaptation method, and evaluate it on GLUE.', authors: ['Cyd Arrow'], venue: 'Pondmeet' },
  { id: 'kg-4', title: 'Paper Alpha', published: '2023-06-20', abstract: 'We train BERT and evaluate it on GLUE.', authors: ['Ada Vole', 'Cyd Arrow'] },
  { id: 'kg-5', title: 'Paper Delta', abstract: 'We evaluate BERT on SQuAD.', authors: ['Bo Tarn'] },
  { id: 'kg-6', title: 'Paper Charlie', published: '2024-01-05', abstract: 'We train a ResNet-50 on ImageNet.' },
];

const db = useFreshDatabase(async (db) => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'papergraph-known-')), 'known.jsonl');
  fs.writeFileSync(file, PAPERS.map((p) => JSON.stringify(p)).join('\n'));
  const summary = await ingest(readSource(file), { db, extractor: defaultExtractor() });
  expect(summary.rejected, JSON.stringify(summary.rejections)).toBe(0);
  // The full-text index (read/search) catches up asynchronously.
  await db.read('read/await-fulltext');
});

/** One row of the table: a statement, its parameters, what to keep of its rows, and what that must be. */
interface Case {
  name: ReadName;
  params: Row;
  view: (rows: any[]) => unknown;
  want: unknown;
}
const row = <N extends ReadName>(name: N, params: Row, view: (rows: ReadRows[N][]) => unknown, want: unknown): Case => ({ name, params, view, want });

const ids = (rows: { id: string }[]) => rows.map((r) => r.id);
const paperIds = (rows: { paper: { id: string } }[]) => rows.map((r) => r.paper.id);
const entityIds = (rows: { entity: { id: string } }[]) => rows.map((r) => r.entity.id);
const counted = (rows: { entity: { id: string }; papers: number }[]) => rows.map((r) => `${r.entity.id}=${r.papers}`).sort();
const cells = (rows: ReadRows['read/cooccurrence'][]) => rows.map((c) => `${c.row.id}|${c.column.id}|${c.papers}`);
const total = (rows: { total: number }[]) => rows.map((r) => r.total);
const noFilter = { allIds: [], anyIds: [], role: null, text: null, from: null, to: null };
const first = { after: null, before: null, backward: false };

const cases: Case[] = [
  // papers
  row('read/papers-by-ids', { ids: ['kg-6', 'kg-1', 'kg-none'] }, (r) => r.map((x) => [x.paper.id, x.paper.published, x.paper.abstract]).sort(), [
    ['kg-1', '2022-03-10', PAPERS[0]!.abstract],
    ['kg-6', '2024-01-05', PAPERS[5]!.abstract],
  ]),
  row('read/papers-count-all', {}, total, [6]),
  row('read/papers-count', { ...noFilter, allIds: ['dataset:glue'], from: '2023-06-01', to: '2024-01-01' }, total, [2]),
  row('read/papers-page-all-published-desc', { after: null, limit: 3 }, (r) => r.map((x) => [x.paper.id, x.sortKey]), [['kg-6', '2024-01-05'], ['kg-4', '2023-06-20'], ['kg-3', '2023-06-01']]),
  row('read/papers-page-all-published-desc-before', { before: ['2023-02-14', 'kg-2'], limit: 2 }, paperIds, ['kg-3', 'kg-4']),
  row('read/papers-page-all-title-asc', { after: null, limit: 2 }, (r) => r.map((x) => [x.paper.id, x.sortKey]), [['kg-4', 'paper alpha'], ['kg-2', 'paper bravo']]),
  row('read/papers-page-all-title-asc-before', { before: ['paper charlie', 'kg-6'], limit: 5 }, paperIds, ['kg-2', 'kg-4']),
  row('read/papers-page-published-desc', { ...noFilter, anyIds: ['method:lora', 'model:quillformer'], ...first, limit: 5 }, paperIds, ['kg-3', 'kg-2', 'kg-1']),
  row('read/papers-page-published-desc-before', { ...noFilter, anyIds: ['method:lora', 'model:quillformer'], before: ['2022-03-10', 'kg-1'], limit: 5 }, paperIds, ['kg-2', 'kg-3']),
  row('read/papers-page-title-asc', { ...noFilter, anyIds: ['model:bert'], ...first, limit: 5 }, paperIds, ['kg-4', 'kg-2', 'kg-5']),
  row('read/papers-page-title-asc-before', { ...noFilter, anyIds: ['model:bert'], before: ['paper delta', 'kg-5'], limit: 5 }, paperIds, ['kg-2', 'kg-4']),
  row('read/paper-with-entities', { id: 'kg-1', limit: 200 }, (r) => r.map((x) => [x.paper.id, x.items.map((i) => `${i.entity.id} ${i.role}`).sort()]), [
    ['kg-1', ['dataset:brambleset EVALUATES_ON', 'model:quillformer PROPOSES']],
  ]),
  row('read/paper-entities', { paperIds: ['kg-2', 'kg-6'], type: 'dataset', role: null, limit: 200 }, (r) => r.map((x) => [x.pid, x.items.map((i) => `${i.entity.id} ${i.role}`).sort()]).sort(), [
    ['kg-2', ['dataset:glue EVALUATES_ON', 'dataset:squad EVALUATES_ON']],
    ['kg-6', ['dataset:imagenet EVALUATES_ON']],
  ]),
  row('read/paper-related', { paperIds: ['kg-4'], limit: 5, hubLimit: 5000 }, (r) => r.map((x) => [x.pid, x.rows[0]?.paper.id, x.rows[0]?.shared.map((e) => e.id).sort(), x.rows.slice(1).map((p) => p.paper.id).sort()]), [
    // kg-2 shares BERT and GLUE; kg-3 (GLUE) and kg-5 (BERT) one each.
    ['kg-4', 'kg-2', ['dataset:glue', 'model:bert'], ['kg-3', 'kg-5']],
  ]),
  row('read/paper-people', { ids: ['kg-4', 'kg-1'] }, (r) => r.map((x) => [x.id, x.authors.map((a) => a.name), x.venue?.name ?? null]).sort(), [
    ['kg-1', ['Ada Vole', 'Bo Tarn'], 'Glimcon'],
    ['kg-4', ['Ada Vole', 'Cyd Arrow'], null],
  ]),
  // entities
  row('read/entities-by-ids', { ids: ['model:bert', 'dataset:glue', 'model:none'] }, (r) => r.map((x) => `${x.entity.id}=${x.entity.paperCount}`).sort(), ['dataset:glue=3', 'model:bert=3']),
  row(
    'read/entities-by-keys',
    { refs: [{ type: null, key: 'loras', i: 0 }, { type: null, key: 'lora', i: 1 }, { type: 'dataset', key: 'bert', i: 2 }, { type: 'model', key: 'resnet50', i: 3 }] },
    // Every reference gets a row; one that names no entity has a null entity.
    (r) => r.map((x) => [x.i, x.entity?.id ?? null]).sort(),
    [[0, null], [1, 'method:lora'], [2, null], [3, 'model:resnet50']],
  ),
  row('read/entities-count', { type: 'dataset', query: null }, total, [4]),
  row('read/entities-page-name-asc', { type: 'dataset', query: null, after: null, limit: 3 }, (r) => r.map((x) => [x.entity.id, x.sortKey]), [
    ['dataset:brambleset', 'brambleset'],
    ['dataset:glue', 'glue'],
    ['dataset:imagenet', 'imagenet'],
  ]),
  row('read/entities-page-name-asc-before', { type: 'dataset', query: null, before: ['imagenet', 'dataset:imagenet'], limit: 5 }, entityIds, ['dataset:glue', 'dataset:brambleset']),
  row('read/entities-page-papers-desc', { type: 'model', query: null, after: null, limit: 2 }, (r) => r.map((x) => [x.entity.id, x.sortKey]), [['model:bert', 3], ['model:quillformer', 1]]),
  row('read/entities-page-papers-desc-before', { type: 'dataset', query: null, before: [2, 'dataset:squad'], limit: 5 }, entityIds, ['dataset:glue']),
  row(
    'read/entity-by-keys-with-papers',
    { keys: ['glue'], type: null, role: null, ...first, limit: 2 },
    (r) => r.map((x) => [x.entity.id, x.rows.map((p) => p.paper.id), x.total]),
    [['dataset:glue', ['kg-4', 'kg-3'], 3]],
  ),
  row('read/entity-papers', { entityIds: ['method:lora', 'model:bert'], role: null, ...first, limit: 5 }, (r) => r.map((x) => [x.eid, x.rows.map((p) => p.paper.id), x.total]).sort(), [
    // Undated papers come last.
    ['method:lora', ['kg-3', 'kg-2'], 2],
    ['model:bert', ['kg-4', 'kg-2', 'kg-5'], 3],
  ]),
  row('read/entity-cooccurring', { entityIds: ['model:bert'], type: 'dataset', limit: 5 }, (r) => r.map((x) => [x.eid, counted(x.rows)]), [['model:bert', ['dataset:glue=2', 'dataset:squad=2']]]),
  row('read/entity-family', { entityIds: ['model:resnet50', 'model:bert'] }, (r) => r.map((x) => [x.eid, x.entity.id]), [['model:resnet50', 'model:resnet']]),
  row('read/entity-variants', { entityIds: ['model:resnet'], limit: 5 }, (r) => r.map((x) => [x.eid, ids(x.rows)]), [['model:resnet', ['model:resnet50']]]),
  row('read/search', { query: 'quillformer', limit: 10 }, (r) => r.map((x) => x.paper?.id ?? x.entity?.id).sort(), ['kg-1', 'model:quillformer']),
  row(
    'read/cooccurrence',
    { rows: 'model', columns: 'dataset', pair: 'dataset model', minPapers: 2, maxPapers: Number.MAX_SAFE_INTEGER, after: null, limit: 10 },
    cells,
    ['model:bert|dataset:glue|2', 'model:bert|dataset:squad|2'],
  ),
  row('read/cooccurrence-singles', { rows: 'model', columns: 'dataset', after: null, limit: 10 }, cells, ['model:quillformer|dataset:brambleset|1', 'model:resnet50|dataset:imagenet|1']),
  row('read/path', { from: 'kg-3', to: 'kg-4', maxHops: 4 }, (r) => r.map((x) => x.nodes.map((n) => (n.kind === 'Paper' ? n.paper.id : n.entity.id))), [['kg-3', 'dataset:glue', 'kg-4']]),
  // By label and relationship type. Nine entities: the eight linked and ResNet, the family of ResNet-50.
  row('read/stats', {}, (r) => r.map((x) => [x.papers, x.entities, x.byType.filter((t) => t.count > 0).map((t) => `${t.type}=${t.count}`).sort()]), [
    [6, 9, ['Dataset=4', 'EVALUATES_ON=7', 'Method=1', 'Model=4', 'PROPOSES=1', 'Paper=6', 'USES=6', 'VARIANT_OF=1']],
  ]),
  row('read/ping', {}, (r) => r, [{ ok: 1 }]),
  row('read/await-fulltext', {}, (r) => r, []),
  row('read/await-indexes', {}, (r) => r, []),
  // time
  row(
    'read/entity-timeline',
    { eids: ['dataset:glue', 'model:bert'], by: 'YEAR', years: [{ from: 2020, to: 2025 }], months: [], days: [], after: null, limit: 100 },
    (r) => r.map((x) => [x.eid, x.points]).sort(),
    [
      ['dataset:glue', [{ period: '2023', papers: 3, byRole: [{ role: 'EVALUATES_ON', papers: 3 }] }]],
      // kg-5 has no date: not counted.
      ['model:bert', [{ period: '2023', papers: 2, byRole: [{ role: 'USES', papers: 2 }] }]],
    ],
  ),
  row('read/entities-first-seen', { ids: ['model:bert', 'model:quillformer', 'model:resnet50'] }, (r) => r.map((x) => [x.id, x.date, x.paper, x.role]).sort(), [
    ['model:bert', '2023-02-14', 'kg-2', 'USES'],
    ['model:quillformer', '2022-03-10', 'kg-1', 'PROPOSES'],
    ['model:resnet50', '2024-01-05', 'kg-6', 'USES'],
  ]),
  row('read/new-entities', { type: null, from: '2023-01-01', to: '2024-01-01', after: null, limit: 10 }, (r) => r.map((x) => `${x.entity.id} ${x.firstSeen}`).sort(), [
    'dataset:glue 2023-02-14',
    'dataset:squad 2023-02-14',
    'method:lora 2023-02-14',
    'model:bert 2023-02-14',
  ]),
  // Newest first: ImageNet (2024), GLUE and SQuAD (2023), Brambleset (2022); the rows before Brambleset, nearest first.
  row('read/new-entities-before', { type: 'dataset', from: '2022-01-01', to: '2025-01-01', before: ['2022-03-10', 'dataset:brambleset'], limit: 10 }, (r) => entityIds(r).slice(0, 2).sort().concat(entityIds(r).slice(2)), [
    'dataset:glue',
    'dataset:squad',
    'dataset:imagenet',
  ]),
  row('read/new-entities-count', { type: 'dataset', from: '2022-01-01', to: '2025-01-01' }, total, [4]),
  row(
    'read/trending',
    { type: 'dataset', order: 'ABSOLUTE', minPapers: 1, after: null, limit: 10, years: [{ from: 2022, to: 2023, base: true }, { from: 2023, to: 2024, base: false }], months: [], days: [] },
    (r) => r.map((x) => [x.entity.id, x.papers, x.baseline, x.growth]),
    [['dataset:glue', 3, 0, 3], ['dataset:squad', 1, 0, 1]],
  ),
  row(
    'read/trending',
    // Days only: 10-30 June 2023 against the 21 days before; kg-4 (20 June) links BERT.
    { type: 'model', order: 'ABSOLUTE', minPapers: 1, after: null, limit: 10, years: [], months: [], days: [{ from: '2023-05-20', to: '2023-06-10', base: true }, { from: '2023-06-10', to: '2023-07-01', base: false }] },
    (r) => r.map((x) => [x.entity.id, x.papers, x.baseline, x.growth]),
    [['model:bert', 1, 0, 1]],
  ),
  row('read/trending-year-growth', { type: 'dataset', period: 2023, minPapers: 1, after: null, limit: 10, maxScore: Number.MAX_VALUE }, (r) => r.map((x) => [x.entity.id, x.papers, x.baseline, x.growth]), [
    ['dataset:glue', 3, 0, 3],
    ['dataset:squad', 1, 0, 1],
  ]),
  row('read/trending-year-rate', { type: 'model', period: 2022, minPapers: 1, after: null, limit: 10, maxScore: Number.MAX_VALUE }, (r) => r.map((x) => [x.entity.id, x.papers, x.baseline]), [['model:quillformer', 1, 0]]),
  // people
  row('read/people-by-keys', { label: 'Venue', keys: ['glimcon', 'pondmeet', 'none'] }, (r) => r.map((x) => [x.key, x.name, x.paperCount, x.uid]).sort(), [
    ['glimcon', 'Glimcon', 2, null],
    ['pondmeet', 'Pondmeet', 1, null],
  ]),
  row('read/people-by-keys', { label: 'Author', keys: ['botarn'] }, (r) => r.map((x) => [x.key, x.name, x.paperCount, x.uid]), [['botarn', 'Bo Tarn', 3, nameOnlyUid('botarn')]]),
  row('read/authors-by-uids', { uids: [nameOnlyUid('adavole'), nameOnlyUid('botarn')] }, (r) => r.map((x) => [x.uid, x.name, x.paperCount]).sort(), [
    [nameOnlyUid('adavole'), 'Ada Vole', 2],
    [nameOnlyUid('botarn'), 'Bo Tarn', 3],
  ]),
  // Bo Tarn's papers: kg-1, kg-2, kg-5; BERT and SQuAD are in two of them.
  row('read/author-top-entities', { keys: [nameOnlyUid('botarn')], type: 'dataset', role: null, limit: 1 }, (r) => r.map((x) => [x.key, counted(x.top)]), [[nameOnlyUid('botarn'), ['dataset:squad=2']]]),
  row('read/venue-top-entities', { keys: ['glimcon'], type: null, role: 'PROPOSES', limit: 10 }, (r) => r.map((x) => [x.key, counted(x.top)]), [['glimcon', ['model:quillformer=1']]]),
];

describe('each read statement on a known graph (real Neo4j)', () => {
  it.each(cases.map((c, i) => ({ ...c, label: `${c.name} #${i}` })))('$label', async ({ name, params, view, want }) => {
    expect(view(await db.read(name, params))).toEqual(want);
  });

  it('has a row for every statement under cypher/read (fragments excepted)', () => {
    const statements = readStatementNames();
    const covered = new Set<string>(cases.map((c) => c.name));
    expect(statements.filter((s) => !covered.has(s))).toEqual([]);
    // And the other way: every row names a statement that is there.
    expect([...covered].filter((s) => !statements.includes(s))).toEqual([]);
  });
});
