// Links written before evidence was stored as offsets (src/db/evidence.ts)
// carry copies of each mention's text and sentence. This migration rewrites
// them in bounded transactions (a page of papers each), remembering the last
// committed page, so a large graph migrates in steps and an interrupted run
// resumes where it stopped.
import type { Database, Row } from './database.js';
import { encodeEvidence, EvidenceMismatchError, type MentionInput, type PaperText } from './evidence.js';

const DONE = 'code:evidence-offsets-1';
const PROGRESS = 'code:evidence-offsets-1-progress';
const PAGE = 1000;

interface LegacyLink {
  link: string;
  texts: string[] | null;
  sentences: string[] | null;
  starts: number[] | null;
  ends: number[] | null;
  fields: string[] | null;
}

/** One link's offsets; a mention that does not sit in the paper's text is left out and reported. */
function offsetsOf(paperId: string, paper: PaperText, l: LegacyLink, warn: (line: string) => void): number[] {
  const out: number[] = [];
  (l.texts ?? []).forEach((text, i) => {
    const mention: MentionInput = {
      text,
      sentence: l.sentences?.[i] ?? '',
      field: (l.fields?.[i] ?? 'abstract') as MentionInput['field'],
      start: l.starts?.[i] ?? 0,
      end: l.ends?.[i] ?? 0,
    };
    try {
      out.push(...encodeEvidence(paperId, paper, [mention]));
    } catch (err) {
      if (!(err instanceof EvidenceMismatchError)) throw err;
      warn(`papergraph: evidence dropped in migration: ${err.message}`);
    }
  });
  return out;
}

export interface EvidenceMigrationOptions {
  warn?: (line: string) => void;
  /** Papers per transaction. */
  pageSize?: number;
  /** Stop after this many pages (the next call resumes): lets a caller spread the work. */
  maxPages?: number;
}

/** Rewrites every link still holding copied evidence; returns how many links changed (0 once done). */
export async function migrateEvidenceToOffsets(db: Database, opts: EvidenceMigrationOptions = {}): Promise<number> {
  const warn = opts.warn ?? console.warn;
  const pageSize = opts.pageSize ?? PAGE;
  const [done] = await db.read('schema/backfill-done', { name: DONE });
  if (done?.done) return 0;
  const [progress] = await db.read('schema/backfill-progress', { name: PROGRESS });
  let after = (progress?.after as string | null) ?? '';
  let migrated = 0;
  for (let pages = 0; ; pages++) {
    if (opts.maxPages !== undefined && pages >= opts.maxPages) return migrated;
    const { page, links } = await db.write(async (run) => {
      const papers = await run('schema/legacy-evidence-page', { after, limit: pageSize });
      if (papers.length === 0) return { page: papers, links: 0 };
      const rows = papers.flatMap((p: Row) =>
        (p.links as LegacyLink[]).map((l) => ({ link: l.link, evidence: offsetsOf(p.id as string, { title: String(p.title ?? ''), abstract: String(p.abstract ?? '') }, l, warn) })),
      );
      await run('schema/store-evidence-offsets', { links: rows, progress: PROGRESS, after: papers.at(-1)!.id });
      return { page: papers, links: rows.length };
    });
    migrated += links;
    if (page.length < pageSize) break;
    after = page.at(-1)!.id as string;
  }
  await db.write((run) => run('schema/record-backfill', { name: DONE }));
  return migrated;
}
