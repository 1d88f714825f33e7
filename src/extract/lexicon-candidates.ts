// Candidates from the lexicon, with splits (`Split CIFAR-100`), hyphen prefixes
// (`self-active learning`) and specific modifiers (`text prompt tuning`).
import { asTechnique, isMeasureAcronym, keyOf, mkCand, spanText, type Cand, type PaperContext, type Sent } from './candidate.js';
import type { EntityType, LexiconEntry } from './types.js';
import { isAdverb, isCommonWord, isFunctionWord, isLanguageName, isPlaceLike, lexTag } from './english.js';
import { entryGroup } from './groups.js';
import { matchLexicon, type LexMatch } from './lexicon-index.js';
import { isCueVerb } from './roles.js';
import { DATASET_PREFIXES, isArchitectureName, isNameShaped, isStopName, morphType, RELEASE_TIER, ROMAN_EDITION } from './shapes.js';
import { headType, isDescriptiveModifier, OBJECT_TASK_HEADS, TASK_TERM_HEADS } from './heads.js';
import { compoundStart, evaluationOn, followingHead, phraseEndsAfter } from './context.js';
import { gapBefore, isWordJoint, wordStart } from './text.js';

// --- lexicon and known names ------------------------------------------------

export function lexiconCandidates(ctx: PaperContext, s: Sent): Cand[] {
  const out: Cand[] = [];
  let prev: LexMatch | null = null;
  for (const matched of matchLexicon(ctx.index, s.tokens, s.text, s.start)) {
    const m = withoutDataNoun(s, matched);
    const e = m.surface.entry;
    const before = prev;
    prev = m;
    if (e.type === 'metric' && numericPrecision(s, m.i)) continue;
    // ("a KELP-pretrained encoder": a measure is never trained; the acronym names the technique that trains)
    if (e.type === 'metric' && isMeasureAcronym(m.surface.text) && s.tokens[m.j + 1]?.joiner === '-' && TRAINED.test(s.tokens[m.j + 1]!.text)) {
      const c = mkCand(s, m.i, m.j, 'lexicon', { type: 'method' });
      asTechnique(c);
      out.push(c);
      continue;
    }
    // "FLAVA ViT-B/8": a listed model family before a listed sized backbone names
    // that model's release with the backbone (the most specific name the text gives)
    if (before && e.type === 'model' && e.family && before.surface.entry.type === 'model' && !before.surface.entry.family && before.j + 1 === m.i && spacedAt(s, m.i)) {
      out.push(mkCand(s, before.i, m.j, 'lexicon', { name: spanText(s, before.i, m.j), type: 'model', conf: 0.8, family: before.surface.entry.name }));
    }
    let i = m.i;
    let name = spanText(s, m.i, m.j);
    // "a hierarchical transformer": a kind of system in lower case is a description (ENTITIES.md); an
    // "autoencoder" is a technique, trained for what it encodes
    if (m.i === m.j && !s.tokens[m.i]!.glued && !s.tokens[m.i + 1]?.glued && /^\p{Ll}+$/u.test(name) && headType(name) === 'model' && !/encoders?$/.test(name)) continue;
    let family = e.family;
    if (s.tokens[m.i]!.glued) {
      // "self-active learning", "Tiny-ImageNet": the whole word names a variant of the listed entry.
      // (not across the slashes of a list: "KelpLSTM/GanCNN/PufRNN")
      while (i > 0 && s.tokens[i]!.glued && !isWordJoint(s.tokens, i)) i--;
      // ("targeted text-to-image generation": specific modifiers before it, as for any listed technique;
      // "the information post-unlearning" says when, and the words before it are not its modifiers)
      if ((e.type === 'method' || e.type === 'task') && !/^(?:post|after)$/i.test(s.tokens[i]!.text)) i = leftExtension(s, i);
      const text = spanText(s, i, m.j);
      // "Kelp-TTS", "F9-NER": a name joined to a task's acronym names a system that does the task, or,
      // by its spelling, the data for it ("Kelp-QA", "Gannet-NLI")
      if (e.type === 'task' && systemForTask(s, i, m.i)) {
        out.push(mkCand(s, i, m.j, 'lexicon', { name: text, type: morphType(text) === 'dataset' ? 'dataset' : 'model', conf: 0.7 }));
        continue;
      }
      // "Kelp-R1", "Reef-MAE": a name before a measure's short name is a system named after it (weakly
      // typed, so that context decides); a measure keeps its modifiers and adjectives ("Macro-F1", "Low-Recall")
      if (e.type === 'metric' && !s.tokens[i]!.glued && /^\p{Lu}/u.test(s.tokens[i]!.text) && !METRIC_MODIFIER.test(s.tokens[i]!.text) && !/Adjective|Comparative|Superlative/.test(lexTag(s.tokens[i]!.key) ?? '')) {
        out.push(mkCand(s, i, m.j, 'shape', { name: text, type: morphType(text) ?? 'model', conf: 0.6 }));
        continue;
      }
      // ("61.4% on KELP-MMD II": a capitalised name glued to a technique's short name, where a result is reported, is a benchmark, with its part number)
      const reported = e.type === 'method' && /^\p{Lu}/u.test(s.tokens[i]!.text) ? evaluationOn(s.tokens, i, s.cues.evaluative, m.j) : null;
      if (reported?.type === 'dataset' && reported.strength >= 0.75) {
        const end = spacedAt(s, m.j + 1) && ROMAN_EDITION.test(s.tokens[m.j + 1]!.text) && !s.tokens[m.j + 2]?.glued ? m.j + 1 : m.j;
        out.push(mkCand(s, i, end, 'shape', { name: spanText(s, i, end), type: 'dataset', conf: 0.75 }));
        continue;
      }
      // ("Foo-7B-RL": a sized system trained with the listed technique is a model)
      // ("Kelp-GNN": a named network of the listed kind, spelled as one)
      const type = e.type === 'method' && (morphType(text) === 'model' || isArchitectureName(text)) ? 'model' : e.type;
      out.push(mkCand(s, i, m.j, 'lexicon', { name: text, type, conf: 0.75, family: e.name }));
      continue;
    }
    // "Split CIFAR-100": a split of a known dataset keeps the specific name and links to the base.
    const p = s.tokens[m.i - 1];
    if (e.type === 'dataset' && p && !p.glued && DATASET_PREFIXES.has(p.text.toLowerCase()) && /^\p{Lu}/u.test(p.text)) {
      i = m.i - 1;
      name = spanText(s, i, m.j);
      family = e.name;
    }
    // "Levenshtein Transformer", "3D U-Net": a proper name or a dimension before a listed architecture's
    // capitalised name makes a named variant of it (a common word before it describes: "Attentional Encoder-Decoder")
    // ("Key-Kelp Memory Networks": a hyphened pair of such words too)
    const variantStart = p && (e.type === 'model' || e.type === 'method') && i === m.i && !s.isTitle && /^\p{Lu}/u.test(name) ? namesVariantFrom(ctx, s, m.i - 1) : -1;
    if (variantStart >= 0) {
      // ("Kettle Transformer V2": with its version)
      const j = versionEnd(s, m.j);
      const text = spanText(s, variantStart, j);
      const c = mkCand(s, variantStart, j, 'lexicon', { name: text, type: morphType(text) ?? e.type, conf: 0.75, family: e.name });
      // (the list holds only its base: the paper may propose this one)
      c.listed = false;
      out.push(c);
      continue;
    }
    // "WMT'14 En-De", "IWSLT 2017 German-English": an edition and a language pair name one part of a listed dataset;
    // "MoCo v2": a version names one release of any listed name (and a task with a version is its dataset: "VQA v2")
    const v = versionEnd(s, m.j);
    const j = e.type === 'dataset' ? editionEnd(s, v) : e.type === 'model' ? tierEnd(s, /\p{Lu}/u.test(name) ? releaseEnd(s, v) : v) : v;
    if (j > m.j) {
      out.push(mkCand(s, i, j, 'lexicon', { name: spanText(s, i, j), type: e.type === 'task' ? 'dataset' : e.type, conf: 0.8, aliases: [e.name], family: e.name }));
      continue;
    }
    const conf = m.surface.caseSensitive ? 0.8 : 0.92;
    const bare = e.type === 'metric' && takesQualifier(s, m);
    if ((e.type === 'method' || e.type === 'task' || bare) && i === m.i) {
      const ext = bare && splitOfMeasure(s, m.i) ? m.i - 1 : leftExtension(s, m.i, bare ? 1 : 2);
      if (ext < m.i) {
        const text = spanText(s, ext, m.j);
        const c = mkCand(s, ext, m.j, 'lexicon', { name: text, type: titleProblem(s, ext, text, e.type), conf: 0.75, family: e.name });
        // a specific variant the paper names ("iterative anchored fine-tuning"): the list holds only its base
        c.listed = false;
        out.push(c);
        continue;
      }
    }
    const type = e.type === 'model' && !family && namesData(s, m.j) ? 'dataset' : titleProblem(s, i, name, e.type);
    // (a split of a listed dataset links to it by its name; the listed entity itself is known by all its names,
    // so that one paper's "F1 scores" and another's "F1" find one node)
    const aliases = family === e.name ? [e.name] : otherNames(e, name);
    out.push(mkCand(s, i, m.j, 'lexicon', { group: entryGroup(type, keyOf(e.name), family === e.name ? keyOf(name) : undefined), name, type, conf, aliases, family }));
  }
  return out;
}

