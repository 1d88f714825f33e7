import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { readUtf8, scorePaths } from '../../../src/eval/io.js';
import { FLOAT_KEYS, parsePyJson } from '../../../src/eval/pyjson.js';
import {
  evaluate, formatReport, headline, norm, parseJsonl, scoreFiles, variants, type ScoreResult,
} from '../../../src/eval/score.js';

const FIX = fileURLToPath(new URL('../../fixtures/eval/', import.meta.url));
// the reference scorer lives beside the project: <root>/../shared/eval/score.py
const SCORE_PY = fileURLToPath(new URL('../../../../shared/eval/score.py', import.meta.url));
const PY_OK = existsSync(SCORE_PY) && spawnSync('python3', ['--version']).status === 0;
const PY_SKIP = PY_OK ? '' : ` [SKIPPED: needs python3 and ${SCORE_PY}]`;

const scirexText = readFileSync(join(FIX, 'scirex-dev-gold.jsonl'), 'utf8');
const seedText = readFileSync(join(FIX, 'seed-dev-gold.jsonl'), 'utf8');

interface Ner { type: string; start: number; end: number; text: string }
interface Salient { type: string; cluster: string; mentions: string[]; spans: { field: string; start: number; end: number }[] }
interface ScirexGold { id: string; title: string; abstract: string; ner: Ner[]; salient: Salient[] }
interface ListGold { id: string; entities: { type: string; name: string; aliases: string[]; required: boolean; role: string }[] }
type Obj = Record<string, unknown>;

const scirexGold = scirexText.trim().split('\n').map((l) => JSON.parse(l) as ScirexGold);
const seedGold = seedText.trim().split('\n').map((l) => JSON.parse(l) as ListGold);
const TO_PRED: Record<string, string> = { Method: 'method', Material: 'dataset', Task: 'task', Metric: 'metric' };
const OTHER = ['metric', 'task', 'model', 'dataset', 'method'];

const line = (id: string, entities: unknown[]): string => JSON.stringify({ id, entities });
// JSON.stringify cannot write 12.0; a placeholder string is swapped for a float literal afterwards
const floatLit = (n: number): string => `__FLOAT__${n}`;
const withFloats = (s: string): string => s.replace(/"__FLOAT__(\d+)"/g, '$1.0');

// ---------------------------------------------------------------------------
// Prediction files built from the gold itself
// ---------------------------------------------------------------------------

/** Every gold mention as a prediction with exact offsets, plus salient title spans. */
function scirexPerfect(): string {
  return scirexGold.map((g) => line(g.id, [
    ...g.ner.map((n) => ({ type: TO_PRED[n.type], name: n.text, mentions: [{ ...n, type: undefined, field: 'abstract' }] })),
    ...g.salient.flatMap((c) => c.spans.filter((s) => s.field === 'title').map((s) => ({
      type: TO_PRED[c.type], name: c.mentions[0] ?? c.cluster, mentions: [{ ...s, text: g.title.slice(s.start, s.end) }],
    }))),
  ])).join('\n');
}

/** A subset with wrong types, text-only mentions, mention-less entities and salient cluster names. */
function scirexPartial(): string {
  const out: string[] = [];
  scirexGold.forEach((g, i) => {
    if (i % 5 === 4) return; // gold docs without prediction
    const ents: unknown[] = [];
    g.ner.forEach((n, j) => {
      if ((i + j) % 3 === 0) return;
      let type = j % 7 === 0 ? OTHER[(i + j) % 5]! : TO_PRED[n.type]!;
      if (type === 'method' && j % 2) type = 'model';
      const m = { text: n.text, start: n.start, end: n.end, field: 'abstract' };
      if (j % 4 === 1) ents.push({ type, name: n.text, mentions: [{ text: n.text }] });
      else if (j % 4 === 2) ents.push({ type, name: n.text.toUpperCase() + 's', aliases: [n.text], mentions: [] });
      else ents.push({ type, name: n.text, role: 'uses', mentions: [m] });
    });
    if (i % 2 === 0) {
      for (const c of g.salient) ents.push({ type: TO_PRED[c.type], name: c.cluster.replace(/_/g, ' ') });
    }
    out.push(line(g.id, ents));
  });
  return out.join('\n');
}

