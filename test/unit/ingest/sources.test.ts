// Readers of the collections people already have: OpenAlex, Semantic Scholar,
// CSL-JSON, BibTeX and OAI-PMH, on small real-shaped fixtures with broken records.
import fs from 'node:fs';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readJsonDocument } from '../../../src/ingest/json-document.js';
import { abstractFromInvertedIndex } from '../../../src/ingest/openalex.js';
import { readOaiPmh, type OaiPage } from '../../../src/ingest/oai-pmh.js';
import { mergePapers } from '../../../src/ingest/paper-identity.js';
import { readSource, sniffFormat } from '../../../src/ingest/readers.js';
import { chunked, collect, fixture } from './helpers.js';

const read = (name: string) => collect(readSource(fixture(name)));
const errors = (records: { location: string; error?: string }[]) => records.filter((r) => r.error).map((r) => [r.location, r.error]);

describe('OpenAlex works', () => {
  it('rebuilds the abstract from abstract_inverted_index, in word order, repeated words and gaps included', () => {
    expect(abstractFromInvertedIndex({ We: [0], study: [1, 4], it: [2], and: [3] })).toEqual({ text: 'We study it and study' });
    expect(abstractFromInvertedIndex({ A: [0], gap: [2] })).toEqual({ text: 'A gap' });
    expect(abstractFromInvertedIndex(null)).toEqual({ error: 'abstract is missing (OpenAlex has no abstract for this work)' });
    expect(abstractFromInvertedIndex({ x: [1e9] })).toMatchObject({ error: expect.stringMatching(/bad position/) });
  });

  it('reads the snapshot JSON Lines: ids, DOI, arXiv id from a location, venue, authors; broken lines reported by line', async () => {
    const records = await read('openalex-works.jsonl');
    expect(records[0]).toEqual({
      location: 'openalex-works.jsonl:1',
      paper: {
        id: 'openalex:W3168867926',
        title: 'LoRA: Low-Rank Adaptation of Large Language Models',
        abstract: expect.stringMatching(/^We introduce LoRA, which freezes .* fine-tuning of GPT-3\.$/),
        url: 'https://arxiv.org/abs/2106.09685',
        authors: ['Edward J. Hu', 'Yelong Shen'],
        // Each author's OpenAlex id, and ORCID where the work gives one.
        authorIds: [['openalex:A5023888391'], ['orcid:0000-0001-0000-0002', 'openalex:A5100352428']],
        doi: '10.48550/arxiv.2106.09685',
        arxivId: '2106.09685',
        published: '2021-06-17',
        externalIds: ['openalex:W3168867926'],
      },
    });
    // A repository (arXiv) is not the venue; the conference is.
    expect(records[1]!.paper).toMatchObject({ arxivId: '1512.03385', doi: '10.1109/cvpr.2016.90', venue: '2016 IEEE Conference on Computer Vision and Pattern Recognition (CVPR)' });
    expect(errors(records)).toEqual([
      ['openalex-works.jsonl:3', 'OpenAlex work https://openalex.org/W1000000001: abstract is missing (OpenAlex has no abstract for this work)'],
      ['openalex-works.jsonl:4', expect.stringMatching(/^malformed JSON/)],
      ['openalex-works.jsonl:5', 'OpenAlex work https://openalex.org/W1000000002: abstract_inverted_index["broke"] has a bad position one'],
      ['openalex-works.jsonl:6', 'OpenAlex work https://openalex.org/W1000000003: title is missing'],
    ]);
  });

  it('reads an API page (.json, pretty-printed), also gzipped from stdin, and a page on one JSON Lines line', async () => {
    const expected = [
      { location: 'openalex-page.json:results[0]', title: 'Deep Residual Learning for Image Recognition' },
      { location: 'openalex-page.json:results[1]', error: expect.stringMatching(/abstract is missing/) },
    ];
    const summarise = (rs: { location: string; paper?: { title: string }; error?: string }[]) =>
      rs.map((r) => (r.paper ? { location: r.location, title: r.paper.title } : { location: r.location, error: r.error }));
    expect(summarise(await read('openalex-page.json'))).toEqual(expected);
    const gz = gzipSync(fs.readFileSync(fixture('openalex-page.json')));
    const fromStdin = await collect(readSource('-', undefined, Readable.from([gz])));
    expect(summarise(fromStdin)).toEqual(expected.map((e) => ({ ...e, location: e.location.replace('openalex-page.json', 'stdin') })));
    const oneLine = `${JSON.stringify(JSON.parse(fs.readFileSync(fixture('openalex-page.json'), 'utf8')))}\n`;
    const lines = await collect(readSource('-', 'jsonl', Readable.from([Buffer.from(oneLine)])));
    expect(lines.map((r) => r.error ?? r.paper?.title)).toEqual(['Deep Residual Learning for Image Recognition', expect.stringMatching(/^results\[1\]: OpenAlex work .*abstract is missing/)]);
  });
});

