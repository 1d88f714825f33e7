// From candidates to mentions: overlap resolution, proposal marks and enumerations.
import { asTechnique, isMeasureAcronym, keyOf, mkCand, type Cand, type Sent } from './candidate.js';
import type { EntityType } from './types.js';
import { isFunctionWord, isLanguageName, lexTag } from './english.js';
import { appositive, listMate, measureContext, opensClause } from './context.js';
import { isCueVerb, isProposalVerb } from './roles.js';
import { isArchitectureName, isNameShaped, morphType, RELEASE_TIER, TITLE_CASE, variantBases, languagePairBase } from './shapes.js';
import { gapBefore, type Token } from './text.js';
import { entryGroup, nameGroupKey } from './groups.js';
import { headType, isDescriptiveModifier } from './heads.js';

// --- proposals -----------------------------------------------------------------------

/** The candidates by a key of each, in their order. */
function groupBy<K>(chosen: readonly Cand[], key: (c: Cand) => K): Map<K, Cand[]> {
  const out = new Map<K, Cand[]>();
  for (const c of chosen) {
    const k = key(c);
    const l = out.get(k);
    if (l) l.push(c);
    else out.set(k, [c]);
  }
  return out;
}

function groupBySentence(chosen: Cand[]): Map<Sent, Cand[]> {
  return groupBy(chosen, (c) => c.sent);
}

const NEW_THING_BEFORE = /\b(?:a|an|our)\s+(?:new|novel)\s+(?:[\p{L}\p{N}-]+\s+){0,3}[\p{L}-]+,\s*$/iu;

export const NAMING_WORDS = /^(called|named|dubbed|termed|coined|codenamed)$/i;

/** The first name after `we propose`/`we construct` is the proposed one; so is `called X` and `X, a new ...`. */
export function markProposals(chosen: Cand[]): void {
  for (const c of chosen) {
    const prev = c.sent.tokens[c.i - 1];
    if (prev && NAMING_WORDS.test(prev.text)) c.named = true;
    // "X, a synthetic data augmentation algorithm" in a sentence about the paper: a new name introduced
    // (in "on A, B, the C benchmark and D" the phrase after B is the list's next member)
    if (!c.listed && c.sent.cues.self && !c.sent.cues.background && c.source !== 'lexicon' && appositive(c.sent.tokens, c.j, c.sent.text, c.sent.start) && !listMate(c.sent.tokens, c.i, c.sent.text, c.sent.start)) c.proposed = true;
    // "a new counting benchmark, X": the name of what the phrase before it introduces
    if (!c.listed && c.source !== 'lexicon' && NEW_THING_BEFORE.test(c.sent.text.slice(Math.max(0, c.start - c.sent.start - 80), c.start - c.sent.start))) c.proposed = true;
    if (c.source === 'long' && isDefinedPart(c)) c.proposed = true;
  }
  const bySent = groupBySentence(chosen);
  for (const [s, cs] of bySent) {
    for (const p of s.cues.proposeAll) {
      let first: Cand | null = null;
      for (const c of cs) if (c.i >= p && (!first || c.i < first.i)) first = c;
      if (first && first.i - p <= 6) {
        first.proposed = true;
        // "a cross-lingual ... approach, called CLP-Transfer": the name after `called` in the same phrase too
        for (const c of cs) if (c.named && c.i > first.i && c.i - first.i <= 12) c.proposed = true;
        // "an exact unlearning framework -- Sequence-aware Training (S3T)": the name after a dash or colon
        for (const c of cs) if (c.i > first.i && c.i - first.i <= 12 && /(?:--|—|–|:)\s*$/.test(s.text.slice(0, c.start - s.start))) c.proposed = true;
        // "we propose A, a retriever for ..., and B, a reranker": each name the proposal's list joins with "and"
        // (a listed name is one the paper takes, not one it introduces: neither may start or join the list)
        if (!first.listed) for (const c of cs) if (!c.listed && c.i > first.i && c.i - first.i <= 24 && joinedToProposal(s, first.j, c.i)) c.proposed = true;
      }
    }
  }
  // "Kelpnet introduces Reef Query Sampling (RQS), which ...": the paper's own name proposing a part of itself
  // (the subject need not be a candidate yet: later mentions of a name are added corpus-wide)
  const own = new Set(chosen.filter((c) => c.titleHead || c.proposed).map((c) => keyOf(c.text)));
  for (const [s, cs] of bySent) {
    if (s.isTitle || s.cues.background) continue;
    const t = s.tokens;
    for (let k = 1; k < t.length; k++) {
      if (!isProposalVerb(t[k]!.key) || /^(?:on|upon)$/.test(t[k + 1]?.key ?? '')) continue;
      let subject = '';
      for (let b = k - 1; b >= Math.max(0, k - 4) && !own.has(subject); b--) subject = t[b]!.key + subject;
      if (!own.has(subject)) continue;
      let next: Cand | null = null;
      for (const d of cs) if (d.i > k && d.i - k <= 3 && (!next || d.i < next.i)) next = d;
      if (next && !next.listed) next.proposed = true;
    }
  }
}