/** Mentions whose offsets need repair, are invalid, floats, booleans, strings, missing ... */
function scirexRepair(): string {
  return scirexGold.map((g, i) => line(g.id, g.ner.map((n, j) => {
    const type = TO_PRED[n.type];
    const base = { text: n.text, start: n.start, end: n.end };
    const mention = [
      base,
      { ...base, start: n.start + 2, end: n.end + 2 }, // shifted: nearest occurrence
      { ...base, text: n.text.toUpperCase() }, // case differs: case-insensitive search
      { ...base, text: 'zzqx not in abstract' }, // text not found
      { ...base, start: -1 },
      { ...base, end: g.abstract.length + 5 },
      { ...base, end: n.start },
      { ...base, start: floatLit(n.start), end: floatLit(n.end) }, // Python floats: not offsets
      { ...base, start: true, end: n.end },
      { ...base, start: String(n.start) },
      { ...base, end: undefined },
      { start: n.start, end: n.end }, // no text: taken from the abstract
      { ...base, field: 'title' },
      { ...base, field: 'body' }, // unknown field: abstract
      { ...base, text: '' },
      { field: 'abstract' }, // nothing usable
      'not a mention',
    ][(i + j) % 17];
    return { type, name: j % 3 ? n.text : '', mentions: [mention] };
  }))).map(withFloats).join('\n');
}

/** Duplicate ids, malformed lines, unknown ids and types, odd whitespace and line endings. */
function scirexMessy(): string {
  const lines: string[] = [];
  scirexGold.forEach((g, i) => {
    const ents = g.ner.map((n) => ({ type: TO_PRED[n.type], name: n.text, mentions: [{ text: n.text, start: n.start, end: n.end }] }));
    if (i % 3 === 0) {
      const half = ents.length >> 1;
      lines.push(line(g.id, ents.slice(0, half)), line(g.id, ents.slice(half)));
    } else if (i % 3 === 1) {
      lines.push(line(g.id, [
        ...ents.slice(0, 3), 'junk', { type: 'gene', name: 'x' }, { type: ' Method ', name: 'y' },
        { type: 'model' }, { type: 'model', aliases: 'notalist', mentions: {} }, { type: 5, name: 'z' },
      ]));
    }
  });
  lines.push(
    '', '   ', '\x1c', '\u00a0\u3000', 'not json', '[1, 2]', '{"id": 5, "entities": []}', '{"id": "", "entities": []}',
    '{"id": "nope-1", "entities": []}', '{"id": "nope-1", "entities": []}', `{"id": "${scirexGold[2]!.id}", "entities": {}}`,
    `{"id": "${scirexGold[2]!.id}"}`, `{"id": "${scirexGold[5]!.id}", "entities": [], }`,
    `{"id": "${scirexGold[5]!.id}", "entities": [{"type": "metric", "name": "NaN", "x": NaN}]}`,
    `\ufeff{"id": "${scirexGold[8]!.id}", "entities": []}`, '{"id": "a\u0001b", "entities": []}',
  );
  return lines.join('\r\n') + '\r\n';
}

/** Gold entities as predictions. */
function seedPerfect(): string {
  return seedGold.map((g) => line(g.id, g.entities.map(({ type, name, aliases, role }) => ({ type, name, aliases, role })))).join('\n');
}

/** Misses, plural/case variants, alias-only, wrong roles and types, duplicates, junk. */
function seedVariants(): string {
  return seedGold.map((g, i) => {
    const ents: unknown[] = [];
    g.entities.forEach((e, j) => {
      const k = (i + j) % 7;
      if (k === 0) return;
      if (k === 1) ents.push({ type: e.type.toUpperCase(), name: e.name.toUpperCase() + 's', role: ` ${e.role.toUpperCase()} ` });
      if (k === 2) ents.push({ type: e.type, name: '', aliases: [e.name, 42], role: 'mentions' });
      if (k === 3) ents.push({ type: e.type, name: e.aliases[0] ?? e.name });
      if (k === 4) ents.push({ type: OTHER[j % 5], name: e.name, role: e.role });
      if (k === 5) ents.push({ type: e.type, name: e.name, role: 'uses' }, { type: e.type, name: `${e.name} (v2)`, aliases: [e.name], role: e.role });
      if (k === 6) ents.push({ type: e.type, name: e.name, mentions: [{ text: e.name, start: 0, end: 3 }] });
    });
    const models = g.entities.filter((e) => e.type === 'model');
    if (models.length > 1) ents.push({ type: 'model', name: 'merged', aliases: models.map((m) => m.name) });
    ents.push({ type: 'method', name: `Frobnicator-${i}` }, { type: 'model', name: 'x' }, { type: 'dataset', mentions: [{ text: 'only a mention' }] });
    return line(g.id, ents);
  }).join('\n');
}

