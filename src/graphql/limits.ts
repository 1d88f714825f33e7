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
  getNullableType,
  isInputObjectType,
  type DirectiveNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLInputType,
  type GraphQLField,
  type GraphQLOutputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
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

/**
 * Each limit's error code (extensions.code; extensions.limit names the limit
 * too), so a client can tell which limit it hit without reading the message.
 * An over-long document is not parsed at all: GRAPHQL_PARSE_FAILED, as
 * Apollo answers any document it cannot parse.
 */
export const LIMIT_CODES = {
  depth: 'DEPTH_LIMIT_EXCEEDED',
  aliases: 'ALIAS_LIMIT_EXCEEDED',
  directives: 'DIRECTIVE_LIMIT_EXCEEDED',
  cost: 'COST_LIMIT_EXCEEDED',
  tokens: 'GRAPHQL_PARSE_FAILED',
} as const;

export type LimitName = keyof typeof LIMIT_CODES;

/** The message for a document over the token limit. */
export const TOKEN_LIMIT_MESSAGE =
  `Token limit of ${LIMITS.tokens} exceeded: the document has more tokens (names, punctuation, values) and was not parsed. ` +
  'Ask for less in one request.';

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
  /** The first argument longer than its @maxLength, if any. */
  tooLong?: string;
}

const maxLengths = new WeakMap<object, number | undefined>();

/** The n of an `@maxLength(n:)` on an argument or input field definition. */
export function maxLengthOf(def: { astNode?: { directives?: readonly DirectiveNode[] } | null }): number | undefined {
  const node = def.astNode;
  if (!node) return undefined;
  if (maxLengths.has(node)) return maxLengths.get(node);
  const arg = node.directives?.find((d) => d.name.value === 'maxLength')?.arguments?.find((a) => a.name.value === 'n');
  const n = arg?.value.kind === Kind.INT ? Number(arg.value.value) : undefined;
  maxLengths.set(node, n);
  return n;
}

/** Where a value (or, in a list, an item; in an input object, a field) is longer than its @maxLength. */
function tooLong(value: unknown, type: GraphQLInputType, max: number | undefined, where: string): string | undefined {
  if (value === null || value === undefined) return undefined;
  const t = getNullableType(type);
  if (isListType(t)) {
    if (!Array.isArray(value)) return tooLong(value, t.ofType, max, where);
    for (const item of value) {
      const found = tooLong(item, t.ofType, max, `${where}[]`);
      if (found) return found;
    }
    return undefined;
  }
  if (typeof value === 'string' && max !== undefined && value.length > max) {
    return `${where} is longer than ${max} characters (got ${value.length})`;
  }
  if (isInputObjectType(t) && typeof value === 'object') {
    for (const f of Object.values(t.getFields())) {
      const found = tooLong((value as Record<string, unknown>)[f.name], f.type, maxLengthOf(f), `${where}.${f.name}`);
      if (found) return found;
    }
  }
  return undefined;
}

/** The field's arguments as execution will see them; null when they do not coerce (execution will say why). */
function argumentsOf(field: GraphQLField<unknown, unknown>, node: FieldNode, c: Costing): Record<string, unknown> | null {
  if (field.args.length === 0) return {};
  try {
    return getArgumentValues(field, node, c.variables);
  } catch {
    return null;
  }
}

/**
 * How many items a list field returns: `first`/`last` after variables and
 * defaults, clamped to [0, MAX_PAGE] as the resolvers enforce (a negative value
 * must not subtract from the total), else a typical size for capped lists.
 */
