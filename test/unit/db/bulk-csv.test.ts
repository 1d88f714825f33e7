// The bulk load's files as neo4j-admin reads them: quoting, lists, missing
// values, and merging across batches the way the batch Cypher does. (That the
// import gives the transactional graph is test/integration/bulk-load.test.ts.)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BulkCsvStore, importArguments } from '../../../src/db/bulk-csv.js';
import type { GraphBatch, PaperRow } from '../../../src/db/graph-batch.js';
import { importCommand } from '../../../src/ingest/bulk-load.js';

const paper = (id: string, extra: Partial<PaperRow> = {}): PaperRow => ({
  id, title: `Title ${id}`, abstract: 'An abstract.', url: null, published: null, authors: [], authorIds: [], arxivId: null, doi: null,
  venue: null, externalIds: [], datePrecision: null, recordIds: [id], source: 'x.jsonl', contentHash: 'h', extractorVersion: 'v', ...extra,
});
const batch = (b: Partial<GraphBatch>): GraphBatch => ({ papers: [], people: [], paperKeys: [], entities: [], variantLinks: [], paperLinks: [], ...b });
const entity = (name: string, aliases: string[], aliasKeys: string[]) => ({ id: `method:${aliasKeys[0]}`, type: 'method', label: 'Method', key: aliasKeys[0]!, name, aliases, aliasKeys });

describe('BulkCsvStore', () => {
  it('quotes text (quotes doubled, commas and line breaks kept), leaves missing values empty, joins lists with U+001F', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulk-csv-'));
    const store = new BulkCsvStore(dir, new Date('2026-01-02T03:04:05Z'));
    await store.writeBatch(batch({ papers: [paper('p1', { title: 'A "quoted", title\nover two lines', published: '2024-05-06', authors: ['Ann Lee', 'Bo Wu'], authorIds: ['', 'orcid:1'] })] }));
    const files = await store.close();
    const papers = files.files.find((f) => f.name === 'Paper')!;
    expect(fs.readFileSync(papers.header, 'utf8')).toMatch(/^id:ID\(Paper\),title,titleSort,abstract,url,published:date,authors:string\[\],/);
    expect(fs.readFileSync(papers.data, 'utf8')).toBe(
      '"p1","A ""quoted"", title\nover two lines","a ""quoted"", title\nover two lines","An abstract.",,"2024-05-06","Ann Lee\u001fBo Wu","\u001forcid:1",,,,,,"p1","x.jsonl","h","v","2026-01-02T03:04:05.000Z"\n',
    );
  });

  it('merges an entity met in several batches as upsert-entities does: first name kept, new aliases and keys appended in order', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulk-csv-'));
    const store = new BulkCsvStore(dir);
    await store.writeBatch(batch({ papers: [paper('p1')], entities: [entity('LoRA', ['low-rank adaptation'], ['lora', 'low rank adaptation'])] }));
    await store.writeBatch(batch({ papers: [paper('p2')], entities: [entity('Lora', ['LoRA', 'low-rank adaptation', 'LoRA-style'], ['lora', 'lora style'])] }));
    const files = await store.close();
    const rows = fs.readFileSync(files.files.find((f) => f.data.endsWith('entities.csv'))!.data, 'utf8');
    expect(rows).toBe('"method:lora","method","lora","LoRA","lora","low-rank adaptation\u001fLoRA-style","lora\u001flow rank adaptation\u001flora style"," low-rank adaptation LoRA-style","Entity\u001fMethod"\n');
    expect(fs.readFileSync(files.files.find((f) => f.name === 'NAMES')!.data, 'utf8').trim().split('\n')).toHaveLength(3);
  });

  it('gives the import command with every file, for a shell', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulk csv '));
    const files = await new BulkCsvStore(dir).close();
    const args = importArguments(files, 'neo4j');
    expect(args.slice(0, 3)).toEqual(['database', 'import', 'full']);
    expect(args.filter((a) => a.startsWith('--nodes=') || a.startsWith('--relationships='))).toHaveLength(11);
    expect(args.at(-1)).toBe('neo4j');
    const cmd = importCommand(files, 'neo4j');
    expect(cmd).toContain(`'--nodes=Paper=${path.join(dir, 'papers.header.csv')},${path.join(dir, 'papers.csv')}'`);
    expect(cmd).toMatch(/--overwrite-destination=true neo4j$/);
  });
});
