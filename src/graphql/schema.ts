import fs from 'node:fs';
import path from 'node:path';
import { projectPath } from '../paths.js';

/** The SDL files of schema/, concatenated: the one source of the API's shape. */
export function loadTypeDefs(): string {
  const dir = projectPath('schema');
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.graphql'))
    .sort()
    .map((f) => fs.readFileSync(path.join(dir, f), 'utf8'))
    .join('\n');
}
