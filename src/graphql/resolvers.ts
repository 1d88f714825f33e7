import { getArgumentValues, isInterfaceType, Kind, type GraphQLResolveInfo } from 'graphql';
import { normalizeKey, singularKey } from '../extract/normalize.js';
import { cellKey, ENTITY_ORDERS, PAPER_ORDERS, type CellKey, type PaperFilterParams } from '../db/graph-reads.js';
import { badInput } from './errors.js';
import type { Resolvers, EntityType, Role } from './generated/resolvers-types.js';
import type { GraphQLContext } from './context.js';
import { asEntity, asPaper, EntityTypeValue, type EntityModel, type NodeModel, type PaperModel } from './models.js';
import { connection, dateArg, decodeCursor, encodeCursor, pageRequest, pageSize, seekKey, SORT_KEYS, type PageRequest, type PagingArgs } from './paging.js';
import { ingestPapers } from './ingest-mutation.js';
import { isEntityId, paperEntityId } from '../ids.js';
import { MAX_PAPER_ENTITIES, toEntityPapersPage, toItem, toPaperEdge, type EntityPapersArgs } from './loaders.js';

const ENTITY_TYPENAMES = { model: 'Model', dataset: 'Dataset', method: 'Method', task: 'Task', metric: 'Metric' } as const;

const dbType = (t: EntityType | null | undefined) => t ?? null;
const dbRole = (r: Role | null | undefined) => r ?? null;
const typename = (e: EntityModel) => ENTITY_TYPENAMES[e.type as keyof typeof ENTITY_TYPENAMES];
const nodeTypename = (n: NodeModel) => (n.__kind === 'Paper' ? 'Paper' : typename(n));

/** Names to keys, trying the singular too ("LLMs" finds "LLM"), like the scorer. */
function keysOf(name: string): string[] {
  const key = normalizeKey(name);
  if (!key) throw badInput(`name "${name}" has no letters or digits`);
  const singular = singularKey(key);
  return singular === undefined ? [key] : [key, singular];
}

/** A filter's reference to an entity: exactly one of name or id (checked by checkRefs). */
interface Ref {
  type?: EntityType | null;
  name?: string | null;
  id?: string | null;
}

function checkRefs(refs: readonly Ref[], arg: string) {
  refs.forEach((r, i) => {
    if ((r.name == null) === (r.id == null)) throw badInput(`${arg}[${i}] must give either name or id`);
  });
}

/** An id names an entity of `type` only if it is one of that type's ids (they start with the type). */
const idOfType = (id: string, type: EntityType | null | undefined) => !type || id.startsWith(`${dbType(type)}:`);

/** The entity each reference names, or null; names and ids are looked up together (one round trip). */
async function resolveRefs(ctx: GraphQLContext, refs: readonly Ref[]) {
  const expanded = refs.flatMap((r, i) => (r.name == null ? [] : keysOf(r.name).map((key) => ({ i, type: dbType(r.type), key }))));
  const [found, byId] = await Promise.all([
    expanded.length > 0 ? ctx.reads.entitiesByKeys(expanded.map(({ type, key }) => ({ type, key }))) : [],
    Promise.all(refs.map((r) => (r.id != null && idOfType(r.id, r.type) ? ctx.loaders.entity.load(r.id) : null))),
  ]);
  const out: (EntityModel | null)[] = byId.map((e) => e ?? null);
  expanded.forEach((x, j) => {
    const hit = found[j];
    if (hit && out[x.i] === null) {
      const entity = asEntity(hit);
      out[x.i] = entity;
      // The lookup already read the whole entity: fields resolved from it need no second statement.
      ctx.loaders.entity.prime(entity.id, entity);
    }
  });
  return out;
}

// Lengths are capped by the schema's @maxLength before any resolver runs.
function checkText(value: string | null | undefined): string | null {
  if (value == null) return null;
  const t = value.trim();
  if (!t) return null;
  return t;
}

