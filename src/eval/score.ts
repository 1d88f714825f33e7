/**
 * Scores entity predictions against gold annotations: a line-for-line port of /work/shared/eval/score.py
 * (see its docstring and ../shared/eval/README.md), so that the numbers, the diagnostics and the printed report
 * are the same as score.py's. Pure: no I/O (see io.ts).
 *
 * Where JavaScript and Python disagree, this file follows Python:
 *  - strings are indexed by code point (offsets in gold and predictions are Python's), not UTF-16 unit;
 *  - JSON lines are parsed with json.loads semantics (pyjson.ts);
 *  - str.strip()/isspace(), '%.3f' (ties to even) and round() are emulated;
 *  - str.isalnum() is \p{L}|\p{N} and str.lower() is toLowerCase(): identical for every character
 *    assigned in Unicode 14 (Python 3.11), checked exhaustively.
 * Result objects use score.py's --json key names, so the two can be compared directly.
 */
import { FLOAT_KEYS, PyJsonError, parsePyJson } from './pyjson.js';

export const PRED_TYPES = ['model', 'dataset', 'method', 'task', 'metric'] as const;
export type PredType = (typeof PRED_TYPES)[number];
export const SCIREX_TYPES = ['Method', 'Material', 'Metric', 'Task'] as const;
export type ScirexType = (typeof SCIREX_TYPES)[number];
const TYPE_MAP: Record<PredType, ScirexType> = {
  model: 'Method', method: 'Method', dataset: 'Material', task: 'Task', metric: 'Metric',
};
const SCIREX_CORE: readonly ScirexType[] = ['Method', 'Material'];
const LIST_CORE: readonly PredType[] = ['model', 'dataset', 'method'];
const FIELDS: readonly unknown[] = ['abstract', 'title'];
const DASHES = '\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d';

// ---------------------------------------------------------------------------
// Result types (the structure score.py writes with --json)
// ---------------------------------------------------------------------------

export interface ScirexTypeScores {
  salient_total: number; salient_found: number; salient_recall: number;
  mention_pred: number; mention_pred_textonly: number; mention_tp: number;
  mention_precision: number; mention_precision_any_type: number;
  mention_gold: number; mention_found: number; mention_recall: number;
}
export interface ScirexMicro {
  types: string[]; salient_recall: number; salient_total: number;
  mention_precision: number; mention_precision_any_type: number; mention_pred: number;
  mention_recall: number; mention_gold: number;
}
export interface ScirexScores {
  per_type: Record<ScirexType, ScirexTypeScores>;
  micro: { core: ScirexMicro; all: ScirexMicro };
  docs: number;
  salient_relations_only: boolean;
}
export interface ListTypeScores {
  tp: number; fp: number; fn: number; neutral_preds: number; optional_matched: number;
  preds_matching_several_gold: number; precision: number; recall: number; f1: number;
  role_pairs: number; role_accuracy: number;
}
export interface ListMicro {
  types: string[]; tp: number; fp: number; fn: number; precision: number; recall: number; f1: number;
  role_pairs: number; role_accuracy: number;
}
export interface ListScores {
  per_type: Record<PredType, ListTypeScores>;
  micro: { core: ListMicro; all: ListMicro };
  /** "predType->goldType" -> count, in first-seen order */
  type_confusions: Record<string, number>;
  docs: number;
}
export interface ScirexDocDetail { missed_salient: string[]; found_salient: string[] }
export interface ListDocDetail { fn: string[]; fp: string[]; confusions: string[] }
export interface ScoreResult {
  gold: string;
  pred: string;
  per_doc: Record<string, ScirexDocDetail | ListDocDetail>;
  scirex?: ScirexScores;
  entity_list?: ListScores;
  /** counters of malformed lines, repaired offsets, ...; only those that occurred, sorted by name */
  diagnostics: Record<string, number>;
}
export interface ScoreOptions {
  /** score.py --salient-relations-only: count only salient clusters from n_ary_relations */
  relationsOnly?: boolean;
  /** recorded as result.gold / result.pred (score.py records the file paths) */
  goldName?: string;
  predName?: string;
}
/** JSONL text, or its lines already parsed (one array element per non-blank line). */
export type JsonlInput = string | readonly unknown[];

// ---------------------------------------------------------------------------
// Python string semantics
// ---------------------------------------------------------------------------

