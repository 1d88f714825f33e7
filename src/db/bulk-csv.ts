// A bulk first load's graph store: the same write batches the transactional
// ingest sends to Neo4j (ingest/to-graph.ts), written instead as the CSV files
// of `neo4j-admin database import full` (header file + data file per node
// label and relationship type). What the Cypher of a batch decides by reading
// the graph (MERGE of entities, aliases, authors, venues, keys) is decided here
// by reading what earlier batches wrote, the same way:
//  - entities (ingest/upsert-entities): the first name seen is kept, aliases and
//    alias keys accumulate in the order met; written once, at the end;
//  - authors (ingest/link-paper-people, db/author-identity.ts): resolved against
//    the authors written so far; first name kept, ids added when missing;
//  - venues: one per key, first name kept; paper keys: the first paper claims a key.
// Derived data (entity paper counts, first-seen, co-occurrence, empty lists the
// CSV format cannot hold) is not computed here: the migrations that build it on
// any graph build it on this one (db/migrate.ts), so it comes from one place.
//
// Memory: rows stream to disk as batches arrive; what stays is what dedupe needs:
// every entity with its aliases (to merge them and write them at the end), every
// author with its ids and every venue (same reason), and the set of paper keys,
// variant links and alias keys met. At 1M generated papers: 333k entities.
import fs from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';
import { AUTHOR_ID_KINDS, prefixedIds, resolveAuthors, type StoredAuthor } from './author-identity.js';
import { LINK_ROLES, type EntityRow, type GraphBatch } from './graph-batch.js';
import type { StoredPaper } from './graph-writes.js';

/** Separates list elements (and labels) in a field: a control character no text field keeps. */
export const ARRAY_DELIMITER = '\u001f';

type Column = { name: string; type?: 'date' | 'datetime' | 'double' | 'long[]' | 'string[]' | 'ID' | 'START_ID' | 'END_ID' | 'TYPE' | 'LABEL'; space?: string };
type Value = string | number | null | undefined | readonly (string | number)[];

/** One node label or relationship type: its header file and data file. */
interface CsvFile {
  kind: 'nodes' | 'relationships';
  /** The label or type given on the command line (empty when the rows carry it in a :TYPE column). */
  name: string;
  header: string;
  data: string;
}

/** A field as the import tool reads it: null is an empty field (no property); strings quoted, quotes doubled. */
function field(v: Value, what: string): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) {
    // An empty list cannot be told from a missing one in CSV (migrations write the empty lists).
    if (v.length === 0) return '';
    const items = v.map((x) => String(x));
    if (items.some((x) => x.includes(ARRAY_DELIMITER))) throw new Error(`${what}: a list element holds the control character U+001F`);
    return quote(items.join(ARRAY_DELIMITER));
  }
  return quote(v as string);
}
const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;

class CsvWriter {
  readonly file: CsvFile;
  private readonly out: fs.WriteStream;
  constructor(dir: string, kind: CsvFile['kind'], name: string, base: string, columns: Column[]) {
    this.file = { kind, name, header: path.join(dir, `${base}.header.csv`), data: path.join(dir, `${base}.csv`) };
    const header = columns.map((c) => (c.type ? `${c.name}:${c.type}${c.space ? `(${c.space})` : ''}` : c.name)).join(',');
    fs.writeFileSync(this.file.header, `${header}\n`);
    this.out = fs.createWriteStream(this.file.data);
  }
  /** Resolves once the stream takes more: rows never pile up in memory. */
  async write(lines: string): Promise<void> {
    if (!lines) return;
    if (!this.out.write(lines)) await once(this.out, 'drain');
  }
  close(): Promise<void> {
    return new Promise((resolve, reject) => this.out.end((err?: Error | null) => (err ? reject(err) : resolve())));
  }
}

const row = (values: Value[], what: string) => `${values.map((v) => field(v, what)).join(',')}\n`;