/** The entityPapers loader's key args for one page of an entity's papers (cursors carry the date as text, '' for none). */
const entityPapersArgs = (role: Role | null | undefined, page: PageRequest): EntityPapersArgs => ({
  role: dbRole(role),
  keyset: seekKey('entity-papers', page, SORT_KEYS.date),
  backward: page.backward,
  limit: page.size + 1,
});

type EntityPapersFieldArgs = PagingArgs & { role?: Role | null };

/**
 * The arguments of the first `papers` field asked for directly in this
 * entity's selection, as Entity.papers will build its loader key; null when
 * there is none or its arguments are bad (Entity.papers then reports them).
 */
function selectedPapersPage(info: GraphQLResolveInfo): EntityPapersArgs | null {
  const entityType = info.schema.getType('Entity');
  const fieldDef = entityType && isInterfaceType(entityType) ? entityType.getFields().papers : undefined;
  if (!fieldDef) return null;
  for (const node of info.fieldNodes) {
    for (const s of node.selectionSet?.selections ?? []) {
      if (s.kind !== Kind.FIELD || s.name.value !== 'papers') continue;
      try {
        const args = getArgumentValues(fieldDef, s, info.variableValues) as EntityPapersFieldArgs;
        return entityPapersArgs(args.role, pageRequest(args));
      } catch {
        return null;
      }
    }
  }
  return null;
}

/** True when the query asks for this paper's `entities` without arguments (directly in its selection). */
function selectsAllEntities(info: GraphQLResolveInfo): boolean {
  return info.fieldNodes.some((node) =>
    node.selectionSet?.selections.some((s) => s.kind === Kind.FIELD && s.name.value === 'entities' && (s.arguments?.length ?? 0) === 0),
  );
}

const entityFields = {
  papers: async (e: EntityModel, args: EntityPapersFieldArgs, ctx: GraphQLContext) => {
    const page = pageRequest(args);
    const res = await ctx.loaders.entityPapers.load({ id: e.id, args: entityPapersArgs(args.role, page) });
    return connection('entity-papers', res.rows, page, () => res.total);
  },
  cooccurring: (e: EntityModel, args: { type?: EntityType | null; first?: number | null }, ctx: GraphQLContext) =>
    ctx.loaders.cooccurring.load({ id: e.id, args: { type: dbType(args.type), limit: pageSize(args.first) } }),
  aliases: (e: EntityModel) => e.aliases ?? [],
  paperCount: (e: EntityModel) => e.paperCount ?? 0,
};

const variantsOf = (e: EntityModel, args: { first?: number | null }, ctx: GraphQLContext) =>
  ctx.loaders.variants.load({ id: e.id, args: { limit: pageSize(args.first) } });

