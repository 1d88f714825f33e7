// Head nouns: the last word of a phrase usually says what it names
// ("... Aggregation Network" is a model, "... Learning" a method, "... Dataset"
// a dataset). Used to type acronym long forms, `a X named Y` contexts and the
// nouns that follow a name (`the X benchmark`).
import type { EntityType } from './types.js';

// (a Map: a word like "constructor" must not find the prototype's properties)
const HEADS = new Map<string, EntityType>();
function add(type: EntityType, words: string): void {
  for (const w of words.split(/\s+/)) if (w) HEADS.set(w, type);
}
add('dataset', 'dataset datasets data database databases corpus corpora benchmark benchmarks suite suites leaderboard testbed collection challenge bank treebank set arena environment environments archive repository collections subset subsets split splits atlas atlases');
// the data products of the observing sciences ("the KELP5 ocean reanalysis", "the Reef Sky Survey (RSS)", "the TideCohort cohort")
add('dataset', 'reanalysis reanalyses survey surveys catalogue catalogues catalog catalogs cohort cohorts registry registries census');
add('model', 'model models network networks net nets transformer transformers architecture architectures backbone backbones llm llms assistant assistants agent chatbot system systems detector detectors encoder decoder classifier lm tagger parser');
// systems named for what they do ("X, a retriever for ...", "Dense Passage Retriever (DPR)")
add('model', 'retriever retrievers reranker rerankers ranker rankers generator generators planner planners solver solvers predictor predictors summarizer summarizers captioner captioners segmenter segmenters tracker trackers verifier verifiers tokenizer tokenizers recognizer recognizers translator translators simulator simulators discriminator discriminators autoencoder autoencoders chatbots taggers parsers classifiers encoders decoders recommender recommenders forecaster forecasters emulator emulators renderer renderers vocoder vocoders synthesizer synthesizers transcriber transcribers embedder embedders drafter drafters codec codecs');
add('method', 'method methods approach approaches framework frameworks technique techniques algorithm algorithms strategy strategies learning training pretraining pre-training fine-tuning finetuning tuning distillation optimization optimisation regularization augmentation sampling search attention pooling loss objective paradigm procedure pipeline scheme mechanism module prompting inference estimation estimator policy decoding descent propagation normalization embedding embeddings encoding initialization transfer alignment adaptation selection compression quantization pruning replay retrieval generation planning unlearning editing merging clustering readers reader');
add('task', 'task tasks problem problems recognition detection segmentation classification translation summarization answering parsing tagging captioning forecasting prediction extraction retrieval-task understanding reasoning');
add('metric', 'score metric metrics accuracy error rate precision recall distance divergence discrepancy');

/** Nouns that head a technique term when a classifying modifier precedes them ("contrastive learning"). */
export const TECHNIQUE_HEADS: ReadonlySet<string> = new Set(
  ('learning training pretraining pre-training fine-tuning finetuning tuning post-training distillation prompting ' +
    'optimization optimisation regularization regularisation augmentation replay normalization dropout ' +
    'descent ascent quantization pruning sparsification decoding sampling merging interpolation masking filtering fusion ' +
    // gerunds of the training and inference tricks a paper applies ("gradient clipping", "label smoothing")
    'clipping smoothing checkpointing rounding patching chunking stopping forcing tying sharing freezing rewinding ' +
    'thresholding hashing boosting bagging ensembling offloading caching steering warmup warm-up').split(' '),
);

/**
 * Modifiers that describe, evaluate or count rather than classify ("standard fine-tuning",
 * "a novel approach", "two-stage training"): they do not make a technique more specific, and
 * a phrase built from them is a description, not a name.
 */