describe('Semantic Scholar', () => {
  it('reads a batch answer (a list with null for unknown ids), a search page (data) and a single paper', async () => {
    const batch = await read('s2-batch.json');
    expect(batch[0]!.paper).toMatchObject({
      id: 's2:204e3073870fae3d05bcbc2f6a8e263d9b72e776',
      arxivId: '1706.03762',
      published: '2017-06-12',
      venue: 'Neural Information Processing Systems',
      authors: ['Ashish Vaswani', 'Noam M. Shazeer'],
      externalIds: ['s2:204e3073870fae3d05bcbc2f6a8e263d9b72e776', 'corpus:13756489'],
    });
    // No publicationDate: the year, kept as a year.
    expect(batch[2]!.paper).toMatchObject({ doi: '10.18653/v1/n19-1423', published: '2019-01-01', datePrecision: 'year' });
    expect(errors(batch)).toEqual([
      ['s2-batch.json:[1]', 'record is null (an API answers null for an id it does not know)'],
      ['s2-batch.json:[3]', 'Semantic Scholar paper 0000000000000000000000000000000000000001: abstract is missing (Semantic Scholar has no abstract for this paper)'],
    ]);
    expect((await read('s2-search-page.json')).map((r) => r.location)).toEqual(['s2-search-page.json:data[0]', 's2-search-page.json:data[1]']);
    expect((await read('s2-paper.json')).map((r) => [r.location, r.paper?.arxivId])).toEqual([['s2-paper.json:document', '1706.03762']]);
  });

  it('says where the abstract is when a bulk "papers" row has none', async () => {
    expect(errors(await read('s2-bulk-papers.jsonl'))).toEqual([['s2-bulk-papers.jsonl:1', expect.stringMatching(/"abstracts" dataset/)]]);
  });
});

describe('CSL-JSON (Zotero)', () => {
  it('reads items: authors, date-parts of any precision, DOI, the arXiv id Zotero keeps in `number`', async () => {
    const records = await read('zotero-library.json');
    expect(records[0]!.paper).toMatchObject({ arxivId: '2106.09685', doi: '10.48550/arxiv.2106.09685', published: '2021-10-16', authors: ['Edward J. Hu', 'Yelong Shen'] });
    expect(records[1]!.paper).toMatchObject({ published: '2016-06-01', datePrecision: 'month', venue: 'Proceedings of the IEEE Conference on Computer Vision and Pattern Recognition' });
    expect(errors(records)).toEqual([
      ['zotero-library.json:[2]', 'CSL item http://zotero.org/users/1234/items/IJKL0123: abstract is missing (the library entry has no abstract)'],
      ['zotero-library.json:[3]', 'CSL item http://zotero.org/users/1234/items/MNOP4567: published "2019-13-40" is not a YYYY-MM-DD date'],
    ]);
  });
});

