// source -> validate -> skip unchanged -> extract -> write, in batches.
import type { Database } from '../db/database.js';
import { storedVersions, writeBatch } from '../db/graph-writes.js';
import type { Extractor } from '../extract/types.js';
import { contentHash, paperId } from './paper-id.js';
import type { PaperInput, RejectedRecord, SourceRecord } from './records.js';
import { toGraphBatch, type PreparedPaper } from './to-graph.js';

export interface IngestSummary {
  read: number;
  ingested: number;
  updated: number;
  unchanged: number;
  rejected: number;
  rejections: RejectedRecord[];
  seconds: number;
}

export interface IngestOptions {
  db: Database;
  extractor: Extractor;
  batchSize?: number;
  /** Called after each batch with the running totals. */
  onProgress?: (summary: IngestSummary) => void;
  /** Called once per rejected record, as soon as it is known. */
  onReject?: (rejected: RejectedRecord) => void;
  /** Re-extract and rewrite papers even when their content is unchanged. */
  force?: boolean;
}

interface Pending {
  id: string;
  input: PaperInput;
  location: string;
}

export async function ingest(records: AsyncIterable<SourceRecord>, opts: IngestOptions): Promise<IngestSummary> {
  const started = performance.now();
  const batchSize = opts.batchSize ?? 500;
  const summary: IngestSummary = { read: 0, ingested: 0, updated: 0, unchanged: 0, rejected: 0, rejections: [], seconds: 0 };
  const firstSeen = new Map<string, string>();
  const reject = (r: RejectedRecord) => {
    summary.rejected++;
    if (summary.rejections.length < 1_000) summary.rejections.push(r);
    opts.onReject?.(r);
  };

  let batch: Pending[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    await processBatch(batch, opts, summary, reject);
    batch = [];
    summary.seconds = (performance.now() - started) / 1000;
    opts.onProgress?.(summary);
  };

  for await (const record of records) {
    summary.read++;
    if (!record.paper) {
      reject({ location: record.location, reason: record.error ?? 'unreadable record' });
      continue;
    }
    const id = paperId(record.paper);
    const earlier = firstSeen.get(id);
    if (earlier) {
      reject({ location: record.location, id, reason: `duplicate paper id "${id}" (first seen at ${earlier})` });
      continue;
    }
    firstSeen.set(id, record.location);
    batch.push({ id, input: record.paper, location: record.location });
    if (batch.length >= batchSize) await flush();
  }
  await flush();
  summary.seconds = (performance.now() - started) / 1000;
  return summary;
}

async function processBatch(
  batch: Pending[],
  opts: IngestOptions,
  summary: IngestSummary,
  reject: (r: RejectedRecord) => void,
): Promise<void> {
  const stored = await storedVersions(opts.db, batch.map((p) => p.id));
  const version = opts.extractor.version;
  const todo = batch.filter((p) => {
    const s = stored.get(p.id);
    const same = s && s.contentHash === contentHash(p.input) && s.extractorVersion === version;
    if (same && !opts.force) summary.unchanged++;
    return !same || opts.force;
  });
  if (todo.length === 0) return;

  const extractions = opts.extractor.extractCorpus(todo.map((p) => ({ id: p.id, title: p.input.title, abstract: p.input.abstract })));
  const prepared: PreparedPaper[] = todo.map((p, i) => ({
    id: p.id,
    input: p.input,
    source: p.location.replace(/:\d+$/, ''),
    extraction: extractions[i]!,
  }));
  const locations = new Map(todo.map((p) => [p.id, p.location]));
  const written = await writeSplitting(prepared, opts, version, (r) => reject({ ...r, location: locations.get(r.id ?? '') ?? r.location }));
  for (const p of written) {
    if (stored.has(p.id)) summary.updated++;
    else summary.ingested++;
  }
}

/**
 * Writes a batch; if the database refuses it, halves it until the one paper
 * at fault is found and reported, so one bad row cannot sink its neighbours.
 */
async function writeSplitting(
  papers: PreparedPaper[],
  opts: IngestOptions,
  version: string,
  reject: (r: RejectedRecord) => void,
): Promise<PreparedPaper[]> {
  try {
    await writeBatch(opts.db, toGraphBatch(papers, version));
    return papers;
  } catch (err) {
    if (papers.length === 1) {
      const p = papers[0]!;
      reject({ location: `${p.source}`, id: p.id, reason: `database refused the paper: ${(err as Error).message.split('\n')[0]}` });
      return [];
    }
    if (isConnectionError(err)) throw err;
    const mid = Math.ceil(papers.length / 2);
    return [
      ...(await writeSplitting(papers.slice(0, mid), opts, version, reject)),
      ...(await writeSplitting(papers.slice(mid), opts, version, reject)),
    ];
  }
}

function isConnectionError(err: unknown): boolean {
  const code = (err as { code?: string }).code ?? '';
  return code === 'ServiceUnavailable' || code === 'SessionExpired';
}