/** The listed entry's name and aliases other than the spelling the text gives. */
function otherNames(e: LexiconEntry, spelling: string): string[] {
  const seen = new Set([keyOf(spelling)]);
  const out: string[] = [];
  for (const n of [e.name, ...e.aliases]) {
    const k = keyOf(n);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(n);
  }
  return out;
}

/**
 * "harbour accuracy", "berth success rate", "shell AP": a measure named by its quantity alone keeps the one word before
 * it that says what is counted; not where it modifies a noun after it ("sizable accuracy gains"), after a
 * kind of problem, an entity of its own ("node classification accuracy"), or after a degree ("average").
 */
function takesQualifier(s: Sent, m: LexMatch): boolean {
  const before = s.tokens[m.i - 1]?.key ?? '';
  return BARE_MEASURE.test(m.surface.entry.name) && !MEASURE_CHANGE.test(s.tokens[m.j + 1]?.key ?? '') && !TASK_TERM_HEADS.has(before) && !OBJECT_TASK_HEADS.has(before) && !DEGREE.test(before);
}

const SUBJECT_OR_MODAL = /^(?:we|they|to|can|could|will|would|may|might|also|then|further)$/;

/** "test accuracy", "validation error": the split a bare measure is taken on (a verb after a subject: "we test"). */
function splitOfMeasure(s: Sent, i: number): boolean {
  const before = s.tokens[i - 1];
  return before !== undefined && !before.glued && !s.tokens[i]!.glued && /^(?:test|validation)$/.test(before.text) && spacedAt(s, i) && !SUBJECT_OR_MODAL.test(s.tokens[i - 2]?.key ?? '');
}

