// Semantic Scholar's bulk datasets (https://api.semanticscholar.org/api-docs/datasets):
// the `papers` rows (corpusid, externalids, title, authors, venue, year,
// publicationdate, ...) carry no abstract; the `abstracts` rows (corpusid,
// abstract, openaccessinfo) carry it. Each dataset is a set of gzipped JSON
// Lines shards, tens of GB in all, neither sorted by corpusid, so neither side
// can be held in memory to join the other against.
//
// A Grace hash join, so memory stays bounded whatever the input size:
//  1. both sides are streamed once and written, slimmed to the fields a paper
//     needs, into K partition files on disk by corpusid mod K (broken rows are
//     reported at once, by file and line);
//  2. per partition, its abstracts are held in a Map and its papers streamed
//     past it, in input order.
// Memory: one partition's abstracts, about (abstract bytes / K). K is chosen
// from the input sizes (gzip counted as 4x) so that is near `partitionBytes`
// (default 64 MB), with at most MAX_PARTITIONS partitions (beyond ~256 GB of
// abstracts a partition grows past the target). Disk: the slimmed rows of both
// sides, under the temp folder (TMPDIR, or `tmpDir`), removed when reading ends.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isProblem, openInput, splitLines } from './input-bytes.js';
import { paperFromJson } from './json-records.js';
import { jsonLineValues } from './readers.js';
import type { SourceRecord } from './records.js';
import type { ValidateOptions } from './validate.js';

export interface S2DatasetOptions {
  /** Files of the `papers` dataset, or folders holding them (every file in it, by name). */
  papers: string[];
  /** Files of the `abstracts` dataset, or folders holding them. */
  abstracts: string[];
  /** Where partition files go (default: the OS temp folder). */
  tmpDir?: string;
  /** Target bytes of abstracts held in memory at once (default 64 MB). */
  partitionBytes?: number;
  validation?: ValidateOptions;
  /** Filled in as the join runs: how it was partitioned and the most abstracts held at once. */
  stats?: S2JoinStats;
}

export interface S2JoinStats {
  partitions: number;
  maxAbstractsHeld: number;
}

const DEFAULT_PARTITION_BYTES = 64 * 2 ** 20;
const MAX_PARTITIONS = 4096;
/** All partitions' write buffers together stay under this. */
const WRITE_BUFFER_BUDGET = 32 * 2 ** 20;
const GZIP_RATIO = 4;

// The paper fields fromSemanticScholar reads; the rest (citation counts, fields of study) is not kept on disk.
const PAPER_FIELDS = ['corpusid', 'externalids', 'title', 'authors', 'venue', 'journal', 'publicationvenue', 'year', 'publicationdate', 'url'];

type Json = Record<string, unknown>;

/** A folder stands for the files in it (not hidden ones), in name order, so shards are read in a stable order. */
export function datasetFiles(paths: string[]): string[] {
  return paths.flatMap((p) => {
    if (!fs.statSync(p, { throwIfNoEntry: false })?.isDirectory()) return [p];
    return fs
      .readdirSync(p, { withFileTypes: true })
      .filter((e) => e.isFile() && !e.name.startsWith('.'))
      .map((e) => path.join(p, e.name))
      .sort();
  });
}

function isGzip(file: string): boolean {
  const fd = fs.openSync(file, 'r');
  try {
    const magic = Buffer.alloc(2);
    return fs.readSync(fd, magic, 0, 2, 0) === 2 && magic[0] === 0x1f && magic[1] === 0x8b;
  } finally {
    fs.closeSync(fd);
  }
}

/** Uncompressed bytes of the files, estimated (a missing file counts 0: reading it reports it). */
function estimatedBytes(files: string[]): number {
  return files.reduce((sum, f) => {
    const st = fs.statSync(f, { throwIfNoEntry: false });
    return st?.isFile() ? sum + st.size * (isGzip(f) ? GZIP_RATIO : 1) : sum;
  }, 0);
}

export function partitionCount(abstractBytes: number, partitionBytes = DEFAULT_PARTITION_BYTES): number {
  return Math.min(MAX_PARTITIONS, Math.max(1, Math.ceil(abstractBytes / partitionBytes)));
}

/** corpusid as a whole number (S2 writes it as a number; a string of digits is accepted). */
function corpusId(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0) return v;
  if (typeof v === 'string' && /^\d{1,15}$/.test(v.trim())) return Number(v.trim());
  return undefined;
}

/** Lines appended to K files, buffered so the total buffer stays bounded; files are opened per flush (no fd per partition). */
class PartitionFiles {
  private readonly buffers: string[][];
  private readonly sizes: number[];
  private readonly limit: number;
  constructor(
    private readonly dir: string,
    private readonly side: string,
    k: number,
  ) {
    this.buffers = Array.from({ length: k }, () => []);
    this.sizes = new Array<number>(k).fill(0);
    this.limit = Math.max(4096, Math.min(256 * 1024, Math.floor(WRITE_BUFFER_BUDGET / k)));
  }
  file(i: number) {
    return path.join(this.dir, `${this.side}-${i}.jsonl`);
  }
  append(i: number, line: string) {
    this.buffers[i]!.push(line);
    this.sizes[i]! += line.length + 1;
    if (this.sizes[i]! >= this.limit) this.flush(i);
  }
  private flush(i: number) {
    if (this.buffers[i]!.length === 0) return;
    fs.appendFileSync(this.file(i), `${this.buffers[i]!.join('\n')}\n`);
    this.buffers[i] = [];
    this.sizes[i] = 0;
  }
  close() {
    for (let i = 0; i < this.buffers.length; i++) this.flush(i);
  }
}

