import type { Database } from './database.js';

export interface StoredPaper {
  id: string;
  title: string;
  abstract: string;
  url: string | null;
  authors: string[] | null;
  arxivId: string | null;
  published: string | null;
}

/**
 * Streams the stored papers (all, or those another extractor version made),
 * a page at a time in id order, so memory stays flat however large the graph.
 */
export async function* storedPapers(db: Database, opts: { version: string; all: boolean; pageSize?: number }): AsyncGenerator<StoredPaper> {
  let after: string | null = null;
  for (;;) {
    const rows = await db.read('ingest/papers-to-reextract', { after, version: opts.version, all: opts.all, limit: opts.pageSize ?? 1000 });
    if (rows.length === 0) return;
    for (const r of rows) yield r.paper as StoredPaper;
    after = (rows.at(-1)!.paper as StoredPaper).id;
  }
}
