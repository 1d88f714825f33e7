// Sources stream: each yields records one at a time, so memory does not grow
// with the input. Formats: the plain corpus format, JSON Lines, a JSON document
// (an API page or an array), arXiv API Atom XML, OAI-PMH XML and BibTeX; JSON
// records are read by their shape (papergraph's own, OpenAlex, Semantic Scholar,
// CSL-JSON: see json-records.ts); from a file or standard input ("-"); gzip or not.
import path from 'node:path';
import type { Readable } from 'node:stream';
import { readArxivAtom } from './arxiv-atom.js';
import { readBibtex } from './bibtex.js';
import { isProblem, MAX_LINE_BYTES, openInput, splitLines, type Line } from './input-bytes.js';
import { readJsonDocument } from './json-document.js';
import { paperFromJson, pageRecords } from './json-records.js';
import { readOaiPmh } from './oai-pmh.js';
import { recordLocation, type SourceRecord } from './records.js';
import { validatePaper, type ValidateOptions } from './validate.js';

export const SOURCE_FORMATS = ['plain', 'jsonl', 'json', 'arxiv-atom', 'oai-pmh', 'bibtex'] as const;
export type SourceFormat = (typeof SOURCE_FORMATS)[number];

/**
 * The format a file name says (also under `.gz`), or undefined when it says
 * none or too little: `.json` may hold JSON Lines (the Kaggle arXiv snapshot)
 * or one document (an API page), `.xml` an Atom feed or an OAI-PMH answer.
 */
function formatFromName(file: string): SourceFormat | undefined {
  const name = file.replace(/\.gz$/i, '').toLowerCase();
  if (/\.(jsonl|ndjson)$/.test(name)) return 'jsonl';
  if (/\.atom$/.test(name)) return 'arxiv-atom';
  if (/\.(bib|bibtex)$/.test(name)) return 'bibtex';
  if (/\.(txt|text|md)$/.test(name)) return 'plain';
  return undefined;
}

/** The format of a file, by its name, else by its first bytes. */
export function detectFormat(file: string, head: Uint8Array = new Uint8Array()): SourceFormat {
  return formatFromName(file) ?? sniffFormat(head);
}