const SURROGATE = /[\uD800-\uDFFF]/;
const cpLen = (s: string): number => (SURROGATE.test(s) ? [...s].length : s.length);
const cpSlice = (s: string, a: number, b: number): string =>
  SURROGATE.test(s) ? [...s].slice(a, b).join('') : s.slice(a, b);

/** Python's str.isspace() characters (JS trim() differs: it strips U+FEFF but not U+001C-U+001F, U+0085). */
const PY_WS = '[\\t-\\r\\x1c-\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]';
const STRIP = new RegExp(`^${PY_WS}+|${PY_WS}+$`, 'g');
const BLANK = new RegExp(`^${PY_WS}*$`);
const pyStrip = (s: string): string => s.replace(STRIP, '');
const ALNUM = /[\p{L}\p{N}]/u;

/** Python's '%.3f': toFixed(3) rounds exact ties away from zero, Python to even. The only doubles exactly
 * halfway between two 3-decimal numbers are odd multiples of 1/16 (0.0625 -> "0.062"). */
function f3(x: number): string {
  const s = x.toFixed(3);
  const tie = Number.isInteger(x * 16) && !Number.isInteger(x * 8);
  return tie && Number(s.at(-1)) % 2 === 1 ? (Math.trunc(x * 1000) / 1000).toFixed(3) : s;
}

/** Python's round() to an int: ties to even. */
function pyRound(x: number): number {
  const r = Math.round(x);
  return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/** Python's '%s' of a JSON value (used in the per-document detail strings). */
function pyStr(v: unknown): string {
  return typeof v === 'string' ? v : pyRepr(v);
}
function pyRepr(v: unknown): string {
  if (v === null || v === undefined) return 'None';
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v === 'number') return Number.isNaN(v) ? 'nan' : Math.abs(v) === Infinity ? (v > 0 ? 'inf' : '-inf') : String(v);
  if (Array.isArray(v)) return `[${v.map(pyRepr).join(', ')}]`;
  if (typeof v === 'object') return `{${Object.entries(v).map(([k, x]) => `${pyRepr(k)}: ${pyRepr(x)}`).join(', ')}}`;
  const s = String(v);
  const q = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = q;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === q || ch === '\\') out += '\\' + ch;
    else if (ch === '\t') out += '\\t';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (c < 0x20 || c === 0x7f) out += '\\x' + c.toString(16).padStart(2, '0');
    else if (c < 0x7f || !/[\p{C}\p{Z}]/u.test(ch) || ch === ' ') out += ch;
    else out += c <= 0xff ? '\\x' + c.toString(16).padStart(2, '0')
      : c <= 0xffff ? '\\u' + c.toString(16).padStart(4, '0') : '\\U' + c.toString(16).padStart(8, '0');
  }
  return out + q;
}

// ---------------------------------------------------------------------------
// Normalisation and matching
// ---------------------------------------------------------------------------

/** Lowercase, unify dashes, keep only alphanumeric characters. */
export function norm(s: unknown): string {
  if (typeof s !== 'string') return '';
  let out = '';
  for (const ch of s.toLowerCase()) {
    const c = DASHES.includes(ch) ? '-' : ch;
    if (ALNUM.test(c)) out += c;
  }
  return out;
}

/** Normalised forms of s: itself, plus without a final 's' when longer than 3 characters ('LLMs' -> llms, llm). */
export function variants(s: unknown): Set<string> {
  const n = norm(s);
  const out = new Set<string>();
  if (!n) return out;
  out.add(n);
  // score.py's own rule, kept as written there (this file is its port), not the extractor's singularKey
  if (cpLen(n) > 3 && n.endsWith('s')) out.add(n.slice(0, -1));
  return out;
}

export function keyset(strings: Iterable<unknown>): Set<string> {
  const out = new Set<string>();
  for (const s of strings) for (const k of variants(s)) out.add(k);
  return out;
}

const common = (a: Set<string>, b: Set<string>): number => [...a].filter((k) => b.has(k)).length;
const intersects = (a: Set<string>, b: Set<string>): boolean => [...a].some((k) => b.has(k));
const overlaps = (a0: number, a1: number, b0: number, b1: number): boolean => a0 < b1 && b0 < a1;
const ratio = (a: number, b: number): number => (b ? a / b : 0);

function prf(tp: number, fp: number, fn: number): [number, number, number] {
  const p = tp + fp ? tp / (tp + fp) : 0;
  const r = tp + fn ? tp / (tp + fn) : 0;
  return [p, r, p + r ? (2 * p * r) / (p + r) : 0];
}

