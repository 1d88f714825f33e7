// Context rules: the words around a name that type it.
//   `the X dataset`, `X benchmark`, `X model`         -> type of the following head noun
//   `an approach called X`, `a dataset named X`       -> type of the noun before `called`
//   `X, a new benchmark for ...`                      -> appositive head noun
//   `datasets such as A, B and C`, `on A, B and C`    -> enumeration shares one type
//   `on X` in an evaluation sentence                  -> dataset
import type { EntityType } from './types.js';
import { OBJECT_TASK_HEADS, TASK_TERM_HEADS, headType, isDescriptiveModifier } from './heads.js';
import { isNameShaped, morphType } from './shapes.js';
import { endsLikeModifier, isComparative, isFunctionWord, lexTag } from './english.js';
import { isCueVerb, isTrainVerbAt, shiftTarget, systemPair, trainedWithOn, valueEndsAt } from './roles.js';
import { gapBefore, joinedText, oneSpaceApart, wordEnd, wordStart, type Token } from './text.js';

export interface ContextHint {
  type: EntityType;
  /** 0..1: how strongly the context types the name. */
  strength: number;
  /** The name was introduced by `called`/`named`/`dubbed` (or `we propose X`). */
  named?: boolean;
}

const NAMING = new Set(['called', 'named', 'dubbed', 'termed', 'coined', 'denoted', 'codenamed']);
const SKIP_ADJ = /^(a|an|the|novel|new|simple|effective|efficient|general|unified|robust|scalable|principled|lightweight|powerful|generic|flexible|our|this|first|large-scale|open-source|high-quality|comprehensive|challenging|diverse|multilingual|publicly|available|open|carefully|curated|extensive|synthetic|two|three|standard|popular|widely|used|well-known|benchmark)$/;

/** Type from the noun right after the span (`X dataset`, `X-based` excluded). */
export function followingHead(tokens: Token[], j: number): ContextHint | null {
  let n = tokens[j + 1];
  if (!n || n.glued) return null;
  // "HEAR 2021 NeurIPS challenge": skip a venue or year between the name and its head noun.
  for (let k = j + 1; k <= j + 2 && k + 1 < tokens.length; k++) {
    const t = tokens[k]!;
    if (/^(?:NeurIPS|NIPS|ICML|ICLR|CVPR|ICCV|ECCV|ACL|EMNLP|NAACL|AAAI|IJCAI|KDD|SemEval|Kaggle|\d{4})$/.test(t.text)) {
      const h = tokens[k + 1]!;
      if (/^(challenge|benchmark|dataset|competition|shared)$/i.test(h.text)) {
        n = h;
        break;
      }
    } else break;
  }
  // "the X test split", "its validation set": a named split of data is a dataset's
  if (SPLIT_WORD.test(n.key) && SPLIT_NOUN.test(tokens[j + 2]?.key ?? '') && !tokens[j + 2]!.glued) return { type: 'dataset', strength: 0.85 };
  // "the X question answering benchmark": a task between a name and a dataset noun says what the data is for
  if (/^\p{Ll}+$/u.test(n.text) && !headType(n.text)) {
    let k = j + 1;
    while (k < j + 4 && tokens[k + 1] && /^\p{Ll}[\p{Ll}-]*$/u.test(tokens[k]!.text) && !isFunctionWord(tokens[k]!.text) && !isCueVerb(tokens[k]!.text)) {
      if (headType(tokens[k]!.text) === 'task' && /^(?:benchmark|dataset|corpus)$/.test(tokens[k + 1]!.text)) return { type: 'dataset', strength: 0.85 };
      if (!tokens[k + 1]!.glued) {
        const h = tokens[k + 1]!.key;
        // "the X news corpus", "the X panoptic benchmark", "the X ocean reanalysis": nouns or classifying adjectives before a dataset noun
        if (/^(?:dataset|corpus|benchmark|reanalysis|catalogue|catalog|survey|cohort|registry|archive)$/.test(h) && modifierWords(tokens, j + 1, k, { adjectives: true })) return { type: 'dataset', strength: 0.8 };
        // "a X time-series model": plain nouns only before a system noun
        if (/^(?:model|network|baseline)$/.test(h) && modifierWords(tokens, j + 1, k, { adjectives: false })) return { type: 'model', strength: 0.8 };
      }
      // "the X parametric model": a relational adjective classifies a model ("the X-pretrained model" is no name of one)
      if (k === j + 1 && /^\p{Ll}{4,}(?:al|ic|ive)$/u.test(tokens[k]!.text) && !isDescriptiveModifier(tokens[k]!.key) && /^(?:model|network)$/.test(tokens[k + 1]!.key) && !tokens[k + 1]!.glued) return { type: 'model', strength: 0.8 };
      k++;
    }
  }
  const w = n.text.toLowerCase();
  // "KelpClip videos", "GannetTab tables", "a Kelpedia dump": what a collection holds, named by the collection
  // (right after the name: "outperforming X, perplexity filtering" is a list)
  const spaced = oneSpaceApart(tokens[j]!, n);
  if (spaced && isHeldMedia(w)) return { type: 'dataset', strength: 0.75 };
  // "public Kelp-3 data", "Reefsat-2 imagery": a mass noun of records after a name (a listed system's outputs, "Gannet-4 data", keep the list's type: it outweighs 0.7)
  if (spaced && RECORDS_NOUN.test(w) && !/^(?:of|from|for|by)$/.test(tokens[j + 2]?.key ?? '') && !describesData(tokens, j)) return { type: 'dataset', strength: 0.7 };
  // "Kelp-9 perplexity", "GannetQA accuracy", "KelpNet top-1 accuracy": a measure taken on it
  if (spaced && (w === 'accuracy' || w === 'perplexity' || (w === 'top' && tokens[j + 4]?.key === 'accuracy' && tokens[j + 2]?.glued))) return { type: 'dataset', strength: 0.75 };
  // "the KelpNet classification tasks", "Reefmimic tasks": the tasks a named benchmark holds (a field's
  // name classifies them: "KelpNLP tasks")
  if (spaced && isNameShaped(tokens[j]!.text) && !/(?:NLP|CV|ML|AI|IR)$/.test(tokens[j]!.text) && (w === 'tasks' || (/^\p{Ll}{3,}$/u.test(n.text) && !isFunctionWord(w) && tokens[j + 2]?.key === 'tasks' && !tokens[j + 2]!.glued))) return { type: 'dataset', strength: 0.75 };
  // "the X metric": named as a measure ("a X metric is learned" is metric learning's distance)
  if (spaced && (w === 'metric' || w === 'metrics') && !tokens.slice(j + 2, j + 4).some((t) => /^(?:learning|learned|learnt)$/.test(t.key))) return { type: 'metric', strength: 0.85 };
  const t = headType(w);
  if (!t) return null;
  // "X learning"/"X detection" are compounds where X is a modifier, not a typing context.
  if (t === 'task' || t === 'metric') return null;
  if (t === 'method' && !/^(method|algorithm|approach|framework|technique|loss|optimizer|objective|strategy|paradigm|procedure|mechanism|module)s?$/.test(w)) return null;
  if (t === 'model' && !/^(model|models|network|networks|architecture|architectures|backbone|backbones|encoder|family|assistant|chatbot|detector|classifier)$/.test(w)) return null;
  // ("the X set"; "X set a new record" is a verb)
  if ((w === 'set' || w === 'sets') && !/^(?:a|an|the|new|up|out|forth|records?|state|it|them|our|their|its|to|standards?)$/.test(tokens[j + 2]?.key ?? '')) return { type: 'dataset', strength: 0.8 };
  if (t === 'dataset' && !/^(dataset|datasets|corpus|corpora|benchmark|benchmarks|suite|leaderboard|testbed|challenge|competition|treebank|environment|environments|collection|archive|subset|subsets|atlas|reanalysis|survey|catalogue|catalog|cohort|registry)$/.test(w)) return null;
  return { type: t, strength: 0.85 };
}