/** Two lines per id, junk entities, ids not in the gold. */
function seedMessy(): string {
  const lines: string[] = [];
  seedGold.forEach((g, i) => {
    const ents = g.entities.map(({ type, name, role }) => ({ type, name, role }));
    if (i % 2) lines.push(line(g.id, ents.slice(0, 2)), line(g.id, ents.slice(2)));
    else if (i % 4 === 0) lines.push(line(g.id, [...ents.slice(1), { type: 'model' }, null, { type: 'task', name: '---' }]));
  });
  lines.push('{"id": "seed-002", "entities": [{"type": "model", "name": "GPT-4"}]}', '{broken');
  return lines.join('\n');
}

/** A small gold mixing both kinds, malformed gold lines, and text with characters beyond the BMP. */
function mixedCase(): { gold: string; pred: string } {
  const abstract = '\u{1F600} We train BERT \u{1F916} on SQuAD and SQuAD\u2013v2; BERT wins.';
  const cp = (s: string, from = 0): number => [...abstract.slice(0, abstract.indexOf(s, from))].length;
  const span = (s: string, type: string, from = 0) => ({ type, start: cp(s, from), end: cp(s, from) + [...s].length, text: s });
  const emoji: ScirexGold = {
    id: 'astral-1', title: 'BERT \u{1F916} title', abstract,
    ner: [span('BERT', 'Method'), span('SQuAD', 'Material'), span('BERT', 'Method', 30)],
    salient: [{ type: 'Material', cluster: "SQuAD's \"set\"", mentions: ['SQuAD', "it's"], spans: [{ field: 'abstract', ...span('SQuAD', 'Material') }] },
      { type: 'Method', cluster: 'BERT', mentions: ['BERT'], spans: [] }],
  };
  const gold = [
    ...scirexText.trim().split('\n').slice(0, 3), ...seedText.trim().split('\n').slice(0, 3), seedText.trim().split('\n')[1]!,
    JSON.stringify(emoji), 'not json', '{"id": 7}', '{"id": "unrecognised", "ner": []}',
    JSON.stringify({ id: 'list-x', abstract: 'We use GPT-4.', entities: [{ type: 'model', name: 'GPT-4' }, 'bad', { type: 'gene', name: 'g' },
      { type: 'dataset', name: '--' }, { type: ' Model ', name: 'GPT-3', required: false, role: 'compares_with' }] }),
  ].join('\n');
  const utf16 = abstract.indexOf('SQuAD');
  const pred = [
    line('astral-1', [
      { type: 'model', name: 'BERT', mentions: [{ text: 'BERT', start: cp('BERT'), end: cp('BERT') + 4 }] },
      { type: 'dataset', name: 'SQuAD', mentions: [{ text: 'SQuAD', start: utf16, end: utf16 + 5 }] }, // UTF-16 offsets: repaired
      { type: 'dataset', name: 'SQuAD-v2', mentions: [{ text: 'SQuAD\u2013v2' }] },
    ]),
    line('list-x', [{ type: 'model', name: 'gpt4', mentions: [{ text: 'GPT-4', start: 7, end: 12 }, { text: 'GPT', start: 0, end: 99 }] },
      { type: 'model', name: 'GPT3', role: 'uses' }]),
    line(scirexGold[0]!.id, [{ type: 'method', name: scirexGold[0]!.ner[0]!.text }]),
    line(seedGold[0]!.id, [{ type: 'model', name: seedGold[0]!.entities[1]!.name }]),
  ].join('\n');
  return { gold, pred };
}

/** score.py's fractions at 1/16 exercise '%.3f' rounding ties (0.0625 -> 0.062). */
function tieCase(): { gold: string; pred: string } {
  const gold = line('t1', [{ type: 'model', name: 'Alpha' }]);
  const pred = line('t1', [{ type: 'model', name: 'Alpha' }, ...Array.from({ length: 15 }, (_, k) => ({ type: 'model', name: `junk${k}` }))]);
  return { gold, pred };
}

// ---------------------------------------------------------------------------
// Comparison with score.py
// ---------------------------------------------------------------------------

