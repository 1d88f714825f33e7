/** File access for the scorer (score.ts stays pure). */
import { readFileSync, writeFileSync } from 'node:fs';
import { scoreFiles, type ScoreOptions, type ScoreResult } from './score.js';

// Like score.py's open(path, encoding="utf-8"): invalid UTF-8 is an error, and a BOM is kept as a character
// (so a BOM-prefixed first line is malformed there as here).
const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function readUtf8(path: string): string {
  return UTF8.decode(readFileSync(path));
}

/** Score GOLD.jsonl against PRED.jsonl; result.gold/result.pred record the paths, as in score.py's --json. */
export function scorePaths(goldPath: string, predPath: string, opts: Pick<ScoreOptions, 'relationsOnly'> = {}): ScoreResult {
  return scoreFiles(readUtf8(goldPath), readUtf8(predPath), { ...opts, goldName: goldPath, predName: predPath });
}

/** Write the result as score.py --json does (indent 1; whole-number floats print as 1, not 1.0). */
export function writeResultJson(path: string, result: ScoreResult): void {
  writeFileSync(path, JSON.stringify(result, null, 1), 'utf8');
}