/** Nouns for a copy taken of a source ("a Kelpedia dump", "a KelpCrawl snapshot") or a log recorded on it ("the Reef Nimbus trace"): the copy is data. */
export const COPY_NOUN = /^(?:dump|dumps|snapshot|snapshots|trace|traces)$/;
// Plural nouns of the recorded items a dataset holds (not of what a system outputs, as "responses" or "tokens"),
// and the copies a source is taken as.
const HELD_MEDIA_ITEMS = /^(?:images|photos|videos|clips|tiles|acquisitions|scans|recordings|frames|tables|pages|documents|articles|captions|dialogues|utterances|trajectories|demonstrations|episodes|observations|measurements)$/;
const isHeldMedia = (w: string): boolean => HELD_MEDIA_ITEMS.test(w) || COPY_NOUN.test(w);

// Mass nouns of recorded data ("Kelp-3 data", "Reefsat-2 imagery"); "data of/from X" names the source after it
const RECORDS_NOUN = /^(?:data|imagery|imaging|records|logs|readings|spectra|photometry|reanalysis|catalogue|catalog)$/;
// A bare capitals acronym before "data" is mostly the kind of signal recorded (a sensor's or a record system's
// initials), and a spread ("non-IID data") says how data is drawn: neither names a dataset
function describesData(tokens: Token[], j: number): boolean {
  const a = wordStart(tokens, j);
  return (a === j && /^\p{Lu}{2,5}s?$/u.test(tokens[j]!.text)) || /^(?:non|semi|quasi|pseudo)$/.test(tokens[a]!.key);
}

// "the X test split": which part of a dataset an experiment reads
const SPLIT_WORD = /^(?:test|testing|training|train|validation|val|dev|development|evaluation|held-out|heldout)$/;
const SPLIT_NOUN = /^(?:set|sets|split|splits|subset|subsets|portion|partition)$/;

/** Type from `a <head> called X` before the span. */
export function namingContext(tokens: Token[], i: number): ContextHint | null {
  const prev = tokens[i - 1];
  if (!prev || !NAMING.has(prev.text.toLowerCase())) return null;
  for (let k = i - 2; k >= Math.max(0, i - 5); k--) {
    const t = headType(tokens[k]!.text);
    if (t) return { type: t === 'task' || t === 'metric' ? 'method' : t, strength: 0.9, named: true };
  }
  return { type: 'method', strength: 0.5, named: true };
}

/** Type from an appositive after the span: `X, a new benchmark ...`, `X (a dataset of ...)`. */
export function appositive(tokens: Token[], j: number, sentence: string, sentenceStart: number): ContextHint | null {
  if (!tokens[j + 1]) return null;
  const gapAfter = (k: number) => gapBefore(tokens, k + 1, sentence, sentenceStart);
  // "X (its long form), a model-based agent": the appositive follows the parenthesis
  let skipped = false;
  if (/^\s*\(\s*$/.test(gapAfter(j))) {
    for (let k = j + 1; k + 1 < tokens.length && k < j + 14; k++) {
      if (!gapAfter(k).includes(')')) continue;
      if (/^\s*\)\s*,\s*$/.test(gapAfter(k))) [j, skipped] = [k, true];
      break;
    }
  }
  // "X is a benchmark of ...": a definition by the copula reads like the appositive
  if (!skipped && (tokens[j + 1]!.key === 'is' || tokens[j + 1]!.key === 'was') && /^an?$/.test(tokens[j + 2]?.key ?? '') && /^\s+$/.test(gapAfter(j))) [j, skipped] = [j + 1, true];
  const n = tokens[j + 1];
  if (!n) return null;
  const gap = skipped ? ',' : gapAfter(j);
  if (!/^\s*[,(:]\s*$/.test(gap) && !/^\s*(—|–|-)\s*$/.test(gap)) return null;
  const w0 = n.text.toLowerCase();
  // "X, 80K graded essay pairs written by teachers": a counted amount of data
  if (/^\d/.test(w0) && /,/.test(gap)) {
    for (let k = j + 2; k < Math.min(tokens.length, j + 6); k++) {
      if (tokens[k + 1]?.glued) continue;
      if (DATA_NOUN.test(tokens[k]!.key)) return { type: 'dataset', strength: 0.8 };
      if (isFunctionWord(tokens[k]!.key)) break;
    }
  }
  // "X, a new benchmark", "X, our new vision-language model"
  if (w0 !== 'a' && w0 !== 'an' && w0 !== 'the' && w0 !== 'our') return null;
  let capitals = 0;
  for (let k = j + 2; k < Math.min(tokens.length, j + 12); k++) {
    const w = tokens[k]!.text.toLowerCase();
    // ("A, the Immune Reef atlas and B": a name of two capitalised words is another entity of a list)
    capitals = /^\p{Lu}/u.test(tokens[k]!.text) && !tokens[k]!.glued && !tokens[k + 1]?.glued ? capitals + 1 : 0;
    if (capitals >= 2) return null;
    // "X, a family of reef encoders": the members' noun says what X is; so does the noun a new
    // release is of ("X, the next release of the Kelp detector", "Y, an upgrade of a Gannet parser")
    if (/^(?:family|series|pair|version|release|successor|generation|edition|upgrade)$/.test(w) && tokens[k + 1]?.key === 'of') {
      k++;
      continue;
    }
    // (a function word inside a compound describes the head: "a sonar-to-map model")
    const inCompound = tokens[k]!.glued || tokens[k + 1]?.glued === true;
    if (!inCompound && /^(of|for|that|which|with|to|in|on|and|where|whose|by)$/.test(w)) break;
    // "X, a 7B-parameter VLA": a parameter count makes it a model, whatever the head
    if (/^\d+(?:\.\d+)?[bm]$/.test(w) && (!tokens[k + 1]?.glued || /^parameters?$/.test(tokens[k + 1]!.text))) return { type: 'model', strength: 0.8 };
    // only whole words: "Learning" in "Learning-based" is not the head
    if (tokens[k + 1]?.glued) continue;
    // "X, a metric that ...", "X, a new measure of ..."
    if (w === 'metric' || w === 'measure') return { type: 'metric', strength: 0.8 };
    const t = headType(w);
    if (t && t !== 'task' && t !== 'metric' && !(tokens[k + 1] && headType(tokens[k + 1]!.text) && !/^(of|for)$/.test(tokens[k + 1]!.text))) {
      // "X, our new model, ..." renames X; in "Compared with X, our model reduces ..." the clause goes on
      const after = tokens[k + 1] ? sentence.slice(tokens[k]!.end - sentenceStart, tokens[k + 1]!.start - sentenceStart) : ',';
      if (w0 === 'our' && !/^\s*[,)]/.test(after)) return null;
      return { type: t, strength: 0.8 };
    }
  }
  return null;
}

// Units after a number, which a value is written in but which measure nothing by themselves.
const UNIT = /^(?:[kmgtp]i?b|[kmgt]?hz|ms|us|ns|db|mm|cm|km|kg|gpus?|tpus?|cpus?|x)$/;
// Verbs that change a measure's value ("improves BLEU by 2 points", "lowers WER from 9% to 7%").
const CHANGE_VERB = /^(?:improves?|improved|improving|raises?|raised|raising|increases?|increased|increasing|boosts?|boosted|boosting|reduces?|reduced|reducing|lowers?|lowered|lowering|decreases?|decreased|decreasing|cuts?|cutting|halves|halved|doubles|doubled)$/;
const VALUE_TAIL = /^(?:on|and|or|in|at|with|using|via|versus|vs|compared|against|for|when|while|over|across|under|than|points?)$/;

