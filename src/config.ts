import { z } from 'zod';
import { DEFAULT_TX_LOG_RETENTION } from './local-neo4j/manager.js';

// Environment is validated once at start so a typo fails loudly with the
// variable's name instead of surfacing later as a connection error.
const EnvSchema = z.object({
  NEO4J_URI: z
    .string()
    .regex(/^(neo4j|bolt)(\+s|\+ssc)?:\/\/.+/, 'must look like bolt://host:7687 or neo4j+s://host')
    .optional(),
  NEO4J_USER: z.string().min(1).default('neo4j'),
  NEO4J_PASSWORD: z.string().default('papergraph'),
  NEO4J_DATABASE: z.string().regex(/^[A-Za-z][A-Za-z0-9.-]{2,62}$/, 'is not a valid Neo4j database name').default('neo4j'),
  PORT: z.coerce.number({ error: 'must be a port number' }).int().min(1).max(65535).default(4000),
  HOST: z.string().default('0.0.0.0'),
  PAPERGRAPH_API_KEY: z.string().min(16, 'must be at least 16 characters').optional(),
  PAPERGRAPH_CORS_ORIGINS: z.string().default(''),
  PAPERGRAPH_INTROSPECTION: z.enum(['true', 'false']).default('true'),
  PAPERGRAPH_DEBUG_ERRORS: z.enum(['true', 'false']).default('false'),
  PAPERGRAPH_GRAPHQL_IDE: z.enum(['graphiql', 'sandbox', 'off']).default('graphiql'),
  PAPERGRAPH_QUERY_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
  NEO4J_LOCAL_PORT: z.coerce.number().int().min(1).max(65535).default(7687),
  NEO4J_LOCAL_DATA: z.string().default('.neo4j'),
  NEO4J_LOCAL_HEAP: z.string().regex(/^\d+[mMgG]$/, 'must be like 512m or 2g').default('1g'),
  NEO4J_LOCAL_PAGECACHE: z.string().regex(/^\d+[mMgGkK]$/, 'must be like 256m').default('512m'),
  // Neo4j's db.tx_log.rotation.retention_policy values; bounded by default (Neo4j's own default keeps 2 days).
  NEO4J_LOCAL_TX_LOG_RETENTION: z
    .string()
    .regex(/^(true|false|keep_all|keep_none|\d+[kKmMgG]? (files|size|txs|entries|hours|days))$/, "must be like '256M size', '2 files', '1 days' or 'false'")
    .default(DEFAULT_TX_LOG_RETENTION),
  NODE_ENV: z.string().default('development'),
});

export type Config = z.infer<typeof EnvSchema>;

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // Empty strings mean "unset" (docker-compose passes `VAR=` through).
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = EnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration in the environment:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

/** Origins allowed by CORS: Apollo Sandbox plus any configured ones. */
export function corsOrigins(config: Config): string[] {
  const extra = config.PAPERGRAPH_CORS_ORIGINS.split(',').map((s) => s.trim()).filter(Boolean);
  return ['https://studio.apollographql.com', ...extra];
}
