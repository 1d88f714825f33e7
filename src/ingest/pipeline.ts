// source -> validate -> skip unchanged -> extract (worker threads) -> write.
// Batches overlap: while one is written, the next ones are being extracted.
// Writes happen one at a time and in input order, so a run is deterministic
// and an interrupted run continues exactly where its last commit left off.
import type { Database } from '../db/database.js';
import { driverCode, isOutage } from '../db/db-errors.js';
import { EvidenceMismatchError } from '../db/evidence.js';
import type { StatementTimes } from '../db/statement-times.js';
import type { GraphBatch } from '../db/graph-batch.js';
import { awaitSearchIndexes, storedPapers, writeBatch, type StoredPaper } from '../db/graph-writes.js';
import type { Extractor } from '../extract/types.js';
import { inThreadExtractor, type BatchExtractor } from './batch-extractor.js';
import { contentHash, paperId } from './paper-id.js';
import { identityKey, identityKeys, mergePapers } from './paper-identity.js';
import { locationSource, type PaperInput, type RejectedRecord, type SourceRecord } from './records.js';
import { storedAuthorIds, toGraphBatch, type PreparedPaper } from './to-graph.js';

export interface IngestSummary {
  read: number;
  ingested: number;
  updated: number;
  unchanged: number;
  /** Records of a paper that another record of this run also gave (same arXiv id, DOI, ...), folded into it. */
  merged: number;
  rejected: number;
  /** Records stored with HTML markup removed from their title or abstract. */
  sanitized: number;
  rejections: RejectedRecord[];
  /** Input a reader left out on purpose (page chrome), with where and what: not papers, not errors. */
  skipped: number;
  skips: { location: string; reason: string }[];
  seconds: number;
  /**
   * Where the time went: waiting for the source, looking up the stored papers, extracting
   * (summed over threads), writing; and the writing per Cypher statement (db/statement-times.ts).
   */
  timings: { read: number; lookup: number; extract: number; write: number; statements: StatementTimes };
}

/**
 * Where the batches go: the graph itself (transactional writes, the default),
 * or the files of a bulk first load (db/bulk-csv.ts). Both take the same rows
 * (to-graph.ts), so what a paper becomes in the graph is decided in one place.
 */
export interface GraphStore {
  /** For each incoming paper (its id and identity keys), the stored paper it is, if any. */
  storedPapers(rows: { id: string; keys: string[] }[]): Promise<Map<string, StoredPaper>>;
  /** Writes one batch whole or not at all (a throw rejects it; the pipeline splits it to find the paper at fault). */
  writeBatch(batch: GraphBatch, times?: StatementTimes): Promise<void>;
  /** After the last batch, when anything was written. */
  finish(): Promise<void>;
}

export const databaseStore = (db: Database): GraphStore => ({
  storedPapers: (rows) => storedPapers(db, rows),
  writeBatch: (batch, times) => writeBatch(db, batch, times),
  finish: () => awaitSearchIndexes(db),
});

/**
 * Where an ingest writes: the graph (`db`), or another store (`store`, e.g. a bulk load's
 * files). Exactly one of the two; `never` on the other makes giving both or neither a type error.
 */
type IngestTarget =
  | { db: Database; store?: never; deferMerge?: never }
  | {
      store: GraphStore;
      db?: never;
      /**
       * Set by a store that cannot change a paper once written (a bulk load's files):
       * another source's record of a paper an earlier batch wrote goes here, to be
       * merged into it later by a transactional ingest, instead of into the batch.
       */
      deferMerge?: (record: SourceRecord) => void;
    };

