// Established technique terms the lexicon does not list: "contrastive learning",
// "visual prompt tuning", "knowledge distillation", "self-training". ENTITIES.md counts
// "an established technique term of the field" as a method, and new papers name such
// terms faster than any list grows, so they are recognised by their shape: a lower-case
// compound whose head is a technique noun and whose modifiers classify it (what kind of
// learning) rather than describe it ("efficient", "novel", "our") or name its object
// ("model training", "policy learning").
import { mkCand, type Cand, type Sent } from './candidate.js';
import { isChunkWord, sentenceWords, spacedWords, type Word } from './chunk-candidates.js';
import { compoundStart } from './context.js';
import { endsLikeModifier, lexTag } from './english.js';
import { HAS_TERM_HEAD, isDescriptiveModifier, OBJECT_TASK_HEADS, TASK_LEARNING, TASK_TERM_HEADS, techniqueHead } from './heads.js';
import type { LexiconIndex } from './lexicon-index.js';

/** Technique nouns that are a term on their own: "we apply distillation", "pretraining on ...". */
const STANDALONE = new Set('distillation pretraining pre-training fine-tuning finetuning post-training quantization pruning dropout'.split(' '));

/** Hyphen prefixes that make a technique compound of a head: "self-training", "meta-learning". */
const COMPOUND_PREFIX = /^(self|meta|co|pre|post|semi|un|multi|cross|few|zero|one|in|auto|counter|inter|intra|hyper|sub|non)$/;

/** Second halves of hyphenated modifiers that classify: "prompt-based", "retrieval-augmented", "goal-conditioned". */
const CLASSIFYING_SUFFIX = /-(based|augmented|guided|conditioned|conditional|aware|driven|supervised|free|agnostic|context|shot|order|level|lingual|modal|task|agent|view|objective|instance|label|domain)$/;

/** The thing a process acts on: "model training" is the training of a model, not a named technique. */
const OBJECT_NOUNS = new Set(
  ('model models network networks llm llms lm lms agent agents policy policies system systems task tasks ' +
    'parameter parameters representation representations feature features reward rewards language image images ' +
    'text video videos robot robots student teacher layer layers head heads token tokens embedding embeddings ' +
    'hyperparameter hyperparameters data').split(' '),
);

/** Nouns after which the technique noun is only a modifier: "learning rate", "training data". */
const TECHNIQUE_AS_MODIFIER = new Set(
  ('rate rates data set sets time times cost costs speed samples sample examples example steps step stage stages ' +
    'phase phases budget budgets dynamics curve curves regime regimes corpus corpora instances split splits loss ' +
    'losses objective objectives signal signals process procedure procedures recipe recipes schedule schedules ' +
    'pipeline pipelines run runs epochs epoch iterations iteration mixture distribution distributions accuracy ' +
    'error errors efficiency stability trajectories trajectory scheme schemes strategy strategies method methods ' +
    'technique techniques approach approaches framework frameworks algorithm algorithms paradigm paradigms').split(' '),
);

/** Words after which the next word is a verb, not a modifier: "to boost optimization", "can benefit learning". */
const VERB_CONTEXT = /^(to|can|could|may|might|will|would|should|must|shall|cannot|we|they|it|which|that|who|not|also|often|further)$/;

/** Whole fields of research, not techniques a paper applies (ENTITIES.md: a node is something to click on). */
const FIELDS = new Set(['machine learning', 'deep learning', 'statistical learning']);

/** How much or how many ("less learning", "more training"): an amount, never a kind of technique. */
const QUANTIFIERS = new Set('less more fewer much many few several most least enough'.split(' '));

const NOUN_TAGS = new Set(['Singular', 'Uncountable', 'Noun', 'Plural']);
const MAX_WORDS = 4;

/** A hyphen compound of a technique head: "self-training", "meta-learning". */
function isTechniqueCompound(w: Word): boolean {
  const parts = w.lower.split('-');
  return parts.length === 2 && COMPOUND_PREFIX.test(parts[0]!) && techniqueHead(parts[1]!) !== '';
}