// An API page starts with its metadata or its record list; JSON Lines with a record.
const PAGE_START = /^\{\s*"(meta|results|data|total|offset|next|token|group_by)"\s*:/;

/**
 * The format the first bytes suggest: `[` a JSON document; `{` JSON Lines,
 * unless it starts an API page or a pretty-printed document (a first line that
 * is not a whole object); `<` OAI-PMH or Atom XML; `@` (or `%` comments, then
 * `@`) BibTeX; else plain text.
 */
export function sniffFormat(head: Uint8Array): SourceFormat {
  const text = Buffer.from(head).toString('utf8').replace(/^\ufeff/, '').trimStart();
  switch (text[0]) {
    case '[':
      return 'json';
    case '{': {
      if (PAGE_START.test(text)) return 'json';
      const nl = text.indexOf('\n');
      const firstLine = nl === -1 ? undefined : text.slice(0, nl).trim();
      return firstLine !== undefined && !firstLine.endsWith('}') ? 'json' : 'jsonl';
    }
    case '<':
      return /<(\w+:)?OAI-PMH[\s>]/.test(text) ? 'oai-pmh' : 'arxiv-atom';
    case '@':
      return 'bibtex';
    case '%': // BibTeX exporters start with a comment line
      return /\n\s*@\w+\s*[{(]/.test(text) ? 'bibtex' : 'plain';
    default:
      return 'plain';
  }
}

/**
 * Reads one file, or standard input for "-", in the given format, else the
 * one its name says, else the one its first bytes suggest (which is how "-"
 * works without a format). Gzip is recognised by its magic number. Read
 * failures (missing file, truncated gzip) end the records with one error
 * record; everything read before it is yielded.
 */
export async function* readSource(file: string, format?: SourceFormat, stdin?: Readable, validation: ValidateOptions = {}): AsyncGenerator<SourceRecord> {
  const name = file === '-' ? 'stdin' : path.basename(file);
  const input = await openInput(file, stdin);
  const chosen = format ?? detectFormat(file, input.head);
  if (chosen === 'arxiv-atom') return yield* readArxivAtom(name, input.chunks);
  if (chosen === 'oai-pmh') return yield* readOaiPmh(name, input.chunks);
  if (chosen === 'json') return yield* readJson(name, input.chunks, validation);
  const lines = splitLines(input.chunks);
  if (chosen === 'bibtex') return yield* readBibtex(name, lines);
  yield* chosen === 'jsonl' ? readJsonLines(name, lines, validation) : readPlain(name, lines);
}

/** One JSON document: each record located by its place (`page.json:results[3]`). */
export async function* readJson(name: string, chunks: AsyncIterable<Uint8Array>, validation: ValidateOptions = {}): AsyncGenerator<SourceRecord> {
  for await (const item of readJsonDocument(chunks)) {
    const location = recordLocation(name, item.where);
    if ('error' in item) {
      yield { location, error: item.error, source: name };
      continue;
    }
    const checked = paperFromJson(item.value, validation);
    yield { location, source: name, ...checked };
  }
}

/** A read failure after some input was read: say that what follows is missing too. */
const lost = (error: string, lineNo: number) => (lineNo > 1 ? `${error}; the rest of the input is not read` : error);

/** Each non-blank line's JSON value, or why it has none; a read failure ends the lines (saying what is lost). */
export async function* jsonLineValues(name: string, lines: AsyncIterable<Line>): AsyncGenerator<{ location: string; value: unknown } | { location: string; error: string }> {
  let lineNo = 0;
  for await (const line of lines) {
    lineNo++;
    const location = recordLocation(name, lineNo);
    if (isProblem(line)) {
      yield { location, error: line.fatal ? lost(line.error, lineNo) : line.error };
      if (line.fatal) return;
      continue;
    }
    if (!line.trim()) continue;
    const parsed = parseJson(line);
    yield { location, ...parsed };
  }
}

/** JSON Lines: one object per line; blank lines are skipped. */
export async function* readJsonLines(name: string, lines: AsyncIterable<Line>, validation: ValidateOptions = {}): AsyncGenerator<SourceRecord> {
  for await (const item of jsonLineValues(name, lines)) {
    if ('error' in item) {
      yield item;
      continue;
    }
    const { location } = item;
    // A line may hold a whole API page (OpenAlex `results`, Semantic Scholar `data`): its records, each in turn.
    for (const { where, value } of pageRecords(item.value)) {
      const checked = paperFromJson(value, validation);
      if ('paper' in checked) yield { location, ...checked };
      else yield { location, error: where ? `${where}: ${checked.error}` : checked.error };
    }
  }
}

// Raw control characters make JSON.parse refuse a whole record over one
// invisible byte; they are stripped (tabs and CRs become spaces) and the record
// kept. Only tried after a failure, so clean lines pay nothing.
const RAW_CONTROL = /[\u0000-\u001f\u007f]/g;

function parseJson(line: string): { value: unknown } | { error: string } {
  try {
    return { value: JSON.parse(line) };
  } catch (err) {
    if (/[\u0000-\u001f\u007f]/.test(line)) {
      try {
        return { value: JSON.parse(line.replace(RAW_CONTROL, (c) => (c === '\t' || c === '\r' ? ' ' : ''))) };
      } catch {
        // Malformed for another reason: report the original error.
      }
    }
    return { error: `malformed JSON: ${(err as Error).message}` };
  }
}

// Lines a web page adds around the papers (hf-papers.txt was copied from one).
const CHROME = [
  /^new$/i,
  /^subscribe$/i,
  /^get trending papers in your email inbox!?$/i,
  /^by\s*AK and the research community$/i,
  /^(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{1,2}(, ?\d{4})?$/i,
  /^\d{4}-\d{2}-\d{2}$/,
];

const isChrome = (paragraph: string) => CHROME.some((re) => re.test(paragraph));

// An abstract is long or has several sentences; a title is one short line.
const looksLikeAbstract = (paragraph: string) => paragraph.length > 300 || /[.!?]\s+\p{Lu}/u.test(paragraph);

/**
 * The plain format: a title line, a blank line, the abstract paragraph, and
 * again. Page chrome ("Subscribe", a date line) is left out only where it
 * would break that pairing: a chrome-like paragraph where a title is due is
 * held, and dropped (and reported as skipped) when a title rather than an
 * abstract follows it, or nothing does; followed by an abstract it is the
 * paper's title, as written. A title with no abstract is reported. A
 * paragraph with an unreadable line (invalid UTF-8, too long) still takes its
 * place as title or abstract, so the pairing after it stays right, and its
 * record is reported instead of read.
 */
export async function* readPlain(name: string, lines: AsyncIterable<Line>): AsyncGenerator<SourceRecord> {
  let paragraph: string[] = [];
  let size = 0;
  let problem: string | undefined;
  let startLine = 0;
  let lineNo = 0;
  let title: { text: string; line: number; problem?: string } | undefined;
  // A chrome-like paragraph where a title is due, until the next one says what it is.
  let held: { text: string; line: number } | undefined;
  const skip = (h: { text: string; line: number }): SourceRecord => ({ location: recordLocation(name, h.line), skipped: `page chrome "${h.text.slice(0, 60)}"` });

  function* flush(): Generator<SourceRecord> {
    const text = paragraph.join(' ').trim();
    const at = startLine;
    const bad = problem;
    paragraph = [];
    size = 0;
    problem = undefined;
    if (!bad && !text) return;
    if (held) {
      if (!bad && !isChrome(text) && looksLikeAbstract(text)) {
        title = held; // it was the title after all
      } else yield skip(held);
      held = undefined;
    }
    if (!title) {
      if (!bad && isChrome(text)) held = { text, line: at };
      else title = { text, line: at, problem: bad };
      return;
    }
    const location = recordLocation(name, title.line);
    const why = title.problem ?? bad;
    const checked = why ? { error: why } : validatePaper({ title: title.text, abstract: text });
    title = undefined;
    yield { location, ...checked };
  }

  for await (const line of lines) {
    lineNo++;
    if (isProblem(line) && line.fatal) {
      // What was being read may be cut short: drop it rather than store half a record.
      const from = title?.line ?? (paragraph.length > 0 || problem ? startLine : undefined);
      yield { location: recordLocation(name, from ?? lineNo), error: lost(line.error, lineNo) };
      return;
    }
    if (!isProblem(line) && line.trim() === '') {
      yield* flush();
      continue;
    }
    if (paragraph.length === 0 && !problem) startLine = lineNo;
    if (isProblem(line)) problem ??= `line ${lineNo}: ${line.error}`;
    else if (!problem) {
      size += line.length;
      // Many lines without a blank one are as big a record as one huge line.
      if (size > MAX_LINE_BYTES) problem = `record too large: the paragraph from line ${startLine} runs over ${MAX_LINE_BYTES} characters`;
      else paragraph.push(line.trim());
    }
  }
  yield* flush();
  if (held) yield skip(held);
  if (title) {
    const error = title.problem ?? `title "${title.text.slice(0, 60)}" has no abstract after it`;
    yield { location: recordLocation(name, title.line), error };
  }
}