/** collections.Counter */
class Counter extends Map<string, number> {
  n(k: string): number {
    return this.get(k) ?? 0;
  }
  inc(k: string, by = 1): void {
    this.set(k, this.n(k) + by);
  }
}
const counters = <K extends string>(names: readonly K[]): Record<K, Counter> =>
  Object.fromEntries(names.map((n) => [n, new Counter()])) as Record<K, Counter>;
const sum = (c: Counter, keys: readonly string[]): number => keys.reduce((a, k) => a + c.n(k), 0);

// ---------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------

type Dict = Record<string, unknown>;
const isDict = (v: unknown): v is Dict => typeof v === 'object' && v !== null && !Array.isArray(v);
type Texts = { abstract: string; title: string };
interface Mention { text: string; field: string; start: number | null; end: number | null }
interface PredEntity {
  type: PredType; name: string; aliases: string[]; mentions: Mention[]; role: string | null; keys: Set<string>;
}

/** Split JSONL text as Python's text mode does (universal newlines), drop blank lines, parse each line as
 * json.loads would; a line it rejects becomes undefined (counted as malformed by the scorer). */
export function parseJsonl(text: string): unknown[] {
  return text.split(/\r\n|\r|\n/).filter((l) => !BLANK.test(l)).map((l) => {
    try {
      return parsePyJson(l);
    } catch (e) {
      if (e instanceof PyJsonError) return undefined;
      throw e;
    }
  });
}

function readJsonl(input: JsonlInput, stats: Counter, prefix: string): Dict[] {
  const rows: Dict[] = [];
  for (const obj of typeof input === 'string' ? parseJsonl(input) : input) {
    stats.inc(prefix + 'lines');
    if (!isDict(obj) || typeof obj.id !== 'string' || !obj.id) stats.inc(prefix + 'malformed_lines');
    else rows.push(obj);
  }
  return rows;
}

/** Python's isinstance(x, int) for a JSON value: a number not written as a float literal (huge integer literals
 * are ints in Python and +-Infinity here; both fail the range check later). */
function pyInt(o: Dict, key: string): number | null {
  const v = o[key];
  const floats = (o as { [FLOAT_KEYS]?: Set<string> })[FLOAT_KEYS];
  if (typeof v !== 'number' || floats?.has(key)) return null;
  return Number.isInteger(v) || Math.abs(v) === Infinity ? v : null;
}

/** Code-point offsets of needle in hay (overlapping), else of its case-insensitive occurrences. */
function occurrences(hay: string, needle: string): number[] {
  if (!needle) return [];
  const find = (h: string[], n: string[]): number[] => {
    const out: number[] = [];
    for (let i = 0; i + n.length <= h.length; i++) if (n.every((c, j) => h[i + j] === c)) out.push(i);
    return out;
  };
  const out = find([...hay], [...needle]);
  return out.length ? out : find([...hay.toLowerCase()], [...needle.toLowerCase()]);
}

/** A mention {text, field, start, end} (start/end null when unusable), or null when it has neither. */
function cleanMention(m: unknown, texts: Texts, stats: Counter): Mention | null {
  if (!isDict(m)) {
    stats.inc('pred_malformed_mentions');
    return null;
  }
  const text = typeof m.text === 'string' ? m.text : null;
  const field = FIELDS.includes(m.field) ? (m.field as keyof Texts) : 'abstract';
  let start = pyInt(m, 'start');
  let end = pyInt(m, 'end');
  const ftext = texts[field];
  if (!ftext) {
    start = end = null; // no reference text (entity-list gold): offsets unused
  } else if (start !== null && end !== null && 0 <= start && start < end && end <= cpLen(ftext)) {
    if (text !== null && cpSlice(ftext, start, end) !== text) {
      // offsets and text disagree: trust the text, take its nearest occurrence (the first on a tie)
      const occ = occurrences(ftext, text);
      if (occ.length) {
        const s0 = start;
        const best = occ.reduce((b, o) => (Math.abs(o - s0) < Math.abs(b - s0) ? o : b));
        start = best;
        end = best + cpLen(text);
        stats.inc('pred_offsets_repaired');
      } else {
        stats.inc('pred_offsets_text_not_found');
        start = end = null;
      }
    }
  } else {
    if (start !== null || end !== null) stats.inc('pred_offsets_invalid');
    start = end = null;
  }
  if (start === null && text === null) {
    stats.inc('pred_malformed_mentions');
    return null;
  }
  return { text: text ?? cpSlice(ftext, start!, end!), field, start, end };
}

