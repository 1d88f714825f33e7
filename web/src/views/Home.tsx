import { ENTITY_TYPES, gql, TYPE_LABEL, type EntityRef, type EntityType } from '../api';
import { EntityLink, ErrorBox, Link, Loading, TypeBadge, TypeChips } from '../components';
import { settled, useData, useReady } from '../hooks';
import { Picker, suggest } from '../Picker';
import { navigate } from '../router';

interface Overview {
  stats: { papers: number; entities: number; relationships: number };
  [type: string]: unknown;
}

const OVERVIEW = `query Overview {
  stats { papers entities relationships }
  ${ENTITY_TYPES.map((t) => `${t}: entities(type: ${t}, first: 8) { totalCount edges { node { id name type paperCount } } }`).join('\n  ')}
}`;

export function Home({ q, types }: { q: string; types: EntityType[] }) {
  const overview = useData(q ? null : 'overview', (signal) => gql<Overview>(OVERVIEW, {}, signal));
  const results = useData(q ? `${q}|${types.join(',')}` : null, (signal) => suggest(q, types, true, 30, signal));
  useReady('home', q ? settled(results) : settled(overview));
  const go = (next: { q?: string; types?: EntityType[] }) => navigate({ name: 'home', q: next.q ?? q, types: next.types ?? types });

  return (
    <section className="home">
      <h1>Explore the papers' knowledge graph</h1>
      <p className="muted">Models, datasets, methods, tasks and metrics found in paper abstracts, each link backed by the sentence that states it.</p>
      <div className="search-row">
        <Picker
          label="Search"
          placeholder="Search a model, dataset, method, task, metric or paper…"
          types={types}
          initial={q}
          autoFocus
          onPick={(s) => navigate(s.kind === 'entity' ? { name: 'entity', id: s.entity.id, after: null } : { name: 'paper', id: s.paper.id })}
          onSubmit={(text) => go({ q: text.trim() })}
        />
      </div>
      <TypeChips selected={types} onChange={(t) => go({ types: t })} />

      {q ? (
        <div className="results">
          <h2>Results for “{q}”</h2>
          {results.loading && <Loading what="results" />}
          {results.error && <ErrorBox error={results.error} />}
          {results.data?.length === 0 && <p className="muted">Nothing matches. Try fewer words, or another type.</p>}
          <ul className="hits">
            {results.data?.map((h) =>
              h.kind === 'entity' ? (
                <li key={h.entity.id}>
                  <TypeBadge type={h.entity.type} /> <EntityLink entity={h.entity} /> <span className="muted">{h.entity.paperCount} papers</span>
                </li>
              ) : (
                <li key={h.paper.id}>
                  <span className="badge t-paper">paper</span> <Link to={{ name: 'paper', id: h.paper.id }}>{h.paper.title}</Link>
                </li>
              ),
            )}
          </ul>
        </div>
      ) : (
        <>
          {overview.error && <ErrorBox error={overview.error} />}
          {overview.loading && <Loading what="the graph's overview" />}
          {overview.data && (
            <>
              <p className="stats">
                <b>{overview.data.stats.papers}</b> papers · <b>{overview.data.stats.entities}</b> entities · <b>{overview.data.stats.relationships}</b> evidence links
              </p>
              <div className="columns">
                {ENTITY_TYPES.map((t) => {
                  const c = overview.data![t] as { totalCount: number; edges: { node: EntityRef }[] };
                  return (
                    <div key={t} className="column">
                      <h3>
                        <TypeBadge type={t} /> most-studied {TYPE_LABEL[t]}s <span className="muted">of {c.totalCount}</span>
                      </h3>
                      <ul className="plain">
                        {c.edges.map((e) => (
                          <li key={e.node.id}>
                            <EntityLink entity={e.node} count={e.node.paperCount} />
                          </li>
                        ))}
                      </ul>
                    </div>
                  );
                })}
              </div>
            </>
          )}
        </>
      )}
    </section>
  );
}
