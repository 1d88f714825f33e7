// Issue 19 (3): one id space for papers and entities that cannot collide. The
// id policy (src/ids.ts) is applied alike by the CLI (every reader), the
// ingestPapers mutation, and, for graphs stored before it, the migration.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { migrate } from '../../src/db/migrate.js';
import { conformingPaperId } from '../../src/ids.js';
import { ingest } from '../../src/ingest/pipeline.js';
import type { SourceRecord } from '../../src/ingest/records.js';
import { projectPath } from '../../src/paths.js';
import { defaultExtractor } from '../../src/runtime.js';
import { startTestServer, TEST_API_KEY } from '../helpers/api.js';
import { useFreshDatabase, query } from '../helpers/db.js';

const db = useFreshDatabase();
let server: Awaited<ReturnType<typeof startTestServer>>;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'papergraph-ids-'));

const LONG = 'x'.repeat(5000);
const ABSTRACT = 'We apply LoRA to fine-tune LLaMA on the Alpaca dataset and report accuracy.';

async function* records(...papers: { id: string; title: string }[]): AsyncGenerator<SourceRecord> {
  for (const [i, p] of papers.entries()) yield { location: `t:${i + 1}`, paper: { ...p, abstract: ABSTRACT } };
}

beforeAll(async () => {
  await ingest(records({ id: 'seed-1', title: 'Low-rank adaptation of LLaMA' }), { db, extractor: defaultExtractor() });
  server = await startTestServer(db);
});
afterAll(async () => {
  await server?.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
});

const auth = { authorization: `Bearer ${TEST_API_KEY}` };