/** An entity as the batches so far made it (lists, not sets: most entities have a few aliases, and 333k sets would double their memory). */
type EntityNode = Omit<EntityRow, 'id'>;

export interface BulkFiles {
  dir: string;
  files: CsvFile[];
  counts: { papers: number; entities: number; links: number; authors: number; venues: number; aliases: number };
}

/** The GraphStore of a bulk load (see ingest/pipeline.ts): every paper is new, and batches become CSV rows. */
export class BulkCsvStore {
  private readonly papers: CsvWriter;
  private readonly links: CsvWriter;
  private readonly paperKeys: CsvWriter;
  private readonly variants: CsvWriter;
  private readonly authored: CsvWriter;
  private readonly publishedIn: CsvWriter;
  private readonly entities = new Map<string, EntityNode>();
  private readonly authors = new Map<string, StoredAuthor & { name: string }>();
  private readonly authorsByKey = new Map<string, string[]>();
  private readonly authorsById = new Map<string, string>();
  private readonly venues = new Map<string, string>();
  private readonly keysSeen = new Set<string>();
  private readonly variantsSeen = new Set<string>();
  private readonly ingestedAt: string;
  private paperCount = 0;
  private linkCount = 0;

  constructor(readonly dir: string, loadedAt = new Date()) {
    fs.mkdirSync(dir, { recursive: true });
    this.ingestedAt = loadedAt.toISOString();
    this.papers = new CsvWriter(dir, 'nodes', 'Paper', 'papers', [
      { name: 'id', type: 'ID', space: 'Paper' }, { name: 'title' }, { name: 'titleSort' }, { name: 'abstract' }, { name: 'url' },
      { name: 'published', type: 'date' }, { name: 'authors', type: 'string[]' }, { name: 'authorIds', type: 'string[]' },
      { name: 'arxivId' }, { name: 'doi' }, { name: 'venue' }, { name: 'externalIds', type: 'string[]' }, { name: 'datePrecision' },
      { name: 'recordIds', type: 'string[]' }, { name: 'source' }, { name: 'contentHash' }, { name: 'extractorVersion' },
      { name: 'ingestedAt', type: 'datetime' },
    ]);
    this.links = new CsvWriter(dir, 'relationships', '', 'links', [
      { name: '', type: 'START_ID', space: 'Paper' }, { name: '', type: 'END_ID', space: 'Entity' }, { name: '', type: 'TYPE' },
      { name: 'eid' }, { name: 'published', type: 'date' }, { name: 'confidence', type: 'double' }, { name: 'evidence', type: 'long[]' },
    ]);
    this.paperKeys = new CsvWriter(dir, 'nodes', 'PaperKey', 'paper-keys', [{ name: 'key', type: 'ID', space: 'PaperKey' }, { name: 'paper' }]);
    this.variants = new CsvWriter(dir, 'relationships', 'VARIANT_OF', 'variant-of', [{ name: '', type: 'START_ID', space: 'Entity' }, { name: '', type: 'END_ID', space: 'Entity' }]);
    this.authored = new CsvWriter(dir, 'relationships', 'AUTHORED_BY', 'authored-by', [
      { name: '', type: 'START_ID', space: 'Paper' }, { name: '', type: 'END_ID', space: 'Author' }, { name: 'position', type: 'double' },
    ]);
    this.publishedIn = new CsvWriter(dir, 'relationships', 'PUBLISHED_IN', 'published-in', [{ name: '', type: 'START_ID', space: 'Paper' }, { name: '', type: 'END_ID', space: 'Venue' }]);
  }

  /** A first load: nothing is stored yet (the command refuses a graph that holds papers). */
  async storedPapers(): Promise<Map<string, StoredPaper>> {
    return new Map();
  }

  async finish(): Promise<void> {}