function cleanEntities(raw: unknown[], texts: Texts, stats: Counter): PredEntity[] {
  const out: PredEntity[] = [];
  for (const e of raw) {
    if (!isDict(e)) {
      stats.inc('pred_malformed_entities');
      continue;
    }
    const type = typeof e.type === 'string' ? pyStrip(e.type).toLowerCase() : null;
    if (!(PRED_TYPES as readonly unknown[]).includes(type)) {
      stats.inc('pred_unknown_type_entities');
      continue;
    }
    const name = typeof e.name === 'string' ? e.name : '';
    const aliases = Array.isArray(e.aliases) ? e.aliases.filter((a): a is string => typeof a === 'string') : [];
    const mentions: Mention[] = [];
    if (Array.isArray(e.mentions)) {
      for (const m of e.mentions) {
        const cm = cleanMention(m, texts, stats);
        if (cm) mentions.push(cm);
      }
    }
    if (!name && !aliases.length && !mentions.length) {
      stats.inc('pred_malformed_entities');
      continue;
    }
    out.push({
      type: type as PredType, name, aliases, mentions, role: typeof e.role === 'string' ? e.role : null,
      keys: keyset([name, ...aliases, ...mentions.map((m) => m.text)]),
    });
    stats.inc('pred_entities');
  }
  return out;
}

/** id -> cleaned entities; lines with the same id are merged, ids not in the gold dropped. */
function loadPreds(input: JsonlInput, goldTexts: Map<string, Texts>, stats: Counter): Map<string, PredEntity[]> {
  const preds = new Map<string, unknown[]>();
  for (const obj of readJsonl(input, stats, 'pred_')) {
    if (!Array.isArray(obj.entities)) {
      stats.inc('pred_malformed_lines');
      continue;
    }
    const id = obj.id as string;
    if (preds.has(id)) stats.inc('pred_duplicate_id_lines');
    preds.set(id, [...(preds.get(id) ?? []), ...obj.entities]);
  }
  const out = new Map<string, PredEntity[]>();
  for (const [id, raw] of preds) {
    const texts = goldTexts.get(id);
    if (!texts) stats.inc('pred_docs_not_in_gold');
    else out.set(id, cleanEntities(raw, texts, stats));
  }
  return out;
}

// ---------------------------------------------------------------------------
// (a) SciREX gold
// ---------------------------------------------------------------------------

const SCIREX_ACC = ['sal_total', 'sal_found', 'mp_pred', 'mp_pred_textonly', 'mp_tp', 'mp_tp_any',
  'mr_total', 'mr_found'] as const;
type ScirexAcc = Record<(typeof SCIREX_ACC)[number], Counter>;
// Gold is trusted (score.py indexes it without checks), so its records are only typed, not validated.
type Span = { type: string; field: string; start: number; end: number; text: string };