describe('the id policy at every entry point', () => {
  it('the mutation refuses ids that would collide with an entity or break links, naming the record, and keeps the rest', async () => {
    const r = await server.gql(
      `mutation($papers: [PaperInput!]!) { ingestPapers(papers: $papers) { ingested errors { index message } ids } }`,
      {
        papers: [
          { id: 'ok-1', title: 'A good paper', abstract: ABSTRACT },
          { id: 'method:lora', title: 'A paper posing as LoRA', abstract: ABSTRACT },
          { id: 'a/b?c#d', title: 'A paper with a query in its id', abstract: ABSTRACT },
          { id: 'Dataset:alpaca', title: 'A paper posing as Alpaca', abstract: ABSTRACT },
        ],
      },
      auth,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data.ingestPapers.ingested).toBe(1);
    expect(r.data.ingestPapers.ids).toEqual(['ok-1', null, null, null]);
    expect(r.data.ingestPapers.errors).toEqual([
      { index: 1, message: expect.stringMatching(/^id "method:lora" starts with "method:", which is reserved for entity ids/) },
      { index: 2, message: expect.stringMatching(/^id "a\/b\?c#d" contains "\?"; paper ids are 1 to 256 characters/) },
      { index: 3, message: expect.stringMatching(/^id "Dataset:alpaca" starts with "Dataset:"/) },
    ]);
    // The entity is still what its id names.
    const node = await server.gql('{ node(id: "method:lora") { __typename id } }');
    expect(node.data.node).toEqual({ __typename: 'Method', id: 'method:lora' });
    const [stored] = await query(db, `MATCH (p:Paper) WHERE p.id IN ['method:lora', 'a/b?c#d', 'Dataset:alpaca'] RETURN count(p) AS n`);
    expect(Number(stored!.n)).toBe(0);
  });

  it('the mutation refuses an over-long id before anything runs', async () => {
    const r = await server.gql(`mutation($p: [PaperInput!]!) { ingestPapers(papers: $p) { ingested } }`, { p: [{ id: LONG, title: 'T', abstract: ABSTRACT }] }, auth);
    expect(r.status).toBe(400);
    expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(r.errors?.[0]?.message).toMatch(/id is longer than 256/);
  });

  it('the CLI refuses the same ids with the same reasons, each record named by file and line', () => {
    const file = path.join(tmp, 'ids.jsonl');
    const bad = [
      { id: 'cli-ok', title: 'A good paper from a file', abstract: ABSTRACT },
      { id: 'method:lora', title: 'A paper posing as LoRA', abstract: ABSTRACT },
      { id: 'a/b?c#d', title: 'A paper with a query in its id', abstract: ABSTRACT },
      { id: LONG, title: 'A paper with a very long id', abstract: ABSTRACT },
      { id: 'two words', title: 'A paper with a space in its id', abstract: ABSTRACT },
    ];
    fs.writeFileSync(file, bad.map((p) => JSON.stringify(p)).join('\n') + '\n');
    const errors = path.join(tmp, 'errors.jsonl');
    const t = inject('neo4j');
    const run = spawnSync(process.execPath, [projectPath('dist', 'src', 'cli.js'), 'ingest', file, '--threads', '1', '--errors', errors], {
      env: { ...process.env, NEO4J_URI: t.uri, NEO4J_USER: t.user, NEO4J_PASSWORD: t.password, NEO4J_DATABASE: t.database },
      encoding: 'utf8',
    });
    expect(run.stderr).toMatch(/ingested 1\b/);
    const rejected = fs.readFileSync(errors, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(rejected).toEqual([
      { location: 'ids.jsonl:2', reason: expect.stringMatching(/^id "method:lora" starts with "method:", which is reserved for entity ids/) },
      { location: 'ids.jsonl:3', reason: expect.stringMatching(/^id "a\/b\?c#d" contains "\?"/) },
      { location: 'ids.jsonl:4', reason: 'id is longer than 256 characters (5000)' },
      { location: 'ids.jsonl:5', reason: expect.stringMatching(/^id "two words" contains a space/) },
    ]);
  });
});

describe('migrating a graph stored before the policy', () => {
  it('renames off-policy paper ids, keeping links, identity keys and the old id, once', async () => {
    const olds = ['method:lora', 'a/b?c#d', LONG];
    await query(
      db,
      `UNWIND $olds AS old
       CREATE (p:Paper {id: old, title: 'Stored before the policy ' + size(old), titleSort: 'stored', abstract: 'A', authors: [], recordIds: [old, 'other-record']})
       CREATE (k:PaperKey {key: 'doi:10.1/' + size(old), paper: old})
       WITH p
       MATCH (e:Entity {id: 'method:lora'})
       CREATE (p)-[:USES {confidence: 0.9, evidence: '[]'}]->(e)`,
      { olds },
    );
    // useFreshDatabase ran the migration before these papers existed; a database that
    // predates the policy has no record of it.
    await query(db, `MATCH (b:Backfill {name: 'code:paper-id-policy-1'}) DELETE b`);
    await migrate(db);
    for (const old of olds) {
      const to = conformingPaperId(old);
      const [row] = await query(
        db,
        `MATCH (p:Paper {id: $to}) OPTIONAL MATCH (k:PaperKey {paper: $to})
         RETURN p.formerIds AS formerIds, p.recordIds AS recordIds, count { (p)-->(:Entity {id: 'method:lora'}) } AS links, collect(k.key) AS keys`,
        { to },
      );
      expect(row, old.slice(0, 20)).toBeDefined();
      expect(row!.formerIds).toEqual([old]);
      expect(row!.recordIds).toEqual([to, 'other-record']);
      expect(Number(row!.links)).toBe(1);
      expect(row!.keys).toEqual([`doi:10.1/${old.length}`]);
      const node = await server.gql('query($id: ID!) { node(id: $id) { __typename id ... on Paper { title } } }', { id: to });
      expect(node.data.node).toEqual({ __typename: 'Paper', id: to, title: `Stored before the policy ${old.length}` });
    }
    const [left] = await query(db, 'MATCH (p:Paper) WHERE p.id IN $olds RETURN count(p) AS n', { olds });
    expect(Number(left!.n)).toBe(0);
    // Recorded: a second start does not scan again, and nothing changes.
    const before = await query(db, 'MATCH (p:Paper) RETURN p.id AS id ORDER BY id');
    await migrate(db);
    expect(await query(db, 'MATCH (p:Paper) RETURN p.id AS id ORDER BY id')).toEqual(before);
  });
});