/**
 * Streams one side's files into partitions: each good row as
 * `[corpusid, location, fields]`; each broken row yielded as an error record.
 */
async function* partitionSide(
  files: string[],
  out: PartitionFiles,
  k: number,
  slim: (row: Json) => { fields: unknown } | { error: string },
): AsyncGenerator<SourceRecord> {
  for (const file of files) {
    const name = path.basename(file);
    // A missing or unreadable file ends its lines with one error record (see openInput).
    const input = await openInput(file);
    for await (const item of jsonLineValues(name, splitLines(input.chunks))) {
      const { location } = item;
      if ('error' in item) {
        yield item;
        continue;
      }
      const row = item.value;
      if (!row || typeof row !== 'object' || Array.isArray(row)) {
        yield { location, error: 'record is not a JSON object' };
        continue;
      }
      const id = corpusId((row as Json).corpusid);
      if (id === undefined) {
        yield { location, error: 'corpusid is missing or not a whole number (the datasets join papers and abstracts by it)' };
        continue;
      }
      const s = slim(row as Json);
      if ('error' in s) {
        yield { location, error: `corpus id ${id}: ${s.error}` };
        continue;
      }
      out.append(id % k, JSON.stringify([id, location, s.fields]));
    }
  }
  out.close();
}

function slimPaper(row: Json): { fields: Json } {
  const fields: Json = {};
  for (const key of PAPER_FIELDS) if (key in row) fields[key] = row[key];
  return { fields };
}

function slimAbstract(row: Json): { fields: string } | { error: string } {
  const text = row.abstract;
  if (typeof text !== 'string' || !text.trim()) return { error: `abstract is ${text == null ? 'missing' : typeof text !== 'string' ? 'not a string' : 'empty'}` };
  return { fields: text };
}

/** The rows of one partition file, in the order they were written (none if no row fell in it). */
async function* partitionRows(file: string): AsyncGenerator<[number, string, unknown]> {
  if (!fs.existsSync(file)) return;
  const input = await openInput(file);
  for await (const line of splitLines(input.chunks, Number.MAX_SAFE_INTEGER)) {
    if (isProblem(line)) throw new Error(`partition file ${file}: ${line.error}`);
    if (line) yield JSON.parse(line) as [number, string, unknown];
  }
}

/**
 * The joined papers: each `papers` row with its abstract, validated like any
 * Semantic Scholar record and located at its line in the papers file. Papers
 * with no abstract are reported (errors); abstracts with no paper are left
 * out and reported as skipped (a download of only some `papers` shards has many).
 */
export async function* readS2Datasets(opts: S2DatasetOptions): AsyncGenerator<SourceRecord> {
  const paperFiles = datasetFiles(opts.papers);
  const abstractFiles = datasetFiles(opts.abstracts);
  const k = partitionCount(estimatedBytes(abstractFiles), opts.partitionBytes);
  const stats = opts.stats ?? { partitions: 0, maxAbstractsHeld: 0 };
  stats.partitions = k;
  const dir = fs.mkdtempSync(path.join(opts.tmpDir ?? os.tmpdir(), 'papergraph-s2-join-'));
  try {
    const abstracts = new PartitionFiles(dir, 'abstracts', k);
    const papers = new PartitionFiles(dir, 'papers', k);
    yield* partitionSide(abstractFiles, abstracts, k, slimAbstract);
    yield* partitionSide(paperFiles, papers, k, slimPaper);
    for (let i = 0; i < k; i++) {
      const held = new Map<number, { location: string; abstract: string; used: boolean }>();
      for await (const [id, location, abstract] of partitionRows(abstracts.file(i))) {
        const first = held.get(id);
        if (first) yield { location, error: `corpus id ${id}: a second abstract (the first is at ${first.location}); this one is not used` };
        else held.set(id, { location, abstract: abstract as string, used: false });
      }
      stats.maxAbstractsHeld = Math.max(stats.maxAbstractsHeld, held.size);
      for await (const [id, location, fields] of partitionRows(papers.file(i))) {
        const found = held.get(id);
        if (!found) {
          yield { location, error: `Semantic Scholar paper corpus ${id}: no abstract in the abstracts dataset` };
          continue;
        }
        found.used = true;
        const checked = paperFromJson({ ...(fields as Json), abstract: found.abstract }, opts.validation);
        yield { location, ...checked };
      }
      for (const [id, a] of held) if (!a.used) yield { location: a.location, skipped: `abstract of corpus id ${id}: no paper with that corpus id in the papers dataset` };
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
