import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// Code runs both from src/ (tests) and dist/src/ (the CLI): find the project
// root by walking up to our package.json instead of counting '..'.
function findProjectRoot(start: string): string {
  let dir = start;
  for (;;) {
    const pkg = path.join(dir, 'package.json');
    if (fs.existsSync(pkg) && JSON.parse(fs.readFileSync(pkg, 'utf8')).name === 'papergraph') return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`papergraph's package.json not found above ${start}`);
    dir = parent;
  }
}

export const PROJECT_ROOT = findProjectRoot(path.dirname(fileURLToPath(import.meta.url)));
export const projectPath = (...parts: string[]) => path.join(PROJECT_ROOT, ...parts);
