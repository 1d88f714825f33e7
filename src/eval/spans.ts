// Mention-level scoring against span-annotated corpora: a predicted mention counts when its
// character span and its mapped type equal a gold span's (exact match, the standard for
// SciERC/SciER entity F1). Pure.
import type { EntityType, PaperExtraction } from '../extract/types.js';
import type { GoldSpan } from './corpora.js';

export interface SpanPRF {
  tp: number;
  pred: number;
  gold: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface SpanScores {
  micro: SpanPRF;
  perLabel: Record<string, SpanPRF>;
}

/** Our type -> the corpus label it is scored as (types mapping to null are not scored). */
export type LabelMap = Record<EntityType, string | null>;

export const SCIERC_LABELS: LabelMap = { model: 'Method', method: 'Method', dataset: 'Material', task: 'Task', metric: 'Metric' };
export const SCIER_LABELS: LabelMap = { model: 'Method', method: 'Method', dataset: 'Dataset', task: 'Task', metric: null };

function prf(tp: number, pred: number, gold: number): SpanPRF {
  const precision = pred ? tp / pred : 0;
  const recall = gold ? tp / gold : 0;
  return { tp, pred, gold, precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
}

export function scoreSpans(golds: ReadonlyArray<readonly GoldSpan[]>, preds: readonly PaperExtraction[], labels: LabelMap): SpanScores {
  const scored = new Set(Object.values(labels).filter((l): l is string => l !== null));
  const count: Record<string, { tp: number; pred: number; gold: number }> = {};
  const bump = (label: string, k: 'tp' | 'pred' | 'gold') => ((count[label] ??= { tp: 0, pred: 0, gold: 0 })[k] += 1);
  preds.forEach((p, n) => {
    const gold = new Set<string>();
    for (const g of golds[n] ?? []) {
      if (!scored.has(g.label)) continue;
      const key = `${g.start}:${g.end}:${g.label}`;
      if (gold.has(key)) continue;
      gold.add(key);
      bump(g.label, 'gold');
    }
    const seen = new Set<string>();
    for (const e of p.entities) {
      const label = labels[e.type];
      if (!label) continue;
      for (const m of e.mentions) {
        if (m.field !== 'abstract') continue;
        const key = `${m.start}:${m.end}:${label}`;
        if (seen.has(key)) continue;
        seen.add(key);
        bump(label, 'pred');
        if (gold.has(key)) bump(label, 'tp');
      }
    }
  });
  const perLabel: Record<string, SpanPRF> = {};
  let tp = 0, pred = 0, gold = 0;
  for (const label of [...scored].sort()) {
    const c = count[label] ?? { tp: 0, pred: 0, gold: 0 };
    perLabel[label] = prf(c.tp, c.pred, c.gold);
    tp += c.tp; pred += c.pred; gold += c.gold;
  }
  return { micro: prf(tp, pred, gold), perLabel };
}
