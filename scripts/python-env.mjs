#!/usr/bin/env node
// The project's own Python environment for examples/notebook.ipynb: a virtual
// environment in .venv (git-ignored) holding exactly requirements.txt. The test
// setup calls ensurePythonEnv() before the integration tests, so `npm test` works
// on a fresh machine with only Python 3 on it; `npm run python-env` does the same
// by hand and prints the interpreter to use for the notebook.
//
// Built once: a stamp in .venv records the requirements and interpreter it was
// made from, and later runs only compare it (milliseconds). A half-made .venv has
// no stamp, so an interrupted install is redone, not trusted.
//
// Why a venv and not `pip install`: Debian marks its Python "externally managed"
// (PEP 668) and refuses pip installs into it, and the project must not change the
// machine's Python anyway.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const VENV = path.join(ROOT, '.venv');
const REQUIREMENTS = path.join(ROOT, 'requirements.txt');
const STAMP = path.join(VENV, '.papergraph-stamp');
const venvPython = () => path.join(VENV, process.platform === 'win32' ? 'Scripts/python.exe' : 'bin/python');

export class PythonEnvError extends Error {}

/** Runs a command; its output is returned, or kept for the error message. */
function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...opts });
  return { ok: r.status === 0, out: `${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? r.error.message : ''}`.trim() };
}

const tail = (text, n = 15) => text.split('\n').slice(-n).join('\n');

/** The stamp: what .venv must have been built from to be reused. */
function wantedStamp(basePython) {
  const version = run(basePython, ['-c', 'import sys; print(sys.executable, sys.version)']);
  if (!version.ok) {
    throw new PythonEnvError(`the notebook needs Python 3 as \`${basePython}\` (set PYTHON to another interpreter): ${version.out}`);
  }
  return createHash('sha256').update(fs.readFileSync(REQUIREMENTS)).update(version.out).digest('hex');
}

/**
 * Makes the virtual environment, with pip in it. Three ways, in order:
 * `python -m venv` (needs ensurepip); else a venv without pip into which the
 * system's pip installs (`pip --python`, pip 22.3+); else, as root on Debian or
 * Ubuntu, apt installs python3-venv (which is what ensurepip is missing there)
 * and venv is tried again.
 */
function createVenv(basePython, log) {
  fs.rmSync(VENV, { recursive: true, force: true });
  const plain = run(basePython, ['-m', 'venv', VENV]);
  if (plain.ok) return { pip: [venvPython(), '-m', 'pip'] };
  log(`python -m venv failed (${tail(plain.out, 1)}); trying a venv without pip, filled by the system's pip`);

  fs.rmSync(VENV, { recursive: true, force: true });
  const bare = run(basePython, ['-m', 'venv', '--without-pip', VENV]);
  const hostPip = run(basePython, ['-m', 'pip', 'install', '--help']);
  if (bare.ok && hostPip.ok && hostPip.out.includes('--python')) return { pip: [basePython, '-m', 'pip', '--python', venvPython()] };

  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && run('apt-get', ['--version']).ok) {
    const version = run(basePython, ['-c', 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")']).out;
    const packages = ['python3-venv', `python${version}-venv`];
    log(`installing ${packages.join(' ')} with apt-get (ensurepip is missing from this Python)`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    let apt = run('apt-get', ['install', '-y', '-qq', ...packages], { env });
    if (!apt.ok) {
      run('apt-get', ['update', '-qq'], { env });
      apt = run('apt-get', ['install', '-y', '-qq', ...packages], { env });
    }
    fs.rmSync(VENV, { recursive: true, force: true });
    const again = apt.ok ? run(basePython, ['-m', 'venv', VENV]) : apt;
    if (again.ok) return { pip: [venvPython(), '-m', 'pip'] };
    throw new PythonEnvError(`cannot make a Python virtual environment: apt-get install ${packages.join(' ')} then venv failed:\n${tail(again.out)}`);
  }
  throw new PythonEnvError(
    `cannot make a Python virtual environment with \`${basePython} -m venv\`:\n${tail(plain.out)}\n` +
      'Install the venv module (Debian/Ubuntu: apt-get install python3-venv), or set PYTHON to a Python 3 that has it.',
  );
}

/**
 * The path of .venv's python with requirements.txt installed, building or
 * rebuilding .venv when requirements.txt or the base interpreter changed.
 */
export function ensurePythonEnv({ basePython = process.env.PYTHON || 'python3', log = (line) => console.log(line) } = {}) {
  const stamp = wantedStamp(basePython);
  if (fs.existsSync(venvPython()) && fs.existsSync(STAMP) && fs.readFileSync(STAMP, 'utf8') === stamp) return venvPython();

  const started = Date.now();
  log(`making ${path.relative(process.cwd(), VENV) || VENV} with ${path.basename(REQUIREMENTS)} (once; later runs reuse it)...`);
  const { pip } = createVenv(basePython, log);
  // Wheels only: a source build would need compilers and take many minutes; a
  // missing wheel should say so at once.
  const install = run(pip[0], [...pip.slice(1), 'install', '--disable-pip-version-check', '--no-input', '--quiet', '--only-binary=:all:', '-r', REQUIREMENTS]);
  if (!install.ok) throw new PythonEnvError(`pip could not install ${REQUIREMENTS} into ${VENV}:\n${tail(install.out)}`);
  fs.writeFileSync(STAMP, stamp);
  log(`${VENV} ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return venvPython();
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const python = ensurePythonEnv({ log: (line) => console.error(line) });
    console.log(python);
    // Show that it imports what the notebook needs.
    execFileSync(python, ['-c', 'import pandas, matplotlib; print("pandas", pandas.__version__, "matplotlib", matplotlib.__version__)'], { stdio: ['ignore', 'inherit', 'inherit'] });
  } catch (err) {
    console.error(`python-env: ${err.message}`);
    process.exit(1);
  }
}