export const DESCRIPTIVE_MODIFIERS: ReadonlySet<string> = new Set(
  (
    'accurate additional advanced all any baseline basic best better careful cheap classical common ' +
    'complete comprehensive conventional costly current data-efficient deep deeper different direct ' +
    'downstream each effective efficient end-to-end entire every excessive existing expensive extensive ' +
    'extra fast faster final first fixed-capacity flexible full further general generic good heavy her ' +
    'high higher his improved inaccurate initial insufficient its joint key large large-scale larger ' +
    'last light lightweight limited long low lower main major many massive minor modern more most ' +
    'multi-stage multiple naive new no non novel one-stage optimal original other our overall particular ' +
    'plain poor popular powerful practical previous principled prior proposed recent representative ' +
    'robust same scalable second separate several shallow short simple single slow small small-scale ' +
    'smaller some sophisticated specific stable standard straightforward strong suboptimal subsequent ' +
    'successful such sufficient systematic targeted task-specific that their these third this those ' +
    'three three-level three-stage traditional two two-stage typical unstable upstream vanilla various ' +
    'what which whole whose worse ' +
    // evaluations and states of knowledge: "a reliable summarization", "published question answering"
    'adequate appropriate available challenging comparable competitive critical crucial desirable difficult ' +
    'distinct diverse dominant emerging favorable hard important interesting meaningful necessary numerous ' +
    'ongoing promising public published real reasonable related relevant reliable remarkable respective ' +
    'significant similar sole special suitable superior underlying useful valuable widespread'
  ).split(' '),
);

/** Evaluative hyphen compounds: "state-of-the-art", "high-performance", "widely-used", "worst-case". */
const EVALUATIVE_COMPOUND = /^(?:state-of-the-art|(?:high|low|well|widely|best|worst|top|highly|poorly|better|fully)-.+)$/;

/** Does the word describe or evaluate rather than classify? (DESCRIPTIVE_MODIFIERS or an evaluative compound) */
export function isDescriptiveModifier(lower: string): boolean {
  return DESCRIPTIVE_MODIFIERS.has(lower) || EVALUATIVE_COMPOUND.test(lower);
}

/** Nouns that head a task name when a modifier says what is recognised, detected, ... ("anomaly detection"). */
export const TASK_TERM_HEADS: ReadonlySet<string> = new Set(
  ('recognition detection segmentation classification translation summarization answering captioning forecasting tracking parsing tagging retrieval generation ' +
    'disambiguation reconstruction understanding localization verification synthesis completion labeling linking transcription').split(' '),
);

/**
 * Nouns that head a task name only after what the task acts on: "relation extraction",
 * "pose estimation", "anaphora resolution" are problems, while "feature extraction",
 * "gradient estimation", "model alignment" are steps of a technique, named after a part of
 * the model or its computation (term-candidates.ts: taskHead, MODEL_PARTS, MEASURES).
 */
export const OBJECT_TASK_HEADS: ReadonlySet<string> = new Set('extraction resolution alignment estimation prediction identification'.split(' '));

/** Any technique or task head inside a text: a cheap test before a sentence's words are read. */
export const HAS_TERM_HEAD = new RegExp(`(?:${[...TECHNIQUE_HEADS, ...TASK_TERM_HEADS, ...OBJECT_TASK_HEADS].join('|')})`, 'i');

/** The technique head a word ends in ("learning", "self-training" -> "training"), or ''. */
export function techniqueHead(word: string): string {
  const w = word.toLowerCase();
  if (TECHNIQUE_HEADS.has(w)) return w;
  const dash = w.lastIndexOf('-');
  if (dash < 0) return '';
  const last = w.slice(dash + 1);
  // "over-smoothing", "under-fitting": a failure, not a technique
  if (/^(?:over|under)-/.test(w)) return '';
  return TECHNIQUE_HEADS.has(last) ? last : '';
}

/** Type named by a head noun (lower case, singular or plural), if it is one. */
export function headType(word: string): EntityType | null {
  return HEADS.get(word) ?? HEADS.get(word.toLowerCase()) ?? null;
}

// Long forms whose head is "learning" are methods (active learning) unless they
// name a problem setting (continual / incremental / few-shot learning).
export const TASK_LEARNING = /\b(continual|incremental|lifelong|few-shot|zero-shot|one-shot|open-world|open-set)\b/i;
// Long forms that name a whole generic class of systems, not an entity.
// (modalities joined: "vision-language", "vision-language-action", "text-to-image", "audio-visual")
const MODALITIES = '(?:vision|language|action|audio|speech|text|image|video|visual)';
const GENERIC_LONG = new RegExp(
  `^(?:(?:large|small|pre-?trained|foundation|deep|artificial|multimodal|multi-modal|${MODALITIES}(?:[- ](?:to[- ])?${MODALITIES})+|generative|neural|language|visual|conversational|autoregressive|diffusion)\\s+)*(?:language\\s+)?(?:models?|neural\\s+networks?|networks?|intelligence|agents?|systems?)$`,
  'i',
);