// Measures named by their quantity alone, which papers qualify by what is counted or how
const BARE_MEASURE = /^(?:accuracy|success rate|error rate|F1|F1 score|AP|precision|recall)$/i;
const MEASURE_CHANGE = /^(?:drops?|gains?|loss|losses|degradation|improvements?|boosts?|penalty|costs?|gaps?|trade-offs?|tradeoffs?|increases?|decreases?|reductions?|declines?)$/;
// Words that say how much or over what a measure is taken, not what it measures ("average success rate", "less accuracy")
const DEGREE = /^(?:average|averaged|mean|equal|less|more|sizable|sizeable|severe|substantial|considerable|marginal|slight)$/;

/**
 * "the Kelp benchmark", where the list spells "Kelp benchmark": a listed dataset whose list name ends in
 * a lower-case noun for data ("Reef data") is named by the words before it, as any dataset is (ENTITIES.md:
 * "a large-scale dataset" is no name); the list's spelling stays an alias.
 */
function withoutDataNoun(s: Sent, m: LexMatch): LexMatch {
  const last = s.tokens[m.j]!;
  if (m.surface.entry.type !== 'dataset' || m.j === m.i || last.glued || !/^(?:benchmark|dataset|corpus|data)$/.test(last.text)) return m;
  return { ...m, j: m.j - 1 };
}