/** Token k starts a number ("71", "71.2", "86.9%" as tokens 86 . 9). Returns the token after it, or -1. */
function numberAt(tokens: Token[], k: number): number {
  if (!tokens[k] || !/^\d+$/.test(tokens[k]!.text) || tokens[k]!.glued) return -1;
  let e = k + 1;
  if (tokens[e]?.glued && tokens[e]!.joiner === '.' && /^\d+$/.test(tokens[e]!.text)) e++;
  return e;
}

/**
 * A name reported with a value is a measure: "71.2 ANLS", "a UTMOS of 4.18",
 * "improves chrF++ by 4.8 points" (but "outperforms X by 2 points" compares systems).
 */
function reportedValue(tokens: Token[], i: number, j: number, sentence: string, sentenceStart: number): boolean {
  const spaced = (k: number, percent = false) => k > 0 && (percent ? /^%?\s+$/ : /^\s+$/).test(gapBefore(tokens, k, sentence, sentenceStart));
  if (UNIT.test(tokens[i]!.key)) return false;
  // "reaches 71.2 ANLS": a decimal value right before, after a word that is no name ("Claude 3.5 Sonnet"
  // is a version; a whole number counts things: "8 GPUs", "3 LLaMA models")
  const p = tokens[i - 1];
  if (p && /^\d+$/.test(p.text) && p.glued && p.joiner === '.' && numberAt(tokens, i - 2) === i && /^\p{Ll}+$/u.test(tokens[i - 3]?.text ?? '') && spaced(i - 2) && spaced(i, true)) return true;
  // "(R2 0.95)", "(Kelp: KScore 0.287, QR@5 0.119)": a name labels the decimal value right after it
  const labelled = numberAt(tokens, j + 1);
  if (labelled === j + 3 && spaced(j + 1) && /[(:,]\s*$/.test(gapBefore(tokens, i, sentence, sentenceStart)) && (labelled >= tokens.length || /^\s*[),;]/.test(gapBefore(tokens, labelled, sentence, sentenceStart)))) return true;
  // "a UTMOS of 4.18 on ...": "of" and a value that ends the phrase
  // (past the slashed partner of a pair: "a KDE/KFE of ...")
  let o = j + 1;
  if (tokens[o]?.glued && tokens[o]!.joiner === '/' && /\p{L}/u.test(tokens[o]!.text)) while (tokens[o]?.glued) o++;
  if (tokens[o]?.key === 'of') {
    let e = numberAt(tokens, o + 1);
    // ("a KDE/KFE of 0.93/2.41 km": a pair of values, and their unit)
    if (e > 0 && tokens[e]?.glued && tokens[e]!.joiner === '/' && /^\d+$/.test(tokens[e]!.text)) e = tokens[e + 1]?.glued && tokens[e + 1]!.joiner === '.' ? e + 2 : e + 1;
    if (e > 0 && UNIT.test(tokens[e]?.key ?? '') && !tokens[e]!.glued) e++;
    // (the value ends the phrase: "a KMOS of 3.9, beating ...")
    if (e > 0 && (e >= tokens.length || VALUE_TAIL.test(tokens[e]!.key) || /^\s*[,;]/.test(gapBefore(tokens, e, sentence, sentenceStart)))) return true;
  }
  // "improves (the) X by / from ...": the changed quantity, right after its verb
  // ("improves A by 4.8 points and B by 3.9 points": or after "and", the verb a few words back)
  if (!/^(?:by|from|to)$/.test(tokens[j + 1]?.key ?? '') || numberAt(tokens, j + 2) < 0) return false;
  // (not a name spelled as a benchmark: "improves Reef-Bench by 0.4" raises a score on it)
  if (morphType(sentence.slice(tokens[i]!.start - sentenceStart, tokens[j]!.end - sentenceStart)) === 'dataset') return false;
  const v = tokens[i - 1]?.key === 'the' ? i - 2 : i - 1;
  if (CHANGE_VERB.test(tokens[v]?.key ?? '')) return true;
  if (tokens[i - 1]?.key !== 'and') return false;
  // ("improving over A and B by 2 points" compares systems)
  // (as far back as a long form and its acronym before: "improves mean scaled error (MSE) by 6% and X by 8%")
  for (let k = i - 2; k >= Math.max(0, i - 14); k--) {
    if (/^(?:over|upon|against|than|on)$/.test(tokens[k]!.key)) return false;
    if (CHANGE_VERB.test(tokens[k]!.key)) return true;
  }
  return false;
}

/** The first token of the names (and "and"/"or") that run up to token i, at most 8 back; i when they reach further. */
function namesStart(tokens: Token[], i: number): number {
  for (let k = i - 1; k >= Math.max(0, i - 8); k--) {
    const t = tokens[k]!.text;
    if (t === 'and' || t === 'or' || tokens[k]!.glued || /[\p{Lu}\p{N}]/u.test(t)) continue;
    return k + 1;
  }
  return i;
}

const SUPERLATIVE = /^(?:best|lowest|highest|worst)$/;

/**
 * "the lowest KMAE on X", "the best A, B and C among all methods": names from `first` to `after`
 * right after a superlative of a value, ending their phrase (not a system's name, "the best KelpNet
 * model", nor a name a measure follows, "the best KLINK micro-F1").
 */
