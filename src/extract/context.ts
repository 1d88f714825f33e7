// Context rules: the words around a name that type it.
//   `the X dataset`, `X benchmark`, `X model`         -> type of the following head noun
//   `an approach called X`, `a dataset named X`       -> type of the noun before `called`
//   `X, a new benchmark for ...`                      -> appositive head noun
//   `datasets such as A, B and C`, `on A, B and C`    -> enumeration shares one type
//   `on X` in an evaluation sentence                  -> dataset
import type { EntityType } from './types.js';
import { headType } from './heads.js';
import type { Token } from './text.js';

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
  const w = n.text.toLowerCase();
  const t = headType(w);
  if (!t) return null;
  // "X learning"/"X detection" are compounds where X is a modifier, not a typing context.
  if (t === 'task' || t === 'metric') return null;
  if (t === 'method' && !/^(method|algorithm|approach|framework|technique|loss|optimizer|objective|strategy|paradigm|procedure|mechanism|module)s?$/.test(w)) return null;
  if (t === 'model' && !/^(model|models|network|networks|architecture|architectures|backbone|backbones|encoder|family|assistant|chatbot|detector|classifier)$/.test(w)) return null;
  if (t === 'dataset' && !/^(dataset|datasets|corpus|corpora|benchmark|benchmarks|suite|leaderboard|testbed|challenge|competition|treebank|environment|environments)$/.test(w)) return null;
  return { type: t, strength: 0.85 };
}

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
  const n = tokens[j + 1];
  const last = tokens[j]!;
  if (!n) return null;
  const gap = sentence.slice(last.end - sentenceStart, n.start - sentenceStart);
  if (!/^\s*[,(:]\s*$/.test(gap) && !/^\s*(—|–|-)\s*$/.test(gap)) return null;
  const w0 = n.text.toLowerCase();
  if (w0 !== 'a' && w0 !== 'an' && w0 !== 'the') return null;
  for (let k = j + 2; k < Math.min(tokens.length, j + 12); k++) {
    const w = tokens[k]!.text.toLowerCase();
    if (/^(of|for|that|which|with|to|in|on|and|where|whose|by)$/.test(w)) break;
    // only whole words: "Learning" in "Learning-based" is not the head
    if (tokens[k + 1]?.glued) continue;
    const t = headType(w);
    if (t && t !== 'task' && t !== 'metric' && !(tokens[k + 1] && headType(tokens[k + 1]!.text) && !/^(of|for)$/.test(tokens[k + 1]!.text))) {
      return { type: t, strength: 0.8 };
    }
  }
  return null;
}

/** Skip determiners and evaluative adjectives between a cue and a name. */
export function skipModifiers(tokens: Token[], k: number): number {
  while (k < tokens.length && SKIP_ADJ.test(tokens[k]!.text.toLowerCase())) k++;
  return k;
}

/** `on X` / `across X` where the sentence reports results. */
export function evaluationOn(tokens: Token[], i: number, evaluative: boolean): ContextHint | null {
  let k = i - 1;
  if (tokens[k]?.text.toLowerCase() === 'the') k--;
  const w = tokens[k]?.text.toLowerCase();
  // "build on X", "relies on X", "focus on X" are not evaluation contexts.
  const v = tokens[k - 1]?.text.toLowerCase() ?? '';
  if ((w === 'on' || w === 'using') && /^(trained|pretrained|pre-trained|fine-tuned|finetuned|learned|learnt|train|pretrain)$/.test(v)) return { type: 'dataset', strength: 0.75 };
  if (/^(build|builds|built|building|based|rely|relies|relying|depend|depends|focus|focuses|focusing|work|works|act|acts|operate|operates|conditioned|draw|draws|improve|improves|improving|training)$/.test(v)) return null;
  if ((w === 'on' || w === 'across') && evaluative) return { type: 'dataset', strength: 0.6 };
  return null;
}

/** Plural type nouns that announce an enumeration: `datasets such as A, B and C`. */
export function enumerationHead(tokens: Token[], i: number): ContextHint | null {
  // walk back over list material to the introducing words
  for (let k = i - 1; k >= Math.max(0, i - 30); k--) {
    const w = tokens[k]!.text.toLowerCase();
    if (w === 'as' && tokens[k - 1]?.text.toLowerCase() === 'such') {
      const t = headType(tokens[k - 2]?.text ?? '');
      if (t) return { type: t === 'task' ? 'method' : t, strength: 0.8 };
      return null;
    }
    if (w === 'including' || w === 'like' || w === 'namely' || w === 'e' || w === 'include' || w === 'includes') {
      // the plural type noun may sit a few words before: "four new benchmarks for assessment, namely"
      for (let b = k - 1; b >= Math.max(0, k - 6); b--) {
        const t = headType(tokens[b]!.text);
        if (t && t !== 'task' && t !== 'metric' && /s$/.test(tokens[b]!.text)) return { type: t, strength: 0.75 };
      }
      return null;
    }
    if (/^(we|is|are|was|were|that|which|to|by)$/.test(w)) return null;
  }
  return null;
}

/** `a new biomedical LM (BIOptimus)`: a name in parentheses typed by the noun before it. */
export function parentheticalName(tokens: Token[], i: number, sentence: string, sentenceStart: number): ContextHint | null {
  const p = tokens[i - 1];
  const t = tokens[i];
  if (!p || !t) return null;
  const gap = sentence.slice(p.end - sentenceStart, t.start - sentenceStart);
  if (!/^\s*\(\s*$/.test(gap)) return null;
  const h = headType(p.text);
  if (!h || h === 'task' || h === 'metric') return null;
  if (h === 'method' && !/^(method|algorithm|approach|framework|technique)s?$/i.test(p.text)) return null;
  return { type: h, strength: 0.8 };
}

/** `the public benchmarks X and Y`, `benchmarks, X and Y`: a type noun right before the name (or its list). */
export function precedingHead(tokens: Token[], i: number, sentence: string, sentenceStart: number): ContextHint | null {
  let k = i - 1;
  // walk back over an enumeration of capitalised names: "benchmarks FDDB and WIDER FACE"
  for (let steps = 0; k >= 0 && steps < 12; steps++) {
    const w = tokens[k]!.text;
    if (/^(and|or)$/.test(w) || /^\p{Lu}/u.test(w) || /^\d/.test(w) || tokens[k]!.glued) k--;
    else break;
  }
  const t = tokens[k];
  if (!t) return null;
  const h = headType(t.text);
  if (h !== 'dataset' || !/^(benchmarks?|datasets?|corpus|corpora|suites?)$/i.test(t.text)) return null;
  const gap = sentence.slice(t.end - sentenceStart, tokens[k + 1]!.start - sentenceStart);
  if (!/^[\s,:]*$/.test(gap)) return null;
  return { type: 'dataset', strength: 0.8 };
}