/**
 * "the Kelp dataset", "the Kelp training set": a listed system's bare name before a noun for data
 * names the data released with it, which papers train and test on under the same name. (A
 * "suite" or "collection" of a system is its family of checkpoints.)
 */
function namesData(s: Sent, j: number): boolean {
  const h = followingHead(s.tokens, j);
  const next = s.tokens[j + 1];
  // ("Kelp Benchmark II" is a longer name of its own)
  return h?.type === 'dataset' && h.strength >= 0.8 && /^\p{Ll}/u.test(next!.text) && !/^(?:suite|suites|collection|collections)$/.test(next!.key);
}

/** "Tide Penalties for Offline Reinforcement Learning": a learning paradigm the title is "for" or "in" is the problem the paper addresses, a task. */
function titleProblem(s: Sent, i: number, name: string, type: EntityType): EntityType {
  return type === 'method' && s.isTitle && /^(?:for|in)$/.test(s.tokens[i - 1]?.key ?? '') && /\bLearning$/.test(name) ? 'task' : type;
}

/**
 * "full-precision", "4-bit precision", "half precision weights": how precisely numbers are stored, not the measure.
 * (Spaced, "low precision" and "high precision" are as often the measure's values: only hyphened they make a format.)
 */
function numericPrecision(s: Sent, i: number): boolean {
  const t = s.tokens;
  if (t[i]!.key !== 'precision' || i === 0) return false;
  const hyphened = t[i]!.glued && t[i]!.joiner === '-';
  if (!hyphened && (t[i]!.glued || !/^\s+$/.test(s.text.slice(t[i - 1]!.end - s.start, t[i]!.start - s.start)))) return false;
  const word = t[i - 1]!.text;
  if (/^bit$/i.test(word)) return i > 1 && /^\d+$/.test(t[i - 2]!.text);
  return NUMBER_FORMAT.test(word) || (hyphened && /^(?:low|lower|high|higher)$/i.test(word));
}

const TRAINED = /^(?:pretrained|trained|initiali[sz]ed|finetuned|distilled)$/i;

const NUMBER_FORMAT = /^(?:full|half|mixed|single|double|reduced|arbitrary|fp\d+|bf16|int\d+)$/i;

// Words that qualify a measure before a hyphen ("Macro-F1", "Top-5", "Mean-IoU", "Box-AP", "Sacre-BLEU").
const METRIC_MODIFIER = /^(?:pr|prc|roc|macro|micro|weighted|mean|avg|average|top|balanced|log|root|normali[sz]ed|relative|exact|box|mask|pixel|frame|token|word|char|character|sentence|class|instance|sample|sacre|self|inter|intra|rank)$/i;

