// Named Cypher statements, read once from cypher/**/*.cypher at first use.
// A line `// #include NAME` is replaced by the named fragment, so a shared
// filter is written once; values always travel as parameters, never text.
import fs from 'node:fs';
import path from 'node:path';
import { projectPath } from '../paths.js';

const CYPHER_DIR = projectPath('cypher');
const INCLUDE = /^\s*\/\/\s*#include\s+([\w/-]+)\s*$/gm;

let statements: Map<string, string> | undefined;

function loadAll(): Map<string, string> {
  const raw = new Map<string, string>();
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.cypher')) {
        raw.set(path.relative(CYPHER_DIR, full).replace(/\\/g, '/').replace(/\.cypher$/, ''), fs.readFileSync(full, 'utf8'));
      }
    }
  };
  walk(CYPHER_DIR);
  const expand = (name: string, seen: string[]): string => {
    const text = raw.get(name);
    if (text === undefined) throw new Error(`Cypher fragment "${name}" not found (included by ${seen.at(-1)})`);
    if (seen.includes(name)) throw new Error(`Cypher include cycle: ${[...seen, name].join(' -> ')}`);
    return text.replace(INCLUDE, (_m, inc: string) => expand(inc, [...seen, name]));
  };
  return new Map([...raw.keys()].map((name) => [name, compact(expand(name, []))]));
}

/**
 * What Neo4j receives: whole-line comments dropped and lines trimmed. Every
 * statement run is packed and sent as text (and hashed for Neo4j's plan
 * cache), and the comments were a third of the longest ones.
 */
function compact(text: string): string {
  return text
    .split('\n')
    .filter((line) => !/^\s*\/\//.test(line))
    .map((line) => line.trim())
    .filter(Boolean)
    .join('\n');
}

/** The statement stored in cypher/NAME.cypher (NAME may contain folders). */
export function cypher(name: string): string {
  statements ??= loadAll();
  const text = statements.get(name);
  if (text === undefined) throw new Error(`No Cypher statement named "${name}" in ${CYPHER_DIR}`);
  return text;
}

/** Statements of a migration file, split on `;` at line ends. */
export function cypherStatements(name: string): string[] {
  return cypher(name)
    .split(/;\s*$/m)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Names of all statements under a folder, sorted (migrations run in this order). */
export function cypherNamesUnder(folder: string): string[] {
  statements ??= loadAll();
  return [...statements.keys()].filter((n) => n.startsWith(`${folder}/`)).sort();
}