/** Accumulate salient recall and mention precision/recall for one document. */
function scoreScirexDoc(gold: Dict, ents: PredEntity[], acc: ScirexAcc, relationsOnly: boolean): ScirexDocDetail {
  const detail: ScirexDocDetail = { missed_salient: [], found_salient: [] };
  const mapped = ents.map((e) => [TYPE_MAP[e.type], e] as const);

  // -- salient cluster recall
  for (const c of gold.salient as Dict[]) {
    const source = Object.hasOwn(c, 'source') ? c.source : 'n_ary_relations';
    if (relationsOnly && source !== 'n_ary_relations') continue;
    const t = c.type as string;
    const ckeys = keyset((c.mentions ?? []) as Iterable<unknown>);
    const spans = (c.spans ?? []) as Span[];
    const found = mapped.some(([mt, e]) => mt === t && (intersects(e.keys, ckeys) || e.mentions.some((m) =>
      m.start !== null && spans.some((sp) => m.field === sp.field && overlaps(m.start!, m.end!, sp.start, sp.end)))));
    acc.sal_total.inc(t);
    if (found) {
      acc.sal_found.inc(t);
      detail.found_salient.push(`${pyStr(t)}:${pyStr(c.cluster)}`);
    } else {
      detail.missed_salient.push(`${pyStr(t)}:${pyStr(c.cluster)} ${pyStr(c.mentions)}`);
    }
  }

  // -- predicted mention units (abstract only)
  const ner = gold.ner as Span[];
  const nerKeys = new Map<string, Set<string>>();
  const nerKeysAny = new Set<string>();
  for (const g of ner) {
    const ks = nerKeys.get(g.type) ?? new Set<string>();
    for (const k of variants(g.text)) {
      ks.add(k);
      nerKeysAny.add(k);
    }
    nerKeys.set(g.type, ks);
  }
  // keyed like score.py's dicts: (type, start, end) and (type, frozenset(keys)); insertion-ordered, unique
  const spanUnits = new Map<string, { mt: ScirexType; s: number; e: number }>();
  const textUnits = new Map<string, { mt: ScirexType; k: Set<string> }>();
  const addText = (mt: ScirexType, k: Set<string>): void => {
    if (k.size) textUnits.set(`${mt}|${[...k].sort().join('|')}`, { mt, k });
  };
  for (const [mt, e] of mapped) {
    for (const m of e.mentions) {
      if (m.field !== 'abstract') continue;
      if (m.start !== null) spanUnits.set(`${mt}|${m.start}|${m.end}`, { mt, s: m.start, e: m.end! });
      else addText(mt, variants(m.text));
    }
    // entity without any mention: its name/aliases stand for one mention
    if (!e.mentions.length) addText(mt, keyset([e.name, ...e.aliases]));
  }
  for (const { mt, s, e } of spanUnits.values()) {
    acc.mp_pred.inc(mt);
    if (ner.some((g) => g.type === mt && overlaps(s, e, g.start, g.end))) acc.mp_tp.inc(mt);
    if (ner.some((g) => overlaps(s, e, g.start, g.end))) acc.mp_tp_any.inc(mt);
  }
  for (const { mt, k } of textUnits.values()) {
    acc.mp_pred.inc(mt);
    acc.mp_pred_textonly.inc(mt);
    if (intersects(k, nerKeys.get(mt) ?? new Set())) acc.mp_tp.inc(mt);
    if (intersects(k, nerKeysAny)) acc.mp_tp_any.inc(mt);
  }

  // -- gold mention recall
  for (const g of ner) {
    acc.mr_total.inc(g.type);
    const hit = [...spanUnits.values()].some(({ mt, s, e }) => mt === g.type && overlaps(s, e, g.start, g.end))
      || [...textUnits.values()].some(({ mt, k }) => mt === g.type && intersects(k, variants(g.text)));
    if (hit) acc.mr_found.inc(g.type);
  }
  return detail;
}

function summarizeScirex(acc: ScirexAcc, docs: number, relationsOnly: boolean): ScirexScores {
  const perType = {} as Record<ScirexType, ScirexTypeScores>;
  for (const t of SCIREX_TYPES) {
    const n = (c: keyof ScirexAcc): number => acc[c].n(t);
    perType[t] = {
      salient_total: n('sal_total'), salient_found: n('sal_found'),
      salient_recall: ratio(n('sal_found'), n('sal_total')),
      mention_pred: n('mp_pred'), mention_pred_textonly: n('mp_pred_textonly'), mention_tp: n('mp_tp'),
      mention_precision: ratio(n('mp_tp'), n('mp_pred')),
      mention_precision_any_type: ratio(n('mp_tp_any'), n('mp_pred')),
      mention_gold: n('mr_total'), mention_found: n('mr_found'),
      mention_recall: ratio(n('mr_found'), n('mr_total')),
    };
  }
  const micro = (types: readonly ScirexType[]): ScirexMicro => {
    const s = (c: keyof ScirexAcc): number => sum(acc[c], types);
    return {
      types: [...types],
      salient_recall: ratio(s('sal_found'), s('sal_total')), salient_total: s('sal_total'),
      mention_precision: ratio(s('mp_tp'), s('mp_pred')),
      mention_precision_any_type: ratio(s('mp_tp_any'), s('mp_pred')), mention_pred: s('mp_pred'),
      mention_recall: ratio(s('mr_found'), s('mr_total')), mention_gold: s('mr_total'),
    };
  };
  return {
    per_type: perType, micro: { core: micro(SCIREX_CORE), all: micro(SCIREX_TYPES) },
    docs, salient_relations_only: relationsOnly,
  };
}

// ---------------------------------------------------------------------------
// (b) entity-list gold
// ---------------------------------------------------------------------------