/** Tokens [i, k) are a name ("Kelp", "F9") hyphened to the task acronym at k. */
function systemForTask(s: Sent, i: number, k: number): boolean {
  const t = s.tokens;
  if (k !== i + 1 || t[k]!.joiner !== '-' || !/^\p{Lu}{2,}$/u.test(t[k]!.text)) return false;
  const w = t[i]!.text;
  return isNameShaped(w) || (/^\p{Lu}\p{Ll}+$/u.test(w) && !isCommonWord(w.toLowerCase()));
}

/**
 * The first token of the word that ends at token k if that word makes the following listed name a named
 * version of it (namesVariant), else -1. For a hyphened word, every part must be a capitalised word that would qualify alone.
 */
function namesVariantFrom(ctx: PaperContext, s: Sent, k: number): number {
  if (!s.tokens[k]!.glued) return namesVariant(ctx, s, k) ? k : -1;
  const start = wordStart(s.tokens, k);
  if (!/^\s+$/.test(gapBefore(s.tokens, k + 1, s.text, s.start))) return -1;
  for (let x = start; x <= k; x++) {
    if ((x > start && s.tokens[x]!.joiner !== '-') || !capitalisedNameWord(s, x, 3)) return -1;
  }
  return start;
}

/**
 * Is the word at token k, right before a listed name, a proper name, an unlisted acronym or a dimension
 * ("Levenshtein", "KA Faster R-CNN", "3D")? (A listed name there is a name of its own: "CNN Transformer".)
 */
function namesVariant(ctx: PaperContext, s: Sent, k: number): boolean {
  const w = s.tokens[k]!.text;
  if (!/^\s+$/.test(gapBefore(s.tokens, k + 1, s.text, s.start))) return false;
  if (/^[1-4]D$/.test(w)) return true;
  if (/^\p{Lu}{2,5}$/u.test(w) && !s.tokens[k]!.glued && !ctx.index.byKey.has(s.tokens[k]!.key)) return true;
  return capitalisedNameWord(s, k, 4);
}

