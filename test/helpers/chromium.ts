// Finds a Chromium for the browser tests, installing Debian's `chromium`
// package when there is none and we may (root with apt-get, as on CI). The
// tests drive it with playwright-core, which never downloads a browser itself.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

function found(): string | null {
  const env = process.env.PAPERGRAPH_CHROMIUM;
  if (env) {
    if (!fs.existsSync(env)) throw new Error(`PAPERGRAPH_CHROMIUM=${env} does not exist`);
    return env;
  }
  return CANDIDATES.find((p) => fs.existsSync(p)) ?? null;
}

export function chromiumPath(log: (line: string) => void = console.log): string {
  const existing = found();
  if (existing) return existing;
  const root = process.getuid?.() === 0;
  const apt = spawnSync('sh', ['-c', 'command -v apt-get'], { encoding: 'utf8' }).status === 0;
  if (!root || !apt) {
    throw new Error(
      'The browser tests need Chromium and none was found. Install it (Debian/Ubuntu: `sudo apt-get install -y chromium`) ' +
        'or set PAPERGRAPH_CHROMIUM to a Chromium or Chrome executable.',
    );
  }
  log('[papergraph tests] no Chromium found: installing Debian\'s chromium package (apt-get, a few minutes once)...');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'ignore', env });
  execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'ignore', env });
  const installed = found();
  if (!installed) throw new Error('apt-get installed chromium but no executable appeared in /usr/bin');
  log(`[papergraph tests] installed ${installed}`);
  return installed;
}
