import { defineConfig } from 'vitest/config';

// Two projects: `unit` needs nothing; `integration` gets a real Neo4j from
// test/setup/neo4j.global.ts (NEO4J_URI, else testcontainers, else a local Neo4j).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/setup/neo4j.global.ts'],
          // One database shared by all files: run them one after another.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 240_000,
        },
      },
    ],
  },
});