describe('BibTeX', () => {
  it('reads entries with @string macros, name lists, month names and LaTeX; reports each bad entry by line and key', async () => {
    const records = await read('zotero-library.bib');
    expect(records.map((r) => r.location)).toEqual(['zotero-library.bib:4', 'zotero-library.bib:21', 'zotero-library.bib:31', 'zotero-library.bib:38', 'zotero-library.bib:45']);
    expect(records[0]!.paper).toMatchObject({
      title: 'LoRA: Low-Rank Adaptation of Large Language Models',
      authors: ['Edward J. Hu', 'Yelong Shen', 'Phillip Wallis'],
      arxivId: '2106.09685',
      published: '2021-10-01',
      datePrecision: 'month',
    });
    expect(records[1]!.paper).toMatchObject({
      title: 'Deep Residual Learning for Image Recognition',
      venue: 'Proceedings of the IEEE Conference on Computer Vision and Pattern Recognition',
      abstract: expect.stringContaining('ImageNet and CIFAR-10 with accuracy gains of 3.6%.'),
      published: '2016-01-01',
      datePrecision: 'year',
    });
    expect(records[4]!.paper).toMatchObject({ title: 'Adam: A Method for Stochastic Optimization', published: '2014-12-22' });
    expect(errors(records)).toEqual([
      ['zotero-library.bib:31', 'entry @book{goodfellow2016deep}: abstract is missing (the entry has no abstract field; export with abstracts, or add one)'],
      ['zotero-library.bib:38', expect.stringMatching(/^entry @article\{broken2020\}: Unterminated brace-value/)],
    ]);
  });

  it('is recognised from stdin by its first bytes', async () => {
    const records = await collect(readSource('-', undefined, Readable.from([fs.readFileSync(fixture('zotero-library.bib'))])));
    expect(records).toHaveLength(5);
  });
});

describe('OAI-PMH ListRecords', () => {
  it('reads the arXiv format: keyname/forenames authors, created date, DOI, journal-ref; deleted and abstract-less records reported', async () => {
    const page: OaiPage = { records: 0 };
    const records = await collect(readOaiPmh('p1.xml', chunked(fs.readFileSync(fixture('oai-arxiv-page1.xml')), 37), page));
    expect(records[0]).toEqual({
      location: 'p1.xml:6',
      paper: {
        id: '2305.03047',
        arxivId: '2305.03047',
        title: 'Efficient Fine-Tuning of Large Language Models with Adapters',
        abstract: 'We fine-tune LLaMA with LoRA adapters and evaluate on the GLUE benchmark, comparing with full fine-tuning.',
        published: '2023-05-04',
        authors: ['Wei Zhang', 'Anna Müller'],
        doi: '10.18653/v1/2023.acl-long.1',
        venue: 'Proceedings of ACL 2023',
        url: 'https://arxiv.org/abs/2305.03047',
      },
    });
    expect(errors(records)).toEqual([
      ['p1.xml:20', 'record 2 (oai:arXiv.org:2305.00001): deleted at the source (header status="deleted"); nothing to store'],
      ['p1.xml:26', 'record 3 (oai:arXiv.org:2305.04444): abstract is missing'],
    ]);
    expect(page).toMatchObject({ resumptionToken: '6960524|1001', completeListSize: 4, records: 3 });
    const last: OaiPage = { records: 0 };
    await collect(readOaiPmh('p2.xml', chunked(fs.readFileSync(fixture('oai-arxiv-page2.xml')), 64), last));
    expect(last.resumptionToken).toBeUndefined();
  });

  it('reads arXivRaw (v1 date, one author string) and oai_dc (the first description, "Family, Given" creators)', async () => {
    const [raw] = await read('oai-arxivraw.xml');
    expect(raw!.paper).toMatchObject({ id: '0704.0001', published: '2007-04-02', authors: ['C. Balázs', 'E. L. Berger', 'P. M. Nadolsky', 'C.-P. Yuan'], doi: '10.1103/physrevd.76.013009' });
    const [dc] = await read('oai-dc.xml');
    expect(dc!.paper).toMatchObject({ id: '1706.03762', published: '2017-06-12', authors: ['Ashish Vaswani', 'Noam Shazeer'] });
    expect(dc!.paper!.abstract).not.toMatch(/Comment:/);
  });

  it('reports an OAI error answer', async () => {
    expect(errors(await read('oai-error.xml'))).toEqual([['oai-error.xml:1', expect.stringMatching(/^the OAI-PMH interface answered badResumptionToken: /)]]);
  });
});

