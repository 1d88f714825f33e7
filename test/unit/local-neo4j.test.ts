import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ensureLauncher, startLocalNeo4j, statusLocalNeo4j, stopLocalNeo4j } from '../../src/local-neo4j/manager.js';

const dirs: string[] = [];
const tmpDir = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'papergraph-local-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('local Neo4j management', () => {
  it('refuses a port another program holds, and says what to do', async () => {
    const server = net.createServer();
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as net.AddressInfo).port;
    try {
      await expect(startLocalNeo4j({ dataDir: tmpDir(), port })).rejects.toThrow(
        new RegExp(`Port ${port} on 127.0.0.1 is already in use.*NEO4J_LOCAL_PORT.*NEO4J_URI`),
      );
    } finally {
      server.close();
    }
  });

  it('recognises a stale pid file and cleans it up on stop', async () => {
    const dir = tmpDir();
    // A pid that cannot be alive: larger than the kernel's pid limit.
    fs.writeFileSync(path.join(dir, 'neo4j.pid'), '4194305');
    fs.writeFileSync(path.join(dir, 'neo4j.port'), '7999');
    expect(await statusLocalNeo4j(dir)).toMatchObject({ running: false, detail: expect.stringMatching(/stale pid file/) });
    expect(await stopLocalNeo4j(dir)).toMatch(/removed a stale pid file/);
    expect(fs.existsSync(path.join(dir, 'neo4j.pid'))).toBe(false);
    expect(await statusLocalNeo4j(dir)).toMatchObject({ running: false, detail: expect.stringMatching(/no pid file/) });
  });

  it('names what to install when Java is missing', () => {
    const saved = process.env.JAVA_HOME;
    process.env.JAVA_HOME = path.join(os.tmpdir(), 'no-such-jdk');
    try {
      expect(() => ensureLauncher()).toThrow(/Java 17 or newer is needed.*openjdk-17-jdk.*JAVA_HOME.*NEO4J_URI/s);
    } finally {
      if (saved === undefined) delete process.env.JAVA_HOME;
      else process.env.JAVA_HOME = saved;
    }
  });
});