const tmp = mkdtempSync(join(tmpdir(), 'papergraph-eval-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Differences between score.py's --json output and ours (numbers within 1e-9, everything else equal). */
function diff(py: unknown, ts: unknown, path = '$'): string[] {
  if (typeof py === 'number' && typeof ts === 'number') return Math.abs(py - ts) <= 1e-9 ? [] : [`${path}: ${py} != ${ts}`];
  if (Array.isArray(py) && Array.isArray(ts)) {
    if (py.length !== ts.length) return [`${path}: length ${py.length} != ${ts.length}`];
    return py.flatMap((v, i) => diff(v, ts[i], `${path}[${i}]`));
  }
  if (py && ts && typeof py === 'object' && typeof ts === 'object' && !Array.isArray(py) && !Array.isArray(ts)) {
    const keys = new Set([...Object.keys(py), ...Object.keys(ts)]);
    return [...keys].flatMap((k) => diff((py as Obj)[k], (ts as Obj)[k], `${path}.${k}`));
  }
  return py === ts ? [] : [`${path}: ${JSON.stringify(py)} != ${JSON.stringify(ts)}`];
}

let runs = 0;
function compareWithPython(goldText: string, predText: string, relationsOnly = false): ScoreResult {
  const n = runs++;
  const [goldPath, predPath, outPath] = ['gold', 'pred', 'out'].map((f) => join(tmp, `${f}-${n}.json${f === 'out' ? '' : 'l'}`));
  writeFileSync(goldPath!, goldText);
  writeFileSync(predPath!, predText);
  const args = [SCORE_PY, goldPath!, predPath!, '--json', outPath!, ...(relationsOnly ? ['--salient-relations-only'] : [])];
  const py = spawnSync('python3', args, { encoding: 'utf8', env: { ...process.env, PYTHONIOENCODING: 'utf-8' } });
  expect(py.status, py.stderr).toBe(0);
  const ts = scoreFiles(goldText, predText, { relationsOnly, goldName: goldPath, predName: predPath });
  const pyJson: unknown = JSON.parse(readFileSync(outPath!, 'utf8'));
  expect(diff(pyJson, JSON.parse(JSON.stringify(ts)))).toEqual([]);
  expect(formatReport(ts) + '\n').toBe(py.stdout);
  expect(headline(ts)).toBe(py.stdout.trimEnd().split('\n').at(-1));
  return ts;
}

describe('score.ts reproduces score.py' + PY_SKIP, () => {
  const cases: [name: string, gold: string, makePred: () => string, relationsOnly: boolean][] = [
    ['SciREX: gold mentions as predictions', scirexText, scirexPerfect, false],
    ['SciREX: subset, wrong types, text-only and name-only entities', scirexText, scirexPartial, false],
    ['SciREX: subset, --salient-relations-only', scirexText, scirexPartial, true],
    ['SciREX: offsets needing repair, invalid and float offsets', scirexText, scirexRepair, false],
    ['SciREX: duplicate ids, malformed lines, CRLF', scirexText, scirexMessy, false],
    ['SciREX: empty prediction file', scirexText, () => '', false],
    ['seed: gold entities as predictions', seedText, seedPerfect, false],
    ['seed: variants, wrong roles and types, duplicates', seedText, seedVariants, false],
    ['seed: duplicate ids, malformed lines', seedText, seedMessy, false],
    ['seed: predictions only for ids not in the gold', seedText, scirexPerfect, false],
  ];
  it.skipIf(!PY_OK).each(cases)('%s', (_name, gold, makePred, relationsOnly) => {
    const r = compareWithPython(gold, makePred(), relationsOnly);
    expect(r.scirex ?? r.entity_list).toBeDefined();
  });

  it.skipIf(!PY_OK)('mixed gold kinds, malformed gold, non-BMP text', () => {
    const { gold, pred } = mixedCase();
    const r = compareWithPython(gold, pred);
    expect(r.diagnostics.pred_offsets_repaired).toBe(1);
  });

  it.skipIf(!PY_OK)('gold with no usable lines', () => {
    const gold = 'garbage\n{"id": "x"}\n';
    const goldPath = join(tmp, 'bad-gold.jsonl');
    const predPath = join(tmp, 'bad-pred.jsonl');
    writeFileSync(goldPath, gold);
    writeFileSync(predPath, '');
    const py = spawnSync('python3', [SCORE_PY, goldPath, predPath], { encoding: 'utf8' });
    expect(py.status).toBe(2);
    expect(formatReport(scoreFiles(gold, '')) + '\n').toBe(py.stdout);
  });

  it.skipIf(!PY_OK)('rounding ties as Python does', () => {
    const { gold, pred } = tieCase();
    expect(headline(compareWithPython(gold, pred))).toBe('core F1=0.118 P=0.062 R=1.000');
  });
});

// ---------------------------------------------------------------------------
// Hand-written cases
// ---------------------------------------------------------------------------

describe('entity-list gold', () => {
  const gold = line('d1', [
    { type: 'model', name: 'GPT-4', aliases: ['GPT4'], role: 'uses' },
    { type: 'model', name: 'LLaMA', role: 'proposes' },
    { type: 'dataset', name: 'ImageNet', role: 'evaluates_on' },
    { type: 'method', name: 'LoRA', required: false },
    { type: 'task', name: 'question answering' },
  ]);
  const pred = line('d1', [
    { type: 'model', name: 'gpt4', role: 'USES ' }, // TP, role right after strip/lower
    { type: 'model', name: 'Llamas' }, // TP via plural variant, no role
    { type: 'model', name: 'llama', role: 'proposes' }, // same gold: neutral, but it is the best match (same name)
    { type: 'method', name: 'ImageNet' }, // FP, confusion method->dataset
    { type: 'method', name: 'lora' }, // optional gold: neutral
    { type: 'task', name: 'QA' }, // FP
  ]);
  const r = scoreFiles(gold, pred);
  const el = r.entity_list!;

  it('counts TP/FP/FN, neutral, optional and roles', () => {
    expect(el.per_type.model).toMatchObject({ tp: 2, fp: 0, fn: 0, neutral_preds: 1, role_pairs: 2, role_accuracy: 1 });
    expect(el.per_type.dataset).toMatchObject({ tp: 0, fp: 0, fn: 1, recall: 0 });
    expect(el.per_type.method).toMatchObject({ tp: 0, fp: 1, fn: 0, neutral_preds: 1, optional_matched: 1 });
    expect(el.per_type.task).toMatchObject({ tp: 0, fp: 1, fn: 1, f1: 0 });
    expect(el.type_confusions).toEqual({ 'method->dataset': 1 });
    expect(el.micro.core).toMatchObject({ tp: 2, fp: 1, fn: 1, precision: 2 / 3, recall: 2 / 3, f1: 2 / 3 });
    expect(el.micro.all).toMatchObject({ tp: 2, fp: 2, fn: 2, precision: 0.5, recall: 0.5, f1: 0.5 });
    expect(r.per_doc.d1).toEqual({
      fn: ['dataset:ImageNet', 'task:question answering'], fp: ['method:ImageNet', 'task:QA'],
      confusions: ["method 'ImageNet' is gold dataset"],
    });
  });

  it('prints the table and the headline last', () => {
    const lines = formatReport(r).split('\n');
    expect(lines.at(-1)).toBe('core F1=0.667 P=0.667 R=0.667');
    expect(lines).toContain('model           2     0     0   1.000   1.000   1.000       1 1.000/2');
    expect(lines).toContain('type confusions (FP predictions matching a gold entity of another type): method->dataset=1');
  });

  it('accepts already-parsed rows', () => {
    const fromRows = evaluate([JSON.parse(gold)], [JSON.parse(pred), 'junk']);
    expect(fromRows.entity_list).toEqual(el);
    expect(fromRows.diagnostics.pred_malformed_lines).toBe(1);
  });

  it('rounds exact ties to even like Python', () => {
    const { gold: g, pred: p } = tieCase();
    expect(headline(scoreFiles(g, p))).toBe('core F1=0.118 P=0.062 R=1.000');
  });
});

describe('SciREX gold', () => {
  const abstract = 'We propose FooNet, a network for image captioning. FooNet beats BarNet on COCO.';
  const at = (s: string, from = 0) => ({ start: abstract.indexOf(s, from), end: abstract.indexOf(s, from) + s.length, text: s });
  const second = abstract.indexOf('FooNet') + 1;
  const gold = JSON.stringify({
    id: 's1', title: 'FooNet', abstract,
    ner: [{ type: 'Method', ...at('FooNet') }, { type: 'Method', ...at('network') }, { type: 'Task', ...at('image captioning') },
      { type: 'Method', ...at('FooNet', second) }, { type: 'Method', ...at('BarNet') }, { type: 'Material', ...at('COCO') }],
    salient: [
      { type: 'Method', cluster: 'FooNet', mentions: ['FooNet'], spans: [{ field: 'abstract', ...at('FooNet') }] },
      { type: 'Material', cluster: 'COCO', mentions: ['COCO'], spans: [{ field: 'abstract', ...at('COCO') }] },
      { type: 'Task', cluster: 'image_captioning', mentions: ['image captioning'], spans: [{ field: 'abstract', ...at('image captioning') }] },
    ],
  });
  const foo = at('FooNet');
  const pred = line('s1', [
    { type: 'method', name: 'FooNet', mentions: [{ text: 'FooNet', start: foo.start + 1, end: foo.end + 1 }] }, // repaired
    { type: 'dataset', name: 'COCO' }, // no mention: the name is one text unit
    { type: 'model', name: 'network', mentions: [{ ...at('network') }] },
    { type: 'task', name: 'captioning', mentions: [{ text: 'captioning' }] }, // text-only, no gold key
    { type: 'metric', name: 'beats', mentions: [{ ...at('beats') }] }, // overlaps no gold mention
  ]);
  const r = scoreFiles(gold, pred);
  const sx = r.scirex!;

  it('computes salient recall, mention precision and recall', () => {
    expect(r.diagnostics.pred_offsets_repaired).toBe(1);
    expect(sx.per_type.Method).toMatchObject({ mention_pred: 2, mention_tp: 2, mention_gold: 4, mention_found: 2, salient_found: 1 });
    expect(sx.per_type.Material).toMatchObject({ mention_pred: 1, mention_pred_textonly: 1, mention_tp: 1, mention_recall: 1 });
    expect(sx.per_type.Task).toMatchObject({ mention_pred: 1, mention_tp: 0, salient_total: 1, salient_found: 0 });
    expect(sx.per_type.Metric).toMatchObject({ mention_pred: 1, mention_precision: 0, mention_precision_any_type: 0 });
    expect(sx.micro.core).toMatchObject({ salient_recall: 1, mention_precision: 1, mention_recall: 0.6 });
    expect(sx.micro.all).toMatchObject({ salient_recall: 2 / 3, mention_precision: 0.6, mention_recall: 0.5 });
    expect(r.per_doc.s1).toEqual({
      found_salient: ['Method:FooNet', 'Material:COCO'],
      missed_salient: ["Task:image_captioning ['image captioning']"],
    });
    expect(headline(r)).toBe('core salientR=1.000 mentionP=1.000 mentionR=0.600');
  });
});

describe('normalisation and parsing', () => {
  it('norm and variants', () => {
    expect(norm('LLaMA\u20132 (7B)')).toBe('llama27b');
    expect(norm(42)).toBe('');
    expect([...variants('LLMs')]).toEqual(['llms', 'llm']);
    expect([...variants('bus')]).toEqual(['bus']);
    expect([...variants('--')]).toEqual([]);
  });

  it('parses like json.loads', () => {
    const o = parsePyJson('{"start": 5.0, "end": 7, "x": NaN}') as Obj & { [FLOAT_KEYS]?: Set<string> };
    expect(o.start).toBe(5);
    expect([...o[FLOAT_KEYS]!]).toEqual(['start', 'x']);
    expect(parseJsonl('{"a": -Infinity}\n\n[1,]\n{"a": "\x01"}\n\ufeff{}\n{"a": 1}\r\n')).toEqual([{ a: -Infinity }, undefined, undefined, undefined, { a: 1 }]);
  });
});

describe('io', () => {
  it('scores files by path and reads UTF-8 as score.py does', () => {
    const predPath = join(tmp, 'io-pred.jsonl');
    writeFileSync(predPath, '\ufeff' + seedPerfect());
    const r = scorePaths(join(FIX, 'seed-dev-gold.jsonl'), predPath);
    expect(r.pred).toBe(predPath);
    expect(readUtf8(predPath).startsWith('\ufeff')).toBe(true); // kept, so the first line is malformed
    expect(r.diagnostics.pred_malformed_lines).toBe(1);
    expect(r.entity_list!.micro.core.recall).toBeLessThan(1);
  });
});
