// BibTeX (.bib) files, parsed by @retorquere/bibtex-parser (the parser behind
// Better BibTeX for Zotero: it knows name lists, @string macros, month names and
// LaTeX-to-Unicode, which a hand-written parser would get wrong). It parses a
// whole text, so the file is cut into entries first (each starts with `@` at the
// start of a line) and each is parsed alone: memory holds one entry, and every
// entry is reported by its line and key.
import { parse } from '@retorquere/bibtex-parser';
import { isProblem, MAX_LINE_BYTES, type Line } from './input-bytes.js';
import { recordLocation, type SourceRecord } from './records.js';
import { validatePaper } from './validate.js';

const ENTRY_START = /^\s*@\s*([a-zA-Z]+)\s*[{(]/;
const NOT_PAPERS = new Set(['comment', 'preamble', 'string']);

interface Chunk {
  line: number;
  type: string;
  text: string[];
  size: number;
  problem?: string;
}

export async function* readBibtex(name: string, lines: AsyncIterable<Line>): AsyncGenerator<SourceRecord> {
  // @string macros apply to the entries after them.
  const strings: Record<string, string> = {};
  let chunk: Chunk | undefined;
  let lineNo = 0;
  for await (const line of lines) {
    lineNo++;
    if (isProblem(line)) {
      if (line.fatal) {
        yield { location: recordLocation(name, chunk?.line ?? lineNo), error: `${line.error}${lineNo > 1 ? '; the rest of the input is not read' : ''}` };
        return;
      }
      if (chunk) chunk.problem ??= `line ${lineNo}: ${line.error}`;
      continue;
    }
    const start = ENTRY_START.exec(line);
    if (start) {
      if (chunk) yield* entryRecords(name, chunk, strings);
      chunk = { line: lineNo, type: start[1]!.toLowerCase(), text: [], size: 0 };
    }
    if (!chunk) continue; // Text before the first entry is a comment in BibTeX.
    chunk.size += line.length + 1;
    if (chunk.size > MAX_LINE_BYTES) chunk.problem ??= `record too large: the entry runs over ${MAX_LINE_BYTES} characters`;
    else chunk.text.push(line);
  }
  if (chunk) yield* entryRecords(name, chunk, strings);
}

// Fields whose plain values (no \ { } $ % < > ~ `, no '' or --) the parser returns
// as written, whitespace collapsed; author lists (names to split) and month
// (month names) always go through it.
const PLAIN_FIELDS = ['abstract', 'title', 'year', 'date', 'eprint', 'archiveprefix', 'eprinttype', 'doi', 'url', 'journal', 'journaltitle', 'booktitle'];
const fieldLine = (field: string) => new RegExp(`^[ \\t]*${field}[ \\t]*=[ \\t]*\\{([^{}\\\\$%<>~\`]*)\\}[ \\t]*,?[ \\t]*$`, 'im');
const FIELD_LINES = PLAIN_FIELDS.map((f) => [f, fieldLine(f)] as const);

/**
 * The parser runs a full LaTeX parse over every field (profiled: ~60% of
 * reading a .bib went there), and the abstract is most of an entry. Field
 * lines as exporters write them (`  title = {...},` on lines of their own)
 * whose values TeX would not change are taken out of the entry and kept as
 * written, whitespace collapsed: what the parser returns for them (the tests
 * check this against the parser); anything else goes through the parser.
 */
function takePlainFields(text: string): { text: string; fields: Record<string, string> } {
  const fields: Record<string, string> = {};
  for (const [field, re] of FIELD_LINES) {
    const m = re.exec(text);
    if (!m || !m[1]!.trim() || m[1]!.includes("''") || m[1]!.includes('--')) continue;
    text = text.slice(0, m.index) + text.slice(m.index + m[0].length);
    fields[field] = m[1]!.replace(/\s+/g, ' ').trim();
  }
  return { text, fields };
}

/** Off only to check the shortcut against the parser. */
export const bibtexOptions = { plainFieldShortcut: true };

function* entryRecords(name: string, chunk: Chunk, strings: Record<string, string>): Generator<SourceRecord> {
  const location = recordLocation(name, chunk.line);
  if (chunk.type === 'string') {
    const lib = parse(chunk.text.join('\n'), { strings });
    Object.assign(strings, lib.strings);
    return;
  }
  if (NOT_PAPERS.has(chunk.type)) return;
  const keyGuess = /[{(]\s*([^,\s]+)\s*,/.exec(chunk.text[0] ?? '')?.[1];
  const label = `entry @${chunk.type}{${keyGuess ?? '?'}}`;
  if (chunk.problem) {
    yield { location, error: `${label}: ${chunk.problem}` };
    return;
  }
  const { text: bibtex, fields: plain } = bibtexOptions.plainFieldShortcut ? takePlainFields(chunk.text.join('\n')) : { text: chunk.text.join('\n'), fields: {} };
  // Titles as written: sentence-casing is for citation styles, not for a graph.
  const lib = parse(bibtex, { strings, sentenceCase: false, caseProtection: false });
  if (lib.errors.length > 0) {
    yield { location, error: `${label}: ${lib.errors[0]!.error}` };
    return;
  }
  const entry = lib.entries[0];
  if (!entry) {
    yield { location, error: `${label}: not a BibTeX entry` };
    return;
  }
  const f = entry.fields as Record<string, unknown>;
  for (const [field, value] of Object.entries(plain)) f[field] ??= value;
  const text = (k: string) => (typeof f[k] === 'string' ? (f[k] as string) : Array.isArray(f[k]) ? (f[k] as string[]).join(', ') : undefined);
  const authors = Array.isArray(f.author)
    ? (f.author as { firstName?: string; lastName?: string; name?: string }[]).map((a) => a.name ?? [a.firstName, a.lastName].filter(Boolean).join(' ')).filter(Boolean)
    : undefined;
  const eprint = text('eprint');
  const isArxiv = /arxiv/i.test(text('archiveprefix') ?? text('eprinttype') ?? '') || /^\d{4}\.\d{4,5}(v\d+)?$/.test(eprint ?? '');
  const year = text('year');
  const month = text('month');
  const published = text('date') ?? (year && /^\d{4}$/.test(year) ? (month && /^\d{1,2}$/.test(month) ? `${year}-${month.padStart(2, '0')}` : year) : year);
  if (f.abstract === undefined) {
    yield { location, error: `${label}: abstract is missing (the entry has no abstract field; export with abstracts, or add one)` };
    return;
  }
  const checked = validatePaper({
    title: text('title'),
    abstract: text('abstract'),
    authors,
    published,
    doi: text('doi'),
    arxiv_id: isArxiv ? eprint : undefined,
    url: text('url'),
    venue: text('journal') ?? text('journaltitle') ?? text('booktitle'),
  });
  yield 'paper' in checked ? { location, ...checked } : { location, error: `entry @${entry.type}{${entry.key}}: ${checked.error}` };
}
