// Two ingests at once (the CLI and an API ingest, say) over papers that share
// hub entities: both finish, and every entity's paperCount is its real number
// of papers (entity locks are taken in id order, so writers wait, not deadlock).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../bench/generate-corpus.js';
import { ingest } from '../../src/ingest/pipeline.js';
import { readSource } from '../../src/ingest/readers.js';
import { defaultExtractor } from '../../src/runtime.js';
import { useFreshDatabase, query } from '../helpers/db.js';

const db = useFreshDatabase();
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'papergraph-concurrent-'));

afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('concurrent ingests sharing hub entities', () => {
  it('both complete and leave exact paper counts', async () => {
    const papers = [...generateCorpus(240, 11)];
    const files = [0, 1].map((half) => {
      const file = path.join(tmp, `half-${half}.jsonl`);
      fs.writeFileSync(file, papers.filter((_, i) => i % 2 === half).map((p) => JSON.stringify(p)).join('\n') + '\n');
      return file;
    });
    const extractor = defaultExtractor();
    const runs = await Promise.all(files.map((f) => ingest(readSource(f), { db, extractor, batchSize: 20 })));
    for (const s of runs) expect(s).toMatchObject({ read: 120, ingested: 120, rejected: 0 });

    const [hub] = await query(db, 'MATCH (e:Entity) RETURN e.paperCount AS n ORDER BY n DESC LIMIT 1');
    expect(Number(hub!.n)).toBeGreaterThan(20);
    const wrong = await query(
      db,
      `MATCH (e:Entity)
       WITH e, COUNT { (e)<-[:PROPOSES|USES|EVALUATES_ON|COMPARES_WITH|MENTIONS]-(:Paper) } AS papers
       WHERE e.paperCount <> papers
       RETURN e.id AS id, e.paperCount AS stored, papers LIMIT 5`,
    );
    expect(wrong).toEqual([]);
    const [total] = await query(db, 'MATCH (p:Paper) RETURN count(p) AS n');
    expect(Number(total!.n)).toBe(240);
  });
});
