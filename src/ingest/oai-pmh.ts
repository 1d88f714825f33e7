// OAI-PMH ListRecords answers (https://www.openarchives.org/OAI/openarchivesprotocol.html),
// as arXiv's OAI interface serves them in its three metadata formats: `arXiv`
// (authors split into keyname/forenames), `arXivRaw` (every version's date,
// authors as one string) and `oai_dc` (Dublin Core). Read with a streaming SAX
// parser like the Atom reader: one record is held at a time. The page's
// resumption token (for `harvest`) is handed back through `page`.
import sax from 'sax';
import { MAX_LINE_BYTES } from './input-bytes.js';
import { feedSax } from './sax-feed.js';
import { recordLocation, type SourceRecord } from './records.js';
import { bareArxivId, validatePaper } from './validate.js';

const MAX_DEPTH = 64;

export interface OaiPage {
  /** The token that asks for the next page; undefined on the last page. */
  resumptionToken?: string;
  completeListSize?: number;
  /** An OAI error element (`badResumptionToken`, `noRecordsMatch`, ...). */
  error?: { code: string; message: string };
  records: number;
}

interface Draft {
  n: number;
  line: number;
  deleted: boolean;
  identifier?: string;
  format?: string;
  fields: Map<string, string[]>;
  authors: string[];
  author?: { keyname?: string; forenames?: string };
  size: number;
}

const local = (tag: string) => tag.slice(tag.indexOf(':') + 1);

export async function* readOaiPmh(name: string, chunks: AsyncIterable<Uint8Array | string>, page: OaiPage = { records: 0 }): AsyncGenerator<SourceRecord> {
  const parser = sax.parser(true, { position: true });
  const stack: { name: string; text: string }[] = [];
  const ready: SourceRecord[] = [];
  let record: Draft | undefined;
  let stopped = false;

  const fail = (reason: string) => {
    if (stopped) return;
    stopped = true;
    const where = record ? `in record ${record.n}` : page.records > 0 ? `after record ${page.records}` : 'before the first record';
    ready.push({ location: recordLocation(name, record?.line ?? parser.line + 1), error: `${reason} ${where}; the rest of the answer is not read` });
  };

  parser.onerror = (err) => fail(`malformed XML (${err.message.split('\n')[0]} at line ${parser.line + 1}, column ${parser.column + 1})`);
  parser.onopentag = (tag) => {
    if (stopped) return;
    const tagName = local(tag.name);
    stack.push({ name: tagName, text: '' });
    if (stack.length > MAX_DEPTH) return fail(`XML nested deeper than ${MAX_DEPTH} elements`);
    if (stack.length === 1 && tagName !== 'OAI-PMH') return fail(`not an OAI-PMH answer: the root element is <${tag.name}>`);
    const attrs = tag.attributes as Record<string, string>;
    if (tagName === 'record' && stack.length === 3) {
      record = { n: ++page.records, line: parser.line + 1, deleted: false, fields: new Map(), authors: [], size: 0 };
    } else if (record && tagName === 'header' && attrs.status === 'deleted') {
      record.deleted = true;
    } else if (record && stack.length === 5 && stack[3]!.name === 'metadata') {
      record.format = tagName;
    } else if (record && tagName === 'author' && record.format === 'arXiv') {
      record.author = {};
    } else if (tagName === 'resumptionToken' && attrs.completeListSize) {
      page.completeListSize = Number(attrs.completeListSize);
    } else if (tagName === 'error' && stack.length === 2) {
      page.error = { code: attrs.code ?? 'unknown', message: '' };
    }
  };
  const onText = (t: string) => {
    if (stopped || stack.length === 0) return;
    if (record) {
      record.size += t.length;
      if (record.size > MAX_LINE_BYTES) return; // Counted, not kept: reported when the record closes.
    }
    stack[stack.length - 1]!.text += t;
  };
  parser.ontext = onText;
  parser.oncdata = onText;
  parser.onclosetag = () => {
    if (stopped) return;
    const el = stack.pop()!;
    const text = el.text.trim();
    if (!record) {
      if (el.name === 'resumptionToken') page.resumptionToken = text || undefined;
      else if (el.name === 'error' && page.error) page.error.message = text;
      return;
    }
    if (el.name === 'record' && stack.length === 2) {
      ready.push(toRecord(name, record));
      record = undefined;
      return;
    }
    const parent = stack[stack.length - 1]?.name;
    if (parent === 'header' && el.name === 'identifier') record.identifier = text;
    else if (record.author && (el.name === 'keyname' || el.name === 'forenames')) record.author[el.name] = text;
    else if (record.author && el.name === 'author') {
      const full = [record.author.forenames, record.author.keyname].filter(Boolean).join(' ');
      if (full) record.authors.push(full);
      record.author = undefined;
    } else if (stack.length >= 5 && text) {
      const key = el.name === 'date' && parent === 'version' ? 'version-date' : el.name;
      const list = record.fields.get(key) ?? [];
      list.push(el.text);
      record.fields.set(key, list);
    }
  };

  yield* feedSax(parser, chunks, ready, () => stopped, fail);
  // No records for the dates asked is an empty answer, not a failure.
  if (page.error && page.error.code !== 'noRecordsMatch') {
    yield { location: recordLocation(name, 1), error: `the OAI-PMH interface answered ${page.error.code}: ${page.error.message}` };
  }
}

