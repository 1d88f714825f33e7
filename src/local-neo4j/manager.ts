// Starts, stops and reports on a Neo4j Community engine running in its own JVM
// (neo4j-local/LocalNeo4j.java) for machines without Docker or a Neo4j server.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { projectPath } from '../paths.js';

const LAUNCHER_DIR = projectPath('neo4j-local');
const LAUNCHER_SOURCE = path.join(LAUNCHER_DIR, 'src/main/java/papergraph/neo4j/LocalNeo4j.java');
const MAIN_CLASS = 'papergraph.neo4j.LocalNeo4j';

export interface LocalNeo4jOptions {
  /** Folder holding the store, the log and the pid file. */
  dataDir: string;
  port: number;
  heap?: string;
  pageCache?: string;
  /** Longest a server-side transaction may run (a safety net behind driver timeouts). */
  txTimeout?: string;
  /** Transaction logs kept (Neo4j's db.tx_log.rotation.retention_policy), e.g. `256M size`, `2 files`, `false`. */
  txLogRetention?: string;
  log?: (line: string) => void;
}

export interface LocalNeo4jStatus {
  running: boolean;
  pid?: number;
  uri?: string;
  detail: string;
}

export class LocalNeo4jError extends Error {}

/** Transaction logs a local instance keeps unless told otherwise (NEO4J_LOCAL_TX_LOG_RETENTION). */
export const DEFAULT_TX_LOG_RETENTION = '256M size';

const pidFile = (dataDir: string) => path.join(dataDir, 'neo4j.pid');
const logFile = (dataDir: string) => path.join(dataDir, 'neo4j.log');
const portFile = (dataDir: string) => path.join(dataDir, 'neo4j.port');

function javaBinary(name: 'java' | 'javac'): string {
  return process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, 'bin', name) : name;
}

function requireTool(cmd: string, args: string[], missing: string): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  if (r.error || r.status !== 0) throw new LocalNeo4jError(missing);
  return `${r.stdout}${r.stderr}`;
}

