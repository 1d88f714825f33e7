// `papergraph reextract`: runs the current extractor over papers already in the
// graph, through the same pipeline as ingest, so old links are replaced and
// orphaned entities removed exactly as when a paper's text changes.
import { papersToReextract } from '../db/papers-to-reextract.js';
import type { Database } from '../db/database.js';
import { recordLocation, type SourceRecord } from './records.js';
import { ingest, type IngestSettings } from './pipeline.js';

export async function reextract(db: Database, opts: Omit<IngestSettings, 'force'> & { all?: boolean }) {
  const version = 'version' in opts.extractor ? opts.extractor.version : '';
  async function* source(): AsyncGenerator<SourceRecord> {
    for await (const p of papersToReextract(db, { version, all: opts.all ?? false })) {
      yield {
        location: recordLocation('graph', p.id),
        source: null,
        paper: {
          id: p.id,
          title: p.title,
          abstract: p.abstract,
          ...(p.url ? { url: p.url } : {}),
          ...(p.published ? { published: p.published } : {}),
          ...(p.authors?.length ? { authors: p.authors } : {}),
          ...(p.arxivId ? { arxivId: p.arxivId } : {}),
        },
      };
    }
  }
  return ingest(source(), { ...opts, db, force: opts.all ?? false });
}