/** `Mon, 2 Apr 2007 19:18:42 GMT` (arXivRaw's version dates) or an ISO date, as YYYY-MM-DD. */
function isoDate(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  if (/^\d{4}-\d{2}-\d{2}/.test(raw.trim())) return raw.trim().slice(0, 10);
  const d = new Date(raw);
  return Number.isNaN(d.getTime()) ? raw : d.toISOString().slice(0, 10);
}

function toRecord(name: string, r: Draft): SourceRecord {
  const location = recordLocation(name, r.line);
  const label = `record ${r.n}${r.identifier ? ` (${r.identifier})` : ''}`;
  const bad = (reason: string): SourceRecord => ({ location, error: `${label}: ${reason}` });
  if (r.deleted) return bad('deleted at the source (header status="deleted"); nothing to store');
  if (r.size > MAX_LINE_BYTES) return bad(`record too large: over ${MAX_LINE_BYTES} characters of text; skipped`);
  // The lenient decoder turned invalid UTF-8 into U+FFFD: reject rather than store guessed text.
  if ([...r.fields.values()].flat().concat(r.authors).some((s) => s.includes('\ufffd'))) return bad('invalid UTF-8 in the record; re-encode the answer as UTF-8');
  const f = (k: string) => r.fields.get(k)?.[0];
  const all = (k: string) => r.fields.get(k) ?? [];
  const fromIdentifier = r.identifier?.replace(/^oai:arXiv\.org:/i, '');
  let fields: Record<string, unknown>;
  if (r.format === 'arXiv' || r.format === 'arXivRaw') {
    const id = f('id') ?? fromIdentifier;
    fields = {
      arxiv_id: id,
      title: f('title'),
      abstract: f('abstract'),
      // arXiv: <created> is the first version's date; arXivRaw: each <version> has one, the first is v1.
      published: isoDate(f('created') ?? f('version-date')),
      authors: r.format === 'arXiv' ? r.authors : f('authors')?.replace(/\s+/g, ' ').split(/\s*,\s*|\s+and\s+/),
      doi: f('doi')?.split(/\s+/)[0],
      venue: f('journal-ref'),
      url: id ? `https://arxiv.org/abs/${bareArxivId(id)}` : undefined,
    };
  } else if (r.format === 'dc') {
    const ids = all('identifier');
    const abs = ids.find((i) => /arxiv\.org\/abs\//i.test(i));
    // arXiv's Dublin Core: the abstract is the first description; later ones are "Comment: ..." notes.
    fields = {
      arxiv_id: abs ?? (fromIdentifier && /^oai:arXiv/i.test(r.identifier ?? '') ? fromIdentifier : undefined),
      title: f('title'),
      abstract: all('description').find((d) => !/^\s*Comment:/i.test(d)),
      published: isoDate(f('date')),
      authors: all('creator').map((c) => c.replace(/^([^,]+),\s*(.+)$/, '$2 $1')),
      doi: ids.find((i) => /^(doi:|https?:\/\/(dx\.)?doi\.org\/)/i.test(i.trim())),
      url: abs?.trim(),
    };
  } else {
    return bad(r.format ? `metadata format <${r.format}> is not read (use metadataPrefix arXiv, arXivRaw or oai_dc)` : 'no metadata');
  }
  const arxiv = typeof fields.arxiv_id === 'string' ? bareArxivId(fields.arxiv_id) : undefined;
  const checked = validatePaper({ id: arxiv, ...fields });
  return 'paper' in checked ? { location, ...checked } : bad(checked.error);
}