function afterSuperlative(tokens: Token[], first: number, after: number, sentence: string, sentenceStart: number): boolean {
  if (!SUPERLATIVE.test(tokens[first - 1]?.key ?? '') || tokens[first - 2]?.key !== 'the') return false;
  const next = tokens[after + 1];
  return !next || isFunctionWord(next.key) || /[,.;:(]/.test(gapBefore(tokens, after + 1, sentence, sentenceStart));
}

// Nouns of a change that a figure sizes ("a 3.4x increase in", "a 12% drop in")
const SIZED_CHANGE = /^(?:increase|increases|decrease|decreases|drop|drops|reduction|reductions|rise|fall|gain|gains|improvement|improvements|degradation)$/;

/** The last token of the list of names that the name ending at j opens ("X, Y and Z"), or j. */
function listEnd(tokens: Token[], j: number, sentence: string, sentenceStart: number): number {
  let e = j;
  for (;;) {
    const n = /^(?:and|or)$/.test(tokens[e + 1]?.key ?? '') ? e + 2 : e + 1;
    const joined = n === e + 2 || (tokens[n] !== undefined && /^\s*,\s*$/.test(gapBefore(tokens, n, sentence, sentenceStart)));
    if (!joined || !tokens[n] || !isNameShaped(tokens[n]!.text)) return e;
    e = n;
  }
}

/** "measured by X", "in terms of X", "evaluated by X", or X reported with a value: X is a measure. */
export function measureContext(tokens: Token[], i: number, j: number, sentence: string, sentenceStart: number): ContextHint | null {
  if (reportedValue(tokens, i, j, sentence, sentenceStart)) return { type: 'metric', strength: 0.8 };
  // "1.2 dB higher X", "3 points lower X than": a measure a difference is stated in ("3x fewer X" counts things)
  if (isComparative(tokens[i - 1]?.key ?? '') && !/^(?:fewer|more|less)$/.test(tokens[i - 1]!.key) && tokens.slice(Math.max(0, i - 4), i - 1).some((t) => /^\d/.test(t.text))) return { type: 'metric', strength: 0.8 };
  // "surpasses Y in X by 1.7 points": the measure a margin is stated in
  if (tokens[i - 1]?.key === 'in' && tokens[j + 1]?.key === 'by' && /^\d/.test(tokens[j + 2]?.text ?? '')) return { type: 'metric', strength: 0.8 };
  // "a 3.4x increase in X", "a 12% drop in X": the quantity a stated change is of
  if (tokens[i - 1]?.key === 'in' && SIZED_CHANGE.test(tokens[i - 2]?.key ?? '') && tokens.slice(Math.max(0, i - 6), i - 2).some((t) => /^\d/.test(t.text))) return { type: 'metric', strength: 0.8 };
  // "the X and Y reported for Kelpo": what is reported for a system is its measure
  const after = listEnd(tokens, j, sentence, sentenceStart);
  if (/^(?:reported|obtained|achieved|attained)$/.test(tokens[after + 1]?.key ?? '') && tokens[after + 2]?.key === 'for') return { type: 'metric', strength: 0.8 };
  const first = namesStart(tokens, i);
  if (afterSuperlative(tokens, first, after, sentence, sentenceStart)) return { type: 'metric', strength: 0.8 };
  // ("measured by TM-score and lDDT": across the names listed before this one, from the "and" one)
  const at = first < i && /^(?:and|or)$/.test(tokens[i - 1]!.text) ? first : i;
  const w = (k: number) => tokens[at - k]?.text.toLowerCase() ?? '';
  const two = `${w(2)} ${w(1)}`;
  if (/^(?:measured|evaluated|quantified|assessed|scored) (?:by|with|in)$/.test(two) || (two === 'terms of' && w(3) === 'in')) return { type: 'metric', strength: 0.8 };
  return null;
}

/**
 * Are tokens a..k plain nouns ("news", "time-series"), or with `adjectives` also classifying
 * adjectives ("panoptic", "multilingual")? Never a verb or participle, function word, type noun or
 * description.
 */
function modifierWords(tokens: Token[], a: number, k: number, opts: { adjectives: boolean }): boolean {
  for (let b = a; b <= k; b++) {
    const w = tokens[b]!.key;
    const tag = lexTag(w) ?? '';
    if (isFunctionWord(w) || headType(w) || isDescriptiveModifier(w) || /Verb|Tense|Gerund|Infinitive/.test(tag)) return false;
    if (!opts.adjectives && (endsLikeModifier(w) || /Adjective/.test(tag))) return false;
  }
  return true;
}

/** Skip determiners and evaluative adjectives between a cue and a name. */
export function skipModifiers(tokens: Token[], k: number): number {
  while (k < tokens.length && SKIP_ADJ.test(tokens[k]!.text.toLowerCase())) k++;
  return k;
}

// What a dataset holds, counted ("12M images from X", "260K assets from X").
const DATA_NOUN = /^(?:datasets|benchmarks|images|videos|clips|scenes|samples|examples|sentences|documents|pairs|questions|episodes|hours|frames|assets|tables|annotations|utterances|recordings|dialogues|conversations|trajectories|demonstrations|articles|passages|shapes|objects|problems|prompts|tasks|tokens|cells|volumes|scans|pages|sequences|structures|molecules|patches|series|years|reviews|posts|programs|files|queries|instructions|responses|speakers|songs|tracks|tiles|photos|photographs|captions|transcripts|reports|slides|snippets|tweets|stories|books|maps|meshes|graphs|environments|games|levels|scenarios)$/;
// How counted data was taken from a source ("3M clips filtered from X", "pairs drawn from X").
const TAKEN_FROM = /^(?:drawn|taken|sampled|filtered|collected|extracted|derived|sourced|mined|selected|curated|gathered|scraped|crawled|harvested|pooled|assembled|compiled|aggregated)$/;
// Of these, the ones only data is made by, whatever noun they follow ("a benchmark of shell poses, compiled from X")
// (not "collected from X": outputs are collected from systems too)
const COMPILED_FROM = /^(?:assembled|compiled|aggregated|curated|scraped|crawled|harvested)$/;

// Items a system produces as well as a dataset holds ("the responses of X", "the tokens of X").
const SYSTEM_OUTPUT = /^(?:responses|samples|tokens|sequences|structures|objects|years|tasks|problems|prompts|instructions|programs|files|series|cells|shapes|patches)$/;

/** A counted amount of data ("60K hours", "2M images") among the five words before token k. */
function amountBefore(tokens: Token[], k: number): boolean {
  for (let b = k - 1; b >= Math.max(1, k - 5); b--) if (DATA_NOUN.test(tokens[b]!.key) && /\d/.test(tokens[b - 1]!.text)) return true;
  // ("3.1M clinic visits from X": a count in thousands or millions of any plural noun right before)
  const plural = tokens[k - 1];
  if (!plural || !/^\p{Ll}{3,}s$/u.test(plural.text)) return false;
  for (let b = k - 2; b >= Math.max(0, k - 4); b--) {
    if (/^\d+(?:\.\d+)?[KkMB]$/.test(tokens[b]!.text)) return true;
    if (!/^\p{Ll}+$/u.test(tokens[b]!.text) || isFunctionWord(tokens[b]!.key)) return false;
  }
  return false;
}

/** The first token after the word that starts at token i (glued tokens belong to it). */
function nextWord(tokens: Token[], i: number): number {
  let k = i + 1;
  while (tokens[k]?.glued) k++;
  return k;
}

// Words that carry a trained system to other data ("transfer to X"; "applied to X" may name a system it is applied on)
const TRANSFER = /^(?:transfer|transfers|transferred|transferring|generalization|generalisation|generalize|generalise|generalizes|generalises|generalizing|generalising|generalized|generalised)$/;

// Words that say what follows "on" is where a system was tested ("evaluate on", "experiments on", "results on").
const EVALUATED_ON = /^(?:evaluate|evaluates|evaluated|evaluating|evaluation|evaluations|experiment|experiments|results|tested|testing|validated|validate|benchmarked)$/;

/** Is token k (the word before a name) "on", or a few modifiers after "on", that an evaluation word precedes? */
function evaluatedOn(tokens: Token[], k: number): boolean {
  let b = k;
  // ("on unseen A", "on four public B", "on the standard C"): lower-case modifiers, not verbs or linking words
  for (let n = 0; n < 4 && b > 0 && tokens[b]!.key !== 'on'; n++) {
    const t = tokens[b]!;
    if (t.glued) { b--; continue; }
    if (!/^\p{Ll}/u.test(t.text) || (isFunctionWord(t.key) && t.key !== 'the') || isCueVerb(t.key)) return false;
    b--;
  }
  return tokens[b]?.key === 'on' && EVALUATED_ON.test(tokens[b - 1]?.key ?? '');
}


/** Is there an evaluation word and "on" a few words before token k ("experiments on the cleaned <k>")? */
function testedOnBefore(tokens: Token[], k: number): boolean {
  for (let b = k - 1; b >= Math.max(1, k - 5); b--) if (tokens[b]!.key === 'on') return EVALUATED_ON.test(tokens[b - 1]!.key);
  return false;
}

/** `on X` / `across X` where the sentence reports results. */
export function evaluationOn(tokens: Token[], i: number, evaluative: boolean, j?: number): ContextHint | null {
  let k = i - 1;
  if (tokens[k]?.text.toLowerCase() === 'the') k--;
  const w = tokens[k]?.text.toLowerCase();
  // "build on X", "relies on X", "focus on X" are not evaluation contexts.
  const v = tokens[k - 1]?.text.toLowerCase() ?? '';
  if ((w === 'on' || w === 'using') && isTrainVerbAt(tokens, k - 1)) return { type: 'dataset', strength: 0.75 };
  // "tuned with span corruption on X": what a system is trained on, past how
  if (w === 'on' && trainedWithOn(tokens, k)) return { type: 'dataset', strength: 0.75 };
  // "79.3% on X", "F1 on X", "accuracy on X": a value or a measure reported on a dataset
  // ("accuracy on X trained on Y": X is the system measured)
  if (w === 'on' && (evaluative || /^\d/.test(tokens[k - 1]?.text ?? '')) && (/\d/.test(v) || headType(v) === 'metric') && !isTrainVerbAt(tokens, wordEnd(tokens, nextWord(tokens, i)))) return { type: 'dataset', strength: 0.75 };
  // "object detection on X", "parcel classification on X and Y": a task done on named data
  // (a capitalised name: "segmentation on edge devices" names no data)
  if (w === 'on' && (TASK_TERM_HEADS.has(v) || OBJECT_TASK_HEADS.has(v)) && /^[\p{Lu}\d]/u.test(tokens[i]!.text)) return { type: 'dataset', strength: 0.75 };
  // "12.0% in X": a value stated in a name is a result on it
  if (w === 'in' && /^\d/.test(tokens[k - 1]?.text ?? '') && isNameShaped(tokens[i]!.text)) return { type: 'dataset', strength: 0.75 };
  // "tested on unseen A", "experiments on four public B": an evaluation word before "on", past a few modifiers
  // ("results on many KelpNLP tasks": a name that classifies tasks is no test set)
  if (evaluatedOn(tokens, k) && !/^tasks?$/.test(tokens[nextWord(tokens, i)]?.key ?? '')) return { type: 'dataset', strength: 0.75 };
  // "images from X", "a filtered subset of X", "the test split of X": where data comes from
  // (a noun in a Title-Case title names no data: "Generating Molecules from Expression Profiles")
  const lowerNoun = /^\p{Ll}/u.test(tokens[k - 1]?.text ?? '');
  // ("raw data drawn from X": uncounted data too)
  const taken = COMPILED_FROM.test(v) || (TAKEN_FROM.test(v) && (DATA_NOUN.test(tokens[k - 2]?.key ?? '') || tokens[k - 2]?.key === 'data'));
  if (lowerNoun && ((w === 'from' && (DATA_NOUN.test(v) || taken)) || (w === 'of' && /^(?:subset|subsets|split|splits|portion|partition)$/.test(v)))) return { type: 'dataset', strength: 0.75 };
  // "experiments on the cleaned versions of A, B and C": the data the results come from, in one version
  if (lowerNoun && w === 'of' && /^(?:versions|variants)$/.test(v) && testedOnBefore(tokens, k - 1)) return { type: 'dataset', strength: 0.75 };
  // "50k hours of X", "2.4T tokens of X": an amount of data of a named source; "the 13 datasets of X": its parts
  // ("the long queries of X": recorded items of a named source, not what a system outputs)
  if (lowerNoun && w === 'of' && ((DATA_NOUN.test(v) && (/\d/.test(tokens[k - 2]?.text ?? '') || !SYSTEM_OUTPUT.test(v))) || /^(?:datasets|benchmarks|subsets|splits)$/.test(v))) return { type: 'dataset', strength: 0.75 };
  // "pretrained on a union of X, Y and Z": the sources a training mix is made of
  if (w === 'of' && /^(?:mixture|combination|union|blend|mix|concatenation|merger)$/.test(v) && /^(?:a|the)$/.test(tokens[k - 2]?.key ?? '') && /^(?:on|from)$/.test(tokens[k - 3]?.key ?? '')) return { type: 'dataset', strength: 0.75 };
  // "60K hours of English audiobooks from X": an amount of data a few words before "from"
  if (w === 'from' && amountBefore(tokens, k)) return { type: 'dataset', strength: 0.75 };
  // "On A, B and C, our model ...": a sentence that opens on names reports results on them, every one
  if (w === 'on' && k === 0) return { type: 'dataset', strength: 0.75 };
  // "zero-shot transfer to X", "generalises to Y": where a trained system is carried is data it is tested on
  // ("transfers poorly to X": past a manner adverb)
  if (w === 'to' && (TRANSFER.test(v) || (/^(?:\p{Ll}{3,}ly|well|better|worse)$/u.test(v) && TRANSFER.test(tokens[k - 2]?.key ?? '')))) return { type: 'dataset', strength: 0.75 };
  // "..., and on X it clears 64%": "on" a name that a clause's subject follows sets where the result holds
  if (w === 'on' && j !== undefined && /^(?:it|they|we)$/.test(tokens[wordEnd(tokens, j) + 1]?.key ?? '')) return { type: 'dataset', strength: 0.75 };
  if (j !== undefined && tokens[0]?.key === 'on' && isNameShaped(wordAt(tokens, j)?.text ?? '') && opensList(tokens, i) === 0 && !opensClause(tokens, j)) return { type: 'dataset', strength: 0.75 };
  if (/^(build|builds|built|building|based|rely|relies|relying|depend|depends|focus|focuses|focusing|work|works|act|acts|operate|operates|conditioned|draw|draws|improve|improves|improving|training)$/.test(v)) return null;
  if ((w === 'on' || w === 'across') && evaluative) return { type: 'dataset', strength: 0.6 };
  return null;
}

/**
 * The token right before the enumeration of capitalised names that token i continues ("On A, B and
 * i"); an "and" or "or" only right before i, as the list's last joint.
 */
function opensList(tokens: Token[], i: number): number {
  let b = i - 1;
  if (/^(?:and|or)$/.test(tokens[b]?.key ?? '')) b--;
  while (b > 0 && (/^[\p{Lu}\d]/u.test(tokens[b]!.text) || tokens[b]!.glued)) b--;
  return b;
}

const COMPARED = /^(?:versus|vs|than|against|outperforming|outperforms|outperform|outperformed|surpassing|beating)$/;

/** Plural type nouns that announce an enumeration: `datasets such as A, B and C`, `N algorithms under one budget: A, B`. */
export function enumerationHead(tokens: Token[], i: number, sentence: string, sentenceStart: number): ContextHint | null {
  // walk back over list material to the introducing words
  // (most sentences have no colon: their gaps need not be read for one)
  const colon = sentence.includes(':');
  const brackets = sentence.includes(')');
  // (parentheses closed between the introducing words and i: "datasets (e.g., 0.81 on A), outperforming B" lists no B)
  let closed = 0;
  for (let k = i - 1; k >= Math.max(0, i - 30); k--) {
    const w = tokens[k]!.text.toLowerCase();
    const gap = colon || brackets ? gapBefore(tokens, k + 1, sentence, sentenceStart) : '';
    if (colon && gap.includes(':')) return closed > 0 ? null : pluralHeadBefore(tokens, k);
    if (gap.includes(')')) closed++;
    if (gap.includes('(') && closed > 0) closed--;
    // (the systems a result is compared with are no members: "0.81 on A versus 0.78 for B")
    if (COMPARED.test(w)) return null;
    if (closed > 0) continue;
    if (w === 'as' && tokens[k - 1]?.text.toLowerCase() === 'such') {
      const t = headType(tokens[postmodifiedHead(tokens, k - 2)]?.text ?? '');
      if (t) return { type: t === 'task' ? 'method' : t, strength: 0.8 };
      return null;
    }
    if (w === 'including' || w === 'like' || w === 'namely' || w === 'e' || w === 'include' || w === 'includes') {
      // the plural type noun may sit a few words before: "four new benchmarks for assessment, namely"
      for (let b = k - 1; b >= Math.max(0, k - 6); b--) {
        const t = headType(tokens[b]!.text);
        if (t && t !== 'task' && (t !== 'metric' || tokens[b]!.key === 'metrics') && /(?:s|^data)$/.test(tokens[b]!.text)) return { type: t, strength: 0.75 };
      }
      return null;
    }
    if (/^(we|is|are|was|were|that|which|to|by)$/.test(w)) return null;
  }
  return null;
}

/**
 * "suites for chat assistants, such as ...": the examples are of the noun a "for"/"of" phrase
 * ending at token k modifies (when it is a plural type noun), else of token k's.
 */
function postmodifiedHead(tokens: Token[], k: number): number {
  for (let b = k - 1; b >= Math.max(1, k - 3); b--) {
    const w = tokens[b]!.key;
    if (w === 'for' || w === 'of') {
      const h = tokens[b - 1]!;
      return headType(h.text) && /s$/.test(h.text) ? b - 1 : k;
    }
    if (!/^\p{Ll}/u.test(tokens[b]!.text) || isFunctionWord(w)) return k;
  }
  return k;
}

/** The type of a plural system or dataset noun among the few words ending at token k ("NAS algorithms under equal budgets"). */
function pluralHeadBefore(tokens: Token[], k: number): ContextHint | null {
  for (let b = k; b >= Math.max(0, k - 5); b--) {
    const t = headType(tokens[b]!.text);
    if (t && t !== 'task' && t !== 'metric' && /s$/.test(tokens[b]!.text) && !tokens[b]!.glued) return { type: t, strength: 0.75 };
  }
  return null;
}

/** "Kelpsynth→ReefScapes": the names an arrow joins are the data a domain shift starts from and ends on. */
export function domainShift(tokens: Token[], i: number, j: number, sentence: string, sentenceStart: number): ContextHint | null {
  const s = { text: sentence, start: sentenceStart };
  // (the name pointed to, or the name pointing: j's own shift, else the one ending right before i)
  const at = (k: number): [number, number] | null => {
    const t = k >= 0 ? shiftTarget(tokens, k, s) : -1;
    return t >= 0 ? [k, t] : null;
  };
  const pair = at(j) ?? at(i - 1) ?? (tokens[i - 1]?.key === 'to' ? at(i - 2) : null);
  if (!pair) return null;
  // ("KelpNet-50 → ReefNetV2": a teacher and its student are two systems)
  return systemPair(tokens, pair[0], pair[1]) ? { type: 'model', strength: 0.75 } : { type: 'dataset', strength: 0.75 };
}

/** `a new biomedical LM (BIOptimus)`: a name in parentheses typed by the noun before it. */
export function parentheticalName(tokens: Token[], i: number, sentence: string, sentenceStart: number): ContextHint | null {
  // (every member of a parenthesised list: "(KelpSAT, ReefNet and Tide45)")
  const first = parenthesisStart(tokens, i, sentence, sentenceStart);
  const p = tokens[first - 1];
  const t = tokens[i];
  if (first < 0 || !p || !t) return null;
  // ("eight locomotion tasks (KelpRun, GannetHop)": the named tasks of a benchmark are its datasets)
  // (the whole word: "Tide-5")
  const named = isNameShaped(joinedText(tokens, i, wordEnd(tokens, i)));
  if (p.text === 'tasks' && named) return { type: 'dataset', strength: 0.75 };
  const h = headType(p.text);
  // "scene classification (KelpSAT, ReefNet)": the benchmarks a task is measured on, unless the
  // parenthesis spells the task out ("object detection (OD)")
  if (h === 'task' && named && !t.glued && !p.glued && !spellsOut(tokens, first) && taskTestedOn(tokens, first - 1, sentence, sentenceStart)) return { type: 'dataset', strength: 0.75 };
  // "no-reference metrics (KMOS, REEFIQA)"
  if (p.text === 'metrics' && named) return { type: 'metric', strength: 0.8 };
  if (!h || h === 'task' || h === 'metric') return null;
  if (h === 'method' && !/^(method|algorithm|approach|framework|technique)s?$/i.test(p.text)) return null;
  return { type: h, strength: 0.8 };
}

/**
 * Is the task phrase ending at token k one results are reported on ("on reef classification (...)", and the
 * next task of that list: "(...), change detection (...)")? Not a family of systems ("tools grouped as
 * tracking-by-detection (A, B)").
 */
function taskTestedOn(tokens: Token[], k: number, sentence: string, sentenceStart: number): boolean {
  for (let b = k; b >= Math.max(0, k - 4); b--) {
    if (/\)\s*(?:,|,?\s*and)?\s*$/.test(gapBefore(tokens, b, sentence, sentenceStart)) && b < k) return true;
    const w = tokens[b - 1];
    if (!w) return false;
    if (/^(?:on|across|for)$/.test(w.key)) return true;
    if (!/^\p{Ll}/u.test(w.text) || (isFunctionWord(w.key) && !/^(?:and|or)$/.test(w.key))) return false;
  }
  return false;
}

