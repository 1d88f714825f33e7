import fs from 'node:fs';
import { once } from 'node:events';
import type { Extractor, PaperText } from '../extract/types.js';
import { toPredictionLine } from '../extract/predictions.js';
import { paperId } from './paper-id.js';
import { readSource } from './readers.js';

/**
 * `papergraph extract`: reads a whole file as one corpus (corpus-level rules
 * need every abstract), then streams one prediction line per paper.
 */
export async function extractFile(input: string, output: string | undefined, extractor: Extractor) {
  const papers: PaperText[] = [];
  let rejected = 0;
  for await (const record of readSource(input, undefined, undefined, { allowEmptyTitle: true })) {
    if (record.skipped) continue;
    if (record.paper) papers.push({ id: record.paper.id ?? paperId(record.paper), title: record.paper.title, abstract: record.paper.abstract });
    else {
      rejected++;
      process.stderr.write(`rejected ${record.location}: ${record.error}\n`);
    }
  }
  const out = output ? fs.createWriteStream(output) : process.stdout;
  for (const extraction of extractor.extractCorpus(papers)) {
    if (!out.write(`${toPredictionLine(extraction)}\n`)) await once(out, 'drain');
  }
  if (output) await new Promise<void>((resolve) => (out as fs.WriteStream).end(resolve));
  return { papers: papers.length, rejected };
}
