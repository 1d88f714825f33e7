// The stored papers `papergraph reextract` gives the current extractor again.
import type { Database } from './database.js';

/** A stored paper's own fields, as re-extraction reads them back. */
export interface PaperToReextract {
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
export async function* papersToReextract(db: Database, opts: { version: string; all: boolean; pageSize?: number }): AsyncGenerator<PaperToReextract> {
  let after: string | null = null;
  for (;;) {
    const rows: { paper: PaperToReextract }[] = await db.read('ingest/papers-to-reextract', { after, version: opts.version, all: opts.all, limit: opts.pageSize ?? 1000 });
    if (rows.length === 0) return;
    for (const r of rows) yield r.paper;
    after = rows.at(-1)!.paper.id;
  }
}
