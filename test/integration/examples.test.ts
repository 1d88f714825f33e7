// Runs everything under examples/ against a test server over the sample corpus, so
// the frontend operations and the analytics notebook cannot rot: every operation in
// examples/operations/ with its variables from variables.json, and every code cell of
// examples/notebook.ipynb in order (through examples/run_notebook.py, no Jupyter needed).
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Kind, parse, type OperationDefinitionNode } from 'graphql';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { projectPath } from '../../src/paths.js';
import { startSampleApi, startTestServer } from '../helpers/api.js';
import { writeDatedCorpus } from '../helpers/dated-corpus.js';
import { ingest } from '../../src/ingest/pipeline.js';
import { readSource } from '../../src/ingest/readers.js';
import { defaultExtractor } from '../../src/runtime.js';

const OPERATIONS_DIR = projectPath('examples', 'operations');
const NOTEBOOK = projectPath('examples', 'notebook.ipynb');
const RUNNER = projectPath('examples', 'run_notebook.py');
// .venv's python with requirements.txt, from test/setup/python.global.ts.
const PYTHON = inject('python');

let db: Database;
let server: Awaited<ReturnType<typeof startTestServer>>;
let stop: () => Promise<void>;

// The sample corpus has no dates; a small dated field gives the notebook's time section something to show.
const dated = writeDatedCorpus();
beforeAll(async () => {
  ({ db, server, stop } = await startSampleApi());
  const s = await ingest(readSource(dated.file), { db, extractor: defaultExtractor() });
  expect(s.rejected).toBe(0);
});
afterAll(async () => {
  await stop?.();
});

interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
  error?: Error;
}

/** Runs a command without blocking the event loop (the test server answers from this process). */
function run(cmd: string, args: string[], env: Record<string, string> = {}, timeout = 180_000): Promise<RunResult> {
  return new Promise((resolve) => {
    execFile(cmd, args, { env: { ...process.env, ...env }, timeout, maxBuffer: 16 * 1024 * 1024, cwd: projectPath() }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
      resolve({ code, stdout: String(stdout), stderr: String(stderr), ...(error && code === null ? { error } : {}) });
    });
  });
}

const operationFiles = fs
  .readdirSync(OPERATIONS_DIR)
  .filter((f) => f.endsWith('.graphql'))
  .sort();
const variables = JSON.parse(fs.readFileSync(path.join(OPERATIONS_DIR, 'variables.json'), 'utf8')) as Record<string, Record<string, unknown>>;
const operationName = (file: string) => path.basename(file, '.graphql');

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Connection = { edges: { cursor: string; node: { id: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null }; totalCount: number };

/** The first Relay connection in a response (depth-first), with its path. */
function findConnection(value: Json, at: string[] = []): { path: string[]; connection: Connection } | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  if (!Array.isArray(value) && 'pageInfo' in value && 'edges' in value) return { path: at, connection: value as unknown as Connection };
  for (const [k, v] of Object.entries(value)) {
    const found = findConnection(v, [...at, k]);
    if (found) return found;
  }
  return undefined;
}

/** Every root field is set and not empty: lists have items, connections have edges. */
function expectNonEmpty(name: string, data: Record<string, Json>) {
  for (const [field, value] of Object.entries(data)) {
    expect(value, `${name}.${field} is null`).not.toBeNull();
    if (Array.isArray(value)) expect(value.length, `${name}.${field} is an empty list`).toBeGreaterThan(0);
  }
  const found = findConnection(data);
  if (found) {
    expect(found.connection.edges.length, `${name}.${found.path.join('.')} has no edges`).toBeGreaterThan(0);
    expect(found.connection.totalCount, `${name}.${found.path.join('.')}.totalCount`).toBeGreaterThan(0);
  }
}

