import { describe, expect, it } from 'vitest';
import { ingest } from '../../src/ingest/pipeline.js';
import { readSource } from '../../src/ingest/readers.js';
import { reextract } from '../../src/ingest/reextract.js';
import { projectPath } from '../../src/paths.js';
import { defaultExtractor } from '../../src/runtime.js';
import { useFreshDatabase, query, snapshot } from '../helpers/db.js';

const db = useFreshDatabase();

describe('reextract', () => {
  it('replaces an older extractor version\'s links without duplicates or orphans', async () => {
    await ingest(readSource(projectPath('data', 'hf-papers.txt')), { db, extractor: defaultExtractor() });
    const current = await snapshot(db);

    // Pretend an older extractor version made the graph, and that it also found
    // a bogus entity in ten papers. (All papers: corpus-level rules see the
    // papers re-extracted together, so only a full pass equals a clean ingest.)
    await query(db, `MATCH (p:Paper) SET p.extractorVersion = 'rules-0.0.1'`);
    await query(
      db,
      `MATCH (p:Paper) WITH p ORDER BY p.id LIMIT 10
       SET p.extractorVersion = 'rules-0.0.1'
       MERGE (e:Entity:Method {id: 'method:oldbogus'})
         ON CREATE SET e.type = 'method', e.key = 'oldbogus', e.name = 'OldBogus', e.nameSort = 'oldbogus', e.aliases = [], e.aliasKeys = ['oldbogus']
       MERGE (a:Alias {key: 'oldbogus'}) MERGE (a)-[:NAMES]->(e)
       CREATE (p)-[:MENTIONS {extractorVersion: 'rules-0.0.1', confidence: 0.1, texts: [], sentences: [], starts: [], ends: [], fields: []}]->(e)`,
    );
    await query(db, `MATCH (e:Entity {id: 'method:oldbogus'}) SET e.paperCount = 10`);

    const s = await reextract(db, { extractor: defaultExtractor() });
    expect(s).toMatchObject({ read: 93, updated: 93, ingested: 0, unchanged: 0, rejected: 0 });
    const [bogus] = await query(db, `MATCH (e:Entity {id: 'method:oldbogus'}) RETURN count(e) AS n`);
    expect(bogus!.n).toBe(0);
    const [alias] = await query(db, `MATCH (a:Alias {key: 'oldbogus'}) RETURN count(a) AS n`);
    expect(alias!.n).toBe(0);
    const [old] = await query(db, `MATCH ()-[r]->() WHERE r.extractorVersion IS NOT NULL AND r.extractorVersion <> $v RETURN count(r) AS n`, {
      v: defaultExtractor().version,
    });
    expect(old!.n).toBe(0);
    expect(await snapshot(db)).toEqual(current);

    // Nothing left to do: a second run reads nothing.
    expect(await reextract(db, { extractor: defaultExtractor() })).toMatchObject({ read: 0 });
    // --all re-extracts everything and still changes nothing.
    expect(await reextract(db, { extractor: defaultExtractor(), all: true })).toMatchObject({ read: 93, updated: 93 });
    expect(await snapshot(db)).toEqual(current);
  });
});