/** How an ingest reads, extracts and reports, whatever it writes to. */
export interface IngestSettings {
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

export type IngestOptions = IngestTarget & IngestSettings;

/** Rejections kept in the summary; all of them reach onReject. */
const MAX_KEPT_REJECTIONS = 1_000;

interface Pending {
  id: string;
  input: PaperInput;
  location: string;
  source: string | null;
  /** Another source's record of a paper met earlier (same arXiv id, DOI, ...): merged into it, never replacing it. */
  merge: boolean;
  /** Own ids of the records this paper is made of (several once sources are merged). */
  recordIds: string[];
}

/** A stored paper as a PaperInput, to merge another source's record into. */
function storedInput(s: StoredPaper): PaperInput {
  const f = s.fields;
  const input: PaperInput = { id: s.paper, title: String(f.title ?? ''), abstract: String(f.abstract ?? '') };
  for (const key of ['url', 'published', 'datePrecision', 'arxivId', 'doi', 'venue'] as const) if (typeof f[key] === 'string') (input as unknown as Record<string, string>)[key] = f[key] as string;
  if (Array.isArray(f.authors)) input.authors = f.authors as string[];
  if (Array.isArray(f.authorIds) && f.authorIds.length) input.authorIds = storedAuthorIds(f.authorIds as string[]);
  if (Array.isArray(f.externalIds) && f.externalIds.length) input.externalIds = f.externalIds as string[];
  return input;
}

const union = (a: string[], b: string[]) => [...new Set([...a, ...b])];

/**
 * Merges another record of the paper into a pending one. Its record ids join
 * only when it added something, as when it meets the stored paper in a later
 * run (an unchanged paper is not rewritten): so one run and several give one graph.
 */
function foldInto(target: Pending, extra: PaperInput, recordIds: string[]) {
  const merged = mergePapers(target.input, extra);
  if (contentHash(merged) === contentHash(target.input)) return;
  target.input = merged;
  target.recordIds = union(target.recordIds, recordIds);
}

/**
 * Each paper of a batch as the graph should hold it: an update of a stored
 * record replaces it; another source's record of a stored paper is merged into
 * it; two records of one paper in the batch become one.
 */
function resolveBatch(batch: Pending[], stored: Map<string, StoredPaper>): { pending: Pending; stored?: StoredPaper }[] {
  const out = new Map<string, { pending: Pending; stored?: StoredPaper }>();
  for (const p of batch) {
    const s = stored.get(p.id);
    let next: Pending = p;
    // An update replaces what its own record wrote; once other sources are merged in, it can only add.
    const storedRecords = s?.recordIds ?? (s ? [s.paper] : []);
    const update = s && s.sameId && !p.merge && storedRecords.every((r) => p.recordIds.includes(r));
    if (s && !update) {
      next = { ...p, id: s.paper, merge: true, source: null, input: mergePapers(storedInput(s), p.input), recordIds: union(storedRecords, p.recordIds) };
    }
    const earlier = out.get(next.id);
    if (earlier) foldInto(earlier.pending, next.input, next.recordIds);
    else out.set(next.id, { pending: next, stored: s });
  }
  return [...out.values()];
}

interface Prepared {
  prepared: PreparedPaper[];
  existing: Set<string>;
  locations: Map<string, string>;
}

const isBatchExtractor = (e: Extractor | BatchExtractor): e is BatchExtractor => 'extractBatch' in e;

export async function ingest(records: AsyncIterable<SourceRecord>, opts: IngestOptions): Promise<IngestSummary> {
  const started = performance.now();
  const store = opts.db ? databaseStore(opts.db) : opts.store;
  const extractor = isBatchExtractor(opts.extractor) ? opts.extractor : inThreadExtractor(opts.extractor);
  const batchSize = opts.batchSize ?? 500;
  const summary: IngestSummary = {
    read: 0, ingested: 0, updated: 0, unchanged: 0, merged: 0, rejected: 0, sanitized: 0, rejections: [], skipped: 0, skips: [], seconds: 0,
    timings: { read: 0, lookup: 0, extract: 0, write: 0, statements: {} },
  };
  const firstSeen = new Map<string, string>();
  const reject = (r: RejectedRecord) => {
    summary.rejected++;
    if (summary.rejections.length < MAX_KEPT_REJECTIONS) summary.rejections.push(r);
    opts.onReject?.(r);
  };

  // Extract a batch's changed papers (after asking the graph what it holds).
  const prepare = async (batch: Pending[]): Promise<Prepared> => {
    const tLookup = performance.now();
    const stored = await store.storedPapers(batch.map((p) => ({ id: p.id, keys: identityKeys(p.input) })));
    summary.timings.lookup += (performance.now() - tLookup) / 1000;
    const resolved = resolveBatch(batch, stored);
    const todo = resolved
      .filter(({ pending: p, stored: s }) => {
        const same = s && s.contentHash === contentHash(p.input) && s.extractorVersion === extractor.version;
        if (same && !opts.force) summary.unchanged++;
        return !same || opts.force;
      })
      .map((r) => r.pending);
    // Records folded into another record of the same paper in this batch.
    summary.merged += batch.length - resolved.length;
    const t0 = performance.now();
    const extractions = todo.length ? await extractor.extractBatch(todo.map((p) => ({ id: p.id, title: p.input.title, abstract: p.input.abstract }))) : [];
    summary.timings.extract += (performance.now() - t0) / 1000;
    return {
      prepared: todo.map((p, i) => ({ id: p.id, input: p.input, source: p.source, recordIds: p.recordIds, extraction: extractions[i]! })),
      existing: new Set(resolved.filter((r) => r.stored).map((r) => r.pending.id)),
      locations: new Map(todo.map((p) => [p.id, p.location])),
    };
  };

  const write = async ({ prepared, existing, locations }: Prepared) => {
    const t0 = performance.now();
    const rejectAt = (r: RejectedRecord) => reject({ ...r, location: locations.get(r.id ?? '') ?? r.location });
    const written = await writeSplitting(prepared, store, extractor.version, rejectAt, summary.timings.statements);
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
  const submit = async (batch: Pending[], drainFirst = false) => {
    // A batch that merges into a paper of an earlier batch must see that batch written.
    if (drainFirst) while (inFlight.length) await write(await inFlight.shift()!);
    const job = prepare(batch);
    job.catch(() => {}); // awaited below, in order; this only silences early rejections
    inFlight.push(job);
    if (inFlight.length >= maxInFlight) await write(await inFlight.shift()!);
  };

  try {
    let batch: Pending[] = [];
    let batchIndex = new Map<string, Pending>();
    let drainFirst = false;
    // Identity keys met in this run -> the paper id they were given, so two sources' records of one paper meet.
    const keyOwner = new Map<string, string>();
    const iterator = records[Symbol.asyncIterator]();
    for (;;) {
      const t0 = performance.now();
      const next = await iterator.next();
      summary.timings.read += (performance.now() - t0) / 1000;
      if (next.done) break;
      const record = next.value;
      if (record.skipped) {
        summary.skipped++;
        if (summary.skips.length < MAX_KEPT_REJECTIONS) summary.skips.push({ location: record.location, reason: record.skipped });
        continue;
      }
      summary.read++;
      if (!record.paper) {
        reject({ location: record.location, reason: record.error ?? 'unreadable record' });
        continue;
      }
      const ownId = paperId(record.paper);
      const source = record.source !== undefined ? record.source : locationSource(record.location);
      // One id twice in one source is a mistake in it; in two sources (a title-derived id
      // of one paper in a .bib and a Zotero export) it is two records of one paper.
      const sourceKey = `${source ?? ''}\u0000${ownId}`;
      const earlier = firstSeen.get(sourceKey);
      if (earlier) {
        reject({ location: record.location, id: ownId, reason: `duplicate paper id "${ownId}" (first seen at ${earlier})` });
        continue;
      }
      firstSeen.set(sourceKey, record.location);
      if (record.sanitized) summary.sanitized++;
      const keys = [identityKey('id', ownId), ...identityKeys(record.paper)];
      const owner = keys.map((k) => keyOwner.get(k)).find((o) => o !== undefined);
      const id = owner ?? ownId;
      for (const k of keys) if (!keyOwner.has(k)) keyOwner.set(k, id);
      if (owner !== undefined) {
        // The same paper from another source, met earlier in this run.
        const inBatch = batchIndex.get(id);
        if (inBatch) {
          foldInto(inBatch, record.paper, [ownId]);
          summary.merged++;
          continue;
        }
        if (opts.deferMerge) {
          opts.deferMerge({ ...record, source });
          continue;
        }
        drainFirst = true;
      }
      const pending: Pending = { id, input: record.paper, location: record.location, source, merge: owner !== undefined, recordIds: [ownId] };
      batch.push(pending);
      batchIndex.set(id, pending);
      if (batch.length >= batchSize) {
        await submit(batch, drainFirst);
        batch = [];
        batchIndex = new Map();
        drainFirst = false;
      }
    }
    if (batch.length) await submit(batch, drainFirst);
    while (inFlight.length) await write(await inFlight.shift()!);
    if (summary.ingested + summary.updated > 0) await store.finish();
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
  store: GraphStore,
  version: string,
  reject: (r: RejectedRecord) => void,
  times?: StatementTimes,
): Promise<PreparedPaper[]> {
  try {
    await store.writeBatch(toGraphBatch(papers, version), times);
    return papers;
  } catch (err) {
    // An outage is not this batch's fault: splitting would not help.
    if (isOutage(err)) throw err;
    if (papers.length === 1) {
      const p = papers[0]!;
      // The code names the problem; Neo4j's message would reach API clients (ingestPapers) with its internals.
      const code = driverCode(err);
      const reason = err instanceof EvidenceMismatchError ? `its extraction does not fit its text (${err.message})` : `the database refused the paper${code !== undefined ? ` (${code})` : ''}`;
      reject({ location: p.source ?? '', id: p.id, reason });
      return [];
    }
    const mid = Math.ceil(papers.length / 2);
    return [
      ...(await writeSplitting(papers.slice(0, mid), store, version, reject, times)),
      ...(await writeSplitting(papers.slice(mid), store, version, reject, times)),
    ];
  }
}