function checkJava(): void {
  const out = requireTool(
    javaBinary('java'),
    ['-version'],
    'Java 17 or newer is needed to run the local Neo4j. Install a JDK (e.g. `apt-get install openjdk-17-jdk`) ' +
      'or set JAVA_HOME, or point papergraph at an existing Neo4j with NEO4J_URI.',
  );
  const m = out.match(/version "(\d+)/);
  const major = m ? Number(m[1]) : 0;
  if (major < 17) {
    throw new LocalNeo4jError(`Java ${major || '?'} found, but Neo4j 5.26 needs Java 17 or newer (set JAVA_HOME), or set NEO4J_URI.`);
  }
}

/**
 * The launcher's classpath, resolved by Maven once and cached beside the pom
 * (keyed by the pom's hash), so later starts need neither Maven nor the network.
 */
export function ensureLauncher(log: (line: string) => void = () => {}): string {
  checkJava();
  const targetDir = path.join(LAUNCHER_DIR, 'target');
  const classesDir = path.join(targetDir, 'classes');
  const pom = fs.readFileSync(path.join(LAUNCHER_DIR, 'pom.xml'));
  const pomHash = createHash('sha256').update(pom).digest('hex').slice(0, 16);
  const cpFile = path.join(targetDir, `classpath-${pomHash}.txt`);
  if (!fs.existsSync(cpFile)) {
    requireTool(
      'mvn',
      ['-v'],
      'Maven is needed once to fetch the Neo4j engine from Maven Central. Install it (e.g. `apt-get install maven`), ' +
        'or set NEO4J_URI to use an existing Neo4j.',
    );
    log('Resolving the Neo4j 5.26 engine with Maven (first start only)...');
    fs.mkdirSync(targetDir, { recursive: true });
    const r = spawnSync(
      'mvn',
      ['-B', '-q', '-f', path.join(LAUNCHER_DIR, 'pom.xml'), 'dependency:build-classpath', `-Dmdep.outputFile=${cpFile}.tmp`],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
    );
    if (r.status !== 0) {
      throw new LocalNeo4jError(`Maven could not resolve org.neo4j:neo4j (see below). Set NEO4J_URI to use another Neo4j.\n${r.stdout}${r.stderr}`);
    }
    fs.renameSync(`${cpFile}.tmp`, cpFile);
  }
  const classFile = path.join(classesDir, 'papergraph/neo4j/LocalNeo4j.class');
  const classpath = fs.readFileSync(cpFile, 'utf8').trim();
  if (!fs.existsSync(classFile) || fs.statSync(classFile).mtimeMs < fs.statSync(LAUNCHER_SOURCE).mtimeMs) {
    const r = spawnSync(javaBinary('javac'), ['-d', classesDir, '-cp', classpath, LAUNCHER_SOURCE], { encoding: 'utf8' });
    if (r.status !== 0) {
      throw new LocalNeo4jError(`Compiling the Neo4j launcher failed (a JDK, not only a JRE, is needed):\n${r.stderr || r.error}`);
    }
  }
  return `${classesDir}${path.delimiter}${classpath}`;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export function portAnswers(port: number, host = '127.0.0.1', timeoutMs = 500): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

function readPid(dataDir: string): number | undefined {
  try {
    const pid = Number(fs.readFileSync(pidFile(dataDir), 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

export async function statusLocalNeo4j(dataDir: string): Promise<LocalNeo4jStatus> {
  const pid = readPid(dataDir);
  if (pid === undefined) return { running: false, detail: `not running (no pid file in ${dataDir})` };
  if (!isAlive(pid)) return { running: false, pid, detail: `not running (stale pid file for process ${pid})` };
  const port = Number(fs.readFileSync(portFile(dataDir), 'utf8').trim());
  const uri = `bolt://127.0.0.1:${port}`;
  const answers = await portAnswers(port);
  return { running: answers, pid, uri, detail: answers ? `running as process ${pid} at ${uri}` : `process ${pid} is up but Bolt is not answering on ${port} yet` };
}

function tail(file: string, lines = 30): string {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

// The JVM flags Neo4j's own launcher passes (its default neo4j.conf). Without the
// --add-opens the page cache logs "Reflection access to java.nio.DirectByteBuffer is
// not available, using fallback mode" and runs slower.
const NEO4J_JVM_FLAGS = [
  '-XX:+UseG1GC',
  '-XX:-OmitStackTraceInFastThrow',
  '-XX:+UnlockExperimentalVMOptions',
  '-XX:+TrustFinalNonStaticFields',
  '-XX:+DisableExplicitGC',
  '-Djdk.nio.maxCachedBufferSize=1024',
  '-Dio.netty.tryReflectionSetAccessible=true',
  '-Dlog4j2.disable.jmx=true',
  '--add-opens=java.base/java.nio=ALL-UNNAMED',
  '--add-opens=java.base/java.io=ALL-UNNAMED',
  '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
];

/** Starts Neo4j unless this data folder's instance already runs; returns its Bolt URI. */
export async function startLocalNeo4j(opts: LocalNeo4jOptions): Promise<{ uri: string; pid: number; started: boolean }> {
  const log = opts.log ?? (() => {});
  const dataDir = path.resolve(opts.dataDir);
  fs.mkdirSync(dataDir, { recursive: true });
  const status = await statusLocalNeo4j(dataDir);
  if (status.running && status.uri && status.pid) return { uri: status.uri, pid: status.pid, started: false };
  if (status.pid && isAlive(status.pid)) {
    throw new LocalNeo4jError(`A Neo4j process (${status.pid}) for ${dataDir} exists but Bolt does not answer; run \`papergraph neo4j stop\` first.`);
  }
  if (status.pid) {
    log(`Removing stale pid file (process ${status.pid} is gone).`);
    fs.rmSync(pidFile(dataDir), { force: true });
  }
  if (await portAnswers(opts.port)) {
    throw new LocalNeo4jError(
      `Port ${opts.port} on 127.0.0.1 is already in use by another program. Choose another with NEO4J_LOCAL_PORT (or --port), or set NEO4J_URI to use that server.`,
    );
  }
  const classpath = ensureLauncher(log);
  // A fresh log per start: READY from an earlier run must not count as this one's.
  const out = fs.openSync(logFile(dataDir), 'w');
  const child = spawn(
    javaBinary('java'),
    [
      `-Xms${opts.heap ?? '1g'}`,
      `-Xmx${opts.heap ?? '1g'}`,
      ...NEO4J_JVM_FLAGS,
      '-cp',
      classpath,
      MAIN_CLASS,
      '--data',
      path.join(dataDir, 'store'),
      '--port',
      String(opts.port),
      '--pagecache',
      opts.pageCache ?? '512m',
      '--tx-timeout',
      opts.txTimeout ?? '0s',
      '--tx-log-retention',
      opts.txLogRetention ?? DEFAULT_TX_LOG_RETENTION,
    ],
    { detached: true, stdio: ['ignore', out, out] },
  );
  fs.closeSync(out);
  const pid = child.pid;
  if (pid === undefined) throw new LocalNeo4jError('Could not start the Java process for Neo4j.');
  fs.writeFileSync(pidFile(dataDir), String(pid));
  fs.writeFileSync(portFile(dataDir), String(opts.port));
  let exited: number | null | undefined;
  child.once('exit', (code) => (exited = code));
  child.unref();

  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (exited !== undefined) {
      fs.rmSync(pidFile(dataDir), { force: true });
      throw new LocalNeo4jError(`Neo4j exited during start (code ${exited}). Last lines of ${logFile(dataDir)}:\n${tail(logFile(dataDir))}`);
    }
    if (tail(logFile(dataDir), 5).includes(`READY bolt://127.0.0.1:${opts.port}`)) {
      return { uri: `bolt://127.0.0.1:${opts.port}`, pid, started: true };
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new LocalNeo4jError(`Neo4j did not open Bolt on port ${opts.port} within 180 s. See ${logFile(dataDir)}.`);
}

/** Stops the instance of this data folder cleanly (SIGTERM lets Neo4j close its store). */
export async function stopLocalNeo4j(dataDir: string, timeoutMs = 60_000): Promise<string> {
  const dir = path.resolve(dataDir);
  const pid = readPid(dir);
  if (pid === undefined) return 'Neo4j is not running (no pid file).';
  if (!isAlive(pid)) {
    fs.rmSync(pidFile(dir), { force: true });
    return `Neo4j was not running; removed a stale pid file (process ${pid}).`;
  }
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  if (isAlive(pid)) {
    process.kill(pid, 'SIGKILL');
  }
  fs.rmSync(pidFile(dir), { force: true });
  return `Neo4j (process ${pid}) stopped.`;
}