// (a bare -ing word may be a name's own noun: "Reasoning Network")
const PARTICIPLE = /^(?:\p{L}[\p{L}-]*\p{Ll}ed|\p{L}+-[\p{L}-]*\p{Ll}ing)$/u;

// ("Time-Series Foundation Models", "Protein Language Models": a domain before a plural class of systems)
const DOMAIN_CLASS = /^(?:\p{Lu}?\p{Ll}+(?:-\p{L}\p{Ll}+)?\s+){1,2}(?:[Ff]oundation|[Ll]anguage)\s+[Mm]odels$/u;

// ("side-scan reef imagery (SRI)", "electronic dive records (EDRs)": a kind of record or scan data comes in, no entity)
// (a quantity over them is a measure: "error per dive record")
const RECORD_KIND = /^(?!.*\b(?:to|of|for|per|from|over)\b)[\p{Ll}\s-]+\s(?:records?|images|imagery|scans|radar|tomography|slides)$/u;

export function isGenericLongForm(long: string): boolean {
  if (DOMAIN_CLASS.test(long.trim()) || RECORD_KIND.test(long.trim())) return true;
  // "shallow neural networks (SNNs)": describing words before a generic class change nothing.
  const words = long.trim().split(/\s+/);
  let k = 0;
  // ("Preference-Tuned Language Models", "instruction-following agents": so do participles)
  while (k < words.length - 1 && (isDescriptiveModifier(words[k]!.toLowerCase()) || PARTICIPLE.test(words[k]!))) k++;
  return GENERIC_LONG.test(words.slice(k).join(' '));
}

// Heads that make a capitalised phrase an institution or a working body, not an entity
// ("Computing Research Laboratory (CRL)", "the ... Working Group").
const ORGANISATION_HEAD = /(?:^|\s)(?:laborator(?:y|ies)|labs?|universit(?:y|ies)|institutes?|institution|college|school|department|cent(?:er|re)|corporation|company|consortium|foundation|agency|association|society|committee|council|ministry|working\s+group)$/i;

/** Does the long form name an organisation ("Computing Research Laboratory")? */
export function isOrganisationName(long: string): boolean {
  return ORGANISATION_HEAD.test(long.trim());
}

/** Type of an acronym's long form from its head and modifiers. */
export function typeOfLongForm(long: string): EntityType | null {
  // "absolute learning progress with Gaussian mixture models": the head precedes the preposition.
  const pre = /^(.+?)\s+(?:with|for|of|from|on|in|via|by|using|through)\s+/i.exec(long);
  if (pre && pre[1]!.split(/\s+/).length >= 2) return typeOfLongForm(pre[1]!);
  const ws = longFormWords(long);
  const last = ws[ws.length - 1] ?? '';
  const head = last.split('-').pop() ?? last;
  if (head === 'learning' && TASK_LEARNING.test(long)) return 'task';
  // "Transferable Tactile Transformers", "... Aggregation Network": a named architecture.
  const t = headType(last) ?? headType(head) ?? measureHead(ws);
  if (t === 'task' && /(^|\s)(learning|tuning)\b/.test(long.toLowerCase()) && head !== 'learning') return 'method';
  return t;
}

// Quantities a long form can end in without naming a metric elsewhere ("the X time" after a name is
// no metric): "mean reef completion time (RCT)", "tide concordance coefficient (TCC)".
// ("deviation" and "ratio" are left out: "least absolute deviation" and "log-likelihood ratio" name techniques)
const MEASURE_LONG_HEADS = new Set('time latency throughput goodput speedup concordance correlation coefficient'.split(' '));

