// Role cues: how the paper relates to an entity, read from the words around
// each mention in its sentence (ENTITIES.md, "Roles"). Each mention gets a role;
// the entity takes the strongest one (proposes > compares_with > evaluates_on
// > uses > mentions).
import type { EntityType, Role } from './types.js';
import { isComparative, isFunctionWord, isLanguageName, verbFormsAll } from './english.js';
import { isDescriptiveModifier } from './heads.js';
import { isArchitectureName } from './shapes.js';
import { gapBefore, isShiftJoint, joinedText, wordEnd, wordStart, type Token } from './text.js';

const VERBS = {
  propose: 'propose present introduce develop design devise build construct create release contribute formulate curate collect establish unveil',
  compare: 'outperform surpass beat exceed rival',
  use: 'use utilize utilise employ adopt leverage apply fine-tune finetune incorporate integrate exploit initialize distill train',
  evaluate: 'evaluate test benchmark validate assess achieve obtain reach attain report conduct demonstrate show',
  other: 'improve enhance extend study explore investigate analyze analyse examine combine perform require enable allow learn generate predict produce yield',
};
// All cue verbs conjugated by compromise in one pass at start-up.
const FORMS = verbFormsAll(Object.values(VERBS).join(' ').split(' '));
const forms = (verbs: string): Set<string> => new Set(verbs.split(' ').flatMap((v) => FORMS.get(v) ?? [v]));

const PROPOSE = forms(VERBS.propose);
const COMPARE = forms(VERBS.compare);
const USE = forms(VERBS.use);
const EVAL = forms(VERBS.evaluate);
const words = (list: string): string[] => list.split(' ');
// Cue words by class. A token is looked up once in CUE_CLASS and its classes read as bits: a test per class
// per token was a tenth of extraction time.
const CUE = {
  propose: 1, compare: 2, use: 4, evaluate: 8,
  // evaluation verbs that are nouns as often ("benchmarks such as X"): a verb only after a subject or "to"
  nounOrVerb: 16,
  compareWord: 32,
  match: 64,
  // words after which a value stated "for X" is another system's: "versus 4.1 for X", "compared with 3.2 for X"
  contrast: 128,
  // words of training or of building data from sources (keys: "co-training" is "co" + "training")
  training: 256,
  levelWith: 512,
  approach: 1024,
  passiveCompare: 2048,
} as const;
const CUE_CLASS = new Map<string, number>();
for (const [list, bit] of [
  [PROPOSE, CUE.propose], [COMPARE, CUE.compare], [USE, CUE.use], [EVAL, CUE.evaluate],
  [words('benchmark benchmarks test tests'), CUE.nounOrVerb],
  [words('compare compares compared comparing comparison comparisons'), CUE.compareWord],
  [words('match matches matched matching'), CUE.match],
  [words('versus vs compared against relative whereas while'), CUE.contrast],
  [words('trained training pretraining pretrained finetuning finetuned tuning tuned built assembled derived synthesized synthesised corpus mixture'), CUE.training],
  [words('competitive comparable par parity'), CUE.levelWith],
  [words('approach approaches approaching trails trail trailing lags'), CUE.approach],
  [words('outperformed surpassed beaten exceeded'), CUE.passiveCompare],
] as const) {
  for (const w of list) CUE_CLASS.set(w, (CUE_CLASS.get(w) ?? 0) | bit);
}
const MEASURED_RESULT = /\d(?:\.\d+)?\s?(?:%|dB|points?\b|pp\b)/;

const ALL_CUES = new Set([...PROPOSE, ...COMPARE, ...USE, ...EVAL, ...forms(VERBS.other)]);

// Titles of papers that study existing systems side by side ("A Controlled Comparison of ...",
// "Revisiting ...", "A Reproducibility Study of ...", "Do ... Survive ...?").
const STUDY_TITLE = /(?<!-)\b(?:comparisons?|comparative|comparing|empirical(?:ly)?|reproducibility|reproducing|replicat\w*|revisit\w*|re-?evaluat\w*|re-?examin\w*|benchmarking|benchmark of|large-scale study|controlled study|systematic (?:study|evaluation))\b/i;

