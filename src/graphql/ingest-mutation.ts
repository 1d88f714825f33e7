import { ingest } from '../ingest/pipeline.js';
import { recordLocation, type SourceRecord } from '../ingest/records.js';
import { paperId } from '../ingest/paper-id.js';
import { validatePaper } from '../ingest/validate.js';
import type { GraphQLContext } from './context.js';
import { badInput, forbidden, unauthenticated } from './errors.js';
import type { MutationIngestPapersArgs } from './generated/resolvers-types.js';

export const MAX_INGEST_PAPERS = 100;

/** Mutation.ingestPapers: the same pipeline as `papergraph ingest`, per-record errors. */
export async function ingestPapers(_parent: unknown, { papers }: MutationIngestPapersArgs, ctx: GraphQLContext) {
  if (!ctx.config.PAPERGRAPH_API_KEY) throw forbidden('this server is read-only: set PAPERGRAPH_API_KEY to enable ingestPapers');
  if (!ctx.authorized) throw unauthenticated('ingestPapers needs the header Authorization: Bearer <PAPERGRAPH_API_KEY>');
  if (papers.length > MAX_INGEST_PAPERS) throw badInput(`ingestPapers takes at most ${MAX_INGEST_PAPERS} papers per call (got ${papers.length})`);

  const records: SourceRecord[] = papers.map((raw, index) => {
    const checked = validatePaper(raw);
    return { location: recordLocation('api', index), ...checked };
  });
  // A rejection names its record by location: look the input index up, never parse it back out.
  const indexAt = new Map(records.map((r, i) => [r.location, i]));
  async function* source() {
    yield* records;
  }
  const summary = await ingest(source(), { db: ctx.db, extractor: ctx.extractor, batchSize: MAX_INGEST_PAPERS });
  const rejectedAt = new Map(summary.rejections.flatMap((r) => (indexAt.has(r.location) ? [[indexAt.get(r.location)!, r.reason] as const] : [])));
  return {
    ingested: summary.ingested,
    updated: summary.updated,
    unchanged: summary.unchanged,
    sanitized: summary.sanitized,
    errors: [...rejectedAt].sort(([a], [b]) => a - b).map(([index, message]) => ({ index, message })),
    ids: records.map((r, i) => (r.paper && !rejectedAt.has(i) ? paperId(r.paper) : null)),
  };
}
