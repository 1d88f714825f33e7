// GraphiQL, bundled, so the IDE works offline and behind firewalls (Apollo's
// hosted Sandbox loads from Apollo's servers). It talks to this server's /graphql.
import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';
import type { GraphiQLProps } from 'graphiql';

const fetcher: GraphiQLProps['fetcher'] = async (params) => {
  const res = await fetch(new URL('/graphql', window.location.href), {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(params),
  });
  return res.json();
};

const defaultQuery = `# papergraph: papers, entities and the evidence linking them.
# Ctrl+Enter runs the query; the docs button (top left) shows the schema.
{
  stats { papers entities relationships }
  entities(type: MODEL, first: 5) {
    edges { node { id name paperCount } }
  }
}
`;

createRoot(document.getElementById('graphiql')!).render(<GraphiQL fetcher={fetcher} defaultQuery={defaultQuery} />);
