// The one id policy. Papers and entities share one id space (`Node.id`,
// `Query.node`, and client caches such as Relay's that key records by id), so
// a paper id may never look like an entity id. Every way a paper gets in (each
// reader, the CLI, the ingestPapers mutation) checks its id here, through
// validatePaper; the migration renames stored ids that predate the policy.
import { createHash } from 'node:crypto';
import { ENTITY_TYPES } from './extract/types.js';

/** Ids are index keys and URL path segments: Neo4j refuses keys over ~8 kB, and an id this long is a mistake anyway. */
export const MAX_PAPER_ID = 256;

/** Entity ids are `TYPE:key` (`method:lora`): this prefix, in any case, is theirs alone. */
const ENTITY_ID_PREFIX = new RegExp(`^(${ENTITY_TYPES.join('|')}):`, 'i');

/**
 * Letters and digits of any script plus `- . _ ~ : / + @`: enough for arXiv ids
 * (`2305.03047`, `hep-th/9901001`), source ids (`openalex:W2194775991`, `s2:...`),
 * BibTeX and Zotero keys and title-derived ids, and safe in a URL path once
 * encoded. Spaces, `?`, `#`, `%`, `&`, quotes, brackets and control characters are
 * refused: they are never part of a real id and break links and shell commands.
 */
const ID_CHARS = /^[\p{L}\p{N}\-._~:/+@]+$/u;
const BAD_CHAR = /[^\p{L}\p{N}\-._~:/+@]/u;

/** One line stating the policy, for errors and help texts. */
export const PAPER_ID_POLICY = `1 to ${MAX_PAPER_ID} characters: letters, digits and - . _ ~ : / + @; not starting with an entity type and a colon (${ENTITY_TYPES.map((t) => `${t}:`).join(' ')})`;

const ENTITY_ID = new RegExp(`^(${ENTITY_TYPES.join('|')}):`);

/** True when the id names an entity (`model:...`, `dataset:...`, ...): what `Query.node` routes by. */
export const isEntityId = (id: string) => ENTITY_ID.test(id);

/**
 * The id of a paper's link to an entity (`PaperEntity.id`): `2305.03047>method:lora`.
 * Unique across types by construction: `>` is in neither paper ids (the policy
 * refuses it) nor entity ids (`TYPE:` and a normalised key), so client caches
 * that key by id (Relay) or by type and id (Apollo, Graphcache) keep links apart.
 */
export const paperEntityId = (paperId: string, entityId: string) => `${paperId}>${entityId}`;

/** Why a given paper id breaks the policy, or undefined when it keeps it. */
export function paperIdProblem(id: string): string | undefined {
  const shown = id.length > 60 ? `${id.slice(0, 60)}...` : id;
  if (id.length === 0) return 'id is empty';
  if (id.length > MAX_PAPER_ID) return `id is longer than ${MAX_PAPER_ID} characters (${id.length})`;
  if (!ID_CHARS.test(id)) {
    const bad = BAD_CHAR.exec(id)![0];
    const what = /\s/.test(bad) ? 'a space' : /[\p{Cc}\p{Cf}]/u.test(bad) ? `control character U+${bad.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}` : `"${bad}"`;
    return `id "${shown}" contains ${what}; paper ids are ${PAPER_ID_POLICY}`;
  }
  const prefix = ENTITY_ID_PREFIX.exec(id);
  if (prefix) return `id "${shown}" starts with "${prefix[0]}", which is reserved for entity ids (Node ids of papers and entities must never collide); give the paper another id`;
  return undefined;
}

/**
 * A policy-keeping id for a stored paper whose id predates the policy:
 * bad characters become `-`, an entity prefix loses its colon
 * (`method:lora` -> `method-lora-...`), and a hash of the old id keeps the
 * result unique. Deterministic, so a rerun of the migration renames alike.
 */
export function conformingPaperId(old: string): string {
  const hash = createHash('sha256').update(old).digest('hex').slice(0, 10);
  const readable = old
    .replace(ENTITY_ID_PREFIX, (m) => `${m.slice(0, -1)}-`)
    .replace(new RegExp(BAD_CHAR.source, 'gu'), '-')
    .replace(/-{2,}/g, '-')
    .slice(0, MAX_PAPER_ID - hash.length - 1)
    .replace(/^-+|-+$/g, '');
  return readable ? `${readable}-${hash}` : hash;
}
