// source -> validate -> skip unchanged -> extract (worker threads) -> write.
// Batches overlap: while one is written, the next ones are being extracted.
// Writes happen one at a time and in input order, so a run is deterministic
// and an interrupted run continues exactly where its last commit left off.
import { isOutage, type Database } from '../db/database.js';
import { awaitSearchIndexes, storedVersions, writeBatch } from '../db/graph-writes.js';
import type { Extractor } from '../extract/types.js';
import { inThreadExtractor, type BatchExtractor } from './batch-extractor.js';
import { contentHash, paperId } from './paper-id.js';
import type { PaperInput, RejectedRecord, SourceRecord } from './records.js';
import { toGraphBatch, type PreparedPaper } from './to-graph.js';

export interface IngestSummary {
  read: number;
  ingested: number;
  updated: number;
  unchanged: number;
  rejected: number;
  /** Records stored with HTML markup removed from their title or abstract. */
  sanitized: number;
  rejections: RejectedRecord[];
  seconds: number;
  /** Where the time went: waiting for the source, extracting (summed over threads), writing. */
  timings: { read: number; extract: number; write: number };
}

export interface IngestOptions {
  db: Database;
  /** An extractor to run on this thread, or a batch extractor (e.g. a worker pool). */
  extractor: Extractor | BatchExtractor;
  batchSize?: number;
  /** Called after each written batch with the running totals. */
  onProgress?: (summary: IngestSummary) => void;
  /** Called once per rejected record, as soon as it is known. */
  onReject?: (rejected: RejectedRecord) => void;
  /** Re-extract and rewrite papers even when their content is unchanged. */
  force?: boolean;
}

/** Rejections kept in the summary; all of them reach onReject. */
const MAX_KEPT_REJECTIONS = 1_000;

interface Pending {
  id: string;
  input: PaperInput;
  location: string;
  source: string | null;
}

interface Prepared {
  prepared: PreparedPaper[];
  existing: Set<string>;
  locations: Map<string, string>;
}

const isBatchExtractor = (e: Extractor | BatchExtractor): e is BatchExtractor => 'extractBatch' in e;

export async function ingest(records: AsyncIterable<SourceRecord>, opts: IngestOptions): Promise<IngestSummary> {
  const started = performance.now();
  const extractor = isBatchExtractor(opts.extractor) ? opts.extractor : inThreadExtractor(opts.extractor);
  const batchSize = opts.batchSize ?? 500;
  const summary: IngestSummary = {
    read: 0, ingested: 0, updated: 0, unchanged: 0, rejected: 0, sanitized: 0, rejections: [], seconds: 0,
    timings: { read: 0, extract: 0, write: 0 },
  };
  const firstSeen = new Map<string, string>();
  const reject = (r: RejectedRecord) => {
    summary.rejected++;
    if (summary.rejections.length < MAX_KEPT_REJECTIONS) summary.rejections.push(r);
    opts.onReject?.(r);
  };

  // Extract a batch's changed papers (after asking the graph what it holds).
  const prepare = async (batch: Pending[]): Promise<Prepared> => {
    const stored = await storedVersions(opts.db, batch.map((p) => p.id));
    const todo = batch.filter((p) => {
      const s = stored.get(p.id);
      const same = s && s.contentHash === contentHash(p.input) && s.extractorVersion === extractor.version;
      if (same && !opts.force) summary.unchanged++;
      return !same || opts.force;
    });
    const t0 = performance.now();
    const extractions = todo.length ? await extractor.extractBatch(todo.map((p) => ({ id: p.id, title: p.input.title, abstract: p.input.abstract }))) : [];
    summary.timings.extract += (performance.now() - t0) / 1000;
    return {
      prepared: todo.map((p, i) => ({ id: p.id, input: p.input, source: p.source, extraction: extractions[i]! })),
      existing: new Set(todo.filter((p) => stored.has(p.id)).map((p) => p.id)),
      locations: new Map(todo.map((p) => [p.id, p.location])),
    };
  };

  const write = async ({ prepared, existing, locations }: Prepared) => {
    const t0 = performance.now();
    const written = await writeSplitting(prepared, opts.db, extractor.version, (r) =>
      reject({ ...r, location: locations.get(r.id ?? '') ?? r.location }),
    );
    summary.timings.write += (performance.now() - t0) / 1000;
    for (const p of written) {
      if (existing.has(p.id)) summary.updated++;
      else summary.ingested++;
    }
    summary.seconds = (performance.now() - started) / 1000;
    opts.onProgress?.(summary);
  };

  // Batches being extracted while the oldest is written; bounded, so memory is too.
  const inFlight: Promise<Prepared>[] = [];
  const maxInFlight = extractor.parallelism + 1;
  const submit = async (batch: Pending[]) => {
    const job = prepare(batch);
    job.catch(() => {}); // awaited below, in order; this only silences early rejections
    inFlight.push(job);
    if (inFlight.length >= maxInFlight) await write(await inFlight.shift()!);
  };

  try {
    let batch: Pending[] = [];
    const iterator = records[Symbol.asyncIterator]();
    for (;;) {
      const t0 = performance.now();
      const next = await iterator.next();
      summary.timings.read += (performance.now() - t0) / 1000;
      if (next.done) break;
      const record = next.value;
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
      if (record.sanitized) summary.sanitized++;
      const source = record.source !== undefined ? record.source : record.location.replace(/:\d+$/, '');
      batch.push({ id, input: record.paper, location: record.location, source });
      if (batch.length >= batchSize) {
        await submit(batch);
        batch = [];
      }
    }
    if (batch.length) await submit(batch);
    while (inFlight.length) await write(await inFlight.shift()!);
    if (summary.ingested + summary.updated > 0) await awaitSearchIndexes(opts.db);
  } finally {
    // On failure, let extractions still running finish before the caller closes the pool.
    await Promise.allSettled(inFlight);
  }
  summary.seconds = (performance.now() - started) / 1000;
  return summary;
}

/**
 * Writes a batch; if the database refuses it, halves it until the one paper
 * at fault is found and reported, so one bad row cannot sink its neighbours.
 */
async function writeSplitting(
  papers: PreparedPaper[],
  db: Database,
  version: string,
  reject: (r: RejectedRecord) => void,
): Promise<PreparedPaper[]> {
  try {
    await writeBatch(db, toGraphBatch(papers, version));
    return papers;
  } catch (err) {
    // An outage is not this batch's fault: splitting would not help.
    if (isOutage(err)) throw err;
    if (papers.length === 1) {
      const p = papers[0]!;
      // The code names the problem; Neo4j's message would reach API clients (ingestPapers) with its internals.
      const code = (err as { code?: unknown }).code;
      reject({ location: p.source ?? '', id: p.id, reason: `the database refused the paper${typeof code === 'string' ? ` (${code})` : ''}` });
      return [];
    }
    const mid = Math.ceil(papers.length / 2);
    return [
      ...(await writeSplitting(papers.slice(0, mid), db, version, reject)),
      ...(await writeSplitting(papers.slice(mid), db, version, reject)),
    ];
  }
}

