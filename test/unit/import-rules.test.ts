// The layering rules of src/ (each folder's README.md says what it may
// import), checked on the imports TypeScript's own pre-processor finds in
// every source file (static, re-exports and dynamic import()).
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { projectPath } from '../../src/paths.js';

const SRC = projectPath('src');

/** The folder under src/ a file is in ('' for src/ itself), or null outside src/. */
function areaOf(file: string): string | null {
  const rel = path.relative(SRC, file);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return null;
  const parts = rel.split(path.sep);
  return parts.length > 1 ? parts[0]! : '';
}

/** What a file's imports break: one line per import a rule forbids. */
function violations(file: string, text: string): string[] {
  const from = areaOf(file);
  const found: string[] = [];
  for (const { fileName: spec } of ts.preProcessFile(text, true, true).importedFiles) {
    const relative = spec.startsWith('.');
    const to = relative ? areaOf(path.resolve(path.dirname(file), spec)) : null;
    const where = `${path.relative(SRC, file)} imports '${spec}'`;
    // The extractor is pure and stands alone: the lexicon is its only outside input.
    if (from === 'extract' && relative && to !== 'extract' && to !== 'lexicon') found.push(`${where}: src/extract may import only itself and src/lexicon`);
    // The API reaches Neo4j only through src/db (its statements, row mapping and error kinds).
    if (from === 'graphql' && /^neo4j-driver(-core|-bolt-connection)?(\/|$)/.test(spec)) found.push(`${where}: src/graphql reaches Neo4j only through src/db`);
    // Data flows source -> extract -> ingest -> Neo4j <- GraphQL: the database layer knows no layer above it.
    if (from === 'db' && (to === 'graphql' || to === 'ingest' || to === 'extract')) found.push(`${where}: src/db imports no layer that uses it`);
  }
  return found;
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts') ? [full] : [];
  });
}

describe('import rules of src/', () => {
  it('catch the imports they forbid, and allow the ones they do not', () => {
    const at = (...parts: string[]) => path.join(SRC, ...parts);
    expect(violations(at('extract', 'x.ts'), "import { a } from '../ingest/records.js';")).toHaveLength(1);
    expect(violations(at('extract', 'x.ts'), "export { paths } from '../paths.js';")).toHaveLength(1);
    expect(violations(at('extract', 'x.ts'), "const m = await import('../db/database.js');")).toHaveLength(1);
    expect(violations(at('extract', 'x.ts'), "import type { Lexicon } from '../lexicon/load.js';\nimport { b } from './y.js';\nimport nlp from 'compromise';")).toEqual([]);
    expect(violations(at('graphql', 'x.ts'), "import neo4j from 'neo4j-driver';")).toHaveLength(1);
    expect(violations(at('graphql', 'x.ts'), "import { Neo4jError } from 'neo4j-driver-core/lib/error.js';")).toHaveLength(1);
    expect(violations(at('graphql', 'x.ts'), "import { DbError } from '../db/db-errors.js';")).toEqual([]);
    expect(violations(at('db', 'x.ts'), "import type { Loaders } from '../graphql/loaders.js';")).toHaveLength(1);
    expect(violations(at('db', 'x.ts'), "import neo4j from 'neo4j-driver';\nimport { MAX_PAPER_ID } from '../ids.js';")).toEqual([]);
  });

  it('hold for every source file under src/', () => {
    const files = sourceFiles(SRC);
    expect(files.length).toBeGreaterThan(100);
    expect(files.flatMap((f) => violations(f, fs.readFileSync(f, 'utf8')))).toEqual([]);
  });
});
