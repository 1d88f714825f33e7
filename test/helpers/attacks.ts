/** `levels` fragments, each spreading the next `spreads` times: a walk per spread visits spreads^levels. */
export function fanOutQuery(levels: number, spreads: number, leaf = 'title'): string {
  const frags = Array.from({ length: levels }, (_, i) =>
    i === levels - 1 ? `fragment F${i} on Paper { ${leaf} }` : `fragment F${i} on Paper { ${Array(spreads).fill(`...F${i + 1}`).join(' ')} }`,
  );
  return `{ papers(first: 1) { edges { node { ...F0 } } } }\n${frags.join('\n')}`;
}
