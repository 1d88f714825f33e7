// Gives the integration tests a real Neo4j 5, in this order: NEO4J_URI if set;
// testcontainers' Neo4j module when a Docker engine answers; else a local
// Neo4j started from Maven Central's engine. Never skips: without any, it fails.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startLocalNeo4j, stopLocalNeo4j } from '../../src/local-neo4j/manager.js';
import { freePort } from '../helpers/free-port.js';

export interface Neo4jTarget {
  uri: string;
  user: string;
  password: string;
  database: string;
  kind: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    neo4j: Neo4jTarget;
  }
}

async function dockerAnswers(): Promise<boolean> {
  try {
    const { getContainerRuntimeClient } = await import('testcontainers');
    await Promise.race([getContainerRuntimeClient(), new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 10_000))]);
    return true;
  } catch {
    return false;
  }
}

export default async function setup(project: TestProject) {
  const env = process.env;
  if (env.NEO4J_URI) {
    const target = { uri: env.NEO4J_URI, user: env.NEO4J_USER ?? 'neo4j', password: env.NEO4J_PASSWORD ?? '', database: env.NEO4J_DATABASE ?? 'neo4j', kind: `NEO4J_URI (${env.NEO4J_URI})` };
    console.log(`[papergraph tests] Neo4j: ${target.kind} -- the tests WIPE database "${target.database}"`);
    project.provide('neo4j', target);
    return;
  }

  if (await dockerAnswers()) {
    const { Neo4jContainer } = await import('@testcontainers/neo4j');
    const container = await new Neo4jContainer('neo4j:5.26-community').withPassword('papergraph-test').start();
    const target = { uri: container.getBoltUri(), user: 'neo4j', password: 'papergraph-test', database: 'neo4j', kind: 'testcontainers neo4j:5.26-community' };
    console.log(`[papergraph tests] Neo4j: ${target.kind} at ${target.uri}`);
    project.provide('neo4j', target);
    return async () => {
      await container.stop();
    };
  }

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'papergraph-test-neo4j-'));
  const port = await freePort();
  const started = await startLocalNeo4j({ dataDir, port, heap: '1g', pageCache: '256m', log: (l) => console.log(`[papergraph tests] ${l}`) });
  const target = { uri: started.uri, user: 'neo4j', password: 'unused', database: 'neo4j', kind: `local Neo4j 5.26 Community (process ${started.pid}, no Docker engine found)` };
  console.log(`[papergraph tests] Neo4j: ${target.kind} at ${target.uri}`);
  project.provide('neo4j', target);
  return async () => {
    await stopLocalNeo4j(dataDir);
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}