/** Is this the title of a study of existing systems rather than of a new one? */
export function isComparisonStudy(title: string): boolean {
  return STUDY_TITLE.test(title) || /\?\s*$/.test(title.split(/[:.]\s/)[0]!);
}

/** A verb of proposing ("introduces", "presents", "proposes"). */
export function isProposalVerb(lower: string): boolean {
  return PROPOSE.has(lower);
}

/** A verb that carries a role cue (outperform, propose, use...), so it is never part of a name. */
export function isCueVerb(lower: string): boolean {
  return ALL_CUES.has(lower);
}

export const ROLE_RANK: Record<Role, number> = { proposes: 5, compares_with: 4, evaluates_on: 3, uses: 2, mentions: 1 };

export interface SentenceCues {
  /** Token index right after the first "we propose"-style cue, or -1. */
  proposeAt: number;
  /** Token indices right after every proposal cue. */
  proposeAll: number[];
  /** Token indices right after comparison cues ("outperforms", "compared with"). */
  compareAt: number[];
  /** Token indices right after use cues ("based on", "using", "fine-tune"). */
  useAt: number[];
  /** Token indices right after "trained on" / "pre-trained on". */
  trainOnAt: number[];
  /** Index of the last passive comparison ("A and B are also outperformed"): names before it are compared with, or -1. */
  passiveCompareAt: number;
  /** The sentence reports evaluation ("experiments on", "achieves ... on"). */
  evaluative: boolean;
  /** Background sentence: before the paper speaks of itself, or about prior work. */
  background: boolean;
  /** Before the paper speaks of itself at all: what it says is tested there, others tested. */
  prior: boolean;
  /** The sentence speaks of the paper itself (we, our, this paper). */
  self: boolean;
  /** The sentence names the contribution the title names ("Kelpo: ..." and "Kelpo keeps ..."). */
  ownNamed: boolean;
  /** The sentence speaks of training or building data ("pretraining combines", "built from clips in"). */
  training: boolean;
}

// The words that say a system is trained, as written ("pre-trained", "fine-tuned")
const TRAIN_VERB = /^(?:trained|training|trains|pretrained|pre-trained|fine-tuned|fine-tuning|fine-tune|fine-tunes|finetuned|finetuning|finetune|finetunes|tuned|learned|learnt|train|pretrain|pretrains|pre-train|pretraining|pre-training|retrained|re-trained|retrain|retraining)$/;

/** Is the word ending at token k a training verb ("trained", "fine-tuned")? */
export function isTrainVerbAt(tokens: readonly Token[], k: number): boolean {
  return k >= 0 && k < tokens.length && TRAIN_VERB.test(joinedText(tokens, wordStart(tokens, k), k).toLowerCase());
}

/** Does "on" at token k close "<trained> with|via|using <one to three words> on" ("tuned with span corruption on X")? */
export function trainedWithOn(tokens: readonly Token[], k: number): boolean {
  let words = 0;
  for (let b = k - 1; b >= 1 && words <= 3; b--) {
    const t = tokens[b]!;
    if (!t.glued && /^(?:with|via|using)$/.test(t.key)) return words > 0 && isTrainVerbAt(tokens, b - 1);
    // (plain words or a technique's name: "trained with KelpLoRA on X")
    if (!/^\p{L}[\p{L}\d-]*$/u.test(t.text) || (!t.glued && isFunctionWord(t.key))) return false;
    if (!t.glued) words++;
  }
  return false;
}

const SELF = new Set(['we', 'our', 'us', 'ours']);
// Words before "over"/"against" that state a result as a margin over another system
const IMPROVED = /improv|gain|outperform|advantage|speedup|better|margin|baseline|compar|point|prefer/;
const IMPROVED_OR_REDUCED = new RegExp(`${IMPROVED.source}|reduc|lower|decreas|\\bcut`);
const BACKGROUND = /\b(existing|previous|prior|recent(ly)?|traditional|conventional|popular|typically|commonly|widely|have been|has been|have shown|has shown|remains?|however|although|despite)\b/i;

/**
 * Cues of one sentence. `selfSeen` tells whether an earlier sentence already spoke of the paper;
 * `ownName` matches the name the title gives the paper's contribution.
 */