  async writeBatch(batch: GraphBatch): Promise<void> {
    // Every row is made before any is written: a paper the CSV cannot hold rejects its batch whole.
    const published = new Map(batch.papers.map((p) => [p.id, p.published]));
    const paperRows = batch.papers
      .map((p) =>
        row([
          p.id, p.title, p.title.toLowerCase(), p.abstract, p.url, p.published, p.authors, p.authorIds, p.arxivId, p.doi, p.venue,
          p.externalIds, p.datePrecision, p.recordIds, p.source, p.contentHash, p.extractorVersion, this.ingestedAt,
        ], `paper "${p.id}"`),
      )
      .join('');
    for (const l of batch.paperLinks) {
      if (!(LINK_ROLES as readonly string[]).includes(l.role)) throw new Error(`paper "${l.paper}": unknown role ${l.role}`);
    }
    const linkRows = batch.paperLinks.map((l) => row([l.paper, l.entity, l.role, l.entity, published.get(l.paper), l.confidence, l.evidence], `paper "${l.paper}"`)).join('');
    const keyRows = batch.paperKeys.filter((k) => !this.keysSeen.has(k.key) && this.keysSeen.add(k.key)).map((k) => row([k.key, k.paper], 'paper key')).join('');
    this.mergeEntities(batch);
    const variantRows = batch.variantLinks
      .filter((v) => {
        const k = `${v.variant}\u0000${v.family}`;
        return !this.variantsSeen.has(k) && this.variantsSeen.add(k);
      })
      .map((v) => row([v.variant, v.family], 'variant'))
      .join('');
    const { authored, publishedIn } = this.linkPeople(batch);
    await this.papers.write(paperRows);
    await this.paperKeys.write(keyRows);
    await this.links.write(linkRows);
    await this.variants.write(variantRows);
    await this.authored.write(authored);
    await this.publishedIn.write(publishedIn);
    this.paperCount += batch.papers.length;
    this.linkCount += batch.paperLinks.length;
  }

  /** As ingest/upsert-entities merges a batch's rows into the nodes earlier batches made. */
  private mergeEntities(batch: GraphBatch) {
    for (const r of batch.entities) {
      let e = this.entities.get(r.id);
      if (!e) {
        e = { type: r.type, label: r.label, key: r.key, name: r.name, aliases: [], aliasKeys: [] };
        this.entities.set(r.id, e);
      }
      for (const a of r.aliases) if (a !== e.name && !e.aliases.includes(a)) e.aliases.push(a);
      for (const k of r.aliasKeys) if (!e.aliasKeys.includes(k)) e.aliasKeys.push(k);
    }
  }

  /** As ingest/link-paper-people: authors resolved against those written so far (ids first, then names), venues by key. */
  private linkPeople(batch: GraphBatch) {
    const incoming = batch.people.flatMap((p) => p.authors);
    const candidateUids = new Set<string>();
    for (const a of incoming) {
      for (const uid of this.authorsByKey.get(a.key) ?? []) candidateUids.add(uid);
      for (const id of a.ids) {
        const uid = this.authorsById.get(id);
        if (uid) candidateUids.add(uid);
      }
    }
    const stored = [...candidateUids].map((uid) => {
      const n = this.authors.get(uid)!;
      return { uid, key: n.key, ids: { ...n.ids } };
    });
    let authored = '';
    let publishedIn = '';
    for (const paper of resolveAuthors(batch.people, stored)) {
      for (const a of paper.authors) {
        let node = this.authors.get(a.uid);
        if (!node) {
          node = { uid: a.uid, key: a.key, name: a.name, ids: {} };
          this.authors.set(a.uid, node);
          this.authorsByKey.set(a.key, [...(this.authorsByKey.get(a.key) ?? []), a.uid]);
        }
        for (const k of AUTHOR_ID_KINDS) {
          const value = a.add[k.property];
          if (value === undefined || node.ids[k.property] !== undefined) continue;
          node.ids[k.property] = value;
        }
        for (const id of prefixedIds(node.ids)) this.authorsById.set(id, a.uid);
        authored += row([paper.id, a.uid, a.position], 'author');
      }
      if (paper.venue) {
        if (!this.venues.has(paper.venue.key)) this.venues.set(paper.venue.key, paper.venue.name);
        publishedIn += row([paper.id, paper.venue.key], 'venue');
      }
    }
    return { authored, publishedIn };
  }

