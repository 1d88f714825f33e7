// Which Author node each author of a write batch is. Pure: graph-writes reads
// the candidate nodes (by id and by name key) and writes what this decides.
//
// Ids win over names: an author whose ORCID, OpenAlex or Semantic Scholar id a
// node holds is that node, whatever the spelling of the name. Otherwise the
// name decides, carefully, since names are shared by different people:
//  - an author with ids joins the one node of that name if there is exactly one
//    and it holds no other id of the same kind (a different ORCID is a
//    different person); otherwise a new node is made, named by its first id;
//  - an author without ids joins the one node of that name if there is exactly
//    one; with several (homonyms told apart by ids), the name-only node
//    (`name:<key>`), made if needed, so a bare name is never pinned on one of them.
// A node gets an id it lacks unless another node holds that id already.

export const AUTHOR_ID_KINDS = [
  { prefix: 'orcid:', property: 'orcid' },
  { prefix: 'openalex:', property: 'openalexId' },
  { prefix: 's2author:', property: 's2Id' },
] as const;
export type AuthorIdProperty = (typeof AUTHOR_ID_KINDS)[number]['property'];

/** An Author node as stored: its uid, name key and the ids it holds by kind. */
export interface StoredAuthor {
  uid: string;
  key: string;
  ids: Partial<Record<AuthorIdProperty, string>>;
}

export interface IncomingAuthor {
  key: string;
  name: string;
  position: number;
  /** Prefixed ids (`orcid:0000-…`, `openalex:A…`, `s2author:…`). */
  ids: string[];
}

export interface ResolvedAuthor {
  uid: string;
  key: string;
  name: string;
  position: number;
  /** Ids to add to the node (only ones it lacks and no other node holds). */
  add: Partial<Record<AuthorIdProperty, string>>;
}

/**
 * The uid of the name-only node of a name key, for authors known by name alone
 * (cypher/migrations/008-author-ids.cypher gave existing nodes the same form).
 */
export const nameOnlyUid = (key: string) => `name:${key}`;

const kindOf = (id: string) => AUTHOR_ID_KINDS.find((k) => id.startsWith(k.prefix));
const rank = (id: string) => AUTHOR_ID_KINDS.findIndex((k) => id.startsWith(k.prefix));

/** An id as `prefix:value` from the node's property of that kind. */
export const prefixedIds = (ids: StoredAuthor['ids']): string[] =>
  AUTHOR_ID_KINDS.flatMap((k) => (ids[k.property] ? [`${k.prefix}${ids[k.property]}`] : []));

/** Resolves every paper's authors in batch order; later authors see the nodes earlier ones made or changed. */
export function resolveAuthors<P extends { authors: IncomingAuthor[] }>(papers: P[], stored: StoredAuthor[]): (Omit<P, 'authors'> & { authors: ResolvedAuthor[] })[] {
  const nodes = new Map<string, StoredAuthor>();
  const byId = new Map<string, StoredAuthor>();
  const byKey = new Map<string, StoredAuthor[]>();
  const remember = (n: StoredAuthor) => {
    nodes.set(n.uid, n);
    for (const id of prefixedIds(n.ids)) byId.set(id, n);
    byKey.set(n.key, [...(byKey.get(n.key) ?? []), n]);
  };
  for (const s of stored) if (!nodes.has(s.uid)) remember({ uid: s.uid, key: s.key, ids: { ...s.ids } });

  const conflicts = (n: StoredAuthor, ids: string[]) => ids.some((id) => {
    const kind = kindOf(id)!;
    const held = n.ids[kind.property];
    return held !== undefined && `${kind.prefix}${held}` !== id;
  });

  const nodeFor = (a: IncomingAuthor, ids: string[]): StoredAuthor => {
    for (const id of ids) {
      const n = byId.get(id);
      if (n) return n;
    }
    const named = byKey.get(a.key) ?? [];
    if (ids.length > 0) {
      if (named.length === 1 && !conflicts(named[0]!, ids)) return named[0]!;
    } else {
      if (named.length === 1) return named[0]!;
      const bare = nodes.get(nameOnlyUid(a.key));
      if (bare) return bare;
    }
    const made: StoredAuthor = { uid: ids[0] ?? nameOnlyUid(a.key), key: a.key, ids: {} };
    remember(made);
    return made;
  };

  return papers.map((p) => ({
    ...p,
    authors: p.authors.map((a) => {
      const ids = a.ids.filter((id) => kindOf(id)).sort((x, y) => rank(x) - rank(y));
      const node = nodeFor(a, ids);
      const add: ResolvedAuthor['add'] = {};
      for (const id of ids) {
        const kind = kindOf(id)!;
        if (node.ids[kind.property] !== undefined || byId.has(id)) continue;
        const value = id.slice(kind.prefix.length);
        node.ids[kind.property] = value;
        add[kind.property] = value;
        byId.set(id, node);
      }
      return { uid: node.uid, key: a.key, name: a.name, position: a.position, add };
    }),
  }));
}