/** A capitalised word of at least minLength letters (not a sentence's or clause's first) that reads as a name's word, not a description. */
function capitalisedNameWord(s: Sent, k: number, minLength: number): boolean {
  const w = s.tokens[k]!.text;
  const low = w.toLowerCase();
  // (not the sentence's or a clause's first word, which is capitalised anyway)
  const clauseStart = k === 0 || /[(:;]\s*$/.test(s.text.slice(0, s.tokens[wordStart(s.tokens, k)]!.start - s.start));
  // ("Attentional", "Hierarchical", "Embedding": adjectives and participles describe; a common noun
  // capitalised inside a sentence is a name's first word: "the Kettle Transformer")
  return !clauseStart && w.length >= minLength && /^\p{Lu}\p{Ll}+$/u.test(w) && (!isCommonWord(low) || lexTag(low) === 'Singular') && !isPlaceLike(low) && !isFunctionWord(low) && !isCueVerb(low) && !/(?:al|ic|ive|ous|ed|ing|ful|able|ible|ar|ary|less)$/.test(low) && !/Adjective|Gerund|Verb|Tense/.test(lexTag(low) ?? '');
}

/** Is token k a word of its own after a space (not glued to the one before it)? */
function spacedAt(s: Sent, k: number): boolean {
  const t = s.tokens[k];
  return !!t && !t.glued && /^\s+$/.test(gapBefore(s.tokens, k, s.text, s.start));
}

/** Last token of a version word ("v2", "V1.5") spaced after token j, else j. */
function versionEnd(s: Sent, j: number): number {
  const t = s.tokens;
  if (!spacedAt(s, j + 1) || !/^[Vv]\d+$/.test(t[j + 1]!.text)) return j;
  let e = j + 1;
  while (t[e + 1]?.glued && t[e + 1]!.joiner === '.' && /^\d+$/.test(t[e + 1]!.text)) e++;
  return e;
}

/**
 * Last token of a listed model's release after token j: a release number ("Persimmon 1.5",
 * "Kelp 3 Medium", with a line's name before it: "Kelp Sonnet 4") that ends there (not "Gopher 3
 * times"), or a lower-case tier with its version ("Moonshine large-v3"); else j.
 */
function releaseEnd(s: Sent, j: number): number {
  const t = s.tokens;
  if (spacedAt(s, j + 1) && /^\p{Ll}+$/u.test(t[j + 1]!.text) && t[j + 2]?.glued && t[j + 2]!.joiner === '-' && /^v\d+$/.test(t[j + 2]!.text) && !t[j + 3]?.glued) return j + 2;
  if (spacedAt(s, j + 1) && /^\p{Lu}\p{Ll}{2,}$/u.test(t[j + 1]!.text) && !isFunctionWord(t[j + 1]!.key) && !NOT_A_LINE.test(t[j + 1]!.text)) {
    const e = numberedEnd(s, j + 1);
    if (e > j + 1 && !isStopName(spanText(s, j + 1, e))) return e;
  }
  return numberedEnd(s, j);
}

// Sizes and tiers hyphened to a release number ("2-70B-Chat")
const GLUED_TIER = /^(?:\d+(?:\.\d+)?[BbMm]|Chat|Instruct|Base|Large|Small|Medium|Mini|Pro|Turbo|hf|HF)$/;

/**
 * Last token of what names one release right after a listed model's name or release at token j, else j:
 * a capitalised tier ("Kelp Large", "Kelp 2.0 X-Large"), or, where the noun phrase ends, a parameter
 * count ("Kelp-400 10B") or a lower-case tier after a numbered name ("Kelp-2 large").
 */
function tierEnd(s: Sent, j: number): number {
  const t = s.tokens;
  if (!spacedAt(s, j + 1)) return j;
  // ("X-Large", "XX-Large": one tier in three tokens)
  const k = /^(?:X|XX|Extra)$/.test(t[j + 1]!.text) && t[j + 2]?.glued && t[j + 2]!.joiner === '-' && t[j + 2]!.text === 'Large' ? j + 2 : j + 1;
  if ((k > j + 1 || RELEASE_TIER.test(t[k]!.text)) && !t[k + 1]?.glued) return k;
  if ((PARAMETER_COUNT.test(t[j + 1]!.text) || (/\d$/.test(t[j]!.text) && LOWER_TIER.test(t[j + 1]!.text))) && phraseEndsAfter(t, j + 1, s.text, s.start)) return j + 1;
  return j;
}
const PARAMETER_COUNT = /^\d+(?:\.\d+)?[BbMm]$/;
const LOWER_TIER = /^(?:base|large|small|medium|xl)$/;

// Capitalised words before a number that count parts of a run or a network, not a line of releases
const NOT_A_LINE = /^(?:Layer|Layers|Block|Blocks|Head|Heads|Epoch|Epochs|Round|Rounds|Level|Levels|Task|Tasks|Track|Setting|Experiment|Experiments|Stage|Step|Steps|Phase|Day|Days|Year|Years)$/;

/** Last token of a release number after token j ("Persimmon 1.5", "Kelp 3 Medium"), else j. */
function numberedEnd(s: Sent, j: number): number {
  const t = s.tokens;
  if (!spacedAt(s, j + 1) || !/^\d{1,2}$/.test(t[j + 1]!.text)) return j;
  let e = j + 1;
  if (t[e + 1]?.glued && t[e + 1]!.joiner === '.' && /^\d{1,2}$/.test(t[e + 1]!.text)) e++;
  if (spacedAt(s, e + 1) && RELEASE_TIER.test(t[e + 1]!.text)) return e + 1;
  // ("Kelp 2-70B-Chat": the sizes and tiers hyphened to the number)
  while (t[e + 1]?.glued && t[e + 1]!.joiner === '-' && GLUED_TIER.test(t[e + 1]!.text)) e++;
  // (a bare integer at a sentence's end may be a split table's residue, "Kelp 1. 0 4")
  if (!t[e + 1]) return e > j + 1 ? e : j;
  return phraseEndsAfter(t, e, s.text, s.start) ? e : j;
}

// Capitalised subset words that name the standard part of a benchmark ("Kelp Diamond", "Reef Verified").
const DATASET_SUBSET = /^(?:Diamond|Verified|Lite|Hard|Extended|Easy|Challenge)$/;

/** Last token of a listed dataset's edition ("'14", "2017", "100k", "Verified") and language pair ("En-De") after token j. */
function editionEnd(s: Sent, j: number): number {
  const t = s.tokens;
  const gap = (k: number) => (t[k] && !t[k]!.glued ? gapBefore(t, k, s.text, s.start) : '');
  let e = j;
  // (the tokenizer does not join at an apostrophe: "model's" is two words)
  if (/^['’]$/.test(gap(e + 1)) && /^\d\d$/.test(t[e + 1]!.text) && !t[e + 2]?.glued) e++;
  else if (spacedAt(s, e + 1) && /^(?:19|20)\d\d$/.test(t[e + 1]!.text) && !t[e + 2]?.glued) e++;
  // "Atari 100k": a budget or size that names a standard subset
  else if (spacedAt(s, e + 1) && /^\d+[kKmM]$/.test(t[e + 1]!.text) && !t[e + 2]?.glued) e++;
  else if (spacedAt(s, e + 1) && DATASET_SUBSET.test(t[e + 1]!.text) && !t[e + 2]?.glued) e++;
  if (spacedAt(s, e + 1) && t[e + 2]?.glued && !t[e + 3]?.glued && isLanguageName(t[e + 1]!.key) && isLanguageName(t[e + 2]!.key) && /^[\p{Lu}]/u.test(t[e + 1]!.text)) e += 2;
  return resolutionEnd(s, splitEnd(s, e, e > j || /^(?:19|20)\d\d$/.test(t[e]!.text)));
}

/**
 * Last token of a named evaluation split after token j ("Kelp minival", "Kelp test-dev"; "val" only after
 * an edition, "Kelp 2019 val", as a bare "val" is mostly the words' own), else j: benchmarks publish
 * these splits under their names.
 */
function splitEnd(s: Sent, j: number, edition: boolean): number {
  const t = s.tokens;
  if (!spacedAt(s, j + 1)) return j;
  const w = t[j + 1]!.text;
  if ((w === 'minival' || w === 'minitest' || (w === 'val' && edition)) && !t[j + 2]?.glued) return j + 1;
  const part = t[j + 2];
  return w === 'test' && part?.glued && part.joiner === '-' && /^(?:dev|std|challenge)$/.test(part.text) && !t[j + 3]?.glued ? j + 2 : j;
}

/** "Kelpnet 64x64", "Kelpnet 256 × 256": the resolution a listed image dataset is taken at names that version of it. */
function resolutionEnd(s: Sent, j: number): number {
  const t = s.tokens;
  const from = t[j]!.end - s.start;
  const m = /^ (\d{2,4}) ?[x×] ?(\d{2,4})(?![\p{L}\p{N}])/u.exec(s.text.slice(from, from + 14));
  if (!m) return j;
  const end = t[j]!.end + m[0].length;
  let k = j + 1;
  while (t[k] && t[k]!.end < end) k++;
  return t[k]?.end === end ? k : j;
}

/** An -ly adverb that qualifies a verb ("largely", "explicitly"), not one that points at a noun phrase. */
function isAdverbBefore(low: string): boolean {
  return low.length > 4 && /ly$/.test(low) && isAdverb(low) && !FOCUSING_ADVERB.test(low);
}

// Adverbs that point at what follows (a noun phrase), not at a verb.
const FOCUSING_ADVERB = /^(?:namely|especially|particularly|specifically|notably|mainly|mostly|primarily|chiefly|solely|only|merely|typically|usually|commonly|exclusively)$/;

/** Start of "self-active learning", "text prompt tuning": specific modifiers before a listed technique. */
export function leftExtension(s: Sent, i: number, maxWords = 2): number {
  const t = s.tokens;
  // a name that opens with a determiner ("few shot learning") opens its noun phrase: no modifier comes before it
  if (lexTag(t[i]!.text.toLowerCase()) === 'Determiner') return i;
  let k = i;
  let words = 0;
  while (k > 0 && words < maxWords) {
    // previous word = glued group ending at k-1
    const b = wordStart(t, k - 1);
    const prevText = spanText(s, b, k - 1);
    if (!/^\s+$/.test(gapBefore(t, k, s.text, s.start))) break;
    const low = prevText.toLowerCase();
    // first word of the sentence or of a clause: "(1) Self-rethinking prompting", "methods: Self-..."
    const sentenceStart = b === 0 || /[():;]\s*$/.test(s.text.slice(0, t[b]!.start - s.start)) || (b > 0 && /^\d+$/.test(t[b - 1]!.text) && /\)\s*$/.test(s.text.slice(0, t[b]!.start - s.start)));
    if (/ly$/.test(low) && low.length > 4) {
      // "fully connected CRF": an adverb on the participle we took means the phrase would be cut
      if (words > 0 && /ed$/.test(spanText(s, k, k).toLowerCase())) return i;
      break;
    }
    // ("top-10 accuracy": a cut-off qualifies a measure, though "top-" makes an evaluative compound elsewhere)
    const cutOff = /^top-(?:\d+|k)$/i.test(prevText);
    const ok =
      (/^\p{Ll}[\p{Ll}-]*$/u.test(prevText) || cutOff || (sentenceStart && /^\p{Lu}\p{Ll}+-\p{Ll}+$/u.test(prevText)) || (s.isTitle && /^\p{Lu}\p{Ll}+(?:-\p{L}\p{Ll}+)?$/u.test(prevText))) &&
      prevText.length > 2 &&
      (cutOff || !isDescriptiveModifier(low)) &&
      !isFunctionWord(low) &&
      !/^(is|are|was|were|be|been|being|has|have|had|do|does|did|can|could|may|might|will|would|should|must|using|via|use|uses|used|apply|applies|applied|perform|performs|performed|enable|enables|enabled|adopt|adopts|adopted|require|requires|required|without|with|and|or|but|to|of|in|on|for|from|by|as|at|over|than|into|onto|upon|about|above|below|across|against|between|beyond|under|within|toward|towards|through|per|vs|after|before|during|while|whereas|unlike|like|both|either|neither)$/.test(low) &&
      !(/(ly|ing)$/.test(low) && !low.includes('-')) &&
      !isCueVerb(low) &&
      (lexTag(low) === undefined || /Adjective|Noun|Singular|Uncountable|Plural|PastTense/.test(lexTag(low)!));
    if (!ok) break;
    // "still trails gradient-boosted trees": an -s word before a name is a verb or a plural, and
    // plurals do not classify ("tree search", not "trees search")
    if (/[^su]s$/.test(low) && !/Singular|Uncountable|Adjective/.test(lexTag(low) ?? '')) break;
    // "we study dropout": after a subject or modal the word is a verb, not a modifier.
    const before = b > 0 ? t[b - 1]!.text.toLowerCase() : '';
    if (/^(we|they|i|you|it|to|can|could|will|would|may|might|should|must|also|then|first|further|here|which|that|who)$/.test(before)) break;
    // "which largely dominate collaborative filtering": after an adverb too, unless it introduces
    // examples ("namely text prompt tuning")
    if (k === i && isAdverbBefore(before)) break;
    k = b;
    words++;
  }
  return k < i ? (compoundStart(s.tokens, k, s.text, s.start) ?? i) : k;
}

/** Character prefixes of the keys of this paper's acronyms and the corpus's known names. */
