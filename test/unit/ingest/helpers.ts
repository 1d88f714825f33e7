// Shared by the ingest unit tests: fixtures, temp files, collecting records.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SourceRecord } from '../../../src/ingest/records.js';

export const fixture = (name: string) => fileURLToPath(new URL(`../../fixtures/ingest/${name}`, import.meta.url));

export async function collect<T = SourceRecord>(gen: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const r of gen) out.push(r);
  return out;
}

/** A fresh temp folder per call; the OS cleans /tmp, tests need not. */
export function tempFile(name: string, content: string | Uint8Array): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'papergraph-ingest-'));
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

/** Bytes in chunks of the given size, to cross every boundary a stream may cut at. */
export async function* chunked(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}
