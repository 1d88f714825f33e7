// Authors and venues as nodes: every answer is checked against the same count
// made in Cypher over the papers' stored author lists and venues.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { ingest } from '../../src/ingest/pipeline.js';
import { readSource } from '../../src/ingest/readers.js';
import { defaultExtractor } from '../../src/runtime.js';
import { startApiOn, type startTestServer } from '../helpers/api.js';
import { query } from '../helpers/db.js';

let db: Database;
let server: Awaited<ReturnType<typeof startTestServer>>;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'papergraph-people-'));

const ABSTRACTS = [
  'We train a ResNet-50 on ImageNet and report top-1 accuracy.',
  'We propose LoRA, a low-rank adaptation method, and evaluate it on GLUE.',
  'We fine-tune BERT on SQuAD and GLUE.',
  'We evaluate a Vision Transformer on ImageNet and CIFAR-10.',
];
const AUTHORS = [['Ann Lee', 'Bo Chen'], ['Bo Chen', 'Chidi Okafor'], ['Ann Lee', 'Dana Ruiz', 'Bo Chen'], ['Chidi Okafor']];
const VENUES = ['NeurIPS', 'ICML', 'NeurIPS', null];

function write(name: string, rows: object[]) {
  const file = path.join(dir, name);
  fs.writeFileSync(file, rows.map((r) => JSON.stringify(r)).join('\n'));
  return file;
}
const papers = Array.from({ length: 12 }, (_, i) => ({
  id: `pp${i}`,
  title: `People paper ${i}`,
  abstract: ABSTRACTS[i % 4],
  authors: AUTHORS[i % 4],
  ...(VENUES[i % 4] ? { venue: VENUES[i % 4] } : {}),
}));

let gql: Awaited<ReturnType<typeof startApiOn>>['data'];
let stop: () => Promise<void>;
beforeAll(async () => {
  ({ db, server, data: gql, stop } = await startApiOn(write('people.jsonl', papers)));
});
afterAll(async () => {
  await stop?.();
});

describe('authors and venues', () => {
  it("finds an author by any spelling, with paper count and top entities by type and role", async () => {
    const Q = `query($name: String!, $role: Role) { author(name: $name) { key name paperCount
      datasets: topEntities(type: DATASET, role: $role, first: 100) { entity { id } papers } } }`;
    const { author } = await gql(Q, { name: 'bo  CHEN' });
    expect(author).toMatchObject({ key: 'bochen', name: 'Bo Chen', paperCount: 9 });
    const expected = await query(
      db,
      `MATCH (p:Paper)-[r]->(e:Dataset) WHERE 'Bo Chen' IN p.authors RETURN e.id AS id, count(DISTINCT p) AS papers ORDER BY papers DESC, id`,
    );
    expect(expected.length).toBeGreaterThan(1);
    expect(author.datasets).toEqual(expected.map((e) => ({ entity: { id: e.id }, papers: Number(e.papers) })));
    const evaluated = (await gql(Q, { name: 'Bo Chen', role: 'EVALUATES_ON' })).author.datasets;
    const expectedRole = await query(db, `MATCH (p:Paper)-[r:EVALUATES_ON]->(e:Dataset) WHERE 'Bo Chen' IN p.authors RETURN e.id AS id, count(DISTINCT p) AS papers ORDER BY papers DESC, id`);
    expect(evaluated).toEqual(expectedRole.map((e) => ({ entity: { id: e.id }, papers: Number(e.papers) })));
    expect((await gql(Q, { name: 'Nobody Known' })).author).toBeNull();
  });

  it('gives a venue its papers and top entities, and a paper its ordered authors and venue', async () => {
    const { venue } = await gql('{ venue(name: "neurips") { name paperCount topEntities(first: 3) { entity { name } papers } } }');
    expect(venue).toMatchObject({ name: 'NeurIPS', paperCount: 6 });
    expect(venue.topEntities[0].papers).toBeGreaterThanOrEqual(venue.topEntities.at(-1).papers);
    const { paper } = await gql('{ paper(id: "pp2") { authors authorList { name paperCount } venue { name } } }');
    expect(paper.authorList.map((a: { name: string }) => a.name)).toEqual(paper.authors);
    expect(paper.authorList.map((a: { paperCount: number }) => a.paperCount)).toEqual([6, 3, 9]);
    expect(paper.venue).toEqual({ name: 'NeurIPS' });
  });

  it('replaces a paper\'s authors and venue when it changes', async () => {
    await ingest(readSource(write('changed.jsonl', [{ ...papers[3], authors: ['Eve Park'], venue: 'ICLR' }])), { db, extractor: defaultExtractor() });
    const { paper } = await gql('{ paper(id: "pp3") { authorList { name } venue { name } } }');
    expect(paper).toEqual({ authorList: [{ name: 'Eve Park' }], venue: { name: 'ICLR' } });
    expect((await gql('{ author(name: "Chidi Okafor") { paperCount } }')).author.paperCount).toBe(5);
    // Dana Ruiz and Ann Lee keep their other papers; no author or venue is left without papers.
    const [{ orphans }] = (await query(db, 'MATCH (n) WHERE (n:Author OR n:Venue) AND NOT EXISTS { (n)<--() } RETURN count(n) AS orphans')) as [{ orphans: number }];
    expect(orphans).toBe(0);
    await ingest(readSource(write('changed2.jsonl', [{ ...papers[3], authors: ['Eve Park'], venue: 'ICLR' }, { ...papers[3], id: 'pp3', title: 'People paper 3 renamed', authors: ['Fay Wu'], venue: 'ICML' }].slice(1))), { db, extractor: defaultExtractor() });
    expect((await gql('{ author(name: "Eve Park") { name } }')).author).toBeNull();
    expect((await gql('{ venue(name: "ICLR") { name } }')).venue).toBeNull();
  });

  it('costs the same number of statements for 3 or 12 papers with their authors and venues', async () => {
    const count = async (first: number) => {
      let statements = 0;
      const off = db.onStatement(() => statements++);
      try {
        await gql(`{ papers(first: ${first}) { edges { node { doi externalIds venue { name paperCount } authorList { name paperCount topEntities(first: 2) { papers } } } } } }`);
      } finally {
        off();
      }
      return statements;
    };
    expect(await count(3)).toBe(await count(12));
  });
});
