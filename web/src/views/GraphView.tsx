// The neighbourhood of a paper or entity, drawn with cytoscape.js (loaded only
// for this view). Clicking a node expands it: an entity brings its newest
// papers, a paper its entities, each a capped page with "show more", so a hub
// with thousands of papers stays responsive. Edges are labelled with the role.
import { useEffect, useRef, useState } from 'react';
import type { Core, ElementDefinition } from 'cytoscape';
import { gql, ROLE_LABEL, TYPE_LABEL, type EntityRef, type EntityType, type Role } from '../api';
import { ErrorBox, Link } from '../components';
import { useReady } from '../hooks';
import { replaceUrl } from '../router';

const PAGE = 10;
const ENTITY_ID = /^(model|dataset|method|task|metric):/;
const TYPE_COLOR: Record<EntityType, string> = { MODEL: '#6741d9', DATASET: '#2b8a3e', METHOD: '#d9480f', TASK: '#1971c2', METRIC: '#c2255c' };

interface GNode {
  id: string;
  label: string;
  kind: 'paper' | 'entity';
  type?: EntityType;
  paperCount?: number;
}

interface Expansion {
  shown: number;
  total: number;
  after: string | null;
  /** A paper's entities arrive all at once (at most ~30); they are shown a page at a time. */
  pending: { entity: EntityRef; role: Role }[];
}

const ENTITY_PAPERS = `query GraphEntity($id: ID!, $after: String) {
  node(id: $id) {
    ... on Entity {
      id name type paperCount
      papers(first: ${PAGE}, after: $after) {
        totalCount
        edges { node { id title entities { role entity { id } } } }
        pageInfo { hasNextPage endCursor }
      }
    }
  }
}`;

const PAPER_ENTITIES = `query GraphPaper($id: ID!) {
  paper(id: $id) { id title entities { role entity { id name type paperCount } } }
}`;

