// Pure: turns papers and their extractions into the rows of one write batch.
import { encodeEvidence, EVIDENCE_STRIDE } from '../db/evidence.js';
import type { EntityRow, GraphBatch, PaperEntityRow, PaperPeopleRow } from '../db/graph-batch.js';
import { normalizeKey } from '../extract/normalize.js';
import type { EntityType, PaperExtraction } from '../extract/types.js';
import { contentHash } from './paper-id.js';
import { identityKeys } from './paper-identity.js';
import type { PaperInput } from './records.js';

/** Evidence kept per relationship: enough to show, bounded in size. */
const MAX_EVIDENCE = 10;

export interface PreparedPaper {
  id: string;
  input: PaperInput;
  /** Null keeps the source already stored on the paper. */
  source: string | null;
  /** Own ids of the records merged into this paper; default: its id. */
  recordIds?: string[];
  extraction: PaperExtraction;
}

export const entityId = (type: EntityType | string, key: string) => `${type}:${key}`;
const label = (type: string) => type.charAt(0).toUpperCase() + type.slice(1);

// Neo4j properties cannot hold lists of lists: a paper keeps each author's ids as one space-separated string.
const authorIdsForStore = (ids: string[][] | undefined) => (ids ?? []).map((x) => x.join(' '));
export const storedAuthorIds = (stored: string[]) => stored.map((x) => (x ? x.split(' ') : []));

/** Authors (with the ids sources gave) and venue as rows; a name with no letters or digits is no one. */
function peopleOf(id: string, input: PaperInput): PaperPeopleRow {
  const seen = new Set<string>();
  const authors = (input.authors ?? []).flatMap((name, position) => {
    const key = normalizeKey(name);
    if (!key || seen.has(key)) return [];
    seen.add(key);
    return [{ key, name, position, ids: input.authorIds?.[position] ?? [] }];
  });
  const venueKey = input.venue ? normalizeKey(input.venue) : '';
  return { id, authors, venue: venueKey ? { key: venueKey, name: input.venue! } : null };
}

export function toGraphBatch(papers: PreparedPaper[], extractorVersion: string): GraphBatch {
  const entities = new Map<string, EntityRow>();
  const variantLinks = new Map<string, { variant: string; family: string }>();
  const paperLinks = new Map<string, PaperEntityRow>();

  const addEntity = (type: EntityType, name: string, aliases: string[]): string | undefined => {
    const key = normalizeKey(name);
    if (!key) return undefined;
    const id = entityId(type, key);
    const row = entities.get(id) ?? { id, type, label: label(type), key, name, aliases: [], aliasKeys: [key] };
    for (const alias of aliases) {
      const aliasKey = normalizeKey(alias);
      if (!aliasKey) continue;
      if (alias !== row.name && !row.aliases.includes(alias)) row.aliases.push(alias);
      if (!row.aliasKeys.includes(aliasKey)) row.aliasKeys.push(aliasKey);
    }
    entities.set(id, row);
    return id;
  };

  for (const paper of papers) {
    for (const e of paper.extraction.entities) {
      const id = addEntity(e.type, e.name, [...e.aliases, ...e.mentions.map((m) => m.text)]);
      if (!id) continue;
      if (e.family && normalizeKey(e.family) !== normalizeKey(e.name)) {
        const familyId = addEntity(e.type, e.family, []);
        if (familyId) variantLinks.set(`${id}>${familyId}`, { variant: id, family: familyId });
      }
      const linkKey = `${paper.id}>${id}`;
      const existing = paperLinks.get(linkKey);
      // Offsets into the paper's own text (db/evidence.ts): each sentence is stored once, in the abstract.
      const evidence = encodeEvidence(paper.id, paper.input, e.mentions.slice(0, MAX_EVIDENCE));
      if (existing) {
        // Two extracted names with one canonical key: keep the surer role, pool evidence.
        if (e.confidence > existing.confidence) Object.assign(existing, { role: e.role.toUpperCase(), confidence: e.confidence });
        const room = MAX_EVIDENCE * EVIDENCE_STRIDE - existing.evidence.length;
        existing.evidence.push(...evidence.slice(0, Math.max(0, room)));
        continue;
      }
      paperLinks.set(linkKey, { paper: paper.id, entity: id, role: e.role.toUpperCase(), confidence: e.confidence, evidence });
    }
  }

  return {
    people: papers.map(({ id, input }) => peopleOf(id, input)),
    paperKeys: papers.flatMap(({ id, input }) => identityKeys(input).map((key) => ({ key, paper: id }))),
    papers: papers.map(({ id, input, source, recordIds }) => ({
      id,
      title: input.title,
      abstract: input.abstract,
      url: input.url ?? null,
      published: input.published ?? null,
      authors: input.authors ?? [],
      authorIds: authorIdsForStore(input.authorIds),
      arxivId: input.arxivId ?? null,
      doi: input.doi ?? null,
      venue: input.venue ?? null,
      externalIds: input.externalIds ?? [],
      datePrecision: input.datePrecision ?? null,
      recordIds: recordIds ?? [id],
      source,
      contentHash: contentHash(input),
      extractorVersion,
    })),
    // Sorted: the write locks them in this order (see db/graph-writes refresh-entity-counts).
    entities: [...entities.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    variantLinks: [...variantLinks.values()],
    paperLinks: [...paperLinks.values()],
  };
}
