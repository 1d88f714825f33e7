import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeEvidence } from '../../src/db/evidence.js';
import { ingest } from '../../src/ingest/pipeline.js';
import { readSource } from '../../src/ingest/readers.js';
import { projectPath } from '../../src/paths.js';
import { defaultExtractor } from '../../src/runtime.js';
import { useFreshDatabase, query, snapshot } from '../helpers/db.js';

const CORPUS = projectPath('data', 'hf-papers.txt');
const db = useFreshDatabase();
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'papergraph-ingest-'));

afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

const run = (file: string, opts: { force?: boolean } = {}) => ingest(readSource(file), { db, extractor: defaultExtractor(), ...opts });

describe('ingesting the sample corpus', () => {
  it('stores all 93 papers with their entities', async () => {
    const s = await run(CORPUS);
    expect(s).toMatchObject({ read: 93, ingested: 93, updated: 0, unchanged: 0, rejected: 0 });
    // The writing time, statement by statement (what the ingest bench prints).
    expect(s.timings.statements['ingest/link-paper-entities']).toMatchObject({ calls: 1 });
    expect(s.timings.statements['ingest/upsert-papers']!.seconds).toBeGreaterThan(0);
    const [row] = await query(db, 'MATCH (p:Paper) RETURN count(p) AS papers, count { (:Entity) } AS entities, count { ()-[:USES|PROPOSES|EVALUATES_ON|COMPARES_WITH|MENTIONS]->() } AS links');
    expect(row!.papers).toBe(93);
    expect(row!.entities).toBeGreaterThan(150);
    expect(row!.links).toBeGreaterThan(300);
  });

  it('stores evidence once, as offsets into the paper text, that read back as the mention and its sentence', async () => {
    const rows = await query(
      db,
      `MATCH (p:Paper)-[r]->(e:Entity) RETURN p.title AS title, p.abstract AS abstract, r.evidence AS evidence, keys(r) AS keys LIMIT 200`,
    );
    expect(rows.length).toBeGreaterThan(100);
    let mentions = 0;
    for (const r of rows) {
      // No copies of the text (or of the paper's extractor version) on a link.
      expect(r.keys).not.toContain('sentences');
      expect(r.keys).not.toContain('texts');
      expect(r.keys).not.toContain('extractorVersion');
      for (const ev of decodeEvidence(r.evidence as number[], { title: r.title as string, abstract: r.abstract as string })) {
        const field = ev.field === 'title' ? (r.title as string) : (r.abstract as string);
        expect(field.slice(ev.start, ev.end)).toBe(ev.text);
        expect(ev.text.length).toBeGreaterThan(0);
        expect(ev.sentence).toContain(ev.text);
        expect(field).toContain(ev.sentence);
        mentions++;
      }
    }
    expect(mentions).toBeGreaterThanOrEqual(rows.length);
  });

  it('changes nothing when the same corpus is ingested again', async () => {
    const before = await snapshot(db);
    const s = await run(CORPUS);
    expect(s).toMatchObject({ read: 93, ingested: 0, updated: 0, unchanged: 93, rejected: 0 });
    expect(await snapshot(db)).toEqual(before);
  });

  it('rewrites everything identically when forced to re-extract', async () => {
    const before = await snapshot(db);
    const s = await run(CORPUS, { force: true });
    expect(s).toMatchObject({ updated: 93, ingested: 0 });
    expect(await snapshot(db)).toEqual(before);
  });
});

describe('updates and bad input', () => {
  it('replaces a changed paper\'s relationships and removes orphaned entities', async () => {
    const file = path.join(tmp, 'one.jsonl');
    const paper = { id: 'upd-1', title: 'Zorblax: Tuning QuuxNet-7B with LoRA', abstract: 'We propose Zorblax, which fine-tunes QuuxNet-7B with LoRA on the FrobBench dataset.' };
    fs.writeFileSync(file, JSON.stringify(paper) + '\n');
    await run(file);
    const linked = async () =>
      (await query(db, `MATCH (:Paper {id: 'upd-1'})-[r]->(e:Entity) RETURN e.name AS name ORDER BY name`)).map((r) => r.name as string);
    const first = await linked();
    expect(first.length).toBeGreaterThan(0);

    fs.writeFileSync(file, JSON.stringify({ ...paper, title: 'A survey of graph neural networks', abstract: 'We survey graph neural networks.' }) + '\n');
    const s = await run(file);
    expect(s).toMatchObject({ updated: 1, ingested: 0 });
    const second = await linked();
    expect(second).not.toEqual(first);
    // Names only this paper had are gone from the graph, not left dangling.
    const onlyHere = first.filter((n) => !second.includes(n) && /Zorblax|FrobBench/.test(n));
    for (const name of onlyHere) {
      const [row] = await query(db, 'MATCH (e:Entity {name: $name}) RETURN count(e) AS n', { name });
      expect(row!.n).toBe(0);
    }
    const [orphans] = await query(db, `MATCH (e:Entity) WHERE NOT EXISTS { (e)<--(:Paper) } AND NOT EXISTS { (e)<-[:VARIANT_OF]-() } RETURN count(e) AS n`);
    expect(orphans!.n).toBe(0);
  });

  it('rejects bad records with their line and reason and keeps the good ones around them', async () => {
    const file = path.join(tmp, 'mixed.jsonl');
    fs.writeFileSync(
      file,
      [
        JSON.stringify({ id: 'good-1', title: 'Good paper one', abstract: 'We evaluate ResNet-50 on ImageNet.' }),
        '{not json',
        JSON.stringify({ id: 'bad-2', title: 'No abstract' }),
        JSON.stringify({ id: 'good-1', title: 'Same id again', abstract: 'Duplicate.' }),
        JSON.stringify({ id: 'good-2', title: 'Good paper two', abstract: 'We use BERT for question answering.' }),
      ].join('\n'),
    );
    const s = await run(file);
    expect(s).toMatchObject({ read: 5, ingested: 2, rejected: 3 });
    expect(s.rejections).toEqual([
      { location: 'mixed.jsonl:2', reason: expect.stringMatching(/^malformed JSON/) },
      { location: 'mixed.jsonl:3', reason: 'abstract is missing' },
      { location: 'mixed.jsonl:4', id: 'good-1', reason: 'duplicate paper id "good-1" (first seen at mixed.jsonl:1)' },
    ]);
    const rows = await query(db, `MATCH (p:Paper) WHERE p.id IN ['good-1', 'good-2', 'bad-2'] RETURN p.id AS id, p.title AS title ORDER BY id`);
    expect(rows).toEqual([
      { id: 'good-1', title: 'Good paper one' },
      { id: 'good-2', title: 'Good paper two' },
    ]);
  });
});
