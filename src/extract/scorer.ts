// The learned candidate scorer: a multinomial logistic regression over sparse string
// features (features.ts), trained by src/train on SciERC and shipped as
// lexicon/candidate-scorer.json. Pure: the caller loads the weights and hands them in.
import type { EntityType } from './types.js';

/** What the scorer decides: not an entity, or one of these kinds (model and method are one class). */
export const SCORER_CLASSES = ['none', 'method', 'dataset', 'task', 'metric'] as const;
export type ScorerClass = (typeof SCORER_CLASSES)[number];

export interface Thresholds {
  /** Least probability of its class for a chunk to become an entity, per class. */
  chunk: Record<Exclude<ScorerClass, 'none'>, number>;
  /** Probability of 'none' at which a rule candidate (not a lexicon entry or acronym) is dropped. */
  dropRule: number;
}

/** The weights file's content. */
export interface ScorerWeights {
  version: string;
  classes: readonly ScorerClass[];
  /** Decision thresholds chosen on SciERC dev (see src/train/train.ts). */
  thresholds: Thresholds;
  /** feature -> one weight per class. */
  weights: Record<string, number[]>;
}

export interface Scorer {
  readonly version: string;
  readonly thresholds: Thresholds;
  /** Class probabilities of a candidate with these features (in SCORER_CLASSES order). */
  probabilities(features: readonly string[]): Float64Array;
}

export function createScorer(w: ScorerWeights): Scorer {
  const k = SCORER_CLASSES.length;
  if (w.classes.length !== k || w.classes.some((c, n) => c !== SCORER_CLASSES[n])) {
    throw new Error(`candidate scorer: classes ${w.classes.join(',')} do not match ${SCORER_CLASSES.join(',')}`);
  }
  const table = new Map<string, Float64Array>();
  for (const [f, ws] of Object.entries(w.weights)) table.set(f, Float64Array.from(ws));
  return {
    version: w.version,
    thresholds: w.thresholds,
    probabilities(features) {
      const z = new Float64Array(k);
      for (const f of features) {
        const ws = table.get(f);
        if (ws) for (let c = 0; c < k; c++) z[c] = z[c]! + ws[c]!;
      }
      return softmax(z);
    },
  };
}

export function softmax(z: Float64Array): Float64Array {
  let max = -Infinity;
  for (const v of z) if (v > max) max = v;
  let sum = 0;
  for (let c = 0; c < z.length; c++) {
    z[c] = Math.exp(z[c]! - max);
    sum += z[c]!;
  }
  for (let c = 0; c < z.length; c++) z[c] = z[c]! / sum;
  return z;
}

/** The entity type a scorer class stands for, given the type the rules proposed. */
export function typeOfClass(cls: ScorerClass, ruleType: EntityType | null): EntityType | null {
  if (cls === 'none') return null;
  if (cls === 'method') return ruleType === 'model' ? 'model' : 'method';
  return cls;
}
