// One JSON document (not JSON Lines) read as a stream of its records: a
// top-level array (a CSL-JSON library, a Semantic Scholar batch answer), an API
// page holding its records in `results` (OpenAlex) or `data` (Semantic Scholar)
// beside small metadata, or one record. stream-json tokenizes the text as it
// arrives and each record is assembled on its own, so memory holds one record,
// however long the document.
import { none, isMany, getManyValues } from 'stream-chain/defs.js';
import { Assembler } from 'stream-json/assembler.js';
import { jsonParser, type Token } from 'stream-json/core/parser.js';
import { describeReadError, MAX_LINE_BYTES } from './input-bytes.js';

/** Keys under which API pages keep their records. */
export const RECORD_ARRAYS = new Set(['results', 'data']);

export type DocumentItem = { where: string; value: unknown } | { where: string; error: string; fatal?: boolean };

/**
 * Yields each record with where it stands (`results[3]`, `[0]`, or `document`
 * for a lone record); a record bigger than MAX_LINE_BYTES as an error, skipped;
 * malformed JSON or a read failure as a fatal error after the records before it.
 */
export async function* readJsonDocument(chunks: AsyncIterable<Uint8Array>, maxRecordChars = MAX_LINE_BYTES): AsyncGenerator<DocumentItem> {
  const tokenize = jsonParser({ streamValues: false });
  const decoder = new TextDecoder('utf-8', { fatal: true });
  // Where the walk is: depth 0 = before the document; the top container's kind; the array being streamed.
  let depth = 0;
  let top: 'array' | 'object' | undefined;
  let streamKey: string | undefined;
  let pendingKey: string | undefined;
  let index = 0;
  let item: { asm: Assembler; size: number; tooBig: boolean } | undefined;
  // The top-level object's other members (API page metadata, or a lone record's fields).
  let rest: Assembler | undefined;
  let sawRecordArray = false;
  let count = 0;
  let stopped = false;
  const out: DocumentItem[] = [];

  const where = () => (top === 'array' ? `[${index}]` : `${streamKey}[${index}]`);

  const onToken = (t: Token) => {
    if (stopped) return;
    const opens = t.name === 'startObject' || t.name === 'startArray';
    const closes = t.name === 'endObject' || t.name === 'endArray';
    if (item) {
      // Inside one record: assemble it, or only count it once it is too big.
      item.size += 'value' in t && typeof t.value === 'string' ? t.value.length + 4 : 4;
      if (!item.tooBig && item.size > maxRecordChars) item.tooBig = true;
      if (!item.tooBig) item.asm.consume(t);
      if (opens) depth++;
      if (closes) depth--;
      const recordDepth = top === 'array' ? 1 : 2;
      if (depth === recordDepth) {
        out.push(item.tooBig ? { where: where(), error: `record too large: over ${maxRecordChars} characters; skipped` } : { where: where(), value: item.asm.current });
        count++;
        index++;
        item = undefined;
      }
      return;
    }
    if (depth === 0) {
      if (t.name === 'startArray') top = 'array';
      else if (t.name === 'startObject') {
        top = 'object';
        rest = new Assembler();
        rest.consume(t);
      } else {
        out.push({ where: 'document', error: 'the JSON document is not an object or an array of records', fatal: true });
        stopped = true;
      }
      depth++;
      return;
    }
    if (top === 'array' && depth === 1) {
      if (closes) {
        depth--;
        return;
      }
      startItem(t);
      return;
    }
    // top === 'object'
    if (depth === 1 && t.name === 'keyValue') {
      pendingKey = t.value;
      return;
    }
    if (depth === 1 && pendingKey !== undefined && RECORD_ARRAYS.has(pendingKey) && t.name === 'startArray' && !streamKey) {
      streamKey = pendingKey;
      sawRecordArray = true;
      index = 0;
      pendingKey = undefined;
      depth++;
      return;
    }
    if (depth === 2 && streamKey) {
      if (t.name === 'endArray') {
        streamKey = undefined;
        depth--;
        return;
      }
      startItem(t);
      return;
    }
    // Any other member: part of the page's metadata or of a lone record.
    if (depth === 1 && pendingKey !== undefined) {
      rest!.consume({ name: 'keyValue', value: pendingKey });
      pendingKey = undefined;
    }
    rest!.consume(t);
    if (opens) depth++;
    if (closes) depth--;
    if (depth === 0 && !sawRecordArray) {
      out.push({ where: 'document', value: rest!.current });
      count++;
    }
  };

  const startItem = (t: Token) => {
    item = { asm: new Assembler(), size: 0, tooBig: false };
    // A scalar record is complete in one token.
    if (t.name !== 'startObject' && t.name !== 'startArray') {
      item.asm.consume(t);
      out.push({ where: where(), value: item.asm.current });
      count++;
      index++;
      item = undefined;
      return;
    }
    depth++;
    item.asm.consume(t);
    item.size = 1;
  };

  const feed = (tokens: ReturnType<typeof tokenize>) => {
    if (tokens === none) return;
    for (const t of isMany(tokens) ? getManyValues(tokens) : [tokens as Token]) onToken(t);
  };

  const fail = (reason: string): DocumentItem => ({
    where: item ? where() : count > 0 ? `after record ${count}` : 'document',
    error: `${reason}; the rest of the document is not read`,
    fatal: true,
  });

  /** Tokenizes text (undefined: the end of input); a syntax error comes back as the reason. */
  const parse = (text?: string): string | undefined => {
    try {
      feed(tokenize(text === undefined ? (none as never) : text));
      return undefined;
    } catch (err) {
      return `malformed JSON: ${(err as Error).message}`;
    }
  };

  try {
    for await (const chunk of chunks) {
      let text: string;
      try {
        text = decoder.decode(chunk, { stream: true });
      } catch {
        yield fail('invalid UTF-8 (re-encode the file as UTF-8)');
        return;
      }
      const bad = parse(text);
      yield* out.splice(0);
      if (bad) return yield fail(bad);
      if (stopped) return;
    }
    let bad: string | undefined;
    try {
      bad = parse(decoder.decode()) ?? parse();
    } catch {
      bad = 'invalid UTF-8 at the end (re-encode the file as UTF-8)';
    }
    yield* out.splice(0);
    if (bad) return yield fail(bad);
    if (stopped) return;
    if (depth !== 0 || top === undefined) yield fail('the JSON document ends early');
  } catch (err) {
    yield* out.splice(0);
    yield fail(describeReadError(err));
  }
}