export function sentenceCues(tokens: Token[], sentence: string, sentenceStart: number, selfSeen: boolean, isTitle: boolean, ownName?: RegExp): SentenceCues {
  const low = tokens.map((t) => t.text.toLowerCase());
  const pending: number[] = [];
  // (a contrast word or a stated value seen so far in the sentence)
  let contrasted = false;
  let valued = false;
  // (a comparison verb seen: the sentence states results)
  let outperforms = false;
  const cues: SentenceCues = { proposeAt: -1, proposeAll: [], compareAt: [], useAt: [], trainOnAt: [], passiveCompareAt: -1, evaluative: false, background: false, prior: false, self: false, ownNamed: false, training: false };
  const selfHere = low.some((w) => SELF.has(w)) || /\b(?:(?:this|the present) (?:paper|work|study|article|report)|the authors)\b/i.test(sentence);
  cues.self = selfHere;
  for (let i = 0; i < low.length; i++) {
    const w = low[i]!;
    const prev = low[i - 1] ?? '';
    const next = low[i + 1] ?? '';
    const cls = CUE_CLASS.get(w) ?? 0;
    // "we build on X", "building upon X": a base the paper uses, not one it proposes
    if (cls & CUE.propose && (selfHere || isTitle) && next !== 'on' && next !== 'upon') {
      // "we propose", "this paper presents", "is proposed" (passive with self reference)
      if (cues.proposeAt < 0) cues.proposeAt = i + 1;
      cues.proposeAll.push(i + 1);
    }
    if (cls & CUE.compare) {
      cues.compareAt.push(i + 1);
      outperforms = true;
    }
    if ((w === 'than' && (prev === 'better' || prev === 'stronger' || prev === 'faster')) || (w === 'to' && (prev === 'superior' || prev === 'opposed' || prev === 'relative' || prev === 'contrast'))) cues.compareAt.push(i + 1);
    if (w === 'unlike') cues.compareAt.push(i + 1);
    // "compared with B", "we compare A with B", "compares favourably with B": the standard after the
    // preposition ("we compare existing methods with our ...": the paper's own is no baseline)
    if (cls & CUE.compareWord) {
      let standard = false;
      for (let k = i + 1; k < Math.min(low.length, i + 7); k++) {
        if (!/^(?:with|to|against)$/.test(low[k]!)) continue;
        if (low[k + 1] !== 'our') cues.compareAt.push(k + 1);
        standard = true;
        break;
      }
      // ("we compare nine existing models: A, B and C": with no standard named, what we compare is compared;
      // a standard further on leaves the first list the paper's own side: "we compare A (B, C) with D")
      if (!standard && /^(?:compare|compared)$/.test(w) && low.slice(Math.max(0, i - 3), i).includes('we') && !low.slice(i + 1).some((x) => /^(?:with|against)$/.test(x))) cues.compareAt.push(i + 1);
    }
    // "improving on A and B" (a dataset after it is read by the dataset rules first)
    if ((next === 'on' || next === 'upon') && /^improv(?:e|es|ed|ing)$/.test(w)) cues.compareAt.push(i + 2);
    // "6.2, versus 6.8 for A, 7.0 for B and 9.1 ms for C": the system a stated value belongs to,
    // however far down the list of values
    if (cls & CUE.contrast) contrasted = true;
    if (/^\d/.test(w)) valued = true;
    if (w === 'for' && contrasted && valueEndsAt((n) => low[n] ?? '', i - 1)) cues.compareAt.push(i + 1);
    // "competitive with A", "on par with B", "comparable to C", "within half a point of D"
    if (cls & CUE.levelWith && (next === 'with' || next === 'to')) cues.compareAt.push(i + 2);
    if (w === 'of' && low.slice(Math.max(0, i - 5), i).includes('within')) cues.compareAt.push(i + 1);
    // "approaching B", "trails C on ...": a level stated against another system's (in a results sentence)
    if (cls & CUE.approach || (w === 'close' && next === 'to')) pending.push(i + (w === 'close' ? 2 : 1));
    // "A, B and C serve as extra baselines": the systems named before are compared with
    if ((w === 'baselines' || w === 'baseline') && low.slice(Math.max(0, i - 5), i).includes('as') && low.slice(0, i).some((x) => x === 'are' || x === 'serve' || x === 'were')) cues.passiveCompareAt = i;
    // "closing the gap to B", "ahead of B (77.9%)", "Against A and B, X improves ..."
    if ((w === 'ahead' && next === 'of') || (w === 'against' && i === 0)) cues.compareAt.push(i + 2 - (w === 'against' ? 1 : 0));
    // "A and B are also outperformed"
    if (cls & CUE.passiveCompare && /^(?:are|is|were|was|also|all|both|consistently|clearly)$/.test(prev)) cues.passiveCompareAt = i;
    // "from 21.4% (A) and 26.9% (B) to 31.2%": the system a value in parentheses belongs to
    if (i > 0 && /\d$/.test(tokens[i - 1]!.text) && /^%?\s*\(\s*$/.test(gapBefore(tokens, i, sentence, sentenceStart))) pending.push(i);
    if (w === 'gap' && (next === 'to' || next === 'with')) cues.compareAt.push(i + 2);
    // "matches B", "75.1% accuracy, above B": a level stated against another system's (in a results sentence)
    if (cls & CUE.match || (w === 'above' && valued)) pending.push(i + 1);
    // ("reduces error by 31% over A": a reduction stated over a system; what errors are measured "against" is data)
    if ((w === 'over' || w === 'against' || w === 'versus' || w === 'vs') && i > 0 && (w === 'against' ? IMPROVED : IMPROVED_OR_REDUCED).test(low.slice(Math.max(0, i - 24), i).join(' '))) cues.compareAt.push(i + 1);
    if (w === 'baselines' || w === 'baseline') cues.compareAt.push(i + (next === 'for' || next === 'include' || next === 'including' ? 2 : 1));
    // "in 40% fewer rounds than X", "5x faster than X": a comparative's standard is compared with
    if (w === 'than' && i > 0 && low.slice(Math.max(0, i - 6), i).some(isComparative)) cues.compareAt.push(i + 1);
    if (cls & CUE.training) cues.training = true;
    if (cls & CUE.use && w !== 'trained' && w !== 'train') cues.useAt.push(i + 1);
    // ("fine-tune" is two tokens)
    if (prev === 'fine' && /^(?:tune|tunes|tuning)$/.test(w)) cues.useAt.push(i + 1);
    if ((w === 'based' || w === 'built' || w === 'relies' || w === 'rely' || w === 'building') && (next === 'on' || next === 'upon')) cues.useAt.push(i + 2);
    // ("with 500 samples", "with 5% of the data": an amount, not a component)
    if ((w === 'using' || w === 'via' || w === 'with' || w === 'applying' || w === 'through') && !/^\d/.test(next)) cues.useAt.push(i + 1);
    if (next === 'on' && isTrainVerbAt(tokens, i)) cues.trainOnAt.push(i + 2);
    // "tuned with span corruption on X": past how, up to what
    if (w === 'on' && trainedWithOn(tokens, i)) cues.trainOnAt.push(i + 1);
    // ("existing benchmarks such as X", "unit tests": the noun reports no evaluation)
    if (cls & CUE.nounOrVerb && !/^(?:we|they|to|and|it|also)$/.test(prev)) continue;
    if (cls & CUE.evaluate || w === 'experiments' || w === 'evaluation' || w === 'evaluations' || w === 'measured' || w === 'results' || w === 'state' || w === 'accuracy' || w === 'performance') cues.evaluative = true;
  }
  // a measured gain reports results: "improves PSNR by 1.8 dB", "raises win rate to 31.5%"
  if (!cues.evaluative && MEASURED_RESULT.test(sentence)) cues.evaluative = true;
  // (the title's own name speaks of the paper as "we" does, but proposes nothing by itself:
  // "the baseline released with X" is no release of the paper's)
  cues.ownNamed = !isTitle && (ownName?.test(sentence) ?? false);
  // (a sentence that outperforms something states results: "outperforms A while matching B"; so does one
  // where the paper compares itself with others: "Kelpo improves over A and matches B")
  if (cues.evaluative || outperforms || (cues.compareAt.length > 0 && (selfHere || cues.ownNamed))) cues.compareAt.push(...pending);
  cues.prior = !isTitle && !selfSeen && !selfHere && !cues.ownNamed;
  cues.background = cues.prior || (!isTitle && !selfHere && !cues.ownNamed && BACKGROUND.test(sentence));
  return cues;
}

/** Does a stated value (a number, perhaps with its unit) end at token k? `word(n)` is token n's text. */
export function valueEndsAt(word: (n: number) => string, k: number): boolean {
  const w = word(k);
  // ("52.9 AP for X", "3.1 ms for Y": a number and the unit or measure it is stated in)
  return /^\d/.test(w) || (/^[\p{L}@%]{1,6}$/u.test(w) && /\d$/.test(word(k - 1)));
}

/** The first token of the enumeration of names whose member starts at token i ("A, B and the C"). */
function listStart(tokens: Token[], i: number, sentence: { text: string; start: number }): number {
  let k = i;
  // (a gap of spaces or a comma: "Long Form (LF)" is a definition, no list)
  while (k > 0 && (tokens[k]!.glued || /^,?\s*$/.test(gapBefore(tokens, k, sentence.text, sentence.start)))) {
    const p = tokens[k - 1]!;
    // (a capitalised preposition opens the sentence, not the list: "Across A, B and C")
    if (p.glued || /^(?:and|or|the)$/.test(p.text) || (/^[\p{Lu}\p{N}]/u.test(p.text) && !isFunctionWord(p.key))) k--;
    else break;
  }
  // (the list starts at its first name, not at the "the" before it)
  while (k < i && tokens[k]!.text === 'the') k++;
  return k;
}

/** Is `at` the nearest cue before token `i` (nothing but a short noun phrase between)? */
function after(cuePositions: number[], i: number, maxGap: number): number {
  let best = -1;
  for (const c of cuePositions) if (c <= i && i - c <= maxGap && c > best) best = c;
  return best;
}

const BLOCK_COMPARE = /^(on|across|in|at|for|using|via|by|from|into|within|through|over|under)$/;

/** Has a proposal verb ("we propose", "we introduce") come at or before token i, outside background? */
export function proposalBefore(cues: SentenceCues, i: number): boolean {
  return cues.proposeAt >= 0 && cues.proposeAt <= i && !cues.background;
}

const ARROW = /^\s*(?:→|->|⇒)\s*$/;

/**
 * Does the name ending at token j point to another ("Kelpsynth→ReefScapes", "A -> B", "from A to B" after a word
 * of transfer)? The token where the other name starts, or -1. Not a language ("English→German" translates)
 * and not before a split letter ("ABC→D" trains on splits A-C of one benchmark and tests on D).
 */
export function shiftTarget(tokens: Token[], j: number, sentence: { text: string; start: number }): number {
  const arrow = tokens[j + 1] !== undefined && ARROW.test(gapBefore(tokens, j + 1, sentence.text, sentence.start));
  // ("transfer learning from KelpEEG to Reefilepsy": the words of a shift, spelled out; "Kelpscapes-to-REEF")
  const to = !arrow && tokens[j + 1]?.key === 'to' && ((!tokens[j + 1]!.glued && shiftFrom(tokens, j)) || isShiftJoint(tokens, j + 1));
  const t = to ? j + 2 : j + 1;
  const target = tokens[t];
  return (arrow || to) && !!target && target.text.length >= 3 && /^[\p{Lu}\d]/u.test(target.text) && !isLanguageName(target.key) && !isLanguageName(tokens[j]!.key) ? t : -1;
}

/** Is the name ending at token j the source of a domain shift, the data an adaptation trains on (not a teacher's network)? */
export function isSourceDomain(tokens: Token[], j: number, sentence: { text: string; start: number }): boolean {
  const t = shiftTarget(tokens, j, sentence);
  return t >= 0 && !systemPair(tokens, j, t);
}

/**
 * Are the words ending at token j and starting at token t two systems rather than two domains: either one
 * spelled as a network ("KelpNet-50 → ReefNetV2", a teacher and its student), or two sizes of one family
 * ("KWN-40-2 → KWN-16-2")?
 */
export function systemPair(tokens: Token[], j: number, t: number): boolean {
  const source = joinedText(tokens, wordStart(tokens, j), j);
  const target = joinedText(tokens, t, wordEnd(tokens, t));
  if (isArchitectureName(source) || isArchitectureName(target)) return true;
  const stem = (w: string) => /^([^\-_\s]+)[\-_]/.exec(w)?.[1];
  return stem(source) !== undefined && stem(source) === stem(target) && /\d$/.test(source) && /\d$/.test(target);
}

/** A word of transfer, adaptation or generalisation: a system moved from the data it learned on to other data. */
const SHIFT_WORD = /^(?:transfer(?:s|ring|red)?|adapt(?:s|ed|ing|ation)?|generali[sz](?:e|es|ed|ing|ation))$/;

/** Does "from" open the name ending at token j, a word of transfer or adaptation a few words before it? */
function shiftFrom(tokens: Token[], j: number): boolean {
  const i = wordStart(tokens, j);
  if (tokens[i - 1]?.key !== 'from') return false;
  // (knowledge is transferred between systems: "transfer knowledge from KelpLM to ReefLM")
  for (let b = i - 2; b >= Math.max(0, i - 5); b--) {
    if (/^(?:knowledge|skills?|capabilities|abilities)$/.test(tokens[b]!.key)) return false;
    if (SHIFT_WORD.test(tokens[b]!.key)) return true;
  }
  return false;
}

/** "cuts the error from 6.8% (KelpScale) to 2.9%": the system in parentheses after the value a change starts from is its baseline. */
function changeStartsAt(tokens: Token[], i: number, sentence: { text: string; start: number }): boolean {
  if (i < 2 || !/\(\s*$/.test(gapBefore(tokens, i, sentence.text, sentence.start))) return false;
  const k = wordStart(tokens, i - 1);
  if (!/^\d/.test(tokens[k]!.text) || tokens[k - 1]?.key !== 'from') return false;
  for (let e = i + 1; e < Math.min(tokens.length - 1, i + 6); e++) if (tokens[e]!.key === 'to' && /^\d/.test(tokens[e + 1]!.text)) return true;
  return false;
}

/**
 * "the encoder is evaluated through probes on A and by fine-tuning on B": training that is how the paper
 * evaluates (right after "by", an evaluation verb before it) tests on its data. `c` is the token after "on".
 */
function evaluatedBy(tokens: Token[], c: number): boolean {
  const verb = wordStart(tokens, c - 2);
  return tokens[verb - 1]?.key === 'by' && tokens.slice(0, verb - 1).some((t) => /^evaluat/.test(t.key));
}

/** Role of one mention spanning tokens [i, j] of its sentence. */
export function mentionRole(
  type: EntityType,
  cues: SentenceCues,
  tokens: Token[],
  i: number,
  opts: { named: boolean; titleHead: boolean; isTitle: boolean; proposed: boolean; listed: boolean; defined?: boolean; listedName?: boolean; source?: boolean; sentence: { text: string; start: number } },
): Role {
  const low = (k: number): string => (tokens[k]?.text ?? '').toLowerCase();
  // Names the lexicon already knows existed before this paper.
  // "X: ..." titles introduce X even when the lexicon already knows it (BERT's own paper).
  if (opts.titleHead) return 'proposes';
  // "we develop an assistant named X", "we propose Long Form (LF)": the paper introduces the name here,
  // even when a list knows it already (lists hold the names papers once proposed)
  if (proposalBefore(cues, i) && (opts.named || (opts.proposed && opts.defined))) return 'proposes';
  // "our (novel) X framework": the paper's own, unless X is exactly a listed name ("our BERT encoder")
  if (!opts.listedName && (low(i - 1) === 'our' || (low(i - 2) === 'our' && /^(novel|new|proposed)$/.test(low(i - 1))))) return 'proposes';
  if (!opts.listed) {
    if (opts.named && !cues.background) return 'proposes';
    if (opts.proposed) return 'proposes';
  }
  if (type === 'dataset') {
    // (a list's later members read the words before its first: "trained on A, B and C")
    const at = listStart(tokens, i, opts.sentence);
    // ("shell detectors trained on KelpA and KelpB miss ...": before the paper speaks of itself, what others train on)
    if (cues.prior) return 'mentions';
    const trainedOn = after(cues.trainOnAt, at, 4);
    if (trainedOn >= 0 && !evaluatedBy(tokens, trainedOn)) return 'uses';
    // "trained on 50k hours of A and 12k hours of B", "pretrained on series drawn from C": what a training cue
    // reads up to the name, unless an evaluation or a comparison starts between ("trained on A and tested on B",
    // "tuned on A, Kelpo raises pass@1 over B and C")
    if (cues.trainOnAt.some((c) => c <= at && !evaluatedBy(tokens, c) && tokens.slice(c, at).every((t) => !EVAL.has(t.key) && !COMPARE.has(t.key) && !/^(?:on|to|across|over|results|experiments|improves|improved|improving)$/.test(t.key)))) return 'uses';
    const from = low(at - 1) === 'from' ? at - 1 : low(at - 1) === 'the' && low(at - 2) === 'from' ? at - 2 : -1;
    // "trained on images from X" uses X; "we evaluate on 27 datasets from X" evaluates on it, and so does a
    // sentence that compares on them ("On 10 tasks from X, Y improves over Z")
    if (from >= 0) return (cues.evaluative || cues.compareAt.length > 0) && /^(?:datasets|benchmarks|tasks|problems|suites|sets|splits|subsets|environments|games|levels|scenarios)$/.test(low(from - 1)) ? 'evaluates_on' : 'uses';
    // "a benchmark built on A and B": the data it is made from
    if (/^(?:on|upon)$/.test(low(at - 1)) && /^(?:built|based|building|constructed)$/.test(low(at - 2))) return 'uses';
    // "Kelpsynth→ReefScapes": the source domain an adaptation trains on
    if (opts.source) return 'uses';
    if (cues.prior || (cues.background && !cues.evaluative)) return 'mentions';
    // "zero-shot transfer to A", "generalizes to B": where a system is tested beyond its training data
    const to = low(at - 1) === 'the' ? at - 2 : at - 1;
    if (low(to) === 'to' && SHIFT_WORD.test(low(to - 1))) return 'evaluates_on';
    // ("the pretraining corpus combines A and B", "co-training with C"): data a sentence with no result trains on
    // (what a sentence reports a result "on" is still tested on: "gains are largest on A", "improves by 2 EM on B",
    // "on the existing A and B datasets")
    let on = at - 1;
    while (on > at - 4 && (low(on) === 'the' || isDescriptiveModifier(low(on)))) on--;
    const onBefore = /^(?:on|across|over)$/.test(low(on));
    if (cues.training && !cues.evaluative && !onBefore) return 'uses';
    return 'evaluates_on';
  }
  // a measure is what results are reported in, never a baseline or a test set
  if (type === 'metric') return cues.background ? 'mentions' : 'uses';
  if (cues.passiveCompareAt > i) return 'compares_with';
  if (changeStartsAt(tokens, i, opts.sentence)) return 'compares_with';
  const cmp = after(cues.compareAt, i, 25);
  const use = after(cues.useAt, i, 8);
  if (cmp >= 0 && cmp >= use) {
    let blocked = false;
    // ("outperforms A by 2 points and B": a margin right before the next list member does not block it)
    // (with the measure the margin is stated in: "by 1.7 AP and B", "by 0.4 dB and C")
    const margin = (k: number): boolean => low(k) === 'by' && tokens.slice(k + 1, i).every((t) => /^(?:\d+|points?|pp|and|or|db|%)$/.test(t.text.toLowerCase()) || /^m?\p{Lu}[\p{L}@\d]{0,5}$/u.test(t.text));
    // (a preposition as written: not a glued or capitalised part of a name, as the "AT" of "KELP-AT")
    const preposition = (k: number): boolean => !tokens[k]!.glued && /^\p{Ll}+$/u.test(tokens[k]!.text) && BLOCK_COMPARE.test(low(k));
    // ("we compare nine systems under equal budgets: A, B, ...": the words before a colon say how, the list after it what)
    let from = cmp;
    if (/^compare/.test(low(cmp - 1))) {
      for (let k = cmp + 1; k <= i; k++) {
        if (/:\s*$/.test(gapBefore(tokens, k, opts.sentence.text, opts.sentence.start))) {
          from = k;
          break;
        }
      }
    }
    for (let k = from; k < i; k++) if (preposition(k) && !(low(k) === 'over' && k === cmp - 1) && !margin(k)) blocked = true;
    if (!blocked) return 'compares_with';
  }
  if (cues.background) return 'mentions';
  return 'uses';
}
