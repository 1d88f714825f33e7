// The arXiv API's response format (an Atom feed, one <entry> per paper), read
// with a streaming SAX parser: only the entry being read is held, so memory
// stays flat however many entries a file has.
import sax from 'sax';
import { MAX_LINE_BYTES } from './input-bytes.js';
import { feedSax } from './sax-feed.js';
import { recordLocation, type SourceRecord } from './records.js';
import { bareArxivId, validatePaper } from './validate.js';

/** Most text one entry may carry (all fields together), like the JSON Lines line cap. */
const MAX_ENTRY_CHARS = MAX_LINE_BYTES;
/** Deeper nesting than any Atom feed has; bounds the element stack on hostile input. */
const MAX_DEPTH = 64;

type Field = 'id' | 'title' | 'summary' | 'published';
const FIELDS = new Set<string>(['id', 'title', 'summary', 'published']);

interface Draft {
  n: number;
  line: number;
  /** Undefined until the element is seen, so a missing title differs from an empty one. */
  text: Partial<Record<Field, string>>;
  authors: string[];
  author?: string;
  alternate?: string;
  size: number;
}

/**
 * Reads an arXiv API Atom feed. Each entry becomes a paper (id and arxivId =
 * the arXiv id without version), located by the line its <entry> starts on.
 * Malformed XML ends the reading with one error naming the entry; the
 * entries before it stay good. The bytes may come in any chunking.
 */
export async function* readArxivAtom(name: string, chunks: AsyncIterable<Uint8Array | string>): AsyncGenerator<SourceRecord> {
  const parser = sax.parser(true, { position: true });
  const stack: string[] = [];
  const ready: SourceRecord[] = [];
  let entries = 0;
  let entry: Draft | undefined;
  let stopped = false;

  // The one error that ends the feed: the rest of the input cannot be trusted.
  const fail = (reason: string) => {
    if (stopped) return;
    stopped = true;
    const where = entry ? `in entry ${entry.n}` : entries > 0 ? `after entry ${entries}` : 'before the first entry';
    ready.push({ location: recordLocation(name, entry?.line ?? parser.line + 1), error: `${reason} ${where}; the rest of the feed is not read` });
  };

  parser.onerror = (err) => fail(`malformed XML (${err.message.split('\n')[0]} at line ${parser.line + 1}, column ${parser.column + 1})`);
  parser.onopentag = (tag) => {
    if (stopped) return;
    stack.push(tag.name);
    if (stack.length > MAX_DEPTH) return fail(`XML nested deeper than ${MAX_DEPTH} elements`);
    if (stack.length === 1 && tag.name !== 'feed') return fail(`not an Atom feed: the root element is <${tag.name}>`);
    if (stack.length === 2 && tag.name === 'entry') {
      entry = { n: ++entries, line: parser.line + 1, text: {}, authors: [], size: 0 };
    } else if (entry && stack.length === 3 && FIELDS.has(tag.name)) {
      entry.text[tag.name as Field] ??= '';
    } else if (entry && stack.length === 3 && tag.name === 'author') {
      entry.author = '';
    } else if (entry && stack.length === 3 && tag.name === 'link') {
      const attrs = tag.attributes as Record<string, string>;
      if (attrs.rel === 'alternate' && attrs.href) entry.alternate = attrs.href;
    }
  };
  const onText = (t: string) => {
    if (stopped || !entry) return;
    entry.size += t.length;
    if (entry.size > MAX_ENTRY_CHARS) return; // Counted, not kept: reported when the entry closes.
    const top = stack[stack.length - 1]!;
    if (stack.length === 3 && FIELDS.has(top)) entry.text[top as Field] += t;
    else if (stack.length === 4 && top === 'name' && stack[2] === 'author' && entry.author !== undefined) entry.author += t;
  };
  parser.ontext = onText;
  parser.oncdata = onText;
  parser.onclosetag = (tagName) => {
    if (stopped) return;
    stack.pop();
    if (!entry) return;
    if (tagName === 'author' && stack.length === 2) {
      if (entry.author?.trim()) entry.authors.push(entry.author);
      entry.author = undefined;
    } else if (tagName === 'entry' && stack.length === 1) {
      ready.push(toRecord(name, entry));
      entry = undefined;
    }
  };

  yield* feedSax(parser, chunks, ready, () => stopped, fail);
}

function toRecord(name: string, e: Draft): SourceRecord {
  const location = recordLocation(name, e.line);
  const bad = (reason: string): SourceRecord => ({ location, error: `entry ${e.n}: ${reason}` });
  if (e.size > MAX_ENTRY_CHARS) return bad(`record too large: over ${MAX_ENTRY_CHARS} characters of text; skipped`);
  // The API reports a bad query as an entry whose id points at its error list.
  const { id: rawId = '', title, summary, published } = e.text;
  if (/arxiv\.org\/api\/errors/.test(rawId)) return bad(`arXiv API error: ${summary?.trim()}`);
  // The lenient decoder turned invalid UTF-8 into U+FFFD: reject rather than store guessed text.
  if ([title, summary, ...e.authors].some((s) => s?.includes('\ufffd'))) return bad('invalid UTF-8 in the title, abstract or authors');
  const id = rawId.trim() ? bareArxivId(rawId) : undefined;
  const checked = validatePaper({
    id,
    arxiv_id: id,
    title,
    abstract: summary,
    published: published?.trim() || undefined,
    authors: e.authors,
    url: e.alternate ?? (rawId.trim() || undefined),
  });
  return 'paper' in checked ? { location, ...checked } : bad(checked.error);
}
