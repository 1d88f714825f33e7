// The prediction format of ../shared/eval/README.md: one JSON object per paper.
import type { Extractor, PaperExtraction, PaperText } from './types.js';

export interface PredictionMention {
  text: string;
  start: number;
  end: number;
  field: 'title' | 'abstract';
}

export interface PredictionEntity {
  type: string;
  name: string;
  aliases: string[];
  role: string;
  confidence: number;
  family?: string;
  mentions: PredictionMention[];
}

export interface PredictionLine {
  id: string;
  entities: PredictionEntity[];
}

export function toPrediction(extraction: PaperExtraction): PredictionLine {
  return {
    id: extraction.id,
    entities: extraction.entities.map((e) => {
      const p: PredictionEntity = {
        type: e.type,
        name: e.name,
        aliases: e.aliases,
        role: e.role,
        confidence: e.confidence,
        mentions: e.mentions.map((m) => ({ text: m.text, start: m.start, end: m.end, field: m.field })),
      };
      if (e.family) p.family = e.family;
      return p;
    }),
  };
}

/** One JSON line (no trailing newline) in the scorer's prediction format. */
export function toPredictionLine(extraction: PaperExtraction): string {
  return JSON.stringify(toPrediction(extraction));
}

/** Extracts `papers` as one corpus and returns one prediction line per paper, in input order. */
export function extractToPredictions(papers: readonly PaperText[], extractor: Extractor): string[] {
  return extractor.extractCorpus(papers).map(toPredictionLine);
}
