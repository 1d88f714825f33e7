// Killing an ingest at any point and running the same command again must end
// in exactly the graph one clean run produces. Each batch is one transaction
// and unchanged papers are skipped, so a rerun picks up after the last commit.
import { spawn, spawnSync, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { projectPath } from '../../src/paths.js';
import { useFreshDatabase, query, snapshot, wipe } from '../helpers/db.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'papergraph-resume-'));
const corpus = path.join(tmp, 'corpus.jsonl');
const CLI = projectPath('dist', 'src', 'cli.js');
const db = useFreshDatabase();

function cliEnv() {
  const t = inject('neo4j');
  return { ...process.env, NEO4J_URI: t.uri, NEO4J_USER: t.user, NEO4J_PASSWORD: t.password, NEO4J_DATABASE: t.database };
}

/** Runs the CLI to completion and returns what it told the user (stderr). */
function runCli(args: string[]): string {
  const r = spawnSync(process.execPath, [CLI, ...args], { env: cliEnv(), encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`papergraph ${args.join(' ')} failed (${r.status}):\n${r.stderr}`);
  return r.stderr;
}

beforeAll(async () => {
  expect(fs.existsSync(CLI), 'the CLI is built (npm run build) before the integration tests').toBe(true);
  execFileSync(process.execPath, [projectPath('dist', 'bench', 'generate-corpus.js'), '--n', '1000', '--seed', '11', '--out', corpus]);
});
afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('an ingest killed with SIGKILL and run again', () => {
  it('ends in the same graph as one clean run', async () => {
    const child = spawn(process.execPath, [CLI, 'ingest', corpus, '--batch-size', '100', '--threads', '1'], { env: cliEnv(), stdio: 'ignore' });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    // Kill once some batches are committed and others are not.
    let papers = 0;
    const deadline = Date.now() + 240_000;
    while (papers < 300 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
      papers = (await query(db, 'MATCH (p:Paper) RETURN count(p) AS n'))[0]!.n as number;
    }
    child.kill('SIGKILL');
    await exited;
    const atKill = (await query(db, 'MATCH (p:Paper) RETURN count(p) AS n'))[0]!.n as number;
    expect(atKill).toBeGreaterThanOrEqual(300);
    expect(atKill).toBeLessThan(1000);

    const rerun = runCli(['ingest', corpus, '--batch-size', '100', '--threads', '1']);
    // The committed batches are recognised and skipped, the rest written.
    expect(rerun).toContain(`read 1000, ingested ${1000 - atKill}, updated 0, unchanged ${atKill}, rejected 0`);
    const resumed = await snapshot(db);

    await wipe(db);
    runCli(['ingest', corpus, '--batch-size', '100', '--threads', '1']);
    const clean = await snapshot(db);

    expect(clean.nodes).toBeGreaterThan(1000);
    expect(resumed.nodes).toBe(clean.nodes);
    expect(resumed.rels).toBe(clean.rels);
    expect(resumed.content === clean.content).toBe(true);
  }, 600_000);
});
