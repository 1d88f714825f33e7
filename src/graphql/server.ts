// Apollo Server 5 on Fastify 5: /graphql, /health (process) and /ready (Neo4j).
// Fastify rather than Express: measured on `{ __typename }`, Express 5 with its
// JSON body parser and CORS cost ~0.25 ms of CPU more per request than Fastify
// with @fastify/cors (bench/README.md), about a fifth of a typical request.
import { randomUUID, timingSafeEqual } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import fastifyApollo, { fastifyApolloDrainPlugin } from '@as-integrations/fastify';
import fastifyCors from '@fastify/cors';
import Fastify, { type FastifyReply } from 'fastify';
import { corsOrigins, type Config } from '../config.js';
import type { Database } from '../db/database.js';
import { graphReads } from '../db/graph-reads.js';
import type { Extractor } from '../extract/types.js';
import { createContext, type GraphQLContext } from './context.js';
import { errorPolicyPlugin, formatError, RETRY_AFTER_SECONDS, stderrLog } from './error-policy.js';
import { resolvers } from './resolvers.js';
import { timeResolvers } from './time-resolvers.js';
import { peopleResolvers } from './people-resolvers.js';
import { loadTypeDefs } from './schema.js';
import { LIMITS, queryLimits } from './limits.js';
import { EXPLORER_PATH, graphqlIdePlugins, registerExplorer } from './explorer.js';
import { BOOKMARK_HEADER, bookmarkPlugin } from './bookmarks.js';

export interface ServerDeps {
  db: Database;
  extractor: Extractor;
  config: Config;
}

export interface RunningServer {
  url: string;
  /** The browser explorer. */
  explorerUrl: string;
  port: number;
  stop: () => Promise<void>;
}

function bearerMatches(header: string | undefined, key: string | undefined): boolean {
  if (!key || !header) return false;
  const a = Buffer.from(header);
  const b = Buffer.from(`Bearer ${key}`);
  return a.length === b.length && timingSafeEqual(a, b);
}

const UNSUPPORTED_MEDIA_TYPE = 'A POST body must be JSON with content-type: application/json (or use GET with ?query=...).';

const HTTP_CODES: Record<number, string> = {
  400: 'BAD_REQUEST',
  405: 'METHOD_NOT_ALLOWED',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  500: 'INTERNAL_SERVER_ERROR',
};

/** An error raised before GraphQL runs, in GraphQL's response shape. */
function sendHttpError(reply: FastifyReply, requestId: string, status: number, message: string) {
  const code = HTTP_CODES[status] ?? (STATUS_CODES[status] ?? 'BAD_REQUEST').toUpperCase().replace(/[^A-Z]+/g, '_');
  return reply
    .code(status)
    .header('x-request-id', requestId)
    .type('application/json; charset=utf-8')
    .send({ errors: [{ message, extensions: { code, requestId } }] });
}

