// Shape rules: what an unlisted ML name looks like (CamelCase, inner capitals,
// digits and version/size suffixes), how a sized or split variant reduces to
// its base (LLaMA-65b -> LLaMA, Split CIFAR-100 -> CIFAR-100), and what a
// name's own morphology says about its type (…Net, …BERT, …LM are models;
// …QA, …Bench are datasets).
import { isLanguageName } from './english.js';
import type { EntityType } from './types.js';

// Capitalised tokens that are not names: units, roman numerals, generic
// acronyms of the field and of computing at large. (Not the short names of
// measures the lexicon lists: ENTITIES.md counts a named measure as a metric.)
const VENUE_YEAR = /^(?:NeurIPS|NIPS|ICML|ICLR|CVPR|ICCV|ECCV|ACL|EMNLP|NAACL|AAAI|IJCAI|KDD|COLING|WACV|BMVC|SIGIR|WWW|INTERSPEECH|ICASSP)[-']?\d{2,4}$/;
const NOT_NAMES = new Set(
  (
    'AI AGI ML DL NN NNs DNN DNNs ANN LLM LLMs LM LMs PLM PLMs VLM VLMs MLLM MLLMs LVLM LVLMs SLM SLMs API APIs GPU GPUs CPU CPUs TPU TPUs ' +
    'US USA UK EU UN II III IV VI VII VIII IX XI XII PhD MSc BSc SOTA IID OOD URL URLs HTTP PDF JSON HTML XML CSV SQL ' +
    'RGB RGBD RGB-D 2D 3D 4D 1D ID IDs IoT VR AR XR OS GB MB KB TB Hz kHz MHz GHz TFLOPs ms CV NLP QA ' +
    'ROC GitHub arXiv Python PyTorch TensorFlow JAX Java CUDA OpenAI Google Meta Microsoft DeepMind Facebook Amazon NVIDIA Apple ' +
    'IBM MIT CMU AAAI ACL EMNLP NAACL NeurIPS NIPS ICML ICLR CVPR ICCV ECCV IJCAI KDD WWW SIGIR COLING AISTATS UAI ' +
    'COVID COVID-19 SARS-CoV-2 DNA RNA MRI CT EEG ECG fMRI PET Wi-Fi WiFi GPS LiDAR LIDAR TV ' +
    'GT README Twitter JPEG PNG MP3 MP4 PDE PDEs ODE ODEs SDE SDEs L0 L1 L2 Lp CEO CTO FAQ GUI UI UX ' +
    'TypeScript JavaScript Rust Kotlin Scala Haskell MATLAB C++ C# IDE IDEs FP8 FP16 FP32 FP64 BF16 TF32 INT4 INT8 ' +
    // the machines, buses and service terms a system runs on or promises: no entities of the graph
    'Linux Ubuntu Debian Windows macOS iOS Android PCIe NVLink NVMe RDMA InfiniBand Ethernet HDMI Bluetooth ' +
    'DRAM SRAM HBM FPGA FPGAs ASIC ASICs SoC SoCs SLO SLOs SLA SLAs QoS Docker Kubernetes ' +
    'I We Our In On For The This That These Those It Its A An ' +
    // mathematical objects named after people ("fits many Gaussians", "bounds the Hessian"): no techniques
    'Gaussian Laplacian Hessian Jacobian Lagrangian Hamiltonian Euclidean Riemannian'
  ).split(' '),
);
// Weight/activation/cache bit widths of a quantisation setting ("W4A4", "W8A8KV8"): a setting, not a name.
const BIT_WIDTHS = /^W\d+A\d+(?:KV\d+)?$/;

// Companies and hubs that are never entities on their own (but can start one: "Google Landmarks").
const NOT_ENTITY = new Set(['Google', 'HuggingFace', 'Hugging Face']);
// Sites whose content papers train and test on: a name of data only where the sentence says so
// ("a Wikipedia dump", "the Reddit and KelpForum datasets"), else the site ("videos from YouTube").
const PLATFORM = new Set(['YouTube', 'GitHub', 'Twitter', 'Reddit', 'Wikipedia', 'arXiv']);

/** A final entity name that must not be emitted (a site's name unless its content is the data: `asData`). */
export function isNonEntityName(text: string, asData = false): boolean {
  return NOT_ENTITY.has(text) || (PLATFORM.has(text) && !asData) || isStopName(text);
}

// References to a part of the paper ("Section 3", "Fig. 2b", "Appendix A"); "TabPFN", "PartNet",
// "StepFun" are names, and so is a capital glued on ("TabK"): a letter needs a space, dot or hyphen.
const DOCUMENT_PART = /^(?:Section|Sec\.?|Figure|Fig\.?|Table|Tab\.?|Appendix|Chapter|Equation|Eq\.?|Algorithm|Theorem|Lemma|Corollary|Proposition|Definition|Step|Stage|Phase|Part)(?:[\s.-]*\d[\w.]*|[\s.-]+[A-Z](?:\.?\d[\w.]*)?)$/;

export function isStopName(text: string): boolean {
  if (VENUE_YEAR.test(text) || DOCUMENT_PART.test(text) || BIT_WIDTHS.test(text)) return true;
  return NOT_NAMES.has(text) || NOT_NAMES.has(text.replace(/s$/, ''));
}

/** A phrase whose every word is capitalised ("Kelp Scanned Shapes"), as names of resources and parts are. */
export const TITLE_CASE = /^\p{Lu}[\p{L}\p{N}-]*(?:\s+\p{Lu}[\p{L}\p{N}-]*)+$/u;

/**
 * A word that, after a hyphen, belongs to the name: a release tier (`BERT-base`), a score
 * (`TM-score`) or a benchmark (`SWE-bench`). Other lower-case tails are affixes (`CNN-based`, `RLHF-trained`).
 */
export const NAME_TAIL = /^(?:base|large|small|tiny|mini|medium|huge|giant|instruct|chat|score|bench|agent|hard|easy|lite|clean)$/;

const DIGIT_LED_NAME = /^\d{1,4}(?=(?:\p{Ll}*\p{Lu}){2})\p{L}{4,}/u;
const LOWER_WORD = /^[a-z]+(?:-[a-z]+)*$/;
const ROMAN = /^(?=[MDCLXVI])M*(C[MD]|D?C{0,3})(X[CL]|L?X{0,3})(I[XV]|V?I{0,3})$/;

/** "KR@10", "RDG@5", "kAP@0.5", "solve@8": a measure at a cut-off. */
const CUT_OFF_MEASURE = /^[\p{L}\p{N}-]{1,12}@\d+(?:\.\d+)?$/u;

/** A word that looks like an ML name on its own (not just a capitalised English word). */
export function isNameShaped(word: string): boolean {
  if (LOWER_WORD.test(word)) return false; // the common case: an ordinary lower-case word
  // (a name may open with its dimension, "3DMatch", "3DGS": digits, then four letters or more, two capitals)
  if (word.length < 2 || !(/^\p{L}/u.test(word) || DIGIT_LED_NAME.test(word))) return false;
  if (isStopName(word) || ROMAN.test(word)) return false;
  // URLs, e-mail addresses and citation keys are not names.
  if (/[./@](com|org|net|io|ai|edu|html?)\b|github|https?|www\./i.test(word)) return false;
  if (/^\p{Ll}+\d{4}\p{Ll}+/u.test(word)) return false;
  // LaTeX residue ("English$\rightarrow$German") and user/repo paths ("qwang/SiamMask").
  if (/rightarrow|leftarrow|textbf|textit|mathrm|mathbf|emph|cite/.test(word) || /^\p{Ll}+\//u.test(word)) return false;
  // Title-cased compounds (`Pre-Trained`, `Data-Driven`) are ordinary words in title case.
  const parts = word.split(/[-_/]/).filter(Boolean);
  if (parts.length > 1 && parts.every((p) => /^\p{Lu}?\p{Ll}+$/u.test(p))) return false;
  const letters = word.replace(/[^\p{L}]/gu, '');
  const uppers = (letters.match(/\p{Lu}/gu) ?? []).length;
  if (uppers >= 2) {
    // All-capitals word of 2 letters with nothing else is too ambiguous (`IS`, `TO`).
    if (letters.length <= 1) return false;
    return true;
  }
  // A short lower-case prefix on a capitalised word names a variant: "iKelpformer", "mGannet".
  if (uppers === 1 && /^\p{Ll}{1,2}\p{Lu}\p{Ll}{2,}/u.test(word)) return true;
  // A measure at a cut-off is one in lower case too ("solve@8": morphType)
  if (CUT_OFF_MEASURE.test(word)) return true;
  // Letters and digits together: T3, word2vec, Llama2, S4.
  if (/\p{N}/u.test(word) && /\p{L}/u.test(word)) {
    if (/^(v|V)\d/.test(word)) return false; // a bare version
    if (/^\p{L}\d*$/u.test(word) && uppers === 0) return false; // x1, t2
    return uppers >= 1 || /\p{L}\p{N}+\p{L}/u.test(word);
  }
  return false;
}

/** A capitalised ordinary-looking word (`Dromedary`, `Alpaca`). */
export function isTitleWord(word: string): boolean {
  return /^\p{Lu}\p{Ll}+(?:-\p{L}\p{Ll}+)*$/u.test(word);
}

// Trailing parts of a word or name that mark a sized/versioned/tiered variant.
const VARIANT_TAIL =
  /(?:[\s\-_]+(?:\d+(?:\.\d+)?[BbMmKkTt]|\d+x\d+[Bb]|base|large|small|tiny|mini|medium|huge|giant|xl|xxl|[Bb]ase|[Ll]arge|[Ss]mall|[Tt]iny|BASE|LARGE|SMALL|XL|XXL|[Ii]nstruct|[Cc]hat|[Vv]\d+(?:\.\d+)*|\d+(?:\.\d+)*|[A-Z]\/\d{1,2}|[A-Z]|[nsmlx])|[Vv]\d+(?:\.\d+)*|\d+(?:\.\d+)*[BbMmKk]?)$/u;

// ("KMT14 English-German", "Reef'16 en-ro", "TernCS Mandarin-English": a language pair after a corpus's name)
const LANGUAGE_PAIR = /\s+(\p{L}+)\s*[-–→]\s*(\p{L}+)$/u;

/** "KMT14 English-German" -> "KMT14": the corpus a language pair's part belongs to, or undefined. */
export function languagePairBase(name: string): string | undefined {
  // (most names hold no space, or no dash or arrow: skip the expression for them)
  if (name.indexOf(' ') < 0 || !/[-–→]/.test(name)) return undefined;
  const m = LANGUAGE_PAIR.exec(name);
  if (!m || !isLanguageName(m[1]!.toLowerCase()) || !isLanguageName(m[2]!.toLowerCase())) return undefined;
  const base = name.slice(0, m.index);
  return /[\p{Lu}\p{N}]/u.test(base) ? base : undefined;
}

/** Successive bases of a variant name: `LLaMA-65b` -> [`LLaMA`]; `Qwen-1.5 72B` -> [`Qwen-1.5`, `Qwen`]; `KMT14 English-German` -> [`KMT14`]. */
export function variantBases(name: string): string[] {
  const out: string[] = [];
  const pair = languagePairBase(name);
  if (pair) return [pair, ...variantBases(pair)];
  let cur = name;
  for (let k = 0; k < 3; k++) {
    const m = VARIANT_TAIL.exec(cur);
    if (!m || m.index === 0) break;
    const base = cur.slice(0, m.index).replace(/[\s\-_]+$/u, '');
    if (base.length < 2 || !/\p{L}/u.test(base)) break;
    out.push(base);
    cur = base;
  }
  return out;
}

// Capitalised release tiers after a model's name or release number ("Kelp Large", "Kelp 3 Medium")
export const RELEASE_TIER = /^(?:Medium|Large|Base|Small|Mini|Tiny|Nano|Pro|Ultra|Turbo|Lite|Plus|Max|XL|XXL|Instruct|Chat)$/;

// Words that, put before a dataset name, make a split or variant of it.
export const DATASET_PREFIXES = new Set(
  ['split', 'permuted', 'rotated', 'sequential', 'seq', 'corrupted', 'long-tailed', 'noisy', 'tiny', 'mini', 'few-shot', 'class-incremental'].map((s) => s),
);

const MODEL_TAIL = /(?:Net|Nets|Former|former|-agent|GPT|BERT|BERTa|BART|LM|LLM|GAN|LSTM|RNN|CNN|GRU|GCN|GNN|VAE|ViT|CLIP|LLaMA|Llama|Mamba|Mixer|Transformer|Diffusion|XL|T5|NeRF|Det|DETR|Seg|SAM|VLA|Coder|Chat|Vision)(?:[\-_ ]?[vV]?\d[\w.]*)?$/;
// (a mixture of experts counts its experts too: "Foo-8x7B")
const MODEL_SIZE = /[\-_ ](?:\d+x)?\d+(?:\.\d+)?[BbMm]$/;
// (a size in billions inside the name, before a training stage or a tier: "Foo-7B-RL", "Bar-1.5B-SFT")
const INNER_SIZE = /[\-_]\d+(?:\.\d+)?B[\-_]\p{L}/u;
// Release tiers and glued versions name one released system: "Foo_LARGE", "Bar-Instruct", "Bazv3", "Quxv8n" (with its size letter).
const MODEL_TIER = /[\-_ ](?:base|large|small|tiny|xl|xxl|instruct|chat)$/i;
// A vision backbone's size and patch ("Kelp-B/16", "Reef-L/14"): one trained network
const PATCH_SIZE = /-[TSBLHGe]\/\d{1,2}$/;
const GLUED_VERSION = /\p{L}{2,}v\d+(?:\.\d+)*[nsmlx]?$/u;
// A network's own tail ("KelpNet", "ReefFormer", "TideGCN"); not the model a technique works on ("DynamicKelpViT")
const ARCHITECTURE_TAIL = /(?:Net|Nets|Former|former|GAN|NeRF|Det|DETR|Mixer|Transformer|BERT|BERTa|GPT|LLaMA|Llama|T5|VAE|GCN|GNN|GAT)(?:[\-_ ]?[vV]?\d[\w.]*)?$/;
/**
 * Is the name one architecture or trained system by its spelling alone (a network's tail, a parameter count,
 * a release tier or a glued version), whatever a sentence calls it ("methods such as KelpFormer", "Reef-7B")?
 */
export function isArchitectureName(name: string): boolean {
  return ARCHITECTURE_TAIL.test(name) || isSizedRelease(name);
}

/** A Roman numeral that numbers an edition or track ("Challenge IV"); not "I", a pronoun. */
const EDITION_NUMERALS = 'II|III|IV|VI|VII|VIII|IX|XI|XII';
export const ROMAN_EDITION = new RegExp(`^(?:${EDITION_NUMERALS})$`);
// ("Kelp Challenge IV 2b": the part of an edition, no size)
const EDITION_PART = new RegExp(` (?:${EDITION_NUMERALS}) \\d{1,2}[a-d]$`);

/** A parameter count, a vision backbone's size and patch, a release tier or a glued version: one trained system. */
function isSizedRelease(name: string): boolean {
  if (EDITION_PART.test(name)) return false;
  return MODEL_SIZE.test(name) || INNER_SIZE.test(name) || PATCH_SIZE.test(name) || MODEL_TIER.test(name) || GLUED_VERSION.test(name);
}
const DATASET_TAIL = /(?:QA|Bench|-bench|Benchmark|Eval|Set|Corpus|Database|Arena|Gym|Instruct|Data|Bank|NLI|SQL|VQA|Captions|\d+[Kk])(?:[\-_ ]?v?\d[\w.]*)?$/;

/** The type a name's own spelling suggests, if any. */
export function morphType(name: string): EntityType | null {
  // "BRATS 2015", "HANDS 2017": a name with a year is a challenge or benchmark edition.
  if (/[\s\-_'’](?:19|20)\d\d$/.test(name) || /[\s\-_](?:'|’)\d\d$/.test(name)) return 'dataset';
  if (CUT_OFF_MEASURE.test(name)) return 'metric';
  // ("Reef-bench Verified": a qualifier after a benchmark's name names one part of it)
  const first = name.split(' ')[0]!;
  if (DATASET_TAIL.test(name) || (first !== name && isNameShaped(first) && DATASET_TAIL.test(first))) return 'dataset';
  if (MODEL_TAIL.test(name) || isSizedRelease(name)) return 'model';
  return null;
}