  /** Writes the nodes merged over the whole load (entities, aliases, authors, venues), closes every file. */
  async close(): Promise<BulkFiles> {
    const entities = new CsvWriter(this.dir, 'nodes', '', 'entities', [
      { name: 'id', type: 'ID', space: 'Entity' }, { name: 'type' }, { name: 'key' }, { name: 'name' }, { name: 'nameSort' },
      { name: 'aliases', type: 'string[]' }, { name: 'aliasKeys', type: 'string[]' }, { name: 'aliasText' }, { name: '', type: 'LABEL' },
    ]);
    const aliases = new CsvWriter(this.dir, 'nodes', 'Alias', 'aliases', [{ name: 'key', type: 'ID', space: 'Alias' }]);
    const names = new CsvWriter(this.dir, 'relationships', 'NAMES', 'names', [{ name: '', type: 'START_ID', space: 'Alias' }, { name: '', type: 'END_ID', space: 'Entity' }]);
    const aliasKeys = new Set<string>();
    for (const [id, e] of this.entities) {
      const what = `entity "${id}"`;
      // aliasText as upsert-entities builds it: each alias after a space; none without aliases.
      const aliasText = e.aliases.length ? e.aliases.map((a) => ` ${a}`).join('') : null;
      await entities.write(row([id, e.type, e.key, e.name, e.name.toLowerCase(), e.aliases, e.aliasKeys, aliasText, ['Entity', e.label]], what));
      let nameRows = '';
      let aliasRows = '';
      for (const k of e.aliasKeys) {
        if (!aliasKeys.has(k)) {
          aliasKeys.add(k);
          aliasRows += row([k], what);
        }
        nameRows += row([k, id], what);
      }
      await aliases.write(aliasRows);
      await names.write(nameRows);
    }
    const authors = new CsvWriter(this.dir, 'nodes', 'Author', 'authors', [
      { name: 'uid', type: 'ID', space: 'Author' }, { name: 'key' }, { name: 'name' }, ...AUTHOR_ID_KINDS.map((k) => ({ name: k.property })),
    ]);
    for (const a of this.authors.values()) await authors.write(row([a.uid, a.key, a.name, ...AUTHOR_ID_KINDS.map((k) => a.ids[k.property])], `author "${a.uid}"`));
    const venues = new CsvWriter(this.dir, 'nodes', 'Venue', 'venues', [{ name: 'key', type: 'ID', space: 'Venue' }, { name: 'name' }]);
    for (const [key, name] of this.venues) await venues.write(row([key, name], `venue "${key}"`));
    const all = [this.papers, this.paperKeys, entities, aliases, authors, venues, this.links, this.variants, names, this.authored, this.publishedIn];
    await Promise.all(all.map((w) => w.close()));
    return {
      dir: this.dir,
      files: all.map((w) => w.file),
      counts: { papers: this.paperCount, entities: this.entities.size, links: this.linkCount, authors: this.authors.size, venues: this.venues.size, aliases: aliasKeys.size },
    };
  }
}

/** The import tool's arguments for these files into `database` (an empty or new database only). */
export function importArguments(files: BulkFiles, database: string): string[] {
  return [
    'database', 'import', 'full',
    ...files.files.map((f) => `--${f.kind}=${f.name ? `${f.name}=` : ''}${f.header},${f.data}`),
    // The tool reads this escape as U+001F; the same text works typed into a shell.
    '--array-delimiter=\\u001F',
    // Abstracts may hold line breaks.
    '--multiline-fields=true',
    `--report-file=${path.join(files.dir, 'import.report')}`,
    database,
  ];
}
