import { describe, expect, it } from 'vitest';
import { corsOrigins, loadConfig } from '../../src/config.js';

describe('configuration', () => {
  it('has working defaults', () => {
    const c = loadConfig({});
    expect(c.PORT).toBe(4000);
    expect(c.NEO4J_DATABASE).toBe('neo4j');
    expect(c.NEO4J_URI).toBeUndefined();
    expect(corsOrigins(c)).toEqual(['https://studio.apollographql.com']);
  });

  it('names every invalid variable and why', () => {
    const run = () => loadConfig({ PORT: 'eighty', NEO4J_URI: 'http://x', PAPERGRAPH_API_KEY: 'short' });
    expect(run).toThrow(/^Invalid configuration in the environment:/);
    expect(run).toThrow(/PORT: must be a port number/);
    expect(run).toThrow(/NEO4J_URI: must look like bolt:\/\/host:7687/);
    expect(run).toThrow(/PAPERGRAPH_API_KEY: must be at least 16 characters/);
  });

  it('bounds the local Neo4j transaction logs by default, and takes Neo4j retention policies', () => {
    expect(loadConfig({}).NEO4J_LOCAL_TX_LOG_RETENTION).toBe('256M size');
    for (const v of ['2 files', '1G size', '100k txs', '1 days', 'false', 'keep_all']) {
      expect(loadConfig({ NEO4J_LOCAL_TX_LOG_RETENTION: v }).NEO4J_LOCAL_TX_LOG_RETENTION).toBe(v);
    }
    expect(() => loadConfig({ NEO4J_LOCAL_TX_LOG_RETENTION: '2 weeks' })).toThrow(/NEO4J_LOCAL_TX_LOG_RETENTION: must be like '256M size'/);
  });

  it('adds configured CORS origins to Apollo Sandbox', () => {
    expect(corsOrigins(loadConfig({ PAPERGRAPH_CORS_ORIGINS: 'http://localhost:3000, https://app.example.org' }))).toEqual([
      'https://studio.apollographql.com',
      'http://localhost:3000',
      'https://app.example.org',
    ]);
  });
});
