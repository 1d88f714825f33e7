import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cypher, cypherNamesUnder, expandAll } from '../../../src/db/cypher.js';
import { projectPath } from '../../../src/paths.js';

/** The statements of these files (name -> text), as the loader expands them. */
const expanded = (files: Record<string, string>) => expandAll(new Map(Object.entries(files)));

describe('Cypher includes', () => {
  it('replace a `// #include` line by the fragment and drop comments', () => {
    const out = expanded({
      'read/frag': '// Fragment: a filter\nWHERE p.year > 2000\n',
      'read/main': '// Papers after 2000.\nMATCH (p:Paper)\n  // #include read/frag\nRETURN p.id AS id\n',
    });
    expect(out.get('read/main')).toBe('MATCH (p:Paper)\nWHERE p.year > 2000\nRETURN p.id AS id');
  });

  it('put an inline include on one line, inside the expression around it', () => {
    const out = expanded({
      'f/fields': '// Fragment: two fields,\n// on two lines\n.id,\n  .name\n',
      'read/main': 'MATCH (e:Entity)\nRETURN e {/* #include f/fields */, .type} AS entity, e.id AS sortKey\n',
    });
    expect(out.get('read/main')).toBe('MATCH (e:Entity)\nRETURN e {.id, .name, .type} AS entity, e.id AS sortKey');
  });

  it("bind a fragment's variables to the include's, only where they stand as names", () => {
    const out = expanded({
      'f/paper': "// Fragment(p): p, as a name, is renamed (this comment's p is not)\n.id, d: toString(p.date), n: size(p.x) + $p, s: 'p', t: `p`, u: p.p\n",
      'read/main': 'MATCH (q:Paper) RETURN q {/* #include f/paper(q) */} AS paper, [x IN [q] | x {/* #include f/paper(x) */}] AS again\n',
    });
    expect(out.get('read/main')).toBe(
      "MATCH (q:Paper) RETURN q {.id, d: toString(q.date), n: size(q.x) + $p, s: 'p', t: `p`, u: q.p} AS paper, [x IN [q] | x {.id, d: toString(x.date), n: size(x.x) + $p, s: 'p', t: `p`, u: x.p}] AS again",
    );
    // The fragment read alone keeps its own names.
    expect(out.get('f/paper')).toBe(".id, d: toString(p.date), n: size(p.x) + $p, s: 'p', t: `p`, u: p.p");
  });

  it('let a fragment pass its variables on to the fragments it includes', () => {
    const out = expanded({
      'f/date': '// Fragment(n): a date as text\ntoString(n.published)\n',
      'f/paper': '// Fragment(p):\n.id, published: /* #include f/date(p) */\n',
      'read/main': 'MATCH (q:Paper) RETURN q {/* #include f/paper(q) */} AS paper\n',
    });
    expect(out.get('read/main')).toBe('MATCH (q:Paper) RETURN q {.id, published: toString(q.published)} AS paper');
  });

  it('leave include syntax inside a comment line alone', () => {
    const out = expanded({ 'read/main': '// e {/* #include nowhere */} is how a caller writes it\nRETURN 1 AS one\n' });
    expect(out.get('read/main')).toBe('RETURN 1 AS one');
  });

  it('say which include is wrong', () => {
    expect(() => expanded({ 'read/main': 'RETURN {/* #include f/none */} AS x' })).toThrow('Cypher fragment "f/none" not found (included by read/main)');
    const paper = '// Fragment(p): fields\n.id, t: toString(p.t)\n';
    expect(() => expanded({ 'f/paper': paper, 'read/main': 'RETURN p {/* #include f/paper */} AS x' })).toThrow(
      'Cypher fragment "f/paper" takes 1 variable(s) (p) but read/main gives 0 ()',
    );
    expect(() => expanded({ 'f/paper': paper, 'read/main': 'RETURN p {/* #include f/paper(p, q) */} AS x' })).toThrow('takes 1 variable(s) (p) but read/main gives 2 (p, q)');
    expect(() => expanded({ 'f/paper': paper, 'read/main': 'RETURN p {/* #include f/paper(p.x) */} AS x' })).toThrow('"p.x" is not a variable name');
    expect(() => expanded({ 'f/a': '// Fragment: a\n// #include f/b\n', 'f/b': '// Fragment: b\n// #include f/a\n' })).toThrow('Cypher include cycle: f/a -> f/b -> f/a');
  });
});

describe('the projections of cypher/projections', () => {
  const files = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith('.cypher') ? [path.join(dir, e.name)] : []));

  it('are the only place that lists the fields of a paper or an entity', () => {
    const own = (name: string) => fs.readFileSync(projectPath('cypher', 'projections', `${name}.cypher`), 'utf8').split('\n').filter((l) => l && !l.startsWith('//'));
    const lists = [...own('paper'), ...own('entity')];
    expect(lists).toHaveLength(2);
    const elsewhere = files(projectPath('cypher'))
      .filter((f) => !f.includes(`${path.sep}projections${path.sep}`))
      .filter((f) => lists.some((l) => fs.readFileSync(f, 'utf8').includes(l)));
    expect(elsewhere).toEqual([]);
  });

  it('reach the statements that return papers and entities, on their own variables', () => {
    expect(cypher('read/papers-by-ids')).toContain('p {.id, .title, .url, published: toString(p.published), .authors, .arxivId, .abstract} AS paper');
    expect(cypher('read/path')).toContain('x {.id, .title, .url, published: toString(x.published), .authors, .arxivId}');
    expect(cypher('read/search')).toContain('node {.id, .type, .key, .name, .aliases, .paperCount} AS entity');
    for (const name of cypherNamesUnder('read')) expect(cypher(name), name).not.toMatch(/#include/);
  });
});