const LIST_ACC = ['tp', 'fp', 'fn', 'neutral', 'optional_matched', 'pred_matching_several_gold',
  'role_pairs', 'role_correct', 'confusion'] as const;
type ListAcc = Record<(typeof LIST_ACC)[number], Counter>;
interface GoldEntity { type: PredType; name: string; keys: Set<string>; required: boolean; role: string | null }

function cleanGoldEntities(raw: unknown, stats: Counter): GoldEntity[] {
  const out: GoldEntity[] = [];
  for (const g of Array.isArray(raw) ? raw : []) {
    if (!isDict(g) || typeof g.type !== 'string') {
      stats.inc('gold_malformed_entities');
      continue;
    }
    const type = pyStrip(g.type).toLowerCase();
    if (!(PRED_TYPES as readonly string[]).includes(type)) {
      stats.inc('gold_unknown_type_entities');
      continue;
    }
    const name = typeof g.name === 'string' ? g.name : '';
    const aliases = Array.isArray(g.aliases) ? g.aliases.filter((a) => typeof a === 'string') : [];
    const keys = keyset([name, ...aliases]);
    if (!keys.size) {
      stats.inc('gold_malformed_entities');
      continue;
    }
    out.push({
      type: type as PredType, name, keys, required: g.required !== false,
      role: typeof g.role === 'string' ? g.role : null,
    });
  }
  return out;
}

/** The prediction paired with gold entity g (for role accuracy): same normalised name first, then the one
 * sharing most keys, then the earliest. */
function bestMatch(g: GoldEntity, cands: PredEntity[]): PredEntity {
  const gname = norm(g.name);
  const rank = (p: PredEntity): [number, number] => [norm(p.name) === gname ? 1 : 0, common(p.keys, g.keys)];
  let best = cands[0]!;
  let [b0, b1] = rank(best);
  for (const p of cands.slice(1)) {
    const [r0, r1] = rank(p);
    if (r0 > b0 || (r0 === b0 && r1 > b1)) [best, b0, b1] = [p, r0, r1];
  }
  return best;
}

function scoreListDoc(goldEnts: GoldEntity[], ents: PredEntity[], acc: ListAcc): ListDocDetail {
  const detail: ListDocDetail = { fn: [], fp: [], confusions: [] };
  for (const t of PRED_TYPES) {
    const G = goldEnts.filter((g) => g.type === t);
    const P = ents.filter((p) => p.type === t);
    const matched = new Map<number, PredEntity[]>(); // gold index -> matching predictions, in order
    let nFp = 0;
    for (const p of P) {
      const hits = G.flatMap((g, i) => (intersects(p.keys, g.keys) ? [i] : []));
      if (!hits.length) {
        nFp++;
        acc.fp.inc(t);
        detail.fp.push(`${t}:${p.name}`);
        const other = goldEnts.find((g) => g.type !== t && intersects(p.keys, g.keys));
        if (other) {
          acc.confusion.inc(`${t}->${other.type}`);
          detail.confusions.push(`${t} '${p.name}' is gold ${other.type}`);
        }
        continue;
      }
      if (hits.length > 1) acc.pred_matching_several_gold.inc(t);
      for (const i of hits) matched.set(i, [...(matched.get(i) ?? []), p]);
    }
    const credited = new Set<PredEntity>();
    G.forEach((g, i) => {
      const cands = matched.get(i);
      if (!g.required) {
        if (cands) acc.optional_matched.inc(t);
      } else if (!cands) {
        acc.fn.inc(t);
        detail.fn.push(`${t}:${g.name}`);
      } else {
        acc.tp.inc(t);
        const best = bestMatch(g, cands);
        credited.add(best);
        if (g.role !== null && best.role !== null) {
          acc.role_pairs.inc(t);
          if (pyStrip(g.role).toLowerCase() === pyStrip(best.role).toLowerCase()) acc.role_correct.inc(t);
        }
      }
    });
    // matched a gold entity but earned nothing new: duplicates, optional-only matches
    acc.neutral.inc(t, P.length - nFp - credited.size);
  }
  return detail;
}