/** Does the word classify the technique ("contrastive", "curriculum", "prompt-based")? */
function classifies(w: Word, index: LexiconIndex): boolean {
  const low = w.lower;
  if (isDescriptiveModifier(low) || QUANTIFIERS.has(low) || /\p{N}/u.test(low) || !/^\p{L}[\p{L}-]*\p{L}$/u.test(low)) return false;
  if (index.termModifiers.has(low)) return true;
  if (low.endsWith('ing') || low.endsWith('ly')) return false;
  if (CLASSIFYING_SUFFIX.test(low)) return true;
  const parts = low.split('-');
  if (parts.length === 2 && COMPOUND_PREFIX.test(parts[0]!) && index.termModifiers.has(parts[1]!)) return true;
  // a noun classifies by naming what the technique works with ("mistake tuning", "experience replay")
  return parts.length === 1 && NOUN_TAGS.has(lexTag(low) ?? '') && !OBJECT_NOUNS.has(low);
}

/** Objects that never name what a task works on ("model classification" is not a task). */
const MODEL_OBJECTS = new Set('model models network networks llm llms lm lms agent agents system systems task tasks parameter parameters hyperparameter hyperparameters'.split(' '));

/**
 * What a task acts on ("image", "text", "pedestrian"): a modifier of a task head, though not of a
 * technique. Unlisted words count when they do not end like an adjective or a verb.
 */
function isTaskObject(w: Word): boolean {
  if (MODEL_OBJECTS.has(w.lower) || isDescriptiveModifier(w.lower) || !/^\p{Ll}+$/u.test(w.lower)) return false;
  if (OBJECT_NOUNS.has(w.lower)) return true;
  const tag = lexTag(w.lower);
  return tag === undefined ? !endsLikeModifier(w.lower) : NOUN_TAGS.has(tag);
}

/**
 * Task heads after which an adjective says what kind of input is read ("syntactic parsing",
 * "acoustic recognition", "projective reconstruction"). "Understanding", "generation",
 * "verification" and the like take any adjective ("broad understanding", "fluent generation").
 */
const CONCRETE_TASK_HEADS = new Set('recognition detection segmentation classification parsing tagging tracking localization reconstruction retrieval translation summarization captioning disambiguation labeling linking transcription'.split(' '));

/**
 * An adjective that says what kind of thing a task works on ("spatial", "syntactic", "acoustic",
 * "projective"), by its ending, unless it describes or evaluates (isDescriptiveModifier).
 */
function isRelationalAdjective(w: Word): boolean {
  return /^\p{Ll}{4,}(?:al|ic|ive|ar)$/u.test(w.lower) && !isDescriptiveModifier(w.lower) && lexTag(w.lower) !== 'Adverb';
}

/**
 * Parts of a model or of its computation: "feature extraction", "gradient estimation" are steps of a
 * technique. (Models, parameters and the like are MODEL_OBJECTS, which isTaskObject already refuses.)
 */
const MODEL_PARTS = new Set(
  ('feature features representation representations gradient gradients ' +
    'weight weights embedding embeddings reward rewards value values policy policies token tokens layer layers head heads ' +
    'student teacher').split(' '),
);

/** Quantities a system is measured by: "performance estimation", "time resolution" measure, they name no problem. */
const MEASURES = new Set('performance time runtime latency cost memory error loss speed throughput'.split(' '));

/** What is sampled on a grid: its "resolution" ("image resolution", "10 m resolution") is how finely, no problem to resolve. */
const SAMPLED = new Set('image images input output pixel frame video voxel grid screen display sensor m km cm mm nm degree'.split(' '));

/** How or where training happens: the supervision it has, the data it sees, the machines it runs on. */
const TRAINING_REGIMES = new Set(
  'supervised unsupervised offline online local centralized centralised distributed private non-private joint full standard multilingual monolingual'.split(' '),
);