/**
 * "KEMNIST and Reefspeare from the TIDE benchmark": names taken from a named benchmark or suite
 * are its datasets (the list before "from" too).
 */
export function partOfCollection(tokens: Token[], j: number): ContextHint | null {
  let k = j + 1;
  while (k < j + 8 && tokens[k] && (/^(?:and|or)$/.test(tokens[k]!.key) || /^[\p{Lu}\d]/u.test(tokens[k]!.text) || tokens[k]!.glued)) k++;
  if (!/^(?:from|of|in)$/.test(tokens[k]?.key ?? '') || tokens[k + 1]?.key !== 'the') return null;
  let n = k + 2;
  if (!/^\p{Lu}/u.test(tokens[n]?.text ?? '')) return null;
  while (tokens[n + 1] && (tokens[n + 1]!.glued || /^[\p{Lu}\d]/u.test(tokens[n + 1]!.text))) n++;
  return /^(?:benchmark|suite|collection|archive)$/.test(tokens[n + 1]?.key ?? '') ? { type: 'dataset', strength: 0.75 } : null;
}

/** The first token inside the parenthesis that token i is in, when only a list of words separates them; else -1. */
function parenthesisStart(tokens: Token[], i: number, sentence: string, sentenceStart: number): number {
  for (let k = i; k > 0 && i - k < 16; k--) {
    const gap = gapBefore(tokens, k, sentence, sentenceStart);
    if (/^\s*\(\s*$/.test(gap)) return k;
    if (!/^\s*,?\s*$/.test(gap) && !tokens[k]!.glued) return -1;
  }
  return -1;
}

/** Do the initials of the words before the parenthesis at token i spell the name in it ("object detection (OD)")? */
function spellsOut(tokens: Token[], i: number): boolean {
  const short = tokens[i]!.text;
  const before = tokens.slice(Math.max(0, i - short.length), i).map((t) => t.text[0]!.toLowerCase()).join('');
  return before.endsWith(short.toLowerCase().replace(/s$/, ''));
}

/**
 * The first token at or before k (at most twelve back) that is not part of an enumeration of
 * capitalised names: a word opening with a capital or a digit, a `joint` word, or a glued token
 * that `gluedIn` accepts.
 */
function beforeNames(tokens: Token[], k: number, joint: RegExp, gluedIn: (k: number) => boolean): number {
  for (let steps = 0; k >= 0 && steps < 12; steps++) {
    const w = tokens[k]!.text;
    if (joint.test(w) || /^[\p{Lu}\d]/u.test(w) || (tokens[k]!.glued && gluedIn(k))) k--;
    else break;
  }
  return k;
}

/** `the public benchmarks X and Y`, `benchmarks, X and Y`: a type noun right before the name (or its list). */
export function precedingHead(tokens: Token[], i: number, j: number, sentence: string, sentenceStart: number): ContextHint | null {
  // walk back over an enumeration of capitalised names: "benchmarks KELPFACE and GANNET WILD"
  const k = beforeNames(tokens, i - 1, /^(and|or)$/, () => true);
  const t = tokens[k];
  if (!t) return null;
  const h = headType(t.text);
  const gap = gapBefore(tokens, k + 1, sentence, sentenceStart);
  // "Ten methods, A, B and C are re-implemented": a plural system noun set off by a comma or a colon lists them
  if ((h === 'method' || h === 'model') && /^(?:methods|algorithms|approaches|techniques|models|architectures|networks)$/i.test(t.text) && /^\s*[,:]\s*$/.test(gap)) return { type: h, strength: 0.75 };
  // "the temporal models A and B": a plural noun of systems right before names says what they are
  if (h === 'model' && /^(?:models|architectures|networks|backbones|encoders|detectors)$/.test(t.key) && /^\s+$/.test(gap)) return { type: 'model', strength: 0.75 };
  // ("on the regression tasks A, B and C": a benchmark's tasks named one by one are its datasets)
  if (t.text === 'tasks' && /^\s+$/.test(gap)) return { type: 'dataset', strength: 0.75 };
  // ("on the shell-counting task KELP": the one named benchmark a result is reported on)
  if (t.text === 'task' && /^\s+$/.test(gap) && isNameShaped(tokens[i]!.text)) {
    for (let b = k - 1; b >= Math.max(0, k - 5); b--) {
      if (/^(?:on|across)$/.test(tokens[b]!.key)) return { type: 'dataset', strength: 0.75 };
      if (isFunctionWord(tokens[b]!.key) && tokens[b]!.key !== 'the') break;
    }
  }
  if (h !== 'dataset' || !/^(benchmarks?|datasets?|corpus|corpora|suites?)$/i.test(t.text)) return null;
  if (!/^[\s,:]*$/.test(gap)) return null;
  // "we benchmark A, B and C": the verb's objects are the systems it runs
  if (/^benchmark$/i.test(t.text) && /^(?:we|they|to|also|then|further|first|systematically|extensively)$/i.test(tokens[k - 1]?.text ?? '')) return { type: 'model', strength: 0.6 };
  // "a new benchmark, A, X improves ...", "On the B benchmark, X reaches ...": X, past another
  // name or a comma, is the subject of a clause
  // ("a new benchmark, A, derived from B": a participle and its preposition describe A, no clause)
  if ((k + 1 < i || gap.includes(',')) && opensClause(tokens, j) && !opensParticiple(tokens, j)) return null;
  return { type: 'dataset', strength: 0.8 };
}

const PARTICIPLE_PREP = /^(?:from|by|on|in|with|of|for|via|using|under|over|across|through|at|into)$/;

/** Does a past participle and its preposition follow token j ("derived from", "collected in")? */
function opensParticiple(tokens: Token[], j: number): boolean {
  const next = tokens[j + 1];
  return next !== undefined && !next.glued && lexTag(next.key) === 'PastTense' && PARTICIPLE_PREP.test(tokens[j + 2]?.key ?? '');
}

/**
 * `A, B and C benchmarks`: a plural type noun after the list a name opens types every member.
 * (followingHead reads only the last member's; this hint is weaker than it, so that a name's
 * own spelling or the corpus can overrule it.)
 */
export function listHead(tokens: Token[], j: number, sentence: string, sentenceStart: number, i = j): ContextHint | null {
  // (only a name by its spelling: "Animals with Attributes and X datasets" lists no "Attributes";
  // a capitalised word is a member where a name by its spelling opens the list: "KTT1, Harbour and Orchard datasets")
  const named = isNameShaped(wordAt(tokens, j)?.text ?? '');
  if (!named && !namedBefore(tokens, i, sentence, sentenceStart)) return null;
  // (such a word as the list's last member: the head noun right after it)
  if (!named) {
    const n = tokens[j + 1];
    const h = n && !n.glued && /^\s+$/.test(gapBefore(tokens, j + 1, sentence, sentenceStart)) ? headType(n.text) : null;
    if ((h === 'dataset' || h === 'model') && /s$/.test(n!.text)) return { type: h, strength: 0.7 };
  }
  let members = 0;
  for (let k = j + 1; k < Math.min(tokens.length, j + 16); k++) {
    const t = tokens[k]!;
    if (t.glued) continue;
    const gap = gapBefore(tokens, k, sentence, sentenceStart);
    const w = t.text;
    if (/^\s*,\s*$/.test(gap) && /^[\p{Lu}\p{N}]/u.test(w)) members++;
    else if (/^(?:and|or)$/.test(w) && /^\s+$/.test(gap)) continue;
    else if (/^\s+$/.test(gap) && /^[\p{Lu}\p{N}]/u.test(w) && /^(?:and|or)$/.test(tokens[k - 1]!.text)) members++;
    else if (/^\s+$/.test(gap) && /^[\p{Lu}\p{N}]/u.test(w) && members > 0) continue;
    else {
      const h = headType(w);
      if (members > 0 && /^\s+$/.test(gap) && (h === 'dataset' || h === 'model') && /s$/.test(w)) return { type: h, strength: 0.7 };
      return null;
    }
  }
  return null;
}

/** Does a name by its spelling come before token i in the same enumeration ("KTT1, KTT2, Harbour and ...")? */
function namedBefore(tokens: Token[], i: number, sentence: string, sentenceStart: number): boolean {
  let k = i;
  for (let steps = 0; steps < 8 && k > 0; steps++) {
    let gap = gapBefore(tokens, k, sentence, sentenceStart);
    if (/^(?:and|or)$/.test(tokens[k - 1]!.text) && /^\s+$/.test(gap) && k > 1) {
      k--;
      gap = gapBefore(tokens, k, sentence, sentenceStart);
      if (!/^,?\s+$/.test(gap)) return false;
    } else if (!/^\s*,\s*$/.test(gap)) return false;
    const w = wordAt(tokens, k - 1);
    if (!w || !/^[\p{Lu}\p{N}]/u.test(w.text)) return false;
    if (isNameShaped(w.text)) return true;
    k = w.start;
  }
  return false;
}

/** Is the word after token j a finite verb ("X reaches 80%"), so that the name before it is a clause's subject? */
export function opensClause(tokens: Token[], j: number): boolean {
  const next = tokens[j + 1];
  if (!next || next.glued) return false;
  const w = next.text.toLowerCase();
  if (headType(w)) return false; // "A, B and C benchmarks"
  const tag = lexTag(w);
  return isCueVerb(w) || tag === 'PresentTense' || tag === 'PastTense' || tag === 'Copula';
}

// Verbs whose object is a model: one fine-tunes, prompts, trains or deploys a system.
const MODEL_OBJECT = /^(?:fine-?tun(?:e|es|ed|ing)|finetun(?:e|es|ed|ing)|prompt(?:s|ed|ing)?|pre-?train(?:s|ed|ing)?|train(?:s|ed|ing)?|deploy(?:s|ed|ing)?|quer(?:y|ies|ied|ying)|distill(?:s|ed|ing)?\s+from)$/;
// Words after which a name is a baseline the paper measures itself against.
const COMPARE_DIRECT = /^(?:outperform(?:s|ed|ing)?|surpass(?:es|ed|ing)?|beat(?:s|ing)?|exceed(?:s|ed|ing)?|rival(?:s|led|ing)?|versus|vs)$/;
const COMPARE_PREP = /^(?:compared|comparison|comparisons|comparing|compare|compares|relative|superior|inferior)$/;
// Words after which a capitalised word is the name of what the paper introduces ("we further
// propose Wrasse, which ..."): a weak hint, the sentence has no word for its kind.
const PROPOSE_OBJECT = /^(?:propos(?:e|es|ed)|introduc(?:e|es|ed)|present(?:s|ed)?|releas(?:e|es|ed))$/;
// Words after which a name is something the paper builds upon.
const BUILD_ON = /^(?:based|built|build|builds|building|relies|rely|relying|extend|extends|extending|extended)$/;

/** The word ending at token k (glued tokens joined with their joiners), as written. */
function wordAt(tokens: Token[], k: number): { text: string; start: number } | null {
  if (k < 0) return null;
  const a = wordStart(tokens, k);
  return { text: joinedText(tokens, a, k), start: a };
}

/** wordAt, lower case. */
function wordBefore(tokens: Token[], k: number): { text: string; start: number } | null {
  const w = wordAt(tokens, k);
  return w ? { text: w.text.toLowerCase(), start: w.start } : null;
}

/**
 * The last member of an enumeration of names: `Corvid-8B, Corvid-70B and Heron`. Weak and
 * typed as a model only provisionally: the enumeration's typed members give it their type.
 */
export function listMate(tokens: Token[], i: number, sentence: string, sentenceStart: number): ContextHint | null {
  const p = tokens[i - 1];
  if (!p || !tokens[i]) return null;
  let k = i - 1;
  if (/^(and|or)$/.test(p.text)) k--;
  else if (!/^\s*,\s*$/.test(sentence.slice(p.end - sentenceStart, tokens[i]!.start - sentenceStart))) return null;
  const w = wordAt(tokens, k);
  if (!w || !isNameShaped(w.text)) return null;
  return { type: 'model', strength: 0.5 };
}

/**
 * The verb before a name (or before the list it opens): `we fine-tune X`, `outperforms X and Y`,
 * `compared with X`, `builds on X`. A fine-tuned or prompted thing is a model; a baseline or a
 * base is most often one, so those hints are weak and only make a lone capitalised word a name.
 */
export function verbObject(tokens: Token[], i: number, j: number): ContextHint | null {
  if (modifiesNoun(tokens, j)) return null;
  // the word right before the name (past determiners), else the one before the list it closes
  let k = i - 1;
  while (k >= 0 && /^(the|a|an|both|strong|recent|popular|existing|prior|previous)$/i.test(tokens[k]!.text)) k--;
  const direct = verbHint(tokens, k);
  if (direct) return direct;
  k = beforeNames(tokens, k, /^(and|or|the|a|an|both)$/i, (g) => /^[\p{Lu}\d]/u.test(tokens[g - 1]?.text ?? ''));
  return verbHint(tokens, k);
}

function verbHint(tokens: Token[], k: number): ContextHint | null {
  const v = wordBefore(tokens, k);
  if (!v) return null;
  if (MODEL_OBJECT.test(v.text)) return { type: 'model', strength: 0.75 };
  if (COMPARE_DIRECT.test(v.text) || (v.text === 'than' && isComparative(tokens[v.start - 1]?.key ?? ''))) return { type: 'model', strength: 0.6 };
  // "versus 52.4% for X", "compared with 19.8 for X": a result reported for another system
  if (v.text === 'for' && valueEndsAt((n) => tokens[n]?.key ?? '', v.start - 1)) return { type: 'model', strength: 0.6 };
  if (/^(with|to|against)$/.test(v.text) && COMPARE_PREP.test(tokens[v.start - 1]?.text.toLowerCase() ?? '')) return { type: 'model', strength: 0.6 };
  // "by 1.3 dB over X", "gains over X", "3.2x over X": a margin is stated against another system
  if (v.text === 'over' && marginBefore(tokens, v.start - 1)) return { type: 'model', strength: 0.6 };
  if (/^(on|upon)$/.test(v.text) && BUILD_ON.test(tokens[v.start - 1]?.text.toLowerCase() ?? '')) {
    // "a benchmark built on X": data is built from data
    if (headType(tokens[v.start - 2]?.key ?? '') === 'dataset') return { type: 'dataset', strength: 0.75 };
    return { type: 'model', strength: 0.55 };
  }
  // "a policy fine-tuned from X", "a student distilled from X": the model another one starts from
  if (v.text === 'from' && /^(?:tuned|finetuned|distilled|initialized|initialised)$/.test(tokens[v.start - 1]?.key ?? '')) return { type: 'model', strength: 0.75 };
  if (PROPOSE_OBJECT.test(v.text)) return { type: 'method', strength: 0.5 };
  return null;
}

/** Does a margin end at token k ("by 1.3 dB", "5%", "gains"), so that "over" after it names what it is measured against? */
function marginBefore(tokens: Token[], k: number): boolean {
  if (tokens[k]?.key === 'average' && tokens[k - 1]?.key === 'on') k -= 2;
  const w = tokens[k]?.key ?? '';
  // (a margin has a unit of difference, "pass@1 over A, B and C" measures across benchmarks)
  if (/^(?:points?|pts|pp|db|%|x|times)$/.test(w)) return /^\d/.test(tokens[k - 1]?.key ?? '');
  return /^\d+(?:\.\d+)?(?:x|%)$/.test(w) || /^(?:gains?|improvements?|advantages?|margins?|speedups?)$/.test(w);
}

/** The name is followed by a lower-case noun it modifies ("Edgeworth accountant", "English text"). */
export function modifiesNoun(tokens: Token[], j: number): boolean {
  const n = tokens[j + 1];
  if (!n || n.glued || !oneSpaceApart(tokens[j]!, n)) return false;
  const w = n.text;
  return /^\p{Ll}{3,}$/u.test(w) && !isFunctionWord(w) && !isCueVerb(w) && !/^(is|are|was|were|has|have|had|can|could|may|might|will|would|should|must|does|did|do)$/.test(w) && !/(?:ed|es)$/.test(w);
}

// Nouns that end an open compound adjective. Some qualify a technique or task technically and
// belong to its name ("character level language modeling", "low resource machine translation",
// "large vocabulary speech recognition", "few shot learning", "real time object detection");
// others describe the setting ("large scale", "real world", "high quality") and do not.
const TECHNICAL_COMPOUND_NOUNS = new Set('level time resource shot vocabulary margin range term grained order domain resolution'.split(' '));
const DESCRIPTIVE_COMPOUND_NOUNS = new Set('scale world size quality source'.split(' '));

/**
 * Where modifiers a rule took, starting at token k, should start when they open with the noun of
 * an open compound adjective whose first word they left out: one word earlier when the compound is
 * technical, nowhere (null: drop the modifiers) when it is descriptive, else k. "large scale |
 * supervised reading comprehension" would otherwise read "scale supervised reading comprehension".
 */
export function compoundStart(t: readonly Token[], k: number, text: string, start: number): number | null {
  if (k === 0 || t[k]!.glued || t[k + 1]?.glued) return k;
  const noun = t[k]!.text;
  const technical = TECHNICAL_COMPOUND_NOUNS.has(noun);
  if (!technical && !DESCRIPTIVE_COMPOUND_NOUNS.has(noun)) return k;
  const prev = t[k - 1]!;
  const joined = /^\s+$/.test(text.slice(prev.end - start, t[k]!.start - start)) && /^\p{Ll}{3,}$/u.test(prev.text) && !isFunctionWord(prev.text) && !isCueVerb(prev.text);
  if (!joined) return k;
  return technical ? k - 1 : null;
}

/**
 * Does the noun phrase end after token e: where a list, a clause or the sentence goes on ("Kelp 2 and",
 * "Kelp 2, ...", "Kelp 2 reaches")? Not before a noun the word counts or qualifies ("3 times", "large gains",
 * "Reefo adapters"), a unit ("3x") or as an item's number ("2)").
 */
export function phraseEndsAfter(tokens: Token[], e: number, sentence: string, sentenceStart: number): boolean {
  const after = tokens[e + 1];
  if (!after) return true;
  if (after.glued) return false;
  const gap = gapBefore(tokens, e + 1, sentence, sentenceStart);
  if (/^\s+$/.test(gap)) return /^(?:and|or|is|are|was|were)$/.test(after.key) || isFunctionWord(after.key) || isCueVerb(after.key);
  return /^\s*[,;:(]\s*$/.test(gap) || (/^\.\s+$/.test(gap) && /^\p{Lu}/u.test(after.text));
}