/**
 * "... through a Query Weaving Block (QWB)", "A Token Gate (TG) decides ...": once the paper speaks
 * of its own work, a new title-case name it defines after an article is a part of that work. A
 * technique the paper takes is defined without one ("we use Tide Moving Average (TMA)").
 */
function isDefinedPart(c: Cand): boolean {
  const { tokens, cues } = c.sent;
  if (c.listed || cues.background || cues.prior || !TITLE_CASE.test(c.text)) return false;
  // (up to two describing words between: "a lightweight Query Weaving Block", "a ViT-based Kelp Decoder")
  let words = 0;
  for (let k = c.i - 1; k >= 0 && words <= 2; k--) {
    // (a word's first token: "ViT-based" is read whole)
    if (tokens[k]!.glued) continue;
    const word = c.sent.text.slice(tokens[k]!.start - c.sent.start, tokens[c.i]!.start - c.sent.start).split(/\s+/)[0]!;
    if (/^(?:a|an)$/i.test(word)) return true;
    if (!/^(?:\p{Ll}+|[\p{L}\p{N}]+-\p{Ll}+)$/u.test(word) || isFunctionWord(word)) return false;
    words++;
  }
  return false;
}

// Words that end the proposal's noun phrase: a verb form, or a comparison ("A, which beats B and C").
const CLAUSE_WORD = /^(?:\p{Ll}{3,}(?:ed|ing|es)|than|over|against|versus|vs|which|that|who|where|while|whereas|but|is|are|was|were|has|have|can|to)$/u;

// ("to" is a clause word above)
const PREPOSITION = /^(?:from|of|on|in|with|using|for|by|via|into|as)$/;

/**
 * Does "and" right before token `i` join it to the proposed name ending at token `end`? Not
 * across a clause, and across a prepositional phrase only when a comma closes it ("A, a
 * retriever for X, and B"; in "A from X and B" B belongs to the phrase).
 */
function joinedToProposal(s: Sent, end: number, i: number): boolean {
  const and = s.tokens[i - 1];
  if (and?.key !== 'and') return false;
  let phrase = false;
  for (let k = end + 1; k < i - 1; k++) {
    const w = s.tokens[k]!.text;
    if (CLAUSE_WORD.test(w) || isCueVerb(w.toLowerCase())) return false;
    if (PREPOSITION.test(w)) phrase = true;
  }
  return !phrase || s.text.slice(s.tokens[i - 2]!.end - s.start, and.start - s.start).includes(',');
}

// --- enumerations ----------------------------------------------------------------

// "A and B as well as C": a list goes on past its "and"
const ALSO = /^\s*,?\s*as\s+well\s+as\s*$/;
const LIST_KINDS: ReadonlySet<string> = new Set(['dataset', 'model', 'method']);
const SYSTEM_KINDS: ReadonlySet<string> = new Set(['model', 'method']);
// ", 4.45 for ", " and 2.4x for ", " / 0.12% for ": the gap between two systems' stated results
const VALUE = String.raw`\d[\d.,%x×]*(?:\s*(?:m|ms|dB|s|pp|points?)\b)?`;
const VALUE_GAP = new RegExp(String.raw`^\s*(?:,|,?\s*and|,?\s*or|\/)?\s*${VALUE}(?:\s*(?:\/|and)\s*${VALUE})*\s+for\s+$`);

