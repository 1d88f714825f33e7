// A graph written before evidence became offsets (links holding copies of each
// mention's text and sentence) migrates in bounded, resumable steps and then
// reads back exactly as before.
import { describe, expect, it } from 'vitest';
import type { Evidence } from '../../src/db/evidence.js';
import { graphReads } from '../../src/db/graph-reads.js';
import { migrateEvidenceToOffsets } from '../../src/db/migrate-evidence.js';
import { query, useSampleDatabase } from '../helpers/db.js';

const db = useSampleDatabase();

const allIds = async () => (await query(db, 'MATCH (p:Paper) RETURN p.id AS id ORDER BY id')).map((r) => r.id as string);
const entitiesOf = async (ids: string[]) => graphReads(db).paperEntities(ids, null, null, 200);

/** Rewrites every link the way the ingest wrote them before: parallel lists of copied text, the extractor version. */
async function makeLegacy(ids: string[]) {
  const links = [...(await entitiesOf(ids))].flatMap(([paper, items]) =>
    items.map((item) => {
      const ev = item.evidence as Evidence[];
      return {
        paper,
        entity: (item.entity as { id: string }).id,
        texts: ev.map((e) => e.text),
        sentences: ev.map((e) => e.sentence),
        starts: ev.map((e) => e.start),
        ends: ev.map((e) => e.end),
        fields: ev.map((e) => e.field),
      };
    }),
  );
  await query(
    db,
    `UNWIND $links AS l
     MATCH (p:Paper {id: l.paper})-[r]->(e:Entity {id: l.entity})
     SET r.texts = l.texts, r.sentences = l.sentences, r.starts = [x IN l.starts | toInteger(x)],
         r.ends = [x IN l.ends | toInteger(x)], r.fields = l.fields, r.extractorVersion = p.extractorVersion
     REMOVE r.evidence`,
    { links },
  );
  await query(db, `MATCH (b:Backfill) WHERE b.name STARTS WITH 'code:evidence-offsets' DELETE b`);
  return links.length;
}

const legacyLinks = async () =>
  (await query(db, 'MATCH (:Paper)-[r]->(:Entity) WHERE r.texts IS NOT NULL OR r.extractorVersion IS NOT NULL RETURN count(r) AS n'))[0]!.n as number;

describe('migrating copied evidence to offsets', () => {
  it('migrates in resumable steps and reads back the same evidence', async () => {
    const ids = await allIds();
    expect(ids.length).toBe(93);
    const before = await entitiesOf(ids);
    const mentions = [...before.values()].flat().reduce((n, item) => n + (item.evidence as Evidence[]).length, 0);
    expect(mentions).toBeGreaterThan(300);

    const links = await makeLegacy(ids);
    expect(await legacyLinks()).toBe(links);

    // Two pages of 10 papers, then stop: those papers' links are done, the rest wait.
    const firstStep = await migrateEvidenceToOffsets(db, { pageSize: 10, maxPages: 2 });
    expect(firstStep).toBeGreaterThan(0);
    expect(await legacyLinks()).toBe(links - firstStep);
    const [progress] = await query(db, `MATCH (b:Backfill {name: 'code:evidence-offsets-1-progress'}) RETURN b.after AS after`);
    expect(progress!.after).toBe(ids[19]);

    // The next run resumes after paper 20 and finishes.
    const rest = await migrateEvidenceToOffsets(db, { pageSize: 10 });
    expect(firstStep + rest).toBe(links);
    expect(await legacyLinks()).toBe(0);
    expect(await entitiesOf(ids)).toEqual(before);
    // Recorded as done: a further start does no work.
    expect(await migrateEvidenceToOffsets(db, { pageSize: 10 })).toBe(0);
  });

  it('drops, and names, a copied mention that is not in its paper text', async () => {
    const ids = await allIds();
    // From a fully migrated graph, whatever the test before left.
    await query(db, `MATCH (b:Backfill) WHERE b.name STARTS WITH 'code:evidence-offsets' DELETE b`);
    await migrateEvidenceToOffsets(db, { warn: () => {} });
    await makeLegacy(ids);
    const [bad] = await query(
      db,
      `MATCH (p:Paper)-[r]->(:Entity) WHERE size(r.texts) > 0
       WITH p, r ORDER BY p.id LIMIT 1
       SET r.texts = ['not in the abstract'] + r.texts[1..]
       RETURN p.id AS paper, size(r.texts) AS n`,
    );
    const warnings: string[] = [];
    await migrateEvidenceToOffsets(db, { warn: (line) => warnings.push(line) });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(`paper "${bad!.paper}"`);
    expect(warnings[0]).toContain('not in the abstract');
    expect(await legacyLinks()).toBe(0);
  });
});
