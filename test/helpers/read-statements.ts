import fs from 'node:fs';
import path from 'node:path';
import { projectPath } from '../../src/paths.js';

/** The names of the statements under cypher/read (`read/x`), fragments (first line `// Fragment...`) left out. */
export function readStatementNames(): string[] {
  const dir = projectPath('cypher', 'read');
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.cypher') && !/^\s*\/\/\s*Fragment\b/.test(fs.readFileSync(path.join(dir, f), 'utf8')))
    .map((f) => `read/${f.replace(/\.cypher$/, '')}`);
}