describe('examples/operations', () => {
  it('has one named operation per file, named after the file, with sample variables for each', () => {
    expect(operationFiles.map(operationName)).toEqual(expect.arrayContaining(['PaperPage', 'EntityPage', 'PaperList', 'Search', 'MethodDatasetTable']));
    for (const file of operationFiles) {
      const doc = parse(fs.readFileSync(path.join(OPERATIONS_DIR, file), 'utf8'));
      const ops = doc.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
      expect(ops, `${file} holds one operation`).toHaveLength(1);
      expect(ops[0]!.name?.value, `${file}'s operation name`).toBe(operationName(file));
      expect(variables, `variables.json has an entry for ${operationName(file)}`).toHaveProperty([operationName(file)]);
      const declared = (ops[0]!.variableDefinitions ?? []).map((v) => v.variable.name.value).sort();
      expect(Object.keys(variables[operationName(file)]!).sort(), `${file}: variables.json gives exactly its variables`).toEqual(declared);
    }
    expect(Object.keys(variables).sort(), 'every entry of variables.json has an operation file').toEqual(operationFiles.map(operationName).sort());
  });

  it.each(operationFiles)('%s runs without errors and returns data', async (file) => {
    const name = operationName(file);
    const query = fs.readFileSync(path.join(OPERATIONS_DIR, file), 'utf8');
    const r = await server.gql(query, variables[name]);
    expect(r.errors, `${name}: ${JSON.stringify(r.errors)}`).toBeUndefined();
    expect(r.status).toBe(200);
    expectNonEmpty(name, r.data);

    // Operations with $after: follow endCursor to the last page, as a frontend would.
    if ('after' in variables[name]!) {
      const first = findConnection(r.data)!;
      expect(first, `${name} returns a connection`).toBeDefined();
      const ids = first.connection.edges.map((e) => e.node.id);
      let page = first.connection;
      let pages = 1;
      while (page.pageInfo.hasNextPage) {
        const next = await server.gql(query, { ...variables[name], after: page.pageInfo.endCursor });
        expect(next.errors, `${name} page ${pages + 1}: ${JSON.stringify(next.errors)}`).toBeUndefined();
        page = findConnection(next.data)!.connection;
        expect(page.edges.length).toBeGreaterThan(0);
        ids.push(...page.edges.map((e) => e.node.id));
        expect(++pages).toBeLessThan(50);
      }
      expect(pages, `${name}'s sample variables should span more than one page`).toBeGreaterThan(1);
      expect(new Set(ids).size, `${name}: no item on two pages`).toBe(ids.length);
      expect(ids).toHaveLength(first.connection.totalCount);
    }
  });

  it('returns what each page needs', async () => {
    const load = async (name: string) => {
      const r = await server.gql(fs.readFileSync(path.join(OPERATIONS_DIR, `${name}.graphql`), 'utf8'), variables[name]);
      expect(r.errors).toBeUndefined();
      return r.data;
    };
    const paper = (await load('PaperPage')).paper;
    expect(paper.id).toBe(variables.PaperPage!.id);
    expect(paper.entities.length).toBeGreaterThan(0);
    for (const pe of paper.entities) expect(pe.evidence.length).toBeGreaterThan(0);
    expect(paper.related.length).toBeGreaterThan(0);

    const entity = (await load('EntityPage')).entity;
    expect(entity.type).toBe(variables.EntityPage!.type);
    expect(entity.papers.totalCount).toBe(entity.paperCount);
    expect(entity.cooccurring.length).toBeGreaterThan(0);

    const list = (await load('PaperList')).papers;
    for (const e of list.edges) expect(e.node.datasets.some((d: any) => d.role === 'EVALUATES_ON')).toBe(true);

    const hits = (await load('Search')).search;
    for (const h of hits) expect((h.paper === null) !== (h.entity === null)).toBe(true);

    const cells = (await load('MethodDatasetTable')).cooccurrence;
    for (const c of cells) {
      expect(c.row.id).toMatch(/^method:/);
      expect(c.column.id).toMatch(/^dataset:/);
    }
  });
});

describe('examples/notebook.ipynb', () => {
  it('is an nbformat 4 notebook with markdown and code cells and no stored outputs', () => {
    const nb = JSON.parse(fs.readFileSync(NOTEBOOK, 'utf8'));
    expect(nb.nbformat).toBe(4);
    expect(nb.metadata.kernelspec.language).toBe('python');
    const kinds = nb.cells.map((c: any) => c.cell_type);
    expect(kinds).toContain('markdown');
    expect(kinds.filter((k: string) => k === 'code').length).toBeGreaterThanOrEqual(4);
    for (const cell of nb.cells) {
      expect(Array.isArray(cell.source) || typeof cell.source === 'string').toBe(true);
      expect(cell.metadata).toBeTypeOf('object');
      if (cell.cell_type === 'code') {
        expect(cell.outputs).toEqual([]);
        expect(cell.execution_count).toBeNull();
      }
    }
    const code = nb.cells.filter((c: any) => c.cell_type === 'code').map((c: any) => [c.source].flat().join('')).join('\n');
    expect(code).toContain('PAPERGRAPH_URL');
    expect(code).toMatch(/cooccurrence\(rows: METHOD, columns: DATASET/);
    expect(code).toMatch(/entities\(type: DATASET, first: \$first, after: \$after\)/);
    expect(code).toMatch(/trending\(type: \$type, from: \$from, to: \$to/);
    expect(code).toMatch(/timeline\(by: \$by, first: \$first, after: \$after\)/);
    expect(code).toContain('import matplotlib.pyplot as plt');
  });

  it('runs every code cell against the test server', async () => {
    const result = await run(PYTHON, [RUNNER, NOTEBOOK], { PAPERGRAPH_URL: server.url, PYTHONUNBUFFERED: '1', MPLBACKEND: 'Agg' });
    const output = `${result.error ? `${result.error.message}\n` : ''}--- stdout ---\n${result.stdout}\n--- stderr ---\n${result.stderr}`;
    expect(result.code, `the notebook failed:\n${output}`).toBe(0);
    expect(result.stdout).toMatch(/all \d+ code cells ran/);
    expect(result.stdout).toContain(`${server.url}: ${93 + dated.papers} papers`);
    // The time section found the dated papers: a trending table and a timeline with rows.
    expect(result.stdout).toMatch(/trending datasets in 2023: [1-9]/);
    expect(result.stdout).toMatch(/timeline of [^:]+: [1-9]\d* periods, [1-9]\d* papers/);
  }, 240_000);
});