describe('JSON documents', () => {
  const items = (text: string, size = 5, max?: number) => collect(readJsonDocument(chunked(Buffer.from(text), size), max));

  it('streams the records of an array or a page in any chunking, keeping the ones before a syntax error', async () => {
    expect(await items('[{"a": 1}, {"b": [2, 3]}, 4]', 3)).toEqual([
      { where: '[0]', value: { a: 1 } },
      { where: '[1]', value: { b: [2, 3] } },
      { where: '[2]', value: 4 },
    ]);
    expect(await items('{"meta": {"count": 2}, "results": [{"a": 1}, {"a": 2}], "group_by": []}', 4)).toEqual([
      { where: 'results[0]', value: { a: 1 } },
      { where: 'results[1]', value: { a: 2 } },
    ]);
    const broken = await items('[{"a": 1}, {"a": }, {"a": 3}]');
    expect(broken[0]).toEqual({ where: '[0]', value: { a: 1 } });
    expect(broken[1]).toMatchObject({ fatal: true, error: expect.stringMatching(/^malformed JSON: .*; the rest of the document is not read$/) });
    expect(broken).toHaveLength(2);
  });

  it('skips a record over the size limit and goes on; says when the document ends early', async () => {
    const big = `[{"a": "${'x'.repeat(500)}"}, {"b": 1}]`;
    expect(await items(big, 64, 100)).toEqual([
      { where: '[0]', error: 'record too large: over 100 characters; skipped' },
      { where: '[1]', value: { b: 1 } },
    ]);
    expect((await items('[{"a": 1}, {"b"')).at(-1)).toMatchObject({ fatal: true });
  });
});

describe('format sniffing', () => {
  it('tells JSON Lines from a JSON document, Atom from OAI-PMH, and BibTeX by its @', () => {
    expect(sniffFormat(Buffer.from('{"id": "a", "title": "T", "abstract": "A"}\n{"id"'))).toBe('jsonl');
    expect(sniffFormat(Buffer.from('{"meta":{"count":1},"results":[{"id"'))).toBe('json');
    expect(sniffFormat(Buffer.from('{\n  "paperId": "x",\n'))).toBe('json');
    expect(sniffFormat(Buffer.from('[\n {"id": 1}'))).toBe('json');
    expect(sniffFormat(Buffer.from('<?xml version="1.0"?>\n<OAI-PMH xmlns="x">'))).toBe('oai-pmh');
    expect(sniffFormat(Buffer.from('@article{a,\n'))).toBe('bibtex');
  });
});

describe('merging two records of one paper', () => {
  it('keeps the richer value of each field and every id, and changes nothing when merged again', () => {
    const a = { id: 'openalex:W1', title: 'T', abstract: 'short', published: '2021-06-17', authors: ['A'], externalIds: ['openalex:W1'] };
    const b = { title: 'T.', abstract: 'a longer abstract', published: '2021-10-01', datePrecision: 'month' as const, authors: ['A', 'B'], doi: '10.1/x', externalIds: ['s2:9'] };
    const merged = mergePapers(a, b);
    expect(merged).toEqual({ id: 'openalex:W1', title: 'T', abstract: 'a longer abstract', published: '2021-06-17', authors: ['A', 'B'], doi: '10.1/x', externalIds: ['openalex:W1', 's2:9'] });
    expect(mergePapers(merged, b)).toEqual(merged);
  });

  it("keeps each author's ids with the author list chosen, adding the other source's ids of an author of the same name", () => {
    const openalex = { title: 'T', abstract: 'x', authors: ['Edward J. Hu', 'Yelong Shen'], authorIds: [['orcid:1', 'openalex:A1'], []] };
    const s2 = { title: 'T', abstract: 'x', authors: ['Edward J Hu', 'Yelong Shen', 'Phillip Wallis'], authorIds: [['s2author:9'], [], ['s2author:7']] };
    const merged = mergePapers(openalex, s2);
    expect([merged.authors, merged.authorIds]).toEqual([s2.authors, [['s2author:9', 'orcid:1', 'openalex:A1'], [], ['s2author:7']]]);
    expect(mergePapers(merged, openalex)).toEqual(merged);
    expect(mergePapers({ title: 'T', abstract: 'x', authors: ['A'] }, { title: 'T', abstract: 'x' }).authorIds).toBeUndefined();
  });

  it('keeps author ids aligned with the names validation keeps, and refuses lists of another length', async () => {
    const { validatePaper } = await import('../../../src/ingest/validate.js');
    expect(validatePaper({ title: 'T', abstract: 'x', authors: ['A', '  ', 'C'], authorIds: [['orcid:1'], ['orcid:2'], ['orcid:3']] })).toMatchObject({ paper: { authors: ['A', 'C'], authorIds: [['orcid:1'], ['orcid:3']] } });
    expect(validatePaper({ title: 'T', abstract: 'x', authors: ['A'], authorIds: [[], []] })).toEqual({ error: 'authorIds has 2 entries for 1 authors' });
  });
});
