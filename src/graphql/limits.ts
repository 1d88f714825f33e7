// Query limits. graphql-armor (a maintained library) bounds depth, aliases,
// tokens and directives; its own cost rule ignores variables, so the size
// estimate below reads `first` from literals *and* variables.
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import {
  GraphQLError,
  getNamedType,
  isListType,
  isNonNullType,
  isObjectType,
  isInterfaceType,
  valueFromASTUntyped,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLOutputType,
  type GraphQLSchema,
  type SelectionSetNode,
  type GraphQLCompositeType,
} from 'graphql';
import { DEFAULT_PAGE } from './paging.js';

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

/**
 * Objects an operation may return: each field's count is its parent's times
 * its own list size (`first`, its default, or a typical size for capped lists).
 */
export function estimateObjects(
  schema: GraphQLSchema,
  selectionSet: SelectionSetNode,
  parent: GraphQLCompositeType,
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
  multiplier = 1,
): number {
  let total = 0;
  for (const sel of selectionSet.selections) {
    if (sel.kind === 'InlineFragment' || sel.kind === 'FragmentSpread') {
      const frag = sel.kind === 'FragmentSpread' ? fragments[sel.name.value] : sel;
      if (!frag) continue;
      const cond = frag.typeCondition ? (schema.getType(frag.typeCondition.name.value) as GraphQLCompositeType | undefined) : parent;
      total += estimateObjects(schema, frag.selectionSet, cond ?? parent, fragments, variables, multiplier);
      continue;
    }
    if (!sel.selectionSet || !(isObjectType(parent) || isInterfaceType(parent))) continue;
    const field: GraphQLField<unknown, unknown> | undefined = parent.getFields()[sel.name.value];
    if (!field) continue;
    let size = 1;
    if (field.args.some((a) => a.name === 'first')) {
      const arg = sel.arguments?.find((a) => a.name.value === 'first');
      const value = arg ? valueFromASTUntyped(arg.value, variables) : undefined;
      size = typeof value === 'number' ? value : DEFAULT_PAGE;
    } else if (isList(field.type)) {
      size = UNPAGED_LIST_ESTIMATE[field.name] ?? DEFAULT_PAGE;
    }
    const count = multiplier * size;
    total += count + estimateObjects(schema, sel.selectionSet, getNamedType(field.type) as GraphQLCompositeType, fragments, variables, count);
  }
  return total;
}

function costLimitPlugin<T extends BaseContext>(): ApolloServerPlugin<T> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, schema, request }) {
          const fragments: Record<string, FragmentDefinitionNode> = {};
          for (const def of document.definitions) if (def.kind === 'FragmentDefinition') fragments[def.name.value] = def;
          if (!operation) return;
          const root = operation.operation === 'mutation' ? schema.getMutationType() : schema.getQueryType();
          if (!root) return;
          const estimate = estimateObjects(schema, operation.selectionSet, root, fragments, request.variables ?? {});
          if (estimate > LIMITS.estimatedObjects) {
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