function summarizeList(acc: ListAcc, docs: number): ListScores {
  const perType = {} as Record<PredType, ListTypeScores>;
  for (const t of PRED_TYPES) {
    const [p, r, f] = prf(acc.tp.n(t), acc.fp.n(t), acc.fn.n(t));
    perType[t] = {
      tp: acc.tp.n(t), fp: acc.fp.n(t), fn: acc.fn.n(t), neutral_preds: acc.neutral.n(t),
      optional_matched: acc.optional_matched.n(t), preds_matching_several_gold: acc.pred_matching_several_gold.n(t),
      precision: p, recall: r, f1: f,
      role_pairs: acc.role_pairs.n(t), role_accuracy: ratio(acc.role_correct.n(t), acc.role_pairs.n(t)),
    };
  }
  const micro = (types: readonly PredType[]): ListMicro => {
    const [tp, fp, fn] = [sum(acc.tp, types), sum(acc.fp, types), sum(acc.fn, types)];
    const [p, r, f] = prf(tp, fp, fn);
    const rp = sum(acc.role_pairs, types);
    return {
      types: [...types], tp, fp, fn, precision: p, recall: r, f1: f, role_pairs: rp,
      role_accuracy: ratio(sum(acc.role_correct, types), rp),
    };
  };
  return {
    per_type: perType, micro: { core: micro(LIST_CORE), all: micro(PRED_TYPES) },
    type_confusions: Object.fromEntries(acc.confusion), docs,
  };
}

// ---------------------------------------------------------------------------