// A list member's own parenthesis ("A (93.8), B (97.1) and C"), and the noun before it, up to the
// comma or joint that goes on with the list
const MEMBER_PARENTHESIS = /^(?:(?:\s+\p{Ll}+)?\s*\([^()]*)?\)(?=\s*(?:,|and\s|or\s))/u;
// The rest of a member's word past its name ("Kelp5-para", the subset of a listed "Kelp5")
const MEMBER_TAIL = /^-[\p{Ll}\d]+(?=[\s,(])/u;
// A member's own data noun ("A, the Reef 2021 data, B and C")
const MEMBER_DATA_NOUN = /^\s+(?:data|dataset|benchmark|corpus)(?=\s*,|\s+(?:and|or)\s)/;
// "A, the B, C": an article opening a middle member
const MIDDLE_ARTICLE = /^(\s*,\s*)the\s+$/;
// "A, B and the C dataset": an article alone before the last member
const LAST_ARTICLE = /^(\s*,?\s*(?:and|or))\s+the\s+$/;
// "A, B and the entire C", "and the page-level D": an article and a modifier before the last member
// (an article alone may open a list of its own: "and the Reef and Tide tasks")
const LAST_MEMBER_MODIFIER = /(\band|\bor)\s+the\s+([\p{Ll}][\p{Ll}\d]*(?:-[\p{Ll}\d]+)*)\s*$/u;

/** The gap with an article and a modifier that only describes or scopes the last member ("the entire", "the page-level") left out; "the model-based D" says what kind it is. */
function withoutLastModifier(gap: string): string {
  return gap.replace(LAST_MEMBER_MODIFIER, (all, joint: string, mod: string) => (isDescriptiveModifier(mod) || /-(?:level|scale|wide)$/.test(mod) ? `${joint} ` : all));
}

/** The text between two names as a list reads it, with the first name's own parenthesis left out. */
function listGap(a: Cand, raw: string, b: Cand): string {
  // "on the Kelp suites (Rope, Shelf), Reef-T and B": a list goes on past a member's own parenthesis
  if (a.source !== 'acronym') {
    const gap = raw.replace(MEMBER_TAIL, '').replace(MEMBER_DATA_NOUN, '').replace(MEMBER_PARENTHESIS, '');
    // (before a name: "and the gated recurrent model" names a kind of thing, no member like the others)
    if (!/^[\p{Lu}\d]/u.test(b.text)) return gap;
    const named = withoutLastModifier(gap);
    // "A, B and the C wearable dataset": a last member its own data noun types, after its article
    return (b.type === 'dataset' && b.conf >= 0.75 ? named.replace(LAST_ARTICLE, '$1 ') : named).replace(MIDDLE_ARTICLE, '$1');
  }
  // "On Reef Shapes (RS) and B": and past the acronym its member defines, to its "and", but not past the
  // parenthesis an acronym closes before a clause ("from the Kelp Benchmark (KB), X reaches ...")
  return /^\)\s*,?\s*(?:and|or)\s+$/.test(raw) ? raw.slice(1) : raw;
}

/**
 * "Kelpgraph, Reefgraph, Chameleon and Tidegraph": a listed system's name in a list that is mostly
 * datasets is the dataset of the same name (names are reused: a model and a graph benchmark).
 */
function asDatasets(strong: readonly Cand[]): void {
  const data = strong.filter((c) => c.type === 'dataset').length;
  const systems = strong.filter((c) => c.type !== 'dataset');
  if (data < 2 || systems.length >= data || !systems.every((c) => c.source === 'lexicon' && (c.type === 'model' || c.type === 'method') && !c.family)) return;
  for (const c of systems) {
    c.type = 'dataset';
    c.group = entryGroup('dataset', keyOf(c.name));
  }
}

/**
 * "methods such as KelpMIM and KMS", "(KMS, KelpMIM)": a listed measure's acronym listed with
 * techniques and systems, and with no other measure, is a technique the acronym also names (a
 * measure is listed with measures: "KMS and recall"). It goes by its own spelling, not the measure's names.
 */
function techniqueAmongSystems(run: readonly Cand[]): void {
  const measures = run.filter((c) => c.type === 'metric');
  const m = measures[0];
  if (measures.length !== 1 || m!.source !== 'lexicon' || !isMeasureAcronym(m!.text)) return;
  if (!run.some((c) => c !== m && (c.type === 'method' || c.type === 'model') && c.conf >= 0.75)) return;
  // (not where the sentence measures with it: "the lowest KMS (0.41), and KelpNet the lowest error")
  if (measureContext(m!.sent.tokens, m!.i, m!.j, m!.sent.text, m!.sent.start)) return;
  // (what the list is of says so, where the sentence names it: "methods such as A and KMS", not "metrics such as B or C")
  const kind = classBefore(run[0]!);
  if (kind === undefined || kind === 'method' || kind === 'model') asTechnique(m!);
}