export const resolvers: Resolvers = {
  Node: { __resolveType: nodeTypename },
  EntityType: EntityTypeValue,
  Entity: { __resolveType: typename },

  Query: {
    node: (_p, { id }, ctx) => (isEntityId(id) ? ctx.loaders.entity.load(id) : ctx.loaders.paper.load(id)),
    async paper(_p, { id }, ctx, info) {
      if (!selectsAllEntities(info)) return ctx.loaders.paper.load(id);
      // The paper page: the paper and its entities in one statement, handed to
      // the loaders Paper.entities reads from.
      const found = await ctx.reads.paperWithEntities(id, MAX_PAPER_ENTITIES);
      if (!found) return null;
      const paper = asPaper(found.paper);
      ctx.loaders.paper.prime(id, paper);
      ctx.loaders.paperEntities.prime({ id, args: { type: null, role: null } }, found.items.map((r) => toItem(r, id)));
      return paper;
    },

    async papers(_p, { where, orderBy, ...paging }, ctx) {
      const page = pageRequest(paging);
      const order = orderBy ?? 'PUBLISHED_DESC';
      if (!(order in PAPER_ORDERS)) throw badInput(`orderBy ${order} is not supported`);
      const cursorKind = `papers-${order}`;
      const keyset = seekKey(cursorKind, page, order === 'PUBLISHED_DESC' ? SORT_KEYS.date : SORT_KEYS.text);
      const allRefs = where?.all ?? [];
      const anyRefs = where?.any ?? [];
      if (allRefs.length + anyRefs.length > 20) throw badInput('where.all and where.any may name at most 20 entities together');
      checkRefs(allRefs, 'where.all');
      checkRefs(anyRefs, 'where.any');
      const text = checkText(where?.text);
      // Newest first with no text or date filter: one entity's papers are the entity page's.
      const entityPageOrder = order === 'PUBLISHED_DESC' && text === null && where?.publishedFrom == null && where?.publishedTo == null;
      const onlyRef = allRefs.length + anyRefs.length === 1 ? (allRefs[0] ?? anyRefs[0])! : undefined;
      const none = () => connection<PaperModel>(cursorKind, [], page, () => 0);
      // Papers of one entity, newest first: the entity page's statement gives the same
      // page (same sort key, order and keyset) and the total without a count.
      const entityPage = async (entityId: string) => {
        const args = { role: dbRole(where?.role), keyset, backward: page.backward, limit: page.size + 1 };
        const res = await ctx.loaders.entityPapers.load({ id: entityId, args });
        return connection(cursorKind, res.rows, page, () => res.total);
      };
      if (onlyRef?.id != null && entityPageOrder) {
        // By id there is no name to resolve.
        return idOfType(onlyRef.id, onlyRef.type) ? entityPage(onlyRef.id) : none();
      }
      if (onlyRef?.name != null && entityPageOrder) {
        // By name, resolving it and reading the page is one statement.
        const found = await ctx.reads.entityWithPapers(keysOf(onlyRef.name), dbType(onlyRef.type), dbRole(where?.role), keyset, page.size + 1, page.backward);
        if (!found) return none();
        const res = toEntityPapersPage(found);
        return connection(cursorKind, res.rows, page, () => res.total);
      }
      const resolved = await resolveRefs(ctx, [...allRefs, ...anyRefs]);
      const allIds = resolved.slice(0, allRefs.length).map((e) => e?.id ?? null);
      const anyIds = resolved.slice(allRefs.length).flatMap((e) => (e ? [e.id] : []));
      // An unknown entity in `all`, or only unknown ones in `any`, matches no paper.
      if (allIds.includes(null) || (anyRefs.length > 0 && anyIds.length === 0)) return none();
      const single = new Set([...allIds, ...anyIds]);
      if (single.size === 1 && entityPageOrder) return entityPage([...single][0]!);
      const filter: PaperFilterParams = {
        allIds: allIds as string[],
        anyIds,
        role: dbRole(where?.role),
        text,
        from: dateArg(where?.publishedFrom, 'where.publishedFrom'),
        to: dateArg(where?.publishedTo, 'where.publishedTo'),
      };
      const rows = await ctx.reads.papersPage(order, filter, keyset, page.size + 1, page.backward);
      return connection(cursorKind, rows.map(toPaperEdge), page, () => ctx.reads.papersCount(filter));
    },

    async entity(_p, { type, name }, ctx, info) {
      const page = selectedPapersPage(info);
      if (page) {
        // The entity page: the name's entity and the page of papers asked for in one
        // statement, handed to the loaders Entity.papers reads from.
        const found = await ctx.reads.entityWithPapers(keysOf(name), dbType(type), page.role, page.keyset, page.limit, page.backward);
        if (!found) return null;
        const entity = asEntity(found.entity);
        ctx.loaders.entity.prime(entity.id, entity);
        ctx.loaders.entityPapers.prime({ id: entity.id, args: page }, toEntityPapersPage(found));
        return entity;
      }
      const [entity] = await resolveRefs(ctx, [{ type, name }]);
      return entity ?? null;
    },

    async entities(_p, { type, query, orderBy, ...paging }, ctx) {
      const page = pageRequest(paging);
      const order = orderBy ?? 'PAPERS_DESC';
      if (!(order in ENTITY_ORDERS)) throw badInput(`orderBy ${order} is not supported`);
      const cursorKind = `entities-${order}`;
      const keyset = seekKey(cursorKind, page, order === 'PAPERS_DESC' ? SORT_KEYS.count : SORT_KEYS.text);
      const filter = { type: dbType(type), query: checkText(query) };
      const rows = await ctx.reads.entitiesPage(order, filter, keyset, page.size + 1, page.backward);
      return connection(
        cursorKind,
        rows.map((r) => ({ node: asEntity(r.entity), sortKey: r.sortKey, id: r.entity.id })),
        page,
        () => ctx.reads.entitiesCount(filter),
      );
    },

    async search(_p, { query, first }, ctx) {
      const q = checkText(query);
      if (!q) throw badInput('query must not be empty');
      const rows = await ctx.reads.search(q, pageSize(first));
      return rows.map((r) => ({
        score: r.score,
        paper: r.paper ? asPaper(r.paper) : null,
        entity: r.entity ? asEntity(r.entity) : null,
      }));
    },

    async cooccurrence(_p, { rows, columns, minPapers, first, after }, ctx) {
      const min = minPapers ?? 1;
      if (!Number.isInteger(min) || min < 1) throw badInput('minPapers must be at least 1');
      // A cursor names a cell of one table: [papers, "rowId columnId"] (entity ids hold no spaces).
      // The schema's names, as in the cursors handed out before the enum carried stored values.
      const kind = `cooccurrence-${rows.toUpperCase()}-${columns.toUpperCase()}`;
      const keyset = decodeCursor(kind, after, SORT_KEYS.count);
      const ids = keyset ? keyset[1].split(' ') : [];
      if (keyset && ids.length !== 2) throw badInput(`after: "${after!.slice(0, 40)}" is not a cursor of this table`);
      const from: CellKey | null = keyset ? [keyset[0] as number, ids[0]!, ids[1]!] : null;
      const cells = await ctx.reads.cooccurrence(rows, columns, min, pageSize(first), from);
      return cells.map((c) => {
        const [papers, rowId, columnId] = cellKey(c);
        return { row: asEntity(c.row), column: asEntity(c.column), papers, cursor: encodeCursor(kind, [papers, `${rowId} ${columnId}`]) };
      });
    },

    async path(_p, { from, to, maxHops }, ctx) {
      const hops = maxHops ?? 4;
      if (!Number.isInteger(hops) || hops < 1 || hops > 4) throw badInput('maxHops must be between 1 and 4');
      // Neo4j's shortest-path search refuses equal endpoints; the answer is not a path question.
      if (from === to) throw badInput('path needs two different nodes: from and to are the same');
      const nodes = await ctx.reads.path(from, to, hops);
      return nodes ? nodes.map((n) => (n.kind === 'Paper' ? asPaper(n.paper) : asEntity(n.entity))) : null;
    },

    async stats(_p, _a, ctx) {
      const { papers, entities, relationships, byType } = await ctx.reads.stats();
      return { papers, entities, relationships, byType };
    },
  },

  Mutation: { ingestPapers },

  Paper: {
    abstract: async (p, _a, ctx) => p.abstract ?? (await ctx.loaders.paper.load(p.id))?.abstract ?? '',
    authors: (p) => p.authors ?? [],
    entities: (p, { type, role }, ctx) => ctx.loaders.paperEntities.load({ id: p.id, args: { type: dbType(type), role: dbRole(role) } }),
    related: (p, { first }, ctx) => ctx.loaders.related.load({ id: p.id, args: { limit: pageSize(first, 10) } }),
  },
  PaperEntity: {
    id: (pe) => paperEntityId(pe.paperId, pe.entity.id),
  },
  PaperConnection: { totalCount: (c) => c.totalCount() },
  EntityConnection: { totalCount: (c) => c.totalCount() },

  Model: { ...entityFields, family: (e, _a, ctx) => ctx.loaders.family.load(e.id), variants: variantsOf },
  Dataset: { ...entityFields, base: (e, _a, ctx) => ctx.loaders.family.load(e.id), variants: variantsOf },
  Method: entityFields,
  Task: entityFields,
  Metric: entityFields,
};
