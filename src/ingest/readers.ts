// Sources stream: each yields records one at a time, so memory does not grow
// with the input. Formats: the plain corpus format and JSON Lines, gzip or not.
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import type { SourceRecord } from './records.js';
import { validatePaper } from './validate.js';

export type SourceFormat = 'plain' | 'jsonl';

export function detectFormat(file: string): SourceFormat {
  const name = file.replace(/\.gz$/, '').toLowerCase();
  return name.endsWith('.jsonl') || name.endsWith('.ndjson') || name.endsWith('.json') ? 'jsonl' : 'plain';
}

function openLines(file: string): AsyncIterable<string> {
  let stream: Readable = file === '-' ? process.stdin : fs.createReadStream(file);
  if (file.endsWith('.gz')) stream = stream.pipe(createGunzip());
  return readline.createInterface({ input: stream, crlfDelay: Infinity });
}

/** Reads one file (or "-" for standard input) in the given or detected format. */
export async function* readSource(file: string, format: SourceFormat = detectFormat(file)): AsyncGenerator<SourceRecord> {
  const name = file === '-' ? 'stdin' : path.basename(file);
  const lines = openLines(file);
  try {
    yield* format === 'jsonl' ? readJsonLines(name, lines) : readPlain(name, lines);
  } catch (err) {
    // A truncated gzip or unreadable file: what was read stays good, the rest is reported.
    yield { location: `${name}`, error: `cannot read further: ${(err as Error).message}` };
  }
}

export async function* readJsonLines(name: string, lines: AsyncIterable<string>): AsyncGenerator<SourceRecord> {
  let lineNo = 0;
  for await (const line of lines) {
    lineNo++;
    if (!line.trim()) continue;
    const location = `${name}:${lineNo}`;
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch (err) {
      yield { location, error: `malformed JSON: ${(err as Error).message}` };
      continue;
    }
    const checked = validatePaper(raw);
    yield 'paper' in checked ? { location, paper: checked.paper } : { location, error: checked.error };
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
 * again. Page chrome is skipped. A title with no abstract is reported.
 */
export async function* readPlain(name: string, lines: AsyncIterable<string>): AsyncGenerator<SourceRecord> {
  let paragraph: string[] = [];
  let startLine = 0;
  let lineNo = 0;
  let title: { text: string; line: number } | undefined;

  function* flush(): Generator<SourceRecord> {
    const text = paragraph.join(' ').trim();
    const at = startLine;
    paragraph = [];
    if (!text || isChrome(text)) return;
    if (!title) {
      title = { text, line: at };
      return;
    }
    const checked = validatePaper({ title: title.text, abstract: text });
    const location = `${name}:${title.line}`;
    title = undefined;
    yield 'paper' in checked ? { location, paper: checked.paper } : { location, error: checked.error };
  }

  for await (const line of lines) {
    lineNo++;
    if (line.trim() === '') {
      yield* flush();
    } else {
      if (paragraph.length === 0) startLine = lineNo;
      paragraph.push(line.trim());
    }
  }
  yield* flush();
  if (title) yield { location: `${name}:${title.line}`, error: `title "${title.text.slice(0, 60)}" has no abstract after it` };
}