function listSize(field: GraphQLField<unknown, unknown>, args: Record<string, unknown> | null): number {
  const paged = field.args.some((a) => a.name === 'first' || a.name === 'last');
  if (!paged) return isList(field.type) ? (UNPAGED_LIST_ESTIMATE[field.name] ?? DEFAULT_PAGE) : 1;
  // Arguments execution will reject: until then assume the largest page.
  if (!args) return MAX_PAGE;
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
    } else if (isObjectType(parent) || isInterfaceType(parent)) {
      const field = parent.getFields()[sel.name.value];
      if (!field) continue;
      const args = argumentsOf(field, sel, c);
      if (args && !c.tooLong) {
        for (const a of field.args) c.tooLong ??= tooLong(args[a.name], a.type, maxLengthOf(a), `${parent.name}.${field.name}(${a.name}:)`);
      }
      const type = getNamedType(field.type);
      if (!sel.selectionSet || !isCompositeType(type)) continue;
      total += listSize(field, args) * (1 + unitCost(sel.selectionSet, type, c));
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

export interface OperationCheck {
  /** Objects the operation may return (each field's count is its parent's times its list size). */
  objects: number;
  /** The first argument over its @maxLength (where, limit, actual length), if any. */
  tooLong?: string;
}

/**
 * Reads the operation as it will execute (variables coerced with their
 * defaults) in one pass that visits each fragment once, so it is linear in the
 * document's size. Null when the variables do not coerce: execution then
 * refuses the operation before any resolver runs.
 */
export function checkOperation(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: readonly FragmentDefinitionNode[],
  rawVariables: Record<string, unknown> = {},
): OperationCheck | null {
  const root = operation.operation === 'mutation' ? schema.getMutationType() : operation.operation === 'query' ? schema.getQueryType() : schema.getSubscriptionType();
  if (!root) return { objects: 0 };
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], rawVariables, { maxErrors: 1 });
  if (coerced.errors) return null;
  const c: Costing = {
    schema,
    fragments: new Map(fragments.map((f) => [f.name.value, f])),
    variables: coerced.coerced,
    fragmentCost: new Map(),
    walking: new Set(),
  };
  const objects = unitCost(operation.selectionSet, root, c);
  return { objects, ...(c.tooLong ? { tooLong: c.tooLong } : {}) };
}

function costLimitPlugin<T extends BaseContext>(): ApolloServerPlugin<T> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, schema, request }) {
          if (!operation) return;
          const fragments = document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION);
          const check = checkOperation(schema, operation, fragments, request.variables ?? {});
          if (check?.tooLong) {
            throw new GraphQLError(`${check.tooLong}: see the schema's @maxLength`, { extensions: { code: 'BAD_USER_INPUT', limit: 'length', http: { status: 400 } } });
          }
          if (check && check.objects > LIMITS.estimatedObjects) {
            throw new GraphQLError(
              `Query cost limit of ${LIMITS.estimatedObjects} objects exceeded: this operation may return about ${Math.round(check.objects)} ` +
                '(page sizes from `first` or `last`, variables included). Ask for smaller pages or fewer nested lists.',
              { extensions: { code: LIMIT_CODES.cost, limit: 'cost', http: { status: 400 } } },
            );
          }
        },
      };
    },
  };
}

/** What a client is told when an armor rule refuses the operation. */
const ARMOR_MESSAGES = {
  depth: (found: string) =>
    `Query depth limit of ${LIMITS.depth} exceeded: fields are nested ${found} deep. Ask for fewer nested levels (start a second request from an id).`,
  aliases: (found: string) => `Alias limit of ${LIMITS.aliases} exceeded: the operation has ${found} aliases. Split it into several requests.`,
  directives: (found: string) => `Directive limit of ${LIMITS.directives} exceeded: the operation has ${found} directives.`,
};

/**
 * Armor's rules throw an error whose message begins with "Syntax Error:",
 * which would stop validation and read as a parse error. Instead each rejection
 * is reported as a validation error with its own code and message, and
 * validation goes on (armor counts in one pass, so this costs nothing more).
 */
function reportLimit(limit: keyof typeof ARMOR_MESSAGES) {
  return (ctx: ValidationContext | null, error: GraphQLError) => {
    // Armor gives the count it found only in its message text ("... exceeded, found 13."), no field of its own.
    const found = /found (\d+)/.exec(error.message)?.[1] ?? 'more than that';
    ctx?.reportError(new GraphQLError(ARMOR_MESSAGES[limit](found), { extensions: { code: LIMIT_CODES[limit], limit, http: { status: 400 } } }));
  };
}

/** Plugins and validation rules for Apollo Server. */
export function queryLimits<T extends BaseContext>() {
  const armor = new ApolloArmor({
    maxDepth: { n: LIMITS.depth, propagateOnRejection: false, onReject: [reportLimit('depth')] },
    maxAliases: { n: LIMITS.aliases, propagateOnRejection: false, onReject: [reportLimit('aliases')] },
    // Tokens are counted by graphql-js's parser (parseOptions.maxTokens in server.ts).
    maxTokens: { enabled: false },
    maxDirectives: { n: LIMITS.directives, propagateOnRejection: false, onReject: [reportLimit('directives')] },
    costLimit: { enabled: false },
    // Suggestions are removed in production by formatError (error-policy.ts), from
    // every message: armor's mask left "[Suggestion hidden]?" and missed enum values.
    blockFieldSuggestion: { enabled: false },
  });
  const { plugins, validationRules } = armor.protect();
  // Armor's plugins only read the request, so they serve any context type.
  return { plugins: [...(plugins as ApolloServerPlugin<T>[]), costLimitPlugin<T>()], validationRules };
}
