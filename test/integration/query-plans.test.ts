// No read statement may do work that grows with the whole graph: EXPLAIN every
// statement under cypher/read on the real Neo4j and look for operators that
// read all papers, all entities or all links (issue 18). The statements of the
// API benchmark's mix (bench/api-bench.ts) are planned with the parameters the
// mix sends; the others without parameters (every branch of a statement is in
// its plan whatever the parameters). A few statements still scan; they are
// listed with the reason, and the list must stay exact: a new scan fails, and so
// does a fixed one left on the list.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cypher, cypherNamesUnder } from '../../src/db/cypher.js';
import { projectPath } from '../../src/paths.js';
import { useSampleDatabase } from '../helpers/db.js';

interface PlanNode {
  operatorType: string;
  arguments: Record<string, unknown>;
  children: PlanNode[];
}

/** Node labels whose every node a scan would read: papers and entities (and the entity types' labels). */
const BIG_LABELS = /\b(?:Paper|Entity|Model|Dataset|Method|Task|Metric)\b/;

/** The operators of a plan that read every node, every link of a type, or a whole index, as "Operator details". */
export function fullScans(plan: PlanNode): string[] {
  const out: string[] = [];
  const walk = (p: PlanNode) => {
    const op = p.operatorType.replace(/@.*$/, '');
    const details = String(p.arguments.Details ?? '').replace(/\s+/g, ' ');
    const whole =
      /^(?:AllNodesScan|(?:Directed|Undirected)AllRelationshipsScan|(?:Directed|Undirected)(?:Union)?RelationshipTypes?Scan|(?:Directed|Undirected)RelationshipIndexScan|(?:Directed|Undirected)RelationshipIndexContainsScan|(?:Directed|Undirected)RelationshipIndexEndsWithScan)$/.test(op) ||
      (/^(?:NodeByLabelScan|UnionNodeByLabelsScan|IntersectionNodeByLabelsScan|SubtractionNodeByLabelsScan|NodeIndexScan|NodeIndexContainsScan|NodeIndexEndsWithScan|PartitionedNodeByLabelScan|PartitionedAllNodesScan)$/.test(op) &&
        BIG_LABELS.test(details));
    // An equality seek on an entity's type reads every entity of that type.
    const wholeType = /^NodeIndexSeek/.test(op) && /:Entity\(type\) WHERE type =/.test(details);
    if (whole || wholeType) out.push(`${op} ${details.slice(0, 160)}`);
    p.children.forEach(walk);
  };
  walk(plan);
  return out;
}

/** The mix's statements (bench/api-bench.ts) with the parameters each request sends. */
const MIX: { op: string; statement: string; params: Record<string, unknown> }[] = [
  { op: 'paper page', statement: 'read/paper-with-entities', params: { id: 'x', limit: 500 } },
  {
    op: 'entity page / filtered paper list (one dataset, newest first)',
    statement: 'read/entity-by-keys-with-papers',
    params: { keys: ['imagenet'], type: 'dataset', role: null, after: null, before: null, backward: false, limit: 21 },
  },
  {
    op: 'co-occurrence table',
    statement: 'read/cooccurrence',
    params: { rows: 'method', columns: 'dataset', pair: 'dataset method', minPapers: 2, maxPapers: Number.MAX_SAFE_INTEGER, after: null, limit: 20 },
  },
  { op: 'full-text search', statement: 'read/search', params: { query: 'segmentation', limit: 20 } },
];

/**
 * Statements that still read every paper, entity or link of a type in some
 * branch, and why. Fragments (included by others, not run alone) are planned
 * through the statements that include them.
 */
const KNOWN_SCANS: Record<string, string> = {
  'read/cooccurrence-singles': 'the co-occurrence cells of one paper are not kept (most pairs are such); only a page past every kept cell counts them from the links',
  'read/papers-count': 'totalCount of a paper list filtered by date or role only counts every paper',
  'read/papers-page-published-desc': 'a paper list filtered by date or role only reads every paper (the entity and text branches do not)',
  'read/papers-page-published-desc-before': 'as read/papers-page-published-desc, backward',
  'read/papers-page-title-asc': 'as read/papers-page-published-desc, by title',
  'read/papers-page-title-asc-before': 'as read/papers-page-title-asc, backward',
  'read/papers-page-all-published-desc': 'the undated papers (no date, so not in the published index) are read by label once the dated ones run out',
  'read/papers-page-all-published-desc-before': 'as read/papers-page-all-published-desc, backward',
};

