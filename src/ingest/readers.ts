// Sources stream: each yields records one at a time, so memory does not grow
// with the input. Formats: the plain corpus format, JSON Lines and arXiv API
// Atom XML; from a file or standard input ("-"); gzip or not.
import path from 'node:path';
import type { Readable } from 'node:stream';
import { readArxivAtom } from './arxiv-atom.js';
import { isProblem, MAX_LINE_BYTES, openInput, splitLines, type Line } from './input-bytes.js';
import type { SourceRecord } from './records.js';
import { validatePaper, type ValidateOptions } from './validate.js';

export const SOURCE_FORMATS = ['plain', 'jsonl', 'arxiv-atom'] as const;
export type SourceFormat = (typeof SOURCE_FORMATS)[number];

/** The format a file name says (`.jsonl`, `.xml`, `.atom`, also `.gz`), or undefined when it says none. */
function formatFromName(file: string): SourceFormat | undefined {
  const name = file.replace(/\.gz$/i, '').toLowerCase();
  if (/\.(jsonl|ndjson|json)$/.test(name)) return 'jsonl';
  if (/\.(xml|atom)$/.test(name)) return 'arxiv-atom';
  if (/\.(txt|text|md)$/.test(name)) return 'plain';
  return undefined;
}

export function detectFormat(file: string): SourceFormat {
  return formatFromName(file) ?? 'plain';
}

/** The format the first bytes suggest: `{` starts JSON Lines, `<` XML, anything else is plain text. */
export function sniffFormat(head: Uint8Array): SourceFormat {
  const first = Buffer.from(head).toString('utf8').replace(/^\ufeff/, '').trimStart()[0];
  return first === '{' ? 'jsonl' : first === '<' ? 'arxiv-atom' : 'plain';
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
  const chosen = format ?? formatFromName(file) ?? sniffFormat(input.head);
  if (chosen === 'arxiv-atom') return yield* readArxivAtom(name, input.chunks);
  const lines = splitLines(input.chunks);
  yield* chosen === 'jsonl' ? readJsonLines(name, lines, validation) : readPlain(name, lines);
}

/** A read failure after some input was read: say that what follows is missing too. */
const lost = (error: string, lineNo: number) => (lineNo > 1 ? `${error}; the rest of the input is not read` : error);

/** JSON Lines: one object per line; blank lines are skipped. */
export async function* readJsonLines(name: string, lines: AsyncIterable<Line>, validation: ValidateOptions = {}): AsyncGenerator<SourceRecord> {
  let lineNo = 0;
  for await (const line of lines) {
    lineNo++;
    const location = `${name}:${lineNo}`;
    if (isProblem(line)) {
      yield { location, error: line.fatal ? lost(line.error, lineNo) : line.error };
      if (line.fatal) return;
      continue;
    }
    if (!line.trim()) continue;
    const raw = parseJson(line);
    if ('error' in raw) {
      yield { location, error: raw.error };
      continue;
    }
    yield { location, ...validatePaper(raw.value, validation) };
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

/**
 * The plain format: a title line, a blank line, the abstract paragraph, and
 * again. Page chrome is skipped. A title with no abstract is reported. A
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

  function* flush(): Generator<SourceRecord> {
    const text = paragraph.join(' ').trim();
    const at = startLine;
    const bad = problem;
    paragraph = [];
    size = 0;
    problem = undefined;
    if (!bad && (!text || isChrome(text))) return;
    if (!title) {
      title = { text, line: at, problem: bad };
      return;
    }
    const location = `${name}:${title.line}`;
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
      yield { location: `${name}:${from ?? lineNo}`, error: lost(line.error, lineNo) };
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
  if (title) {
    const error = title.problem ?? `title "${title.text.slice(0, 60)}" has no abstract after it`;
    yield { location: `${name}:${title.line}`, error };
  }
}
