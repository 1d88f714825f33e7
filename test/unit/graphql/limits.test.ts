// The cost estimate against the queries that fooled the old one (issue 12):
// fragment fan-out, negative `first`, variable defaults.
import { buildSchema, getNamedType, isInputObjectType, isInterfaceType, isObjectType, Kind, parse, type FragmentDefinitionNode, type GraphQLInputType, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { checkOperation, LIMITS, maxLengthOf } from '../../../src/graphql/limits.js';
import { loadTypeDefs } from '../../../src/graphql/schema.js';
import { fanOutQuery } from '../../helpers/attacks.js';

const schema = buildSchema(loadTypeDefs());

function estimate(query: string, variables: Record<string, unknown> = {}) {
  const doc = parse(query);
  const op = doc.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const frags = doc.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION);
  return checkOperation(schema, op, frags, variables)?.objects ?? null;
}

describe('query cost estimate', () => {
  it('costs each fragment once: a fan-out of 6 levels x 200 spreads (200^6 walks if re-walked) finishes', () => {
    // papers, edges, node: one object each.
    expect(estimate(fanOutQuery(6, 200))).toBe(3);
    // A fragment that itself asks for lists counts once per place it is spread, as execution returns it.
    expect(estimate(fanOutQuery(6, 200, 'related(first: 5) { score }'))).toBe(3 + 5);
  });

  it('counts a fragment spread twice into one selection once, as execution merges it', () => {
    const q = `{ papers(first: 10) { edges { node { ...R ...R ... on Paper { ...R } } } } } fragment R on Paper { related(first: 10) { score } }`;
    const inline = `{ papers(first: 10) { edges { node { related(first: 10) { score } } } } }`;
    expect(estimate(q)).toBe(estimate(inline));
    expect(estimate(inline)).toBe(10 * (1 + 1 * (1 + 1 * (1 + 10))));
  });

  it('clamps first to [0, 100]: a negative page cannot pay for a huge one', () => {
    const huge = `b: papers(first: 100) { edges { node { related(first: 100) { paper { entities { entity { papers(first: 100) { totalCount } } } } } } } }`;
    const alone = estimate(`{ ${huge} }`)!;
    expect(alone).toBeGreaterThan(LIMITS.estimatedObjects);
    expect(estimate(`{ a: papers(first: -2147483648) { totalCount } ${huge} }`)).toBe(alone);
    expect(estimate(`query($n: Int) { a: papers(first: $n) { totalCount } ${huge} }`, { n: -2147483648 })).toBe(alone);
    expect(estimate('{ papers(first: 1000000) { totalCount } }')).toBe(100);
  });

  it('applies variable defaults and variables as execution will', () => {
    const q = 'query($n: Int = 100) { papers(first: $n) { edges { node { related(first: $n) { score } } } } }';
    // papers x (itself + edges x (edge + node x (node + related)))
    expect(estimate(q)).toBe(100 * (1 + 1 * (1 + 1 * (1 + 100))));
    expect(estimate(q, { n: 2 })).toBe(2 * (1 + 1 * (1 + 1 * (1 + 2))));
    // No value and no default: the resolvers' default page.
    expect(estimate('query($n: Int) { papers(first: $n) { totalCount } }')).toBe(20);
  });

  it('leaves operations whose variables do not coerce to execution, which refuses them', () => {
    expect(estimate('query($n: Int!) { papers(first: $n) { totalCount } }', {})).toBeNull();
  });
});

describe('argument lengths', () => {
  const check = (query: string, variables: Record<string, unknown> = {}) => {
    const doc = parse(query);
    const op = doc.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
    const frags = doc.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION);
    return checkOperation(schema, op, frags, variables)?.tooLong;
  };
  const long = 'x'.repeat(1_000_000);

  it('refuse a value over its @maxLength, in literals, variables, input objects, list items and fragments, without echoing it', () => {
    expect(check(`{ entity(name: "${long}") { id } }`)).toBe('Query.entity(name:) is longer than 200 characters (got 1000000)');
    expect(check('query($n: String!) { entity(name: $n) { id } }', { n: long })).toMatch(/^Query.entity\(name:\) is longer than 200/);
    expect(check('query($t: String) { papers(where: { text: $t }) { totalCount } }', { t: 'y'.repeat(201) })).toMatch(/^Query.papers\(where:\).text is longer than 200/);
    expect(check('query($r: [EntityRef!]) { papers(where: { any: $r }) { totalCount } }', { r: [{ name: 'ok' }, { id: 'z'.repeat(301) }] })).toMatch(
      /^Query.papers\(where:\).any\[\].id is longer than 300/,
    );
    expect(check(`{ papers(first: 1) { edges { node { ...E } } } } fragment E on Paper { entities { entity { papers(after: "${'c'.repeat(4001)}") { totalCount } } } }`)).toMatch(
      /^Entity.papers\(after:\) is longer than 4000/,
    );
    expect(check('{ entity(name: "llama") { id } }')).toBeUndefined();
    expect(check(`{ entity(name: "${'x'.repeat(200)}") { id } }`)).toBeUndefined();
  });

  it('are documented on every string, id and date argument and input field of the schema', () => {
    const missing: string[] = [];
    const stringLike = (t: GraphQLInputType) => ['String', 'ID', 'Date'].includes(getNamedType(t).name);
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__')) continue;
      if (isObjectType(type) || isInterfaceType(type)) {
        for (const f of Object.values(type.getFields())) for (const a of f.args) if (stringLike(a.type) && maxLengthOf(a) === undefined) missing.push(`${type.name}.${f.name}(${a.name}:)`);
      } else if (isInputObjectType(type)) {
        for (const f of Object.values(type.getFields())) if (stringLike(f.type) && maxLengthOf(f) === undefined) missing.push(`${type.name}.${f.name}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