/** Score predictions against gold (score.py's evaluate()). */
export function evaluate(gold: JsonlInput, pred: JsonlInput, opts: ScoreOptions = {}): ScoreResult {
  const relationsOnly = opts.relationsOnly ?? false;
  const stats = new Counter();
  const scirex: Dict[] = [];
  const elist: Dict[] = [];
  const seen = new Set<string>();
  for (const g of readJsonl(gold, stats, 'gold_')) {
    const id = g.id as string;
    if (seen.has(id)) {
      stats.inc('gold_duplicate_ids');
      continue;
    }
    seen.add(id);
    if (Array.isArray(g.ner) && Array.isArray(g.salient)) scirex.push(g);
    else if (Array.isArray(g.entities)) elist.push(g);
    else stats.inc('gold_unrecognised_lines');
  }
  const str = (v: unknown): string => (typeof v === 'string' ? v : '');
  const texts = new Map([...scirex, ...elist].map((g) => [g.id as string, { abstract: str(g.abstract), title: str(g.title) }]));
  const preds = loadPreds(pred, texts, stats);

  const perDoc: [string, ScirexDocDetail | ListDocDetail][] = [];
  const result: ScoreResult = { gold: opts.goldName ?? '', pred: opts.predName ?? '', per_doc: {}, diagnostics: {} };
  if (scirex.length) {
    const acc = counters(SCIREX_ACC);
    for (const g of scirex) {
      const id = g.id as string;
      if (!preds.has(id)) stats.inc('gold_docs_without_prediction');
      perDoc.push([id, scoreScirexDoc(g, preds.get(id) ?? [], acc, relationsOnly)]);
    }
    result.scirex = summarizeScirex(acc, scirex.length, relationsOnly);
  }
  if (elist.length) {
    const acc = counters(LIST_ACC);
    for (const g of elist) {
      const id = g.id as string;
      if (!preds.has(id)) stats.inc('gold_docs_without_prediction');
      perDoc.push([id, scoreListDoc(cleanGoldEntities(g.entities, stats), preds.get(id) ?? [], acc)]);
    }
    result.entity_list = summarizeList(acc, elist.length);
  }
  result.per_doc = Object.fromEntries(perDoc); // fromEntries: an id like "__proto__" stays a plain key
  result.diagnostics = Object.fromEntries([...stats].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return result;
}

/** Score JSONL texts (the contents of GOLD.jsonl and PRED.jsonl). */
export function scoreFiles(goldText: string, predText: string, opts: ScoreOptions = {}): ScoreResult {
  return evaluate(goldText, predText, opts);
}

/** score.py's last printed line. */
export function headline(result: ScoreResult): string {
  if (result.entity_list) {
    const r = result.entity_list.micro.core;
    return `core F1=${f3(r.f1)} P=${f3(r.precision)} R=${f3(r.recall)}`;
  }
  if (result.scirex) {
    const r = result.scirex.micro.core;
    return `core salientR=${f3(r.salient_recall)} mentionP=${f3(r.mention_precision)} mentionR=${f3(r.mention_recall)}`;
  }
  return 'core F1=0.000 P=0.000 R=0.000';
}

const L = (s: string | number, w: number): string => String(s).padEnd(w); // '%-Ns'
const R = (s: string | number, w: number): string => String(s).padStart(w); // '%Ns' / '%Nd'
const F = (x: number, w: number): string => R(f3(x), w); // '%N.3f'

/** What score.py prints to stdout, line for line (without the final newline); the last line is headline(). */
export function formatReport(result: ScoreResult): string {
  const d = (k: string): number => result.diagnostics[k] ?? 0;
  const out = [
    `pred lines: ${d('pred_lines')} (malformed ${d('pred_malformed_lines')}, duplicate ids ${d('pred_duplicate_id_lines')}, `
    + `ids not in gold ${d('pred_docs_not_in_gold')}); entities kept: ${d('pred_entities')}, `
    + `unknown type ${d('pred_unknown_type_entities')}, malformed ${d('pred_malformed_entities')}; `
    + `mention offsets repaired ${d('pred_offsets_repaired')}, text not found ${d('pred_offsets_text_not_found')}, `
    + `invalid ${d('pred_offsets_invalid')}; gold docs without prediction: ${d('gold_docs_without_prediction')}`,
  ];
  if (d('gold_malformed_lines') || d('gold_unrecognised_lines')) {
    out.push(`gold lines malformed: ${d('gold_malformed_lines')}, unrecognised: ${d('gold_unrecognised_lines')}`);
  }
  if (result.scirex) {
    const res = result.scirex;
    out.push(`SciREX gold: ${res.docs} documents`);
    const hdr = `${L('type', 10)} ${R('salientR', 8)} ${R('found/n', 9)} | ${R('predM', 7)} ${R('mentP', 7)} `
      + `${R('P(any)', 7)} | ${R('goldM', 7)} ${R('mentR', 7)}`;
    out.push(hdr, '-'.repeat(hdr.length));
    const row = (name: string, r: ScirexMicro, found: number): string =>
      `${L(name, 10)} ${F(r.salient_recall, 8)} ${R(`${found}/${r.salient_total}`, 9)} | ${R(r.mention_pred, 7)} `
      + `${F(r.mention_precision, 7)} ${F(r.mention_precision_any_type, 7)} | ${R(r.mention_gold, 7)} `
      + `${F(r.mention_recall, 7)}`;
    for (const t of SCIREX_TYPES) {
      const r = res.per_type[t];
      out.push(row(t, { ...r, types: [t] }, r.salient_found));
    }
    for (const name of ['core', 'all'] as const) {
      const r = res.micro[name];
      out.push(row(`micro-${name}`, r, pyRound(r.salient_recall * r.salient_total)));
    }
    out.push(`(core = ${SCIREX_CORE.join('+')}; mentP counts predicted abstract mentions overlapping a gold mention `
      + 'of the mapped type, P(any) of any type)');
  }
  if (result.entity_list) {
    const res = result.entity_list;
    out.push(`Entity-list gold: ${res.docs} documents`);
    const hdr = `${L('type', 11)} ${R('TP', 5)} ${R('FP', 5)} ${R('FN', 5)} ${R('P', 7)} ${R('R', 7)} ${R('F1', 7)} `
      + `${R('neutral', 7)} ${R('roleAcc', 6)}`;
    out.push(hdr, '-'.repeat(hdr.length));
    const row = (name: string, r: ListMicro, neutral: string): string => {
      const role = r.role_pairs ? `${f3(r.role_accuracy)}/${r.role_pairs}` : '-';
      return `${L(name, 11)} ${R(r.tp, 5)} ${R(r.fp, 5)} ${R(r.fn, 5)} ${F(r.precision, 7)} ${F(r.recall, 7)} `
        + `${F(r.f1, 7)} ${R(neutral, 7)} ${R(role, 6)}`;
    };
    for (const t of PRED_TYPES) out.push(row(t, { ...res.per_type[t], types: [t] }, String(res.per_type[t].neutral_preds)));
    for (const name of ['core', 'all'] as const) out.push(row(`micro-${name}`, res.micro[name], ''));
    const conf = Object.entries(res.type_confusions).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    out.push(conf.length
      ? `type confusions (FP predictions matching a gold entity of another type): ${conf.map(([k, v]) => `${k}=${v}`).join(', ')}`
      : 'type confusions: none');
    out.push(`(core = ${LIST_CORE.join('+')})`);
  }
  out.push(headline(result));
  return out.join('\n');
}
