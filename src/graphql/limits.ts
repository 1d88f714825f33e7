// Query limits. graphql-armor (a maintained library) bounds depth, aliases,
// tokens and directives. The size estimate is our own: armor's cost rule
// ignores variables (`first: $n` costs as 1) and graphql-query-complexity
// walks a fragment again at every spread (a 2.5 KB fan-out of spreads throws
// its node-count error from inside validation after ~20 ms); both were tried
// against the attacks in test/unit/graphql/limits.test.ts.
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import {
  GraphQLError,
  getArgumentValues,
  getNamedType,
  getVariableValues,
  isCompositeType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLOutputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { DEFAULT_PAGE, MAX_PAGE } from './paging.js';

export const LIMITS = {
  depth: 12,
  aliases: 15,
  tokens: 3_000,
  directives: 20,
  /** Most objects one operation may ask for, by the estimate below. */
  estimatedObjects: 100_000,
};

/** Typical sizes of lists that take no `first` (they are capped server-side). */
// `edges` is as long as its connection's `first`, already counted on the connection.
const UNPAGED_LIST_ESTIMATE: Record<string, number> = { edges: 1, entities: 20, evidence: 10, shared: 10, byType: 12, path: 5 };

function isList(type: GraphQLOutputType): boolean {
  return isListType(isNonNullType(type) ? type.ofType : type);
}

interface Costing {
  schema: GraphQLSchema;
  fragments: Map<string, FragmentDefinitionNode>;
  /** Coerced variable values: the operation's defaults applied, as execution will see them. */
  variables: Record<string, unknown>;
  /** Objects per instance of each named fragment: each fragment is walked once. */
  fragmentCost: Map<string, number>;
  /** Fragments being walked (a cycle is a validation error; this only keeps the walk finite). */
  walking: Set<string>;
}

/**
 * How many items a list field returns: `first`/`last` after variables and
 * defaults, clamped to [0, MAX_PAGE] as the resolvers enforce (a negative value
 * must not subtract from the total), else a typical size for capped lists.
 */
function listSize(field: GraphQLField<unknown, unknown>, node: Parameters<typeof getArgumentValues>[1], c: Costing): number {
  const paged = field.args.some((a) => a.name === 'first' || a.name === 'last');
  if (!paged) return isList(field.type) ? (UNPAGED_LIST_ESTIMATE[field.name] ?? DEFAULT_PAGE) : 1;
  let args: Record<string, unknown>;
  try {
    args = getArgumentValues(field, node, c.variables);
  } catch {
    // Execution will reject these arguments; until then assume the largest page.
    return MAX_PAGE;
  }
  const n = args.first ?? args.last;
  if (typeof n !== 'number' || !Number.isFinite(n)) return DEFAULT_PAGE;
  return Math.min(MAX_PAGE, Math.max(0, Math.trunc(n)));
}

/**
 * Objects one instance of `parent` asks for through `selectionSet`. As in
 * execution, a fragment spread twice into one selection counts once; inline
 * fragments share their enclosing selection's spreads.
 */
function unitCost(selectionSet: SelectionSetNode, parent: GraphQLCompositeType, c: Costing, spread = new Set<string>()): number {
  let total = 0;
  for (const sel of selectionSet.selections) {
    if (sel.kind === Kind.INLINE_FRAGMENT) {
      const cond = sel.typeCondition ? c.schema.getType(sel.typeCondition.name.value) : parent;
      total += unitCost(sel.selectionSet, cond && isCompositeType(cond) ? cond : parent, c, spread);
    } else if (sel.kind === Kind.FRAGMENT_SPREAD) {
      if (spread.has(sel.name.value)) continue;
      spread.add(sel.name.value);
      total += fragmentCost(sel.name.value, c);
    } else if (sel.selectionSet && (isObjectType(parent) || isInterfaceType(parent))) {
      const field = parent.getFields()[sel.name.value];
      const type = field && getNamedType(field.type);
      if (!field || !type || !isCompositeType(type)) continue;
      total += listSize(field, sel, c) * (1 + unitCost(sel.selectionSet, type, c));
    }
  }
  return total;
}

function fragmentCost(name: string, c: Costing): number {
  const known = c.fragmentCost.get(name);
  if (known !== undefined) return known;
  const frag = c.fragments.get(name);
  if (!frag || c.walking.has(name)) return 0;
  const cond = c.schema.getType(frag.typeCondition.name.value);
  if (!cond || !isCompositeType(cond)) return 0;
  c.walking.add(name);
  const cost = unitCost(frag.selectionSet, cond, c);
  c.walking.delete(name);
  c.fragmentCost.set(name, cost);
  return cost;
}

/**
 * Objects an operation may return (each field's count is its parent's times its
 * list size), computed on the operation as it will execute: variables coerced
 * with their defaults. Linear in the document's size: every fragment is costed
 * once. Null when the variables do not coerce (execution then refuses the
 * operation before any resolver runs).
 */
export function estimateObjects(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: readonly FragmentDefinitionNode[],
  rawVariables: Record<string, unknown> = {},
): number | null {
  const root = operation.operation === 'mutation' ? schema.getMutationType() : operation.operation === 'query' ? schema.getQueryType() : schema.getSubscriptionType();
  if (!root) return 0;
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], rawVariables, { maxErrors: 1 });
  if (coerced.errors) return null;
  return unitCost(operation.selectionSet, root, {
    schema,
    fragments: new Map(fragments.map((f) => [f.name.value, f])),
    variables: coerced.coerced,
    fragmentCost: new Map(),
    walking: new Set(),
  });
}

function costLimitPlugin<T extends BaseContext>(): ApolloServerPlugin<T> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, schema, request }) {
          if (!operation) return;
          const fragments = document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION);
          const estimate = estimateObjects(schema, operation, fragments, request.variables ?? {});
          if (estimate !== null && estimate > LIMITS.estimatedObjects) {
            throw new GraphQLError(
              `Query cost limit of ${LIMITS.estimatedObjects} objects exceeded: this operation may return about ${Math.round(estimate)} ` +
                '(page sizes from `first`, variables included). Ask for smaller pages or fewer nested lists.',
              { extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit: 'cost', http: { status: 400 } } },
            );
          }
        },
      };
    },
  };
}

/** Plugins and validation rules for Apollo Server. */
export function queryLimits<T extends BaseContext>(opts: { production: boolean }) {
  const armor = new ApolloArmor({
    maxDepth: { n: LIMITS.depth },
    maxAliases: { n: LIMITS.aliases },
    maxTokens: { n: LIMITS.tokens },
    maxDirectives: { n: LIMITS.directives },
    costLimit: { enabled: false },
    // Field suggestions help people exploring in Sandbox; production hides them.
    blockFieldSuggestion: { enabled: opts.production },
  });
  const { plugins, validationRules } = armor.protect();
  // Armor's plugins only read the request, so they serve any context type.
  return { plugins: [...(plugins as ApolloServerPlugin<T>[]), costLimitPlugin<T>()], validationRules };
}
