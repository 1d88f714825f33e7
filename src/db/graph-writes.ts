import { AUTHOR_ID_KINDS, resolveAuthors, type StoredAuthor } from './author-identity.js';
import type { Database, Row } from './database.js';
import type { GraphBatch, PaperEntityRow, PaperPeopleRow } from './graph-batch.js';
import { timedRun, type StatementTimes } from './statement-times.js';

function groupByPaper(links: PaperEntityRow[], elementIds: Map<string, string>) {
  const byPaper = new Map<string, PaperEntityRow[]>();
  for (const l of links) {
    const rows = byPaper.get(l.paper) ?? [];
    rows.push({ ...l, entity: elementIds.get(l.entity) ?? l.entity });
    byPaper.set(l.paper, rows);
  }
  return [...byPaper].map(([paper, rows]) => ({ paper, links: rows }));
}

type Run = (name: string, params: Record<string, unknown>) => Promise<Row[]>;

/** The batch's authors as Author node uids (ids first, then names: see author-identity.ts), with the ids to add. */
async function resolvePeople(run: Run, people: PaperPeopleRow[]) {
  const authors = people.flatMap((p) => p.authors);
  const ids = Object.fromEntries(
    AUTHOR_ID_KINDS.map((k) => [k.property, [...new Set(authors.flatMap((a) => a.ids.filter((id) => id.startsWith(k.prefix)).map((id) => id.slice(k.prefix.length))))]]),
  );
  const rows = authors.length ? await run('ingest/author-candidates', { keys: [...new Set(authors.map((a) => a.key))], ...ids }) : [];
  const stored: StoredAuthor[] = rows.map((r) => ({
    uid: r.uid as string,
    key: r.key as string,
    ids: Object.fromEntries(AUTHOR_ID_KINDS.flatMap((k) => (r[k.property] == null ? [] : [[k.property, r[k.property] as string]]))),
  }));
  return resolveAuthors(people, stored).map((p) => ({
    ...p,
    authors: p.authors.map(({ add, ...a }) => ({ ...a, orcid: add.orcid ?? null, openalexId: add.openalexId ?? null, s2Id: add.s2Id ?? null })),
  }));
}

export interface StoredVersion {
  contentHash: string | null;
  extractorVersion: string | null;
}

/** What the graph holds about a paper another record may be a copy of (see read of ingest/paper-identities). */
export interface StoredPaper extends StoredVersion {
  /** The stored paper's id. */
  paper: string;
  /** Matched by the incoming record's own id (an update), not by an identity key (another source's copy). */
  sameId: boolean;
  /** Own ids of the records merged into it (null for papers stored before merging existed). */
  recordIds: string[] | null;
  fields: Record<string, unknown>;
}

/** For each incoming paper (its id and identity keys), the stored paper it is, if any; keyed by the incoming id. */
export async function storedPapers(db: Database, rows: { id: string; keys: string[] }[]): Promise<Map<string, StoredPaper>> {
  const found = await db.read('ingest/paper-identities', { rows });
  return new Map(
    found.map((r) => {
      const { id, paper, sameId, recordIds, contentHash, extractorVersion, ...fields } = r as Record<string, unknown>;
      return [id as string, { paper: paper as string, sameId: sameId as boolean, recordIds: (recordIds as string[] | null) ?? null, contentHash: contentHash as string | null, extractorVersion: extractorVersion as string | null, fields }];
    }),
  );
}

/**
 * Writes a batch in one transaction: papers, then their entities and links,
 * replacing whatever an earlier extraction linked to these papers. A failure
 * rolls the whole batch back, so no paper is ever half-written.
 */
export async function writeBatch(db: Database, batch: GraphBatch, times?: StatementTimes): Promise<void> {
  if (batch.papers.length === 0) return;
  await db.write(async (untimed) => {
    const run = timedRun(untimed, times);
    const ids = batch.papers.map((p) => p.id);
    await run('ingest/upsert-papers', { papers: batch.papers });
    if (batch.paperKeys.length) await run('ingest/upsert-paper-keys', { keys: batch.paperKeys });
    await run('ingest/link-paper-people', { papers: await resolvePeople(run, batch.people) });
    // Co-occurrence and monthly counts follow the links: these papers' old pairs
    // and months out before their links go, the new ones in once they are
    // written and counted.
    await run('ingest/cooccurrence-retract', { ids });
    await run('ingest/period-counts-change', { ids, sign: -1 });
    const [detached] = await run('ingest/detach-paper-entities', { ids });
    const upserted = await run('ingest/upsert-entities', { entities: batch.entities });
    const elementIds = new Map(upserted.map((r) => [r.id as string, r.elementId as string]));
    await run('ingest/link-variants', { links: batch.variantLinks });
    await run('ingest/link-paper-entities', { papers: groupByPaper(batch.paperLinks, elementIds) });
    const previous = (detached?.entityIds as string[] | undefined) ?? [];
    const touched = new Set([...previous, ...batch.entities.map((e) => e.id)]);
    // Variants first, then their families: a family may become an orphan only
    // once its last variant is gone.
    const families = new Set([
      ...((detached?.familyIds as string[] | undefined) ?? []),
      ...batch.variantLinks.map((l) => l.family),
    ]);
    // In id order, as upsert-entities locks them: concurrent writers (an API
    // ingest beside the CLI) then wait for a hub entity instead of deadlocking on it.
    await run('ingest/refresh-entity-counts', { ids: [...touched].filter((id) => !families.has(id)).sort() });
    await run('ingest/refresh-entity-counts', { ids: [...families].sort() });
    await run('ingest/cooccurrence-add', { ids });
    await run('ingest/period-counts-change', { ids, sign: 1 });
    // After counts (orphans are gone): an entity that lost links has its first
    // paper recomputed; one that only gained links can only move it earlier.
    await run('ingest/refresh-entity-first-seen', { ids: previous });
    await run('ingest/advance-entity-first-seen', { ids, recomputed: previous });
  });
}

/** Full-text indexes catch up after commit; this returns once they have. */
export async function awaitSearchIndexes(db: Database): Promise<void> {
  await db.read('read/await-fulltext');
}
