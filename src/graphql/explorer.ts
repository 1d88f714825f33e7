// The browser side of the server: the explorer app at /explore (built from web/
// by `npm run build:web` into dist/explorer at install time) and, for a browser
// opening /graphql, the bundled GraphiQL page instead of Apollo Sandbox (which
// loads from Apollo's servers and so stays blank offline or behind a firewall).
import fs from 'node:fs';
import path from 'node:path';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { projectPath } from '../paths.js';

export const EXPLORER_DIR = projectPath('dist', 'explorer');
export const EXPLORER_PATH = '/explore';

// The app loads only its own files and talks only to /graphql; the browser
// enforces that too (inline styles: React sets element styles, cytoscape too).
const CSP = "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; font-src 'self' data:; worker-src 'self' blob:; connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'self'";

const NOT_BUILT = `The explorer is not built (no ${path.join('dist', 'explorer', 'index.html')}): run \`npm run build:web\` (npm install does it).`;

function readBuilt(file: string): string | null {
  try {
    return fs.readFileSync(path.join(EXPLORER_DIR, file), 'utf8');
  } catch {
    return null;
  }
}

/** `/` redirects to the explorer; `/explore` and every path below it answer with the app, which reads the view from the URL. */
export async function registerExplorer(app: FastifyInstance): Promise<void> {
  app.get('/', (_req, reply) => reply.redirect(EXPLORER_PATH));
  // Read per request (a few hundred bytes): a rebuild while the server runs changes the asset names it points at.
  const page = (_req: unknown, reply: FastifyReply) => {
    const index = readBuilt('index.html');
    if (index === null) return reply.code(503).type('text/plain; charset=utf-8').send(NOT_BUILT);
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').header('content-security-policy', CSP).send(index);
  };
  app.get(EXPLORER_PATH, page);
  app.get(`${EXPLORER_PATH}/*`, page);
  if (fs.existsSync(path.join(EXPLORER_DIR, 'assets'))) {
    // File names carry a content hash, so browsers may keep them for good.
    await app.register(fastifyStatic, {
      root: path.join(EXPLORER_DIR, 'assets'),
      prefix: `${EXPLORER_PATH}/assets/`,
      immutable: true,
      maxAge: '365d',
      index: false,
      dotfiles: 'ignore',
    });
  }
}

/**
 * The page a browser gets at /graphql: the bundled GraphiQL (default), Apollo's
 * own landing page with the embedded Sandbox (`sandbox`, needs Apollo's servers),
 * or none (`off`: a browser gets the usual GraphQL error for a GET without a query).
 */
export function graphqlIdePlugins<T extends BaseContext>(ide: 'graphiql' | 'sandbox' | 'off'): ApolloServerPlugin<T>[] {
  if (ide === 'sandbox') return [];
  if (ide === 'off') return [ApolloServerPluginLandingPageDisabled()];
  const html = readBuilt('graphiql.html') ?? `<!doctype html><title>papergraph</title><p>${NOT_BUILT}</p>`;
  return [{ serverWillStart: async () => ({ renderLandingPage: async () => ({ html }) }) }];
}
