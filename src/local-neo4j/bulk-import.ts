// `neo4j-admin database import full` into the local Neo4j's store. The tool is
// in the Maven artifacts the local Neo4j already runs from (org.neo4j.cli.AdminTool),
// so nothing else is installed. The instance must be stopped. The database's
// folders are moved aside first and moved back if the import fails, so a failed
// import leaves the database as it was, nothing half-written.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ensureLauncher, LocalNeo4jError, statusLocalNeo4j } from './manager.js';

const ADMIN_TOOL = 'org.neo4j.cli.AdminTool';

export interface LocalImportResult {
  seconds: number;
  /** Peak resident memory of the import JVM (Linux), bytes. */
  peakRss?: number;
  logFile: string;
}

/** Peak resident memory of a process (Linux /proc VmHWM), e.g. a Neo4j JVM; undefined once it is gone. */
export function peakRss(pid: number): number | undefined {
  try {
    const m = fs.readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmHWM:\s+(\d+) kB/);
    return m ? Number(m[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Runs the import tool with `args` (see db/bulk-csv importArguments) on the store
 * of the local instance in `dataDir`, for `database`; its output goes to `logFile`.
 */
export async function importIntoLocalNeo4j(dataDir: string, database: string, args: string[], logFile: string, log: (line: string) => void = () => {}): Promise<LocalImportResult> {
  const dir = path.resolve(dataDir);
  if ((await statusLocalNeo4j(dir)).running) throw new LocalNeo4jError(`The local Neo4j in ${dir} is running; stop it before importing.`);
  const classpath = ensureLauncher(log);
  // The launcher runs the engine with --data <dataDir>/store as its home (LocalNeo4j.java).
  const home = path.join(dir, 'store');
  const folders = ['databases', 'transactions'].map((kind) => path.join(home, 'data', kind, database));
  const aside = path.join(dir, `before-bulk-import-${process.pid}`);
  fs.rmSync(aside, { recursive: true, force: true });
  fs.mkdirSync(aside, { recursive: true });
  const moved = folders.filter((f) => fs.existsSync(f)).map((f, i) => ({ from: f, to: path.join(aside, String(i)) }));
  for (const m of moved) fs.renameSync(m.from, m.to);
  const restore = () => {
    for (const f of folders) fs.rmSync(f, { recursive: true, force: true });
    for (const m of moved) fs.renameSync(m.to, m.from);
    fs.rmSync(aside, { recursive: true, force: true });
  };

  const t0 = performance.now();
  let peak: number | undefined;
  let code: number | null;
  try {
    const out = fs.openSync(logFile, 'w');
    const child = spawn(process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, 'bin', 'java') : 'java', ['-cp', classpath, ADMIN_TOOL, ...args], {
      env: { ...process.env, NEO4J_HOME: home },
      stdio: ['ignore', out, out],
    });
    fs.closeSync(out);
    const sample = setInterval(() => (peak = peakRss(child.pid!) ?? peak), 500);
    code = await new Promise<number | null>((resolve, reject) => {
      child.once('error', reject);
      child.once('exit', (c) => resolve(c));
    }).finally(() => clearInterval(sample));
  } catch (err) {
    restore();
    throw err;
  }
  if (code !== 0) {
    restore();
    const tail = fs.readFileSync(logFile, 'utf8').trimEnd().split('\n').slice(-15).join('\n');
    throw new LocalNeo4jError(`neo4j-admin database import failed (exit ${code}); the database is as it was before. Full output: ${logFile}. Last lines:\n${tail}`);
  }
  fs.rmSync(aside, { recursive: true, force: true });
  return { seconds: (performance.now() - t0) / 1000, peakRss: peak, logFile };
}
