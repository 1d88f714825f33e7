import { defineConfig } from 'vitest/config';

// Two projects: `unit` needs nothing; `integration` gets a real Neo4j from
// test/setup/neo4j.global.ts (NEO4J_URI, else testcontainers, else a local Neo4j).
export default defineConfig({
  // Node (and so Apollo Server) loads graphql's CommonJS build; Vite would pick
  // its ESM build for our files, and two copies of graphql refuse each other's
  // schema objects ("from another module or realm"). Use the one Node uses.
  resolve: { alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }] },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          // Python first: it is quick once .venv exists, and a failure there should not wait for Neo4j.
          // (Chromium for the explorer's browser tests is installed up front too, where no hook timeout runs.)
          globalSetup: ['test/setup/python.global.ts', 'test/setup/chromium.global.ts', 'test/setup/neo4j.global.ts'],
          // One database shared by all files: run them one after another.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 240_000,
        },
      },
    ],
  },
});
