// The invented abstracts that `npm run eval` scores (data/eval/invented): each set's gold must
// belong to its papers, or the table would report a score against text that does not hold it.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { norm } from '../../../src/eval/score.js';
import { projectPath } from '../../../src/paths.js';
import { ENTITY_TYPES } from '../../../src/extract/types.js';

const lines = (set: string, file: string) =>
  readFileSync(projectPath('data', 'eval', 'invented', set, file), 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));

// (every set that ships, so that a new one is checked without editing this list)
const SETS = readdirSync(projectPath('data', 'eval', 'invented'), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);

it('finds the thirty-three sets that ship', () => {
  expect(SETS.sort()).toEqual(['a', 'aa', 'ab', 'ac', 'ad', 'ae', 'af', 'ag', 'ah', 'ai', 'aj', 'ak', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o', 'p', 'q', 'r', 's', 't', 'u', 'v', 'w', 'x', 'y', 'z']);
});

describe.each(SETS)('invented set %s', (set) => {
  const papers = lines(set, 'input.jsonl') as Array<{ id: string; title: string; abstract: string }>;
  const gold = lines(set, 'gold.jsonl') as Array<{ id: string; entities: Array<{ type: string; name: string; aliases: string[]; required: boolean; role: string }> }>;

  it('has one gold line per paper, in the same order', () => {
    expect(gold.map((g) => g.id)).toEqual(papers.map((p) => p.id));
  });

  it('names only entities of the guide\'s types and roles that occur in their paper\'s text', () => {
    papers.forEach((p, k) => {
      const text = norm(`${p.title} ${p.abstract}`);
      for (const e of gold[k]!.entities) {
        expect(ENTITY_TYPES, `${p.id} ${e.name}`).toContain(e.type);
        expect(['proposes', 'uses', 'evaluates_on', 'compares_with', 'mentions'], `${p.id} ${e.name}`).toContain(e.role);
        expect(text, `${p.id}: ${e.name}`).toContain(norm(e.name));
      }
    });
  });
});
