// Feeds bytes to a SAX parser and hands on the records its callbacks made
// ready, for the XML readers (Atom, OAI-PMH). Bytes are decoded leniently here
// (a chunk may end inside a character); the readers reject U+FFFD themselves.
import type sax from 'sax';
import { describeReadError } from './input-bytes.js';

export async function* feedSax<T>(
  parser: sax.SAXParser,
  chunks: AsyncIterable<Uint8Array | string>,
  ready: T[],
  stopped: () => boolean,
  fail: (reason: string) => void,
): AsyncGenerator<T> {
  const decoder = new TextDecoder('utf-8');
  try {
    for await (const chunk of chunks) {
      parser.write(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
      yield* ready.splice(0);
      if (stopped()) return;
    }
    parser.write(decoder.decode());
    parser.close();
  } catch (err) {
    // A read failure (truncated gzip, unreadable file): the unfinished record is dropped, never half-used.
    fail(describeReadError(err));
  }
  yield* ready.splice(0);
}