type EntityAnswer = {
  node: (EntityRef & { papers: { totalCount: number; edges: { node: { id: string; title: string; entities: { role: Role; entity: { id: string } }[] } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } }) | null;
};
type PaperAnswer = { paper: { id: string; title: string; entities: { role: Role; entity: EntityRef }[] } | null };

const short = (s: string, n = 38) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

export function GraphView({ id, expand }: { id: string; expand: string[] }) {
  const box = useRef<HTMLDivElement>(null);
  const cyRef = useRef<Core | null>(null);
  const nodes = useRef(new Map<string, GNode>());
  const expansions = useRef(new Map<string, Expansion>());
  const [selected, setSelected] = useState<string>(id);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(true);
  const [ready, setReady] = useState(false);
  const [, redraw] = useState(0);
  const runRef = useRef<(nid: string) => Promise<void>>(null);
  useReady('graph', ready);

  useEffect(() => {
    let cancelled = false;
    nodes.current.clear();
    expansions.current.clear();

    const addNode = (n: GNode, els: ElementDefinition[]) => {
      const known = nodes.current.get(n.id);
      if (known) {
        if (known.label === n.id && n.label !== n.id) {
          known.label = n.label;
          cyRef.current?.getElementById(n.id).data('label', short(n.label));
        }
        return;
      }
      nodes.current.set(n.id, n);
      els.push({
        group: 'nodes',
        data: { id: n.id, label: short(n.label), kind: n.kind, color: n.type ? TYPE_COLOR[n.type] : '#868e96' },
      });
    };
    const addEdge = (paper: string, entity: string, role: Role, els: ElementDefinition[]) => {
      const eid = `${paper}→${entity}`;
      if (cyRef.current?.getElementById(eid).nonempty() || els.some((e) => e.data.id === eid)) return;
      els.push({ group: 'edges', data: { id: eid, source: paper, target: entity, label: ROLE_LABEL[role].toLowerCase() } });
    };

    async function expandEntity(eid: string, after: string | null): Promise<ElementDefinition[]> {
      const d = await gql<EntityAnswer>(ENTITY_PAPERS, { id: eid, after });
      if (!d.node) throw new Error(`No entity with id ${eid}.`);
      const els: ElementDefinition[] = [];
      addNode({ id: d.node.id, label: d.node.name, kind: 'entity', type: d.node.type, paperCount: d.node.paperCount }, els);
      for (const { node: p } of d.node.papers.edges) {
        addNode({ id: p.id, label: p.title, kind: 'paper' }, els);
        const link = p.entities.find((l) => l.entity.id === eid);
        addEdge(p.id, eid, link?.role ?? 'MENTIONS', els);
      }
      const prev = expansions.current.get(eid);
      expansions.current.set(eid, {
        shown: (prev?.shown ?? 0) + d.node.papers.edges.length,
        total: d.node.papers.totalCount,
        after: d.node.papers.pageInfo.hasNextPage ? d.node.papers.pageInfo.endCursor : null,
        pending: [],
      });
      return els;
    }

    async function expandPaper(pid: string): Promise<ElementDefinition[]> {
      let exp = expansions.current.get(pid);
      const els: ElementDefinition[] = [];
      if (!exp) {
        const d = await gql<PaperAnswer>(PAPER_ENTITIES, { id: pid });
        if (!d.paper) throw new Error(`No paper with id ${pid}.`);
        addNode({ id: d.paper.id, label: d.paper.title, kind: 'paper' }, els);
        exp = { shown: 0, total: d.paper.entities.length, after: null, pending: d.paper.entities };
        expansions.current.set(pid, exp);
      }
      for (const l of exp.pending.splice(0, PAGE)) {
        addNode({ id: l.entity.id, label: l.entity.name, kind: 'entity', type: l.entity.type, paperCount: l.entity.paperCount }, els);
        addEdge(pid, l.entity.id, l.role, els);
        exp.shown++;
      }
      return els;
    }

    const expandOne = (nid: string) => {
      const exp = expansions.current.get(nid);
      if (ENTITY_ID.test(nid)) return exp && !exp.after ? Promise.resolve([]) : expandEntity(nid, exp?.after ?? null);
      return exp && exp.pending.length === 0 ? Promise.resolve([]) : expandPaper(nid);
    };

    async function run(nid: string) {
      setBusy(true);
      setError(null);
      try {
        const els = await expandOne(nid);
        if (cancelled) return;
        const cy = cyRef.current!;
        const first = cy.nodes().length === 0;
        // New nodes start on a circle around the node they came from, so the
        // layout moves the graph on from where it was instead of starting over.
        const from = cy.getElementById(nid);
        const at = from.nonempty() ? from.position() : { x: 0, y: 0 };
        const fresh = els.filter((e) => e.group === 'nodes');
        fresh.forEach((e, i) => {
          const a = (2 * Math.PI * i) / Math.max(1, fresh.length);
          e.position = { x: at.x + 150 * Math.cos(a), y: at.y + 150 * Math.sin(a) };
        });
        cy.add(els);
        cy.layout({
          name: 'cose',
          animate: false,
          fit: true,
          padding: 40,
          randomize: first,
          nodeRepulsion: () => 400_000,
          nodeOverlap: 10,
          idealEdgeLength: () => 90,
          gravity: 1,
          numIter: 1000,
        }).run();
        // A handful of nodes would otherwise be blown up to the maximum zoom.
        if (cy.zoom() > 1.2) {
          cy.zoom(1.2);
          cy.center();
        }
        box.current!.dataset.nodes = String(cy.nodes().length);
        box.current!.dataset.edges = String(cy.edges().length);
        redraw((n) => n + 1);
      } catch (err) {
        if (!cancelled) setError((err as Error).message);
      } finally {
        if (!cancelled) setBusy(false);
      }
    }

    (async () => {
      const { default: cytoscape } = await import('cytoscape');
      if (cancelled || !box.current) return;
      const cy = cytoscape({
        container: box.current,
        minZoom: 0.2,
        maxZoom: 3,
        style: [
          {
            selector: 'node',
            style: {
              'background-color': 'data(color)',
              label: 'data(label)',
              'font-size': 10,
              color: '#212529',
              'text-valign': 'bottom',
              'text-margin-y': 3,
              'text-wrap': 'ellipsis',
              'text-max-width': '140px',
              width: 22,
              height: 22,
            },
          },
          { selector: 'node[kind = "paper"]', style: { shape: 'round-rectangle', width: 16, height: 16, 'font-size': 8, color: '#495057' } },
          { selector: 'node:selected', style: { 'border-width': 3, 'border-color': '#fab005' } },
          {
            selector: 'edge',
            style: {
              width: 1.2,
              'line-color': '#ced4da',
              'target-arrow-shape': 'triangle',
              'target-arrow-color': '#ced4da',
              'curve-style': 'bezier',
              label: 'data(label)',
              'font-size': 7,
              color: '#868e96',
              'text-rotation': 'autorotate',
              'text-background-color': '#ffffff',
              'text-background-opacity': 0.8,
            },
          },
        ],
      });
      cyRef.current = cy;
      (window as unknown as { papergraphGraph?: Core }).papergraphGraph = cy;
      cy.on('tap', 'node', (evt) => {
        const nid = evt.target.id() as string;
        setSelected(nid);
        if (!expansions.current.has(nid)) {
          void run(nid).then(() => replaceUrl({ name: 'graph', id, expand: [...expansions.current.keys()].filter((k) => k !== id) }));
        }
      });
      await run(id);
      for (const nid of expand.slice(0, 10)) if (!cancelled) await run(nid);
      cy.getElementById(id).select();
      if (!cancelled) setReady(true);
    })().catch((err: Error) => !cancelled && setError(err.message));

    runRef.current = run;
    return () => {
      cancelled = true;
      setReady(false);
      cyRef.current?.destroy();
      cyRef.current = null;
    };
    // The graph is built once per centre; expansions after that only touch the URL.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id]);

  const node = nodes.current.get(selected);
  const exp = expansions.current.get(selected);
  return (
    <section className="graph-view">
      <div className="graph-side">
        <h1>Neighbourhood</h1>
        <p className="muted small">Click a node to expand it; drag to move, scroll to zoom. Edges say what the paper does with the entity.</p>
        {error && <ErrorBox error={error} />}
        {node && (
          <div className="selected-node">
            {node.kind === 'entity' ? <span className={`badge t-${node.type!.toLowerCase()}`}>{TYPE_LABEL[node.type!]}</span> : <span className="badge t-paper">paper</span>}
            <h2>{node.label}</h2>
            {exp ? (
              <p className="small">
                Showing {exp.shown} of {exp.total} {node.kind === 'entity' ? 'papers' : 'entities'}.
              </p>
            ) : (
              <p className="small muted">Not expanded yet: click it in the graph.</p>
            )}
            {exp && exp.shown < exp.total && (
              <button type="button" disabled={busy} onClick={() => runRef.current?.(selected)}>
                Show more
              </button>
            )}{' '}
            <Link to={node.kind === 'entity' ? { name: 'entity', id: node.id, after: null } : { name: 'paper', id: node.id }} className="button">
              Open {node.kind === 'entity' ? 'entity' : 'paper'} page
            </Link>
          </div>
        )}
        <p className="small muted">
          {nodes.current.size} nodes {busy && '· loading…'}
        </p>
      </div>
      <div className="graph-canvas" ref={box} aria-label="Graph" data-nodes="0" data-edges="0" />
    </section>
  );
}