/** The head of a task name, if the word is one here: OBJECT_TASK_HEADS only after what a task acts on. */
function taskHead(ws: readonly Word[], b: number): string {
  const w = ws[b]!.lower;
  if (TASK_TERM_HEADS.has(w)) return w;
  const before = ws[b - 1];
  if (w === 'resolution' && before !== undefined && SAMPLED.has(before.lower)) return '';
  return OBJECT_TASK_HEADS.has(w) && before !== undefined && isTaskObject(before) && !MODEL_PARTS.has(before.lower) && !MEASURES.has(before.lower) ? w : '';
}

/**
 * Technique and task terms of one sentence not covered by other candidates: the longest run of
 * classifying modifiers (up to MAX_WORDS words in all) before a technique head.
 */
export function techniqueTermCandidates(s: Sent, covered: Uint8Array, index: LexiconIndex): Cand[] {
  const out: Cand[] = [];
  if (!HAS_TERM_HEAD.test(s.text)) return out;
  const ws = sentenceWords(s);
  const free = (w: Word) => {
    for (let k = w.i; k <= w.j; k++) if (covered[k]) return false;
    return true;
  };
  // capitals only at the sentence start or in a title-cased phrase ("Model-Based Reinforcement Learning")
  const caseOk = (w: Word, head: Word, n: number) => w.text === w.lower || n === 0 || head.text !== head.lower;
  for (let b = 0; b < ws.length; b++) {
    const head = ws[b]!;
    const h = techniqueHead(head.lower) || taskHead(ws, b);
    if (!h || !free(head) || !isChunkWord(head)) continue;
    const task = TASK_TERM_HEADS.has(h) || OBJECT_TASK_HEADS.has(h);
    const next = ws[b + 1];
    const continues = next !== undefined && spacedWords(s, head, next) && isChunkWord(next);
    if (continues && (TECHNIQUE_AS_MODIFIER.has(next.lower) || techniqueHead(next.lower))) continue;
    let a = b;
    while (a > 0 && b - a + 1 < MAX_WORDS) {
      const m = ws[a - 1]!;
      if (!free(m) || !spacedWords(s, m, ws[a]!) || !isChunkWord(m) || !caseOk(m, head, a - 1) || !(classifies(m, index) || (task && (isTaskObject(m) || (CONCRETE_TASK_HEADS.has(h) && isRelationalAdjective(m)))))) break;
      a--;
    }
    // a modifier right after "to"/"can"/"we" is a verb: "to boost optimization"
    while (a < b && a > 0 && VERB_CONTEXT.test(ws[a - 1]!.lower)) a++;
    if (a < b) {
      const from = compoundStart(s.tokens, ws[a]!.i, s.text, s.start);
      if (from === null) a = b;
      else if (from < ws[a]!.i) a--;
    }
    // the word before a technique names what is trained: "model training", "language model fine-tuning"
    if (!task && a < b && OBJECT_NOUNS.has(ws[b - 1]!.lower)) continue;
    // a task is named by what it recognises, detects, ...: "detection" alone is not a task name
    if (a === b && (task || continues || (!STANDALONE.has(head.lower) && !isTechniqueCompound(head)))) continue;
    const first = ws[a]!;
    const text = s.text.slice(s.tokens[first.i]!.start - s.start, s.tokens[head.j]!.end - s.start);
    if (FIELDS.has(text.toLowerCase())) continue;
    const type = task || (h === 'learning' && TASK_LEARNING.test(text)) ? 'task' : 'method';
    // "supervised training", "local training": a word that says under which regime or where a model is trained
    // describes the training, it names no technique ("adversarial training" does)
    if (h === 'training' && b - a === 1 && TRAINING_REGIMES.has(ws[a]!.lower)) continue;
    out.push(mkCand(s, first.i, head.j, 'term', { type, conf: 0.55 }));
  }
  return out;
}