/**
 * "mean time-to-failure (MTTF)", "time-per-output-token": a quantity measured, unless a
 * preposition governs it ("Backpropagation Through Time") or an extreme of it is sought:
 * "minimum ... (MMSE)", "least ..." name the estimator that optimises the quantity.
 */
function measureHead(ws: readonly string[]): EntityType | null {
  const last = ws[ws.length - 1] ?? '';
  if (EXTREME.test(ws[0] ?? '')) return null;
  // ("time-per-kelp-token", "time to first kelp": a time taken until or per something)
  if (/^time-(?:to|per)-/.test(last) || (ws[0] === 'time' && /^(?:to|per)$/.test(ws[1] ?? ''))) return 'metric';
  return MEASURE_LONG_HEADS.has(last) && !GOVERNED.test(ws[ws.length - 2] ?? '') ? 'metric' : null;
}

const EXTREME = /^(?:minimum|maximum|least|min|max|minimal|maximal)$/;
const GOVERNED = /^(?:through|over|in|at|of|for|per|to)$/;

/**
 * Does the long form spell out a measured quantity, whatever a list calls its acronym? A quantity
 * (measureHead), or a measure head noun ("relative kelp error") under the same guards.
 */
export function isMeasureLongForm(long: string): boolean {
  const ws = longFormWords(long);
  if (measureHead(ws) !== null) return true;
  return headType(ws[ws.length - 1] ?? '') === 'metric' && !EXTREME.test(ws[0] ?? '') && !GOVERNED.test(ws[ws.length - 2] ?? '');
}

/** A long form's words in lower case, letters and hyphens only, without an edition's year after the head ("Reef Demixing Challenge 2023"). */
function longFormWords(long: string): string[] {
  const ws = long.toLowerCase().split(/\s+/).filter(Boolean);
  if (ws.length > 2 && /^(?:19|20)\d\d$/.test(ws[ws.length - 1]!)) ws.pop();
  return ws.map((w) => w.replace(/[^a-z\-]/g, ''));
}

// Heads that name a kind of thing rather than one technique: "a flexible transformer",
// "pretrained language models", "the proposed framework" (ENTITIES.md: descriptions are
// not entities).
const GENERIC_HEADS = new Set(
  ('model models network networks system systems agent agents framework frameworks method methods approach approaches ' +
    'algorithm algorithms architecture architectures pipeline pipelines process processes technique techniques strategy ' +
    'strategies scheme schemes mechanism mechanisms module modules tool tools solution solutions procedure procedures ' +
    'paradigm paradigms formulation formulations learner learners baseline baselines component components design designs ' +
    'transformer transformers backbone backbones encoder encoders decoder decoders classifier classifiers variant variants ' +
    'version versions implementation implementations setting settings idea ideas work works study studies tool toolkit').split(' '),
);

const GENERIC_TASK_HEADS = new Set('task tasks problem problems setting settings scenario scenarios application applications ecosystem ecosystems issue issues challenge challenges domain domains field fields area areas purpose purposes'.split(' '));

/** "tasks", "problems", "settings": a noun for a kind of problem, no name of one. */
export function isGenericTaskHead(word: string): boolean {
  return GENERIC_TASK_HEADS.has(word.toLowerCase());
}

/** Does the phrase only describe a kind of problem ("downstream tasks", "optimization problems")? */
export function isDescriptiveTask(text: string): boolean {
  const words = text.trim().split(/\s+/);
  const head = (words[words.length - 1] ?? '').toLowerCase();
  return GENERIC_HEADS.has(head) || GENERIC_TASK_HEADS.has(head);
}

/** Does the phrase only describe (lower-case words ending in a generic head) rather than name something? */
export function isDescriptivePhrase(text: string): boolean {
  const words = text.trim().split(/\s+/);
  const head = (words[words.length - 1] ?? '').toLowerCase().split('-').pop() ?? '';
  if (!GENERIC_HEADS.has(head)) return false;
  // A name inside ("BERT-based models", "Transformer-XL architecture") makes it specific.
  return !words.some((w, n) => /\p{N}/u.test(w) || /\p{Lu}/u.test(n === 0 ? w.slice(1) : w));
}
