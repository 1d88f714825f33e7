// The cost estimate against the queries that fooled the old one (issue 12):
// fragment fan-out, negative `first`, variable defaults.
import { buildSchema, Kind, parse, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { estimateObjects, LIMITS } from '../../../src/graphql/limits.js';
import { loadTypeDefs } from '../../../src/graphql/schema.js';

const schema = buildSchema(loadTypeDefs());

function estimate(query: string, variables: Record<string, unknown> = {}) {
  const doc = parse(query);
  const op = doc.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const frags = doc.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION);
  return estimateObjects(schema, op, frags, variables);
}

/** `levels` fragments, each spreading the next `spreads` times: a walk per spread visits spreads^levels. */
export function fanOutQuery(levels: number, spreads: number, leaf = 'title'): string {
  const frags = Array.from({ length: levels }, (_, i) =>
    i === levels - 1 ? `fragment F${i} on Paper { ${leaf} }` : `fragment F${i} on Paper { ${Array(spreads).fill(`...F${i + 1}`).join(' ')} }`,
  );
  return `{ papers(first: 1) { edges { node { ...F0 } } } }\n${frags.join('\n')}`;
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
