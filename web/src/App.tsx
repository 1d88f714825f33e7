import { Cooccurrence } from './views/Cooccurrence';
import { EntityPage } from './views/EntityPage';
import { GraphView } from './views/GraphView';
import { Home } from './views/Home';
import { PaperPage } from './views/PaperPage';
import { PathView } from './views/PathView';
import { Link } from './components';
import { Picker } from './Picker';
import { navigate, useView, type View } from './router';

function Body({ view }: { view: View }) {
  switch (view.name) {
    case 'home':
      return <Home q={view.q} types={view.types} />;
    case 'entity':
      return <EntityPage key={view.id} id={view.id} after={view.after} />;
    case 'paper':
      return <PaperPage key={view.id} id={view.id} />;
    case 'graph':
      return <GraphView key={view.id} id={view.id} expand={view.expand} />;
    case 'cooccurrence':
      return <Cooccurrence rows={view.rows} columns={view.columns} cell={view.cell} />;
    case 'path':
      return <PathView from={view.from} to={view.to} />;
  }
}

export function App() {
  const view = useView();
  return (
    <>
      <header className="top">
        <Link to={{ name: 'home', q: '', types: [] }} className="brand">
          papergraph
        </Link>
        <nav>
          <Link to={{ name: 'home', q: '', types: [] }} className={view.name === 'home' ? 'on' : ''}>
            Search
          </Link>
          <Link to={{ name: 'cooccurrence', rows: 'METHOD', columns: 'DATASET', cell: null }} className={view.name === 'cooccurrence' ? 'on' : ''}>
            Co-occurrence
          </Link>
          <Link to={{ name: 'path', from: null, to: null }} className={view.name === 'path' ? 'on' : ''}>
            Path
          </Link>
          <a href="/graphql">GraphiQL</a>
        </nav>
        {view.name !== 'home' && (
          <div className="top-search">
            <Picker
              label="Quick search"
              placeholder="Jump to…"
              onPick={(s) => navigate(s.kind === 'entity' ? { name: 'entity', id: s.entity.id, after: null } : { name: 'paper', id: s.paper.id })}
              onSubmit={(text) => navigate({ name: 'home', q: text.trim(), types: [] })}
            />
          </div>
        )}
      </header>
      <main>
        <Body view={view} />
      </main>
    </>
  );
}
