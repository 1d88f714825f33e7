// Named Cypher statements, read once from cypher/**/*.cypher at first use.
// A fragment file (first line `// Fragment: ...`) holds a piece that several
// statements share, so it is written once: a line `// #include NAME` is
// replaced by the fragment's lines, and `/* #include NAME */` inside a line by
// its text on one line (for a piece of an expression, such as a projection's
// fields). A fragment may name variables, `// Fragment(p): ...`, that each
// include binds to its own, `/* #include NAME(q) */`. Values always travel as
// parameters, never text.
import fs from 'node:fs';
import path from 'node:path';
import { projectPath } from '../paths.js';

const CYPHER_DIR = projectPath('cypher');
const INCLUDE_ARGS = String.raw`([\w/-]+)(?:\(([^)]*)\))?`;
const LINE_INCLUDE = new RegExp(String.raw`^\s*\/\/\s*#include\s+${INCLUDE_ARGS}\s*$`, 'gm');
const INLINE_INCLUDE = new RegExp(String.raw`\/\*\s*#include\s+${INCLUDE_ARGS}\s*\*\/`, 'g');
const FRAGMENT_VARIABLES = /^\s*\/\/\s*Fragment\s*(?:\(([^)]*)\))?\s*:/;
const NAME = /^[A-Za-z_]\w*$/;
/**
 * Comments, quoted text, properties, parameters and names: a fragment's
 * variable is renamed where it stands as a name, never inside the others.
 */
const TOKEN = /\/\/[^\n]*|\/\*[\s\S]*?\*\/|'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|`[^`]*`|[.$]?[A-Za-z_]\w*/g;

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
  return expandAll(raw);
}

/** The names in `a, b` (a fragment's variables or an include's), each checked to be one. */
function names(text: string | undefined, where: string): string[] {
  const out = text?.trim() ? text.split(',').map((s) => s.trim()) : [];
  const bad = out.find((n) => !NAME.test(n));
  if (bad !== undefined) throw new Error(`Cypher ${where}: "${bad}" is not a variable name`);
  return out;
}

/**
 * Every statement of `raw` (name -> file text) with its includes expanded,
 * compacted as Neo4j receives it. Exported for the unit test of the include
 * syntax; statements are read through cypher() below.
 */
export function expandAll(raw: ReadonlyMap<string, string>): Map<string, string> {
  // `args` is what an include binds the fragment's variables to; a file read
  // as a statement of its own (args undefined) keeps its names.
  const expand = (name: string, seen: string[], args?: string[]): string => {
    const by = seen.at(-1);
    const text = raw.get(name);
    if (text === undefined) throw new Error(`Cypher fragment "${name}" not found (included by ${by})`);
    if (seen.includes(name)) throw new Error(`Cypher include cycle: ${[...seen, name].join(' -> ')}`);
    const variables = names(FRAGMENT_VARIABLES.exec(text)?.[1], `fragment "${name}"`);
    if (args && args.length !== variables.length) {
      throw new Error(`Cypher fragment "${name}" takes ${variables.length} variable(s) (${variables.join(', ')}) but ${by} gives ${args.length} (${args.join(', ')})`);
    }
    const bound = new Map(args ? variables.map((v, i) => [v, args[i]!]) : []);
    const own = bound.size ? text.replace(TOKEN, (token) => bound.get(token) ?? token) : text;
    // An include inside a fragment may pass the fragment's variables on.
    const inner = (inc: string, a: string | undefined) =>
      expand(inc, [...seen, name], names(a, `include of "${inc}" in "${name}"`).map((v) => bound.get(v) ?? v));
    return own
      .replace(LINE_INCLUDE, (_m, inc: string, a?: string) => inner(inc, a))
      .split('\n')
      .map((line) => (isComment(line) ? line : line.replace(INLINE_INCLUDE, (_m, inc: string, a?: string) => compact(inner(inc, a)).replace(/\n/g, ' '))))
      .join('\n');
  };
  return new Map([...raw.keys()].map((name) => [name, compact(expand(name, []))]));
}

const isComment = (line: string) => /^\s*\/\//.test(line);

/**
 * What Neo4j receives: whole-line comments dropped and lines trimmed. Every
 * statement run is packed and sent as text (and hashed for Neo4j's plan
 * cache), and the comments were a third of the longest ones.
 */
function compact(text: string): string {
  return text
    .split('\n')
    .filter((line) => !isComment(line))
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