/** Fragments (their first line says so) are planned inside the statements that include them. */
const isFragment = (name: string) => /^\/\/\s*Fragment\b/.test(fs.readFileSync(projectPath('cypher', `${name}.cypher`), 'utf8'));

const db = useSampleDatabase();

async function explain(statement: string, params: Record<string, unknown> = {}): Promise<PlanNode> {
  const session = db.driver.session({ database: db.database, defaultAccessMode: 'READ' });
  try {
    const res = await session.run(`EXPLAIN ${cypher(statement)}`, params);
    return res.summary.plan as unknown as PlanNode;
  } finally {
    await session.close();
  }
}

describe('query plans', () => {
  it('finds the scans it looks for', async () => {
    const scans = async (text: string) => {
      const session = db.driver.session({ database: db.database, defaultAccessMode: 'READ' });
      try {
        return fullScans((await session.run(`EXPLAIN ${text}`)).summary.plan as unknown as PlanNode);
      } finally {
        await session.close();
      }
    };
    expect(await scans('MATCH (p:Paper) RETURN count(p.title) AS n')).toEqual([expect.stringMatching(/^NodeByLabelScan p:Paper/)]);
    expect(await scans('MATCH ()-[r:USES]->() RETURN count(r.confidence) AS n')).toEqual([expect.stringMatching(/^DirectedRelationshipTypeScan/)]);
    expect(await scans("MATCH (e:Entity {type: 'method'}) RETURN count(e.name) AS n")).toEqual([expect.stringMatching(/^NodeIndexSeek/)]);
    expect(await scans("MATCH (e:Entity {id: 'method:lora'}) RETURN e.name AS n")).toEqual([]);
    // What read/trending did before counts per entity and period were kept, now
    // that the links' date indexes are gone: every link of the type (or all of
    // an index that holds the date).
    expect(await scans("MATCH ()-[r:USES]->() WHERE r.published >= date('2023-01-01') RETURN count(r.eid) AS n")).toEqual([
      expect.stringMatching(/^Directed(?:RelationshipTypeScan|RelationshipIndexScan)/),
    ]);
    // One entity's links of a date range are not every link.
    expect(await scans("MATCH ()-[r:USES]->() USING INDEX SEEK r:USES(eid, published) WHERE r.eid = 'method:lora' AND r.published >= date('2023-01-01') RETURN count(r) AS n")).toEqual([]);
  });

  it('of the API mix read no whole label, relationship type or index', async () => {
    const found = [];
    for (const m of MIX) {
      for (const scan of fullScans(await explain(m.statement, m.params))) found.push(`${m.statement} (${m.op}): ${scan}`);
    }
    expect(found).toEqual([]);
  });

  it('of trending over one whole year read its counts in the order of their index and stop at the page', async () => {
    const operators = (plan: PlanNode): string[] => [plan.operatorType.replace(/@.*$/, ''), ...plan.children.flatMap(operators)];
    for (const [statement, order] of [['read/trending-year-growth', 'growth'], ['read/trending-year-rate', 'rate']] as const) {
      const plan = await explain(statement, { type: 'method', period: 2024, minPapers: 3, after: null, limit: 20, maxScore: Number.MAX_VALUE });
      const ops = operators(plan);
      // A sort of every count of the year would be Sort or Top; PartialTop only orders ties of the index's order by id.
      expect(ops.filter((op) => /^(?:Sort|Top)$/.test(op)), statement).toEqual([]);
      expect(ops, statement).toContain('PartialTop');
      expect(JSON.stringify(plan), statement).toContain(`${order}`);
      expect(ops.some((op) => /RelationshipIndexSeek/.test(op)), statement).toBe(true);
    }
  });

  it('of every read statement scan only where the known list says why', async () => {
    const scanning: Record<string, string[]> = {};
    for (const name of cypherNamesUnder('read')) {
      if (isFragment(name)) continue;
      const scans = fullScans(await explain(name));
      if (scans.length) scanning[name] = scans;
    }
    const unexpected = Object.entries(scanning).filter(([name]) => !(name in KNOWN_SCANS));
    expect(unexpected.map(([name, scans]) => `${name}: ${scans.join('; ')}`)).toEqual([]);
    const fixed = Object.keys(KNOWN_SCANS).filter((name) => !(name in scanning));
    expect(fixed, 'statements on the known list that no longer scan: take them off').toEqual([]);
  });
});
