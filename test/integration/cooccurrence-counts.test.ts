// Co-occurrence counts kept at write time (ingest/cooccurrence-add, -retract)
// against the same cells counted from the links (check/cooccurrence-recount):
// after a first ingest, after papers change or lose their entities, and after
// the migration rebuilds them for a graph written without them.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cellKey, graphReads, type CellKey } from '../../src/db/graph-reads.js';
import { migrate } from '../../src/db/migrate.js';
import { ingest } from '../../src/ingest/pipeline.js';
import { readSource } from '../../src/ingest/readers.js';
import { defaultExtractor } from '../../src/runtime.js';
import { query, useSampleDatabase } from '../helpers/db.js';

const TABLES: [string, string][] = [
  ['method', 'dataset'],
  ['dataset', 'method'],
  ['method', 'method'],
  ['model', 'dataset'],
  ['task', 'metric'],
  ['metric', 'task'],
];

const db = useSampleDatabase();
let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'papergraph-cooc-'));
});
afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

/** A whole table as the API pages it (7 cells a page), as [papers, row id, column id]. */
async function pagedTable(rows: string, columns: string): Promise<CellKey[]> {
  const reads = graphReads(db);
  const cells: CellKey[] = [];
  let after: CellKey | null = null;
  for (;;) {
    const page: CellKey[] = (await reads.cooccurrence(rows, columns, 1, 7, after)).map(cellKey);
    cells.push(...page);
    if (page.length < 7) return cells;
    after = page.at(-1)!;
  }
}

const recounted = async (rows: string, columns: string): Promise<CellKey[]> =>
  (await db.read('check/cooccurrence-recount', { rows, columns })).map((r) => [r.papers as number, r.row as string, r.column as string]);

/** Every kept pair against the pairs the links give, and every table against its recount. */
async function expectCountsMatchLinks() {
  const kept = await query(db, `MATCH (a)-[k:CO_OCCURS]->(b) RETURN a.id AS a, b.id AS b, k.papers AS n, k.pair AS pair ORDER BY a, b`);
  const linked = await query(
    db,
    `MATCH (a:Entity)<-[:PROPOSES|USES|EVALUATES_ON|COMPARES_WITH|MENTIONS]-(:Paper)-[:PROPOSES|USES|EVALUATES_ON|COMPARES_WITH|MENTIONS]->(b:Entity)
     WHERE a.id < b.id WITH a, b, count(*) AS n WHERE n >= 2
     RETURN a.id AS a, b.id AS b, n, a.type + ' ' + b.type AS pair ORDER BY a, b`,
  );
  // Pairs sharing two papers or more are kept; those of one paper are not.
  expect(linked.length).toBeGreaterThan(10);
  expect(kept).toEqual(linked);
  const cells: CellKey[] = [];
  for (const [rows, columns] of TABLES) {
    const expected = await recounted(rows, columns);
    expect(expected.length, `${rows} x ${columns}`).toBeGreaterThan(0);
    expect(await pagedTable(rows, columns), `${rows} x ${columns}`).toEqual(expected);
    cells.push(...expected);
  }
  // The tables hold both kept cells and one-paper cells (read from the links).
  expect(cells.some(([papers]) => papers === 1) && cells.some(([papers]) => papers >= 2)).toBe(true);
  // Entity.cooccurring: the busiest entities, one in the middle and a rare one, with and without a type.
  const picked = await query(db, `MATCH (e:Entity) WITH e ORDER BY e.paperCount DESC, e.id RETURN collect(e.id) AS ids`);
  const ids = picked[0]!.ids as string[];
  const some = [ids[0]!, ids[1]!, ids[Math.floor(ids.length / 2)]!, ids.at(-1)!];
  for (const type of [null, 'dataset']) {
    const got = await graphReads(db).entityCooccurring(some, type, 6);
    for (const id of some) {
      const want = await query(
        db,
        `MATCH (e:Entity {id: $id})<-[:PROPOSES|USES|EVALUATES_ON|COMPARES_WITH|MENTIONS]-(:Paper)-[:PROPOSES|USES|EVALUATES_ON|COMPARES_WITH|MENTIONS]->(o:Entity)
         WHERE o <> e AND ($type IS NULL OR o.type = $type)
         WITH o, count(*) AS papers RETURN o.id AS id, papers ORDER BY papers DESC, id LIMIT 6`,
        { id, type },
      );
      expect((got.get(id) ?? []).map((r) => ({ id: (r.entity as { id: string }).id, papers: r.papers })), `${id} ${type}`).toEqual(want);
    }
  }
}

describe('co-occurrence counts kept at write time', () => {
  it('equal the counts from the links after an ingest', async () => {
    await expectCountsMatchLinks();
  });

  it('follow papers that change their entities or lose them all', async () => {
    const [p1, p2] = await query(
      db,
      `MATCH (p:Paper) WHERE COUNT { (p)-->(:Entity) } >= 4 RETURN p.id AS id, p.title AS title, p.abstract AS abstract ORDER BY id LIMIT 2`,
    );
    const file = path.join(tmp, 'changed.jsonl');
    const changed = [
      // Another set of entities: its old pairs lose the paper, new pairs gain it.
      { id: p1!.id, title: 'LoRA and QLoRA for Llama 2 on GSM8K', abstract: 'We fine-tune Llama 2 with LoRA and QLoRA and evaluate on GSM8K and MMLU with accuracy.' },
      // No entities left: every pair it counted in loses it.
      { id: p2!.id, title: 'A note', abstract: 'We write a short note about nothing in particular.' },
    ];
    fs.writeFileSync(file, changed.map((c) => JSON.stringify(c)).join('\n') + '\n');
    const s = await ingest(readSource(file), { db, extractor: defaultExtractor() });
    expect(s).toMatchObject({ updated: 2 });
    await expectCountsMatchLinks();
    // The two papers back as they were.
    fs.writeFileSync(file, [p1!, p2!].map((p) => JSON.stringify({ id: p.id, title: p.title, abstract: p.abstract })).join('\n') + '\n');
    await ingest(readSource(file), { db, extractor: defaultExtractor() });
    await expectCountsMatchLinks();
  });

  it('are rebuilt by the migration for a graph written without them', async () => {
    const before = await query(db, `MATCH (a)-[k:CO_OCCURS]->(b) RETURN a.id AS a, b.id AS b, properties(k) AS k ORDER BY a, b`);
    await query(db, `MATCH ()-[k:CO_OCCURS]->() DELETE k`);
    await query(db, `MATCH (b:Backfill) WHERE b.name STARTS WITH 'migrations/009-cooccurrence' DELETE b`);
    await migrate(db);
    expect(await query(db, `MATCH (a)-[k:CO_OCCURS]->(b) RETURN a.id AS a, b.id AS b, properties(k) AS k ORDER BY a, b`)).toEqual(before);
    await expectCountsMatchLinks();
  });
});
