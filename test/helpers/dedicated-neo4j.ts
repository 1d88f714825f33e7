// A Neo4j of a test's own, for tests that kill it: the suite's shared one
// must stay up for the other files.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startLocalNeo4j, stopLocalNeo4j } from '../../src/local-neo4j/manager.js';
import { freePort } from './free-port.js';

export async function startDedicatedNeo4j() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'papergraph-fault-neo4j-'));
  const port = await freePort();
  const opts = { dataDir, port, heap: '512m', pageCache: '64m', log: (l: string) => console.log(`[dedicated neo4j] ${l}`) };
  let { uri, pid } = await startLocalNeo4j(opts);
  return {
    uri,
    get pid() {
      return pid;
    },
    /** kill -9: no shutdown, no flush, sockets cut. */
    kill() {
      process.kill(pid, 'SIGKILL');
    },
    /** Starts it again on the same store and port; resolves when it accepts queries. */
    async restart() {
      // The killed process must be gone before its pid file counts as stale.
      const deadline = Date.now() + 10_000;
      while (Date.now() < deadline) {
        try {
          process.kill(pid, 0);
          await new Promise((r) => setTimeout(r, 50));
        } catch {
          break;
        }
      }
      ({ pid } = await startLocalNeo4j(opts));
    },
    async stop() {
      await stopLocalNeo4j(dataDir);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
