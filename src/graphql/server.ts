// Apollo Server 5 on Express 5: /graphql, /health (process) and /ready (Neo4j).
import http from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import cors from 'cors';
import express from 'express';
import { corsOrigins, type Config } from '../config.js';
import type { Database } from '../db/database.js';
import { graphReads } from '../db/graph-reads.js';
import type { Extractor } from '../extract/types.js';
import { createContext, type GraphQLContext } from './context.js';
import { formatError } from './format-error.js';
import { resolvers } from './resolvers.js';
import { loadTypeDefs } from './schema.js';
import { queryLimits } from './limits.js';

export interface ServerDeps {
  db: Database;
  extractor: Extractor;
  config: Config;
}

export interface RunningServer {
  url: string;
  port: number;
  stop: () => Promise<void>;
}

function bearerMatches(header: string | undefined, key: string | undefined): boolean {
  if (!key || !header) return false;
  const a = Buffer.from(header);
  const b = Buffer.from(`Bearer ${key}`);
  return a.length === b.length && timingSafeEqual(a, b);
}

export async function startServer(deps: ServerDeps, port = deps.config.PORT, host = deps.config.HOST): Promise<RunningServer> {
  const production = deps.config.NODE_ENV === 'production';
  const app = express();
  // GraphQL answers are POST responses nobody revalidates; hashing each body for an ETag is wasted work.
  app.set('etag', false);
  const httpServer = http.createServer(app);
  const limits = queryLimits<GraphQLContext>({ production });
  const apollo = new ApolloServer<GraphQLContext>({
    typeDefs: loadTypeDefs(),
    resolvers,
    introspection: deps.config.PAPERGRAPH_INTROSPECTION === 'true',
    includeStacktraceInErrorResponses: !production,
    formatError: (formatted, error) => formatError(formatted, error, production),
    // No cache hints are used; the cache-control plugin would wrap every field resolver.
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer }), ApolloServerPluginCacheControlDisabled(), ...limits.plugins],
    validationRules: limits.validationRules,
    // The CLI owns shutdown: it must also close the driver and the local Neo4j it started.
    stopOnTerminationSignals: false,
  });
  await apollo.start();

  const reads = graphReads(deps.db);
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/ready', async (_req, res) => {
    try {
      await reads.ping();
      res.json({ status: 'ready' });
    } catch (err) {
      res.status(503).json({ status: 'unavailable', reason: (err as Error).message });
    }
  });
  app.use(
    '/graphql',
    cors<cors.CorsRequest>({ origin: corsOrigins(deps.config), credentials: true }),
    express.json({ limit: '2mb' }),
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        const ctx = createContext({ ...deps, reads });
        ctx.authorized = bearerMatches(req.headers.authorization, deps.config.PAPERGRAPH_API_KEY);
        return ctx;
      },
    }),
  );

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(port, host, () => resolve());
  });
  const address = httpServer.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  return {
    url: `http://${shownHost}:${actualPort}/graphql`,
    port: actualPort,
    stop: () => apollo.stop(),
  };
}
