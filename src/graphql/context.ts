import { randomUUID } from 'node:crypto';
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import { graphReads, type GraphReads } from '../db/graph-reads.js';
import type { Extractor } from '../extract/types.js';
import { createLoaders, type Loaders } from './loaders.js';

/** What every resolver sees: fresh loaders per request, shared db and extractor. */
export interface GraphQLContext {
  db: Database;
  reads: GraphReads;
  loaders: Loaders;
  extractor: Extractor;
  config: Config;
  /** True when the request carried the configured API key. */
  authorized: boolean;
  /** Carried by every error of the response and by the server's log lines about it. */
  requestId: string;
}

/** Per request; `reads` holds no state, so one serves every request of a server. */
export function createContext(base: { db: Database; extractor: Extractor; config: Config; reads?: GraphReads; requestId?: string }): GraphQLContext {
  const reads = base.reads ?? graphReads(base.db);
  return {
    ...base,
    reads,
    loaders: createLoaders(reads),
    authorized: false,
    requestId: base.requestId ?? randomUUID(),
  };
}