/**
 * The type of the class noun an enumeration exemplifies ("methods such as A, B", "models like A",
 * "objectives (A, B)"), null for another noun, undefined where the sentence names none.
 */
function classBefore(first: Cand): EntityType | null | undefined {
  const before = first.sent.text.slice(0, first.start - first.sent.start);
  // ("measures for reef systems, such as KMS": a measure noun before it says what is listed)
  if (/\b(?:metrics?|measures?|scores?)\b/i.test(before)) return null;
  const w = /([\p{L}-]+)\s*(?:,?\s*(?:such as|like|including|namely|e\.g\.,?)|\()\s*$/u.exec(before);
  return w ? headType(w[1]!.toLowerCase()) : undefined;
}

/**
 * Once the paper writes a listed measure's acronym for a technique ("methods such as KelpMIM and KMS"),
 * its other mentions are that technique too, unless a sentence measures with it ("cuts the KMS by 3 points").
 */
export function alignTechniqueAcronyms(chosen: Cand[]): void {
  const techniques = new Set(chosen.filter((c) => c.type === 'method' && c.source === 'lexicon' && nameGroupKey(c.group) !== null && isMeasureAcronym(c.text)).map((c) => keyOf(c.text)));
  if (techniques.size === 0) return;
  for (const c of chosen) {
    if (c.type === 'metric' && c.source === 'lexicon' && techniques.has(keyOf(c.text)) && !measureContext(c.sent.tokens, c.i, c.j, c.sent.text, c.sent.start)) asTechnique(c);
  }
}

/**
 * "the reef wiring length (RWL) drives each update ... Kelpo reduces RWL by 4.7%": an acronym
 * whose long form names no kind of thing is a measure once a sentence measures with it, the paper
 * reports it, or a score noun follows its definition.
 */
export function typeMeasuredAcronyms(chosen: Cand[]): void {
  for (const cs of groupBy(chosen, (c) => c.group).values()) {
    if (cs.some((c) => c.type !== null) || !cs.some((c) => c.source === 'acronym')) continue;
    if (!cs.some((c) => measureContext(c.sent.tokens, c.i, c.j, c.sent.text, c.sent.start) || reportedMeasure(c))) continue;
    for (const c of cs) {
      c.type = 'metric';
      c.conf = Math.max(c.conf, 0.8);
    }
  }
}

// "we report A, B and the C (CS)": what a paper reports, straight after the verb, are its measures
// (not "report scores on X", "report X for Y")
const REPORTS = /(?:\b[Ww]e|\band|,)\s+report(?:s|ing)?\s+((?:[^\s;:]+\s+){0,8})[^\s;:]*$/;
const NOT_MEASURED = /\b(?:on|in|for|with|from|over|across|by|to|that|which|whether|how|show|shows|results?|experiments?)\b/;
// "the reef kappa (RK) score", "an optimal reef scale (ORS) F-score of 0.9"
const MEASURE_NOUN_AFTER = /^(?:score|scores|f-score|f1|accuracy|metric)$/;

function reportedMeasure(c: Cand): boolean {
  if (c.source === 'acronym' && MEASURE_NOUN_AFTER.test(c.sent.tokens[c.j + 1]?.key ?? '')) return true;
  const m = REPORTS.exec(c.sent.text.slice(0, c.start - c.sent.start));
  return m !== null && !NOT_MEASURED.test(m[1]!.toLowerCase());
}

/**
 * `Kelp-A, ReefNet, TideBench, and SHOAL`: members of one enumeration
 * share a type, so a listed dataset (or model, or, two of them leading, technique)
 * types its unknown neighbours.
 */
export function propagateLists(chosen: Cand[]): void {
  const bySent = groupBySentence(chosen);
  for (const [s, cs] of bySent) {
    cs.sort((a, b) => a.start - b.start);
    let run: Cand[] = [cs[0]!];
    // "versus 5.6 for A, 4.4 for B and 4.2 for C": systems a result is stated for, one kind of thing;
    // a method among them types them too, unless only a stated value typed it
    let valued = false;
    const flush = (): void => {
      if (run.length >= 2) {
        if (!valued) techniqueAmongSystems(run);
        const kinds = valued ? SYSTEM_KINDS : LIST_KINDS;
        const typed = run.filter((c) => c.type && c.conf >= 0.6 && kinds.has(c.type) && !(valued && c.source === 'shape' && c.conf < 0.75));
        // (members a list or a definition typed outweigh a guess from the verb before the list)
        const strong = typed.filter((c) => c.conf >= 0.75);
        asDatasets(strong);
        const anchor = strong.length > 0 ? strong : typed;
        const types = new Set(anchor.map((c) => c.type));
        // (a technique among systems is common, "KelpRank, KelpRetriever and B": two techniques make a list of them)
        // ("beats FCXF, CoKelpNet, RoIKr and PEKL": where only guesses type the members, one whose spelling
        // names an architecture makes the list one of systems)
        if (strong.length === 0 && types.size === 2 && types.has('method') && types.has('model') && typed.some((c) => c.type === 'model' && isArchitectureName(c.text))) {
          // (above a bare guess, 0.6, so the paper's own kind does not take them back: entities.ts, baselinesOfOwnKind)
          for (const c of run) if (c.source === 'shape' && (c.type === 'method' || c.type === 'model') && !c.named && c.conf <= 0.6) {
            c.type = 'model';
            c.conf = 0.65;
          }
        } else if (types.size === 1 && (!types.has('method') || (valued || strong.length >= 2))) {
          const t = [...types][0]!;
          const strength = Math.max(...anchor.map((c) => c.conf));
          // (an architecture's own name keeps it a system in a list of techniques: "KelpRank, KelpGCN")
          for (const c of run) if (c.source === 'shape' && c.conf < Math.min(0.75, strength) && !c.named && !(t === 'method' && isArchitectureName(c.text))) {
            c.type = t;
            c.conf = Math.min(0.75, strength);
          }
        }
      }
    };
    // an enumeration ends at its "and"/"or" member: "on A, B and C, X matches ..." leaves X out
    let closed = false;
    let a = cs[0]!;
    for (let k = 1; k < cs.length; k++) {
      const b = cs[k]!;
      const raw = s.text.slice(a.end - s.start, b.start - s.start);
      // "on A (R2 0.95) and B (0.86)": a measure inside a member's parenthesis is no member; the list reads past it
      if (b.type === 'metric' && /^\s*\(\s*$/.test(raw)) continue;
      const gap = listGap(a, raw, b);
      // ("..., and B is pretrained on ...": after a comma a name that a verb follows opens a clause)
      const valueGap: boolean = gap.length < 60 && VALUE_GAP.test(gap) && (run.length === 1 || valued);
      // "KelpSuite (MolQ, MolR and MolS)": the parts a dataset lists in parentheses are datasets
      const partsOf = run.length === 1 && a.type === 'dataset' && a.conf >= 0.75 && /^\s*\(\s*$/.test(gap);
      const also = ALSO.test(gap);
      if ((!closed || also) && ((/^\s*(,|,?\s*and|,?\s*or|\/)\s*$/.test(gap) && !valued) || also || valueGap || partsOf) && !(/^\s*,\s*(?:and\s+|or\s+)?$/.test(gap) && opensClause(s.tokens, b.j))) {
        run.push(b);
        valued = valueGap;
        closed = /\b(?:and|or|as)\b/.test(gap);
      } else {
        flush();
        run = [b];
        valued = false;
        // ("on A 2.0 and B, X ...": B came after an "and", so it ends its list too)
        closed = /\b(?:and|or)\s*$/.test(gap);
      }
      a = b;
    }
    flush();
  }
}

/**
 * "On KELP-9, Harbour, Fenland and Gannet-2, ...", "trained on KelpBench and Moorland": a
 * dataset's enumeration goes on through capitalised ordinary words, which are datasets too (many
 * are named with one: a place, an animal, a domain). Read from each strongly typed dataset
 * outwards, over ", W" / "and W" / "or W" members, through the list's other datasets; a new member
 * is one capitalised token, no language.
 */
const COMMA = /^\s*,\s*$/;
const SPACES = /^\s+$/;
const AND_OR = /^(?:and|or)$/;

export function completeEnumerations(chosen: Cand[]): void {
  const added: Cand[] = [];
  for (const [s, cs] of groupBySentence(chosen)) {
    const at = new Map<number, Cand>();
    for (const c of cs) for (let k = c.i; k <= c.j; k++) at.set(k, c);
    const t = s.tokens;
    const gap = (k: number) => gapBefore(t, k, s.text, s.start);
    // (one word, ending there: not the start of a longer name, "Face R-FCN", nor a clause's subject,
    // nor a cited author, "Yang (2018)"; and not the end of one, "Animals with Attributes")
    const memberWord = (k: number) => {
      const w = t[k];
      if (!w || w.glued || t[k + 1]?.glued || !/^\p{Lu}\p{Ll}{2,}$/u.test(w.text) || isFunctionWord(w.key) || isLanguageName(w.key) || at.has(k)) return false;
      const next = t[k + 1];
      if (next && ((/^[\p{Lu}\d]/u.test(next.text) && SPACES.test(gap(k + 1))) || opensClause(t, k) || /^\s*\(\s*\d/.test(s.text.slice(w.end - s.start, next.end - s.start)))) return false;
      // (nor the last word of a name, "KELP Keypoints")
      const prev = t[k - 1];
      if (prev && /^[\p{Lu}\d]/u.test(prev.text) && SPACES.test(gap(k))) return false;
      return !/^(?:with|of|for|from|in|by|to)$/.test(prev?.key ?? '');
    };
    const addMember = (k: number, type: EntityType): void => {
      const m = mkCand(s, k, k, 'shape', { type, conf: 0.6 });
      at.set(k, m);
      added.push(m);
    };
    // "KELPAR, Shepherd, ReefGBM": a capitalised word between two systems of a comma list is one of them
    const isSystem = (c: Cand | undefined) => (c?.type === 'model' || c?.type === 'method') && isNameShaped(c.text);
    for (let k = 2; k + 2 < t.length; k++) {
      const before = at.get(k - 1);
      const after = at.get(k + 1);
      if (!before || !after || before.j !== k - 1 || after.i !== k + 1 || !COMMA.test(gap(k)) || !COMMA.test(gap(k + 1))) continue;
      if (!isSystem(before) || !isSystem(after) || !memberWord(k)) continue;
      addMember(k, before.type === after.type ? before.type! : 'model');
    }
    // the first token of the next member after a list joint that follows token e (", X", " and X", ", and X"), or -1
    const memberAfter = (e: number): number => {
      const k = e + 1;
      if (k >= t.length) return -1;
      const g = gap(k);
      if (SPACES.test(g) && AND_OR.test(t[k]!.key)) return k + 1;
      if (!COMMA.test(g)) return -1;
      return AND_OR.test(t[k]!.key) ? k + 1 : k;
    };
    // the last token of the member before a list joint that precedes token b ("X, ", "X and "), or -1
    const memberBefore = (b: number): number => {
      const k = b - 1;
      if (k <= 0) return -1;
      if (AND_OR.test(t[k]!.key) && SPACES.test(gap(b))) return k - 1;
      return COMMA.test(gap(b)) ? k : -1;
    };
    for (const c of cs) {
      const kind = c.type;
      // (most candidates have no list joint next to them: they are left before their shape is read)
      if (!kind || c.conf < 0.75 || (memberAfter(c.j) < 0 && memberBefore(c.i) < 0)) continue;
      // (a list of datasets goes on from any strong one; a list of systems from a listed or name-shaped one,
      // "Kelpformer, Reefformer and Harbour", through words that name no kind of the noun after them, "and Reefo adapters",
      // and only past a second system where the first is a word itself, as a listed "Marten" may name a model or a graph)
      const system = (kind === 'model' || kind === 'method') && c.conf >= 0.8 && ((c.source === 'lexicon' && /^\p{Lu}/u.test(c.text)) || isNameShaped(c.text));
      if (kind !== 'dataset' && !system) continue;
      const joins = (k: number) => memberWord(k) && (!system || (!modifiesNounAfter(t, k) && !RELEASE_TIER.test(t[k]!.text)));
      const same = (x: Cand | undefined) => x?.type === kind;
      const members: number[] = [];
      let mates = 0;
      // forwards: after the member ending at token e comes ", X" or " and X"
      for (let e = c.j; ; ) {
        const k = memberAfter(e);
        if (k < 0) break;
        const next = at.get(k);
        if (next && next.i === k && same(next)) {
          e = next.j;
          mates++;
        } else if (joins(k)) {
          members.push(k);
          e = k;
        } else break;
      }
      // backwards: "Heath, Moor and <c>", such words before it
      for (let b = c.i; ; ) {
        const k = memberBefore(b);
        if (k < 0) break;
        const prev = at.get(k);
        if (prev && prev.j === k && same(prev)) {
          b = prev.i;
          mates++;
        } else if (joins(k) && k > 0) {
          members.push(k);
          b = k;
        } else break;
      }
      if (members.length > 0 && (kind === 'dataset' || mates > 0 || isNameShaped(c.text))) for (const k of members) addMember(k, kind);
    }
  }
  chosen.push(...added);
}

/** "Reefo adapters": the word at k names the kind of the noun after it (a plural or a kind of thing), no system of its own. */
function modifiesNounAfter(t: readonly Token[], k: number): boolean {
  const after = t[k + 1];
  if (!after || after.glued || !/^\p{Ll}/u.test(after.text)) return false;
  return headType(after.key) !== null || (/[^su]s$/.test(after.key) && !/Verb|PresentTense/.test(lexTag(after.key) ?? ''));
}

// --- families ----------------------------------------------------------------------

/**
 * "Tallow-13B" in the abstract and "Tallow" in the title: a sized, tiered or lettered model and its base in
 * one paper are one family. The variant links to the base, and when either is a model both are
 * (a 13B model makes its family a model), unless a list or a definition typed them already.
 */
export function alignVariantFamilies(chosen: Cand[]): void {
  const byKey = groupBy(chosen, (c) => keyOf(c.text));
  for (const v of chosen) {
    if (v.listed) continue;
    // (a language pair is part of its corpus wherever the corpus is named alone: "KMT14 English-German")
    if (v.type === 'dataset') v.family ??= languagePairBase(v.text);
    for (const base of variantBases(v.text)) {
      const bases = byKey.get(keyOf(base));
      if (!bases) continue;
      const family = [v, ...bases].filter((c) => !c.listed);
      // (either one typed a model makes the other one too: "PatchMixer" in the title, "PatchMixer-L" below)
      if (family.some((c) => c.type === 'model')) for (const c of family) if (c.source === 'shape') c.type = 'model';
      v.family ??= bases[0]!.text;
      break;
    }
  }
}

const SIBLING = /^(.{3,}?)[-_][\p{L}\p{N}]+$/u;

/**
 * "KelpPep-func" and "KelpPep-struct", "Reef-50K" and "Reef-FULL": names that share a stem before their last
 * hyphen are parts of one collection, so a dataset among them makes its siblings that a weaker guess typed
 * datasets too.
 */
export function alignDatasetSiblings(chosen: Cand[]): void {
  const byStem = new Map<string, Cand[]>();
  for (const c of chosen) {
    const m = SIBLING.exec(c.text);
    if (!m) continue;
    const k = keyOf(m[1]!);
    const group = byStem.get(k);
    if (group) group.push(c);
    else byStem.set(k, [c]);
  }
  for (const group of byStem.values()) {
    if (!group.some((c) => c.type === 'dataset' && (c.conf >= 0.75 || c.listed))) continue;
    // (not a sibling spelled as another kind of thing: "Kelp-bench" and "Kelp-agent")
    for (const c of group) if (c.type !== 'dataset' && c.source === 'shape' && c.conf < 0.75 && !c.named && morphType(c.text) === null) {
      c.type = 'dataset';
      c.conf = 0.75;
    }
  }
}

// --- assembly ----------------------------------------------------------------------

export function resolveOverlaps(cands: Cand[]): Cand[] {
  const sorted = [...cands].sort((a, b) => b.prio - a.prio || b.end - b.start - (a.end - a.start) || a.start - b.start);
  const taken: Cand[] = [];
  const occupied = new Map<string, Array<[number, number]>>();
  for (const c of sorted) {
    const k = c.sent.field;
    const list = occupied.get(k) ?? [];
    if (list.some(([s, e]) => c.start < e && s < c.end)) continue;
    list.push([c.start, c.end]);
    occupied.set(k, list);
    taken.push(c);
  }
  return taken.sort((a, b) => (a.sent.field === b.sent.field ? a.start - b.start : a.sent.field === 'title' ? -1 : 1));
}

/** "X: rest of title" — X names what the paper proposes. */
