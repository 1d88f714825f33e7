// The byte level under every reader: open a file or standard input, undo
// gzip, and cut lines without trusting the input. readline is not used because
// it buffers a whole line before handing it over (a 50 MB line would be held in
// memory) and silently turns invalid UTF-8 into U+FFFD.
import fs from 'node:fs';
import { pipeline, Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';

/** Longest line (one JSON Lines record, one plain-format line) read at all. */
export const MAX_LINE_BYTES = 1024 * 1024;

/** A line that could not be read as text; `fatal` when nothing after it can be read either. */
export interface LineProblem {
  error: string;
  fatal?: boolean;
}
export type Line = string | LineProblem;

export const isProblem = (line: Line): line is LineProblem => typeof line !== 'string';

/**
 * The input's bytes, gunzipped when they start with the gzip magic number
 * (so `-` and misnamed files work too, not only `*.gz`). Also returns the
 * first decompressed bytes, which is all format sniffing needs.
 */
export async function openInput(file: string, stdin: Readable = process.stdin): Promise<{ head: Buffer; chunks: AsyncIterable<Buffer> }> {
  const raw: Readable = file === '-' ? stdin : fs.createReadStream(file);
  const first = await peek(raw);
  if (first.head.length >= 2 && first.head[0] === 0x1f && first.head[1] === 0x8b) {
    const gunzipped = pipeline(Readable.from(first.chunks), createGunzip(), () => {
      // Errors reach the consumer through the gunzip stream's iterator.
    });
    return peek(gunzipped);
  }
  return first;
}

/** Reads up to 512 bytes ahead and hands back a stream that still starts at byte 0. */
async function peek(stream: AsyncIterable<Buffer | string>): Promise<{ head: Buffer; chunks: AsyncIterable<Buffer> }> {
  const it = stream[Symbol.asyncIterator]();
  const seen: Buffer[] = [];
  let size = 0;
  let done = false;
  let failure: unknown;
  try {
    while (size < 512) {
      const r = await it.next();
      if (r.done) {
        done = true;
        break;
      }
      const b = Buffer.isBuffer(r.value) ? r.value : Buffer.from(r.value);
      seen.push(b);
      size += b.length;
    }
  } catch (err) {
    // Reported by the consumer after the bytes that did arrive, like any read error.
    failure = err;
  }
  async function* chunks(): AsyncGenerator<Buffer> {
    try {
      yield* seen;
      if (failure) throw failure;
      if (done) return;
      for (let r = await it.next(); !r.done; r = await it.next()) yield Buffer.isBuffer(r.value) ? r.value : Buffer.from(r.value);
    } finally {
      // A consumer that stops early (or a failure) must still close the file.
      await it.return?.();
    }
  }
  return { head: Buffer.concat(seen).subarray(0, 512), chunks: chunks() };
}

/** A read failure in words a user can act on. */
export function describeReadError(err: unknown): string {
  const e = err as { code?: string; message?: string };
  if (e.code === 'Z_BUF_ERROR' || /unexpected end of file/i.test(e.message ?? '')) return 'truncated gzip: unexpected end of file';
  if (e.code?.startsWith('Z_')) return `corrupt gzip: ${e.message}`;
  return `cannot read: ${e.message ?? String(err)}`;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Splits bytes into lines (LF or CRLF). A line longer than `maxBytes` is
 * counted but not kept, and comes out as a problem; a line that is not valid
 * UTF-8 comes out as a problem (rejected, not repaired: a guessed repair would
 * store text the author never wrote). A read error ends the lines with a fatal
 * problem; the unfinished line before it is dropped, never half-used.
 */
export async function* splitLines(chunks: AsyncIterable<Uint8Array>, maxBytes = MAX_LINE_BYTES): AsyncGenerator<Line> {
  let parts: Uint8Array[] = [];
  let size = 0;
  let oversized = false;
  const finish = (): Line => {
    const line = oversized ? tooLarge(size, maxBytes) : decodeLine(parts.length === 1 ? parts[0]! : Buffer.concat(parts));
    parts = [];
    size = 0;
    oversized = false;
    return line;
  };
  try {
    for await (const chunk of chunks) {
      let start = 0;
      while (start <= chunk.length) {
        const nl = chunk.indexOf(0x0a, start);
        const end = nl === -1 ? chunk.length : nl;
        if (end > start) {
          if (!oversized && size + (end - start) > maxBytes) {
            oversized = true;
            parts = [];
          }
          if (!oversized) parts.push(chunk.subarray(start, end));
          size += end - start;
        }
        if (nl === -1) break;
        yield finish();
        start = nl + 1;
      }
    }
  } catch (err) {
    yield { error: describeReadError(err), fatal: true };
    return;
  }
  if (size > 0 || oversized) yield finish();
}

function tooLarge(size: number, max: number): LineProblem {
  const mb = (n: number) => `${(n / (1024 * 1024)).toFixed(1)} MB`;
  return { error: `record too large: the line is ${mb(size)}, over the ${mb(max)} limit; skipped without parsing` };
}

function decodeLine(bytes: Uint8Array): Line {
  const end = bytes.length > 0 && bytes[bytes.length - 1] === 0x0d ? bytes.length - 1 : bytes.length;
  const body = bytes.subarray(0, end);
  try {
    return utf8.decode(body);
  } catch {
    // Only now pay for a lenient decode, to say where the bad bytes are.
    const column = new TextDecoder('utf-8').decode(body).indexOf('\ufffd') + 1;
    return { error: `invalid UTF-8 at character ${column}; the line is rejected (re-encode the file as UTF-8)` };
  }
}
