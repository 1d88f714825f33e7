// Reads the gazetteer (lexicon/*.tsv) into the extractor's Lexicon. This is the
// only module of the extraction path that touches the file system, so that
// src/extract stays pure and testable with hand-made lexicons.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EntityType, Lexicon, LexiconEntry } from '../extract/types.js';
import type { ScorerWeights } from '../extract/scorer.js';

export const SCORER_FILE = 'candidate-scorer.json';
import { normalizeKey } from '../extract/normalize.js';

const FILES: ReadonlyArray<[EntityType, string]> = [
  ['model', 'models.tsv'],
  ['dataset', 'datasets.tsv'],
  ['method', 'methods.tsv'],
  ['task', 'tasks.tsv'],
  ['metric', 'metrics.tsv'],
];

/** The project's lexicon/ folder, found from this module whether run from src/ or dist/src/. */
export function defaultLexiconDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    const cand = join(dir, 'lexicon');
    if (existsSync(join(cand, 'models.tsv'))) return cand;
    dir = dirname(dir);
  }
  return resolve(process.cwd(), 'lexicon');
}

function splitList(cell: string | undefined): string[] {
  if (!cell) return [];
  return cell
    .split('|')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** Parses one TSV with a header line; columns are located by header name. */
export function parseLexiconTsv(type: EntityType, text: string): LexiconEntry[] {
  const lines = text.split(/\r?\n/);
  const header = (lines[0] ?? '').split('\t').map((h) => h.trim().toLowerCase());
  const iName = header.indexOf('name');
  const iAliases = header.indexOf('aliases');
  const iFamily = header.indexOf('family');
  const out: LexiconEntry[] = [];
  for (const line of lines.slice(1)) {
    if (!line.trim()) continue;
    const cols = line.split('\t');
    const name = (cols[iName] ?? '').trim();
    if (!name) continue;
    const entry: LexiconEntry = { type, name, aliases: iAliases >= 0 ? splitList(cols[iAliases]) : [] };
    const family = iFamily >= 0 ? (cols[iFamily] ?? '').trim() : '';
    if (family) entry.family = family;
    out.push(entry);
  }
  return out;
}

/**
 * papergraph's own general-knowledge additions to the sourced lists (classic
 * architectures, vision/RL benchmarks, common metrics the LLM-heavy sources
 * lack), merged after them so a sourced row always wins.
 */
const OWN_ADDITIONS: ReadonlyArray<[EntityType, string]> = [
  ['model', 'models-papergraph.tsv'],
  ['dataset', 'datasets-papergraph.tsv'],
  ['metric', 'metrics-papergraph.tsv'],
];

function readTsvs(dir: string, files: ReadonlyArray<[EntityType, string]>): LexiconEntry[] {
  return files.flatMap(([type, file]) => {
    const path = join(dir, file);
    return existsSync(path) ? parseLexiconTsv(type, readFileSync(path, 'utf8')) : [];
  });
}

/**
 * Adds `extra` rows to `base`: a row whose name or alias key is already present
 * for the same type only contributes its new aliases (the sourced row wins).
 */
export function mergeEntries(base: LexiconEntry[], extra: LexiconEntry[]): LexiconEntry[] {
  const out = base.map((e) => ({ ...e, aliases: [...e.aliases] }));
  const byKey = new Map<string, LexiconEntry>();
  for (const e of out) {
    for (const n of [e.name, ...e.aliases]) {
      const k = `${e.type}:${normalizeKey(n)}`;
      if (!byKey.has(k)) byKey.set(k, e);
    }
  }
  for (const e of extra) {
    const names = [e.name, ...e.aliases];
    const hit = names.map((n) => byKey.get(`${e.type}:${normalizeKey(n)}`)).find((x) => x !== undefined);
    const target = hit ?? { ...e, aliases: [] };
    if (!hit) out.push(target);
    for (const n of names) {
      const k = `${e.type}:${normalizeKey(n)}`;
      if (byKey.has(k)) continue;
      byKey.set(k, target);
      if (normalizeKey(n) !== normalizeKey(target.name)) target.aliases.push(n);
    }
  }
  return out;
}

/** Loads every lexicon file of `dir` (missing files are skipped), then papergraph's own additions. */
export function loadLexicon(dir: string = defaultLexiconDir()): Lexicon {
  return { entries: mergeEntries(readTsvs(dir, FILES), readTsvs(dir, OWN_ADDITIONS)) };
}

/** The learned candidate scorer's weights (lexicon/candidate-scorer.json, written by `npm run train`). */
export function loadScorerWeights(dir: string = defaultLexiconDir()): ScorerWeights {
  const file = join(dir, SCORER_FILE);
  if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run train\` to build it`);
  return JSON.parse(readFileSync(file, 'utf8')) as ScorerWeights;
}