export async function startServer(deps: ServerDeps, port = deps.config.PORT, host = deps.config.HOST): Promise<RunningServer> {
  const production = deps.config.NODE_ENV === 'production';
  const debugErrors = deps.config.PAPERGRAPH_DEBUG_ERRORS === 'true';
  const app = Fastify({
    bodyLimit: 2 * 1024 * 1024,
    // Node's HTTP server cuts off a client that takes longer than this to send its
    // request (slow-loris protection); Fastify turns that off unless it is given.
    requestTimeout: 60_000,
    // `/graphql/` is the same endpoint (clients are configured both ways).
    routerOptions: { ignoreTrailingSlash: true },
    genReqId: () => randomUUID(),
  });
  // Fastify's own errors (a body that is not JSON, one too large, a content-type
  // it has no parser for) keep their 4xx status and are GraphQL-shaped, so any
  // GraphQL client shows them; anything else is a fault: logged with the request
  // id, which is all the client gets besides the status.
  app.setErrorHandler((error: Error & { statusCode?: number }, request, reply) => {
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    if (status === 500) stderrLog({ level: 'error', requestId: request.id, message: error.message, stack: error.stack });
    const message = status === 500 ? 'internal error' : status === 415 ? UNSUPPORTED_MEDIA_TYPE : error.message;
    void sendHttpError(reply, request.id, status, message);
  });
  const limits = queryLimits<GraphQLContext>();
  const apollo = new ApolloServer<GraphQLContext>({
    typeDefs: loadTypeDefs(),
    resolvers: [resolvers, timeResolvers, peopleResolvers],
    introspection: deps.config.PAPERGRAPH_INTROSPECTION === 'true',
    includeStacktraceInErrorResponses: debugErrors,
    formatError: (formatted, error) => formatError(formatted, error, { debug: debugErrors, production }),
    // graphql-js counts tokens as it parses (armor's token rule throws from a
    // plugin hook, which Apollo answers with a 500).
    parseOptions: { maxTokens: LIMITS.tokens },
    // No cache hints are used; the cache-control plugin would wrap every field resolver.
    plugins: [
      fastifyApolloDrainPlugin(app),
      ApolloServerPluginCacheControlDisabled(),
      errorPolicyPlugin(),
      bookmarkPlugin(),
      ...limits.plugins,
      ...graphqlIdePlugins<GraphQLContext>(deps.config.PAPERGRAPH_GRAPHQL_IDE),
    ],
    validationRules: limits.validationRules,
    // CSRF: see README "Clients". GET never runs a mutation (Apollo refuses it),
    // a POST must be application/json (no other body parser is registered, so a
    // form or text/plain post is 415 before GraphQL), writes need a bearer header
    // and no cookies are set or honoured. Apollo's check would only block GET
    // queries from urql, curl -G and requests.get.
    csrfPrevention: false,
    // The CLI owns shutdown: it must also close the driver and the local Neo4j it started.
    stopOnTerminationSignals: false,
  });
  await apollo.start();

  const reads = graphReads(deps.db);
  app.get('/health', async () => ({ status: 'ok' }));
  // From the background probe's state: answered at once, whatever the request traffic.
  const health = deps.db.health();
  await health.firstUp();
  app.get('/ready', async (_req, reply) => {
    const { up, since, code } = health.state;
    if (up) return { status: 'ready' };
    return reply
      .code(503)
      .header('retry-after', String(RETRY_AFTER_SECONDS))
      .send({ status: 'unavailable', reason: 'the database does not answer', code, since: new Date(since).toISOString() });
  });
  await registerExplorer(app);
  // No credentials: papergraph sets no cookies, and a browser must not send any.
  // A browser client may read a mutation's bookmarks and send them back (see bookmarks.ts).
  await app.register(fastifyCors, { origin: corsOrigins(deps.config), exposedHeaders: [BOOKMARK_HEADER] });
  // Fastify parses text/plain by default; a cross-site form can send that without preflight.
  app.removeContentTypeParser('text/plain');
  // Preflight (OPTIONS) is answered by @fastify/cors.
  await app.register(fastifyApollo(apollo), {
    path: '/graphql',
    method: ['GET', 'POST'],
    context: async (request) => {
      const ctx = createContext({ ...deps, reads, requestId: request.id });
      ctx.authorized = bearerMatches(request.headers.authorization, deps.config.PAPERGRAPH_API_KEY);
      return ctx;
    },
  });

  // Other methods on the endpoint: 405 with Allow, as GraphQL over HTTP asks.
  app.route({
    method: ['PUT', 'DELETE', 'PATCH'],
    url: '/graphql',
    handler: (request, reply) => sendHttpError(reply.header('allow', 'GET, POST'), request.id, 405, `${request.method} is not supported: use GET for queries or POST for any operation.`),
  });

  await app.listen({ port, host });
  const address = app.server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  return {
    url: `http://${shownHost}:${actualPort}/graphql`,
    explorerUrl: `http://${shownHost}:${actualPort}${EXPLORER_PATH}`,
    port: actualPort,
    // Apollo's drain plugin closes Fastify (and with it the HTTP server).
    stop: () => apollo.stop(),
  };
}
