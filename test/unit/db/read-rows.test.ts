// The typed database boundary stays in step with the Cypher it types: each
// projection fragment's fields are its TS type's field list, and each read
// statement's RETURN columns are the keys of its row type in read-rows.ts.
import fs from 'node:fs';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { cypher } from '../../../src/db/cypher.js';
import { ENTITY_FIELDS, PAPER_FIELDS } from '../../../src/db/projections.js';
import { projectPath } from '../../../src/paths.js';
import { readStatementNames } from '../../helpers/read-statements.js';

const isComment = (line: string) => /^\s*\/\//.test(line);

/** Quoted text blanked out (same length), so brackets and keywords inside strings are not read as Cypher. */
const withoutStrings = (text: string) => text.replace(/'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|`[^`]*`/g, (s) => s[0] + ' '.repeat(s.length - 2) + s[0]);

/** `text` split at the commas outside brackets. */
function topLevelItems(text: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let start = 0;
  const blank = withoutStrings(text);
  for (let i = 0; i < blank.length; i++) {
    const c = blank[i]!;
    if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c)) depth--;
    else if (c === ',' && depth === 0) {
      items.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  items.push(text.slice(start).trim());
  return items.filter(Boolean);
}

/** The keys a map-projection fragment gives (`.id` or `published: expr`). */
function fragmentKeys(name: string): string[] {
  const body = fs
    .readFileSync(projectPath('cypher', `${name}.cypher`), 'utf8')
    .split('\n')
    .filter((l) => !isComment(l))
    .join('\n');
  return topLevelItems(body).map((item) => /^\.(\w+)$/.exec(item)?.[1] ?? /^(\w+)\s*:/.exec(item)?.[1] ?? `?${item}`);
}

/** The columns of a statement's last top-level RETURN (none when it has none, like a procedure call). */
function returnColumns(statement: string): string[] {
  const blank = withoutStrings(statement);
  let depth = 0;
  let last = -1;
  for (let i = 0; i < blank.length; i++) {
    const c = blank[i]!;
    if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c)) depth--;
    else if (depth === 0 && /^RETURN\b/i.test(blank.slice(i, i + 7)) && (i === 0 || /\W/.test(blank[i - 1]!))) last = i;
  }
  if (last < 0) return [];
  // The clause ends at the first top-level ORDER BY / SKIP / LIMIT / UNION after it.
  let end = blank.length;
  depth = 0;
  for (let i = last + 6; i < blank.length; i++) {
    const c = blank[i]!;
    if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c)) depth--;
    else if (depth === 0 && /\W/.test(blank[i - 1]!) && /^(ORDER\s+BY|SKIP|LIMIT|UNION)\b/i.test(blank.slice(i, i + 10))) {
      end = i;
      break;
    }
  }
  return topLevelItems(statement.slice(last + 6, end)).map((item) => /\bAS\s+`?(\w+)`?\s*$/i.exec(item)?.[1] ?? item);
}

/** Each entry of ReadRows in src/db/read-rows.ts: statement name -> the keys its row type declares. */
function declaredRows(): Map<string, string[]> {
  const file = projectPath('src', 'db', 'read-rows.ts');
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const aliases = new Map<string, ts.TypeNode>();
  let rows: ts.InterfaceDeclaration | undefined;
  for (const s of source.statements) {
    if (ts.isTypeAliasDeclaration(s)) aliases.set(s.name.text, s.type);
    if (ts.isInterfaceDeclaration(s) && s.name.text === 'ReadRows') rows = s;
  }
  const keysOf = (type: ts.TypeNode, where: string): string[] => {
    if (ts.isTypeLiteralNode(type)) return type.members.flatMap((m) => (m.name && ts.isIdentifier(m.name) ? [m.name.text] : []));
    if (ts.isIntersectionTypeNode(type)) return type.types.flatMap((t) => keysOf(t, where));
    if (ts.isTypeReferenceNode(type) && ts.isIdentifier(type.typeName)) {
      const alias = aliases.get(type.typeName.text);
      if (alias) return keysOf(alias, where);
      // Record<never, never>: a row with no columns.
      if (type.typeName.text === 'Record' && type.typeArguments?.every((a) => a.kind === ts.SyntaxKind.NeverKeyword)) return [];
    }
    throw new Error(`${where}: write its row as an object type or a type alias of read-rows.ts (found ${type.getText()})`);
  };
  expect(rows, 'interface ReadRows in src/db/read-rows.ts').toBeDefined();
  const out = new Map<string, string[]>();
  for (const m of rows!.members) {
    if (!ts.isPropertySignature(m) || !m.type || !m.name || !ts.isStringLiteral(m.name)) throw new Error(`ReadRows member ${m.getText()} is not 'statement': row`);
    out.set(m.name.text, keysOf(m.type, m.name.text));
  }
  return out;
}

describe('the projections', () => {
  it('list the fields of their Cypher fragments, so a new field needs its type', () => {
    expect(fragmentKeys('projections/paper').sort()).toEqual([...PAPER_FIELDS].sort());
    expect(fragmentKeys('projections/entity').sort()).toEqual([...ENTITY_FIELDS].sort());
  });
});

describe('the row types of the read statements', () => {
  const declared = declaredRows();

  it('cover every statement of cypher/read (fragments aside)', () => {
    const statements = readStatementNames();
    expect(statements.length).toBeGreaterThan(40);
    expect(statements.filter((s) => !declared.has(s)), 'statements without a row type').toEqual([]);
  });

  it("name each statement's RETURN columns", () => {
    const wrong = [...declared].flatMap(([name, keys]) => {
      const columns = returnColumns(cypher(name));
      return columns.slice().sort().join() === keys.slice().sort().join() ? [] : [`${name}: RETURN ${columns.join(', ')} but the row type has ${keys.join(', ')}`];
    });
    expect(wrong).toEqual([]);
  });

  it('read RETURN columns as Cypher names them', () => {
    expect(returnColumns("MATCH (p) CALL (p) { RETURN 1 AS inner } RETURN p {.id, t: 'a, RETURN b'} AS paper, inner, count(*) AS n ORDER BY n LIMIT 3")).toEqual([
      'paper',
      'inner',
      'n',
    ]);
    expect(returnColumns('CALL { RETURN 1 AS a UNION RETURN 2 AS a } RETURN a')).toEqual(['a']);
    expect(returnColumns('CALL db.awaitIndexes(300)')).toEqual([]);
  });
});
