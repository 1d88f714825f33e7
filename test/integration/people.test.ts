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

describe('author ids', () => {
  const idPapers = [
    { id: 'wid1', title: 'Ids paper 1', abstract: ABSTRACTS[0], authors: ['Wei Wang', 'Ann Lee'], authorIds: [['orcid:0000-0001-0000-0001'], []] },
    { id: 'wid2', title: 'Ids paper 2', abstract: ABSTRACTS[1], authors: ['Wei Wang'], authorIds: [['orcid:0000-0001-0000-0002']] },
    { id: 'wid3', title: 'Ids paper 3', abstract: ABSTRACTS[2], authors: ['W. Wang'], authorIds: [['orcid:0000-0001-0000-0001', 's2author:55']] },
    { id: 'wid4', title: 'Ids paper 4', abstract: ABSTRACTS[3], authors: ['Wei Wang'] },
  ];
  const byPaper = async () => {
    const ids = ['wid1', 'wid2', 'wid3', 'wid4'];
    const out: Record<string, unknown> = {};
    for (const id of ids) out[id] = (await gql(`{ paper(id: "${id}") { authorList { key name ids paperCount } } }`)).paper.authorList;
    return out;
  };

  it('keeps ORCID and Semantic Scholar ids on authors, matches by id before name, and tells people of one name apart', async () => {
    const s = await ingest(readSource(write('ids.jsonl', idPapers)), { db, extractor: defaultExtractor() });
    expect(s).toMatchObject({ ingested: 4, rejected: 0 });
    const lists = await byPaper();
    // ORCID ...01 is one person under two spellings, who gained an S2 id from the second paper.
    const wei1 = { key: 'weiwang', name: 'Wei Wang', ids: ['orcid:0000-0001-0000-0001', 's2author:55'], paperCount: 2 };
    expect(lists.wid1).toEqual([wei1, expect.objectContaining({ name: 'Ann Lee', ids: [] })]);
    expect(lists.wid3).toEqual([wei1]);
    expect(lists.wid2).toEqual([{ key: 'weiwang', name: 'Wei Wang', ids: ['orcid:0000-0001-0000-0002'], paperCount: 1 }]);
    // With two people of that name known, a bare "Wei Wang" is pinned on neither.
    expect(lists.wid4).toEqual([{ key: 'weiwang', name: 'Wei Wang', ids: [], paperCount: 1 }]);
    // Ann Lee (no ids anywhere) is still the one node of her name, with her earlier papers.
    const [{ annNodes }] = (await query(db, "MATCH (a:Author {key: 'annlee'}) RETURN count(a) AS annNodes")) as [{ annNodes: number }];
    expect(Number(annNodes)).toBe(1);
    // author(name:) answers the busiest of the people with that name, and its entities are its own papers' only.
    const { author } = await gql('{ author(name: "wei wang") { ids paperCount topEntities(first: 100) { entity { id } papers } } }');
    expect(author).toMatchObject({ ids: wei1.ids, paperCount: 2 });
    const expected = await query(db, "MATCH (p:Paper)-[]->(e:Entity) WHERE p.id IN ['wid1', 'wid3'] RETURN e.id AS id, count(DISTINCT p) AS papers ORDER BY papers DESC, id");
    expect(author.topEntities).toEqual(expected.map((e) => ({ entity: { id: e.id }, papers: Number(e.papers) })));
  });

  it('changes nothing on a second ingest, and keeps the ids when a paper is stored again with its authors in another order', async () => {
    const before = await byPaper();
    const again = await ingest(readSource(write('ids.jsonl', idPapers)), { db, extractor: defaultExtractor() });
    expect(again).toMatchObject({ unchanged: 4, ingested: 0, updated: 0 });
    expect(await byPaper()).toEqual(before);
    const reordered = { ...idPapers[0], authors: ['Ann Lee', 'Wei Wang'], authorIds: [[], ['orcid:0000-0001-0000-0001']] };
    await ingest(readSource(write('ids2.jsonl', [reordered])), { db, extractor: defaultExtractor() });
    const after = await byPaper();
    expect(after.wid1).toEqual([...(before.wid1 as unknown[])].reverse());
    const [{ nodes }] = (await query(db, "MATCH (a:Author) WHERE a.key = 'weiwang' RETURN count(a) AS nodes")) as [{ nodes: number }];
    expect(Number(nodes)).toBe(3);
  });
});
