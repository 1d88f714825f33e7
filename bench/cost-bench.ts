// How long the query cost estimate takes on the largest documents the parser
// accepts (3,000 tokens): fragment fan-outs, wide and deep selections.
//
//   npm run build && node dist/bench/cost-bench.js [--runs 2000]
//
// Prints the mean and the slowest run per document (target: under 1 ms).
import { buildSchema, Kind, Lexer, parse, Source, TokenKind, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { checkOperation, LIMITS } from '../src/graphql/limits.js';
import { loadTypeDefs } from '../src/graphql/schema.js';
import { percentile } from './load.js';
import { benchOptions, wholeNumber } from './options.js';

const args = benchOptions('node dist/bench/cost-bench.js [--runs 2000]', { runs: { type: 'string', default: '2000' } });
const runs = wholeNumber('runs', args.runs, 1);
const schema = buildSchema(loadTypeDefs());

/** `levels` fragments each spreading the next `spreads` times (about 3 tokens a spread). */
const fanOut = (levels: number, spreads: number) =>
  `{ papers(first: 1) { edges { node { ...F0 } } } } ${Array.from({ length: levels }, (_, i) =>
    i === levels - 1 ? `fragment F${i} on Paper { related(first: 100) { paper { title } } }` : `fragment F${i} on Paper { ${Array(spreads).fill(`...F${i + 1}`).join(' ')} }`,
  ).join(' ')}`;

const DOCS: [string, string, Record<string, unknown>][] = [
  ['fan-out 4 x 100 (the issue)', fanOut(4, 100), {}],
  ['fan-out 10 x 145', fanOut(10, 145), {}],
  ['fan-out 115 x 10', fanOut(115, 10), {}],
  ['inline fragments nested 200 deep', `{ papers { edges { node { ${'... on Paper { '.repeat(200)}title${' }'.repeat(200)} } } } }`, {}],
  ['variables, defaults, 14 aliases', `query($n: Int = 100, $m: Int = -5) { ${Array.from({ length: 14 }, (_, i) => `a${i}: papers(first: ${i % 2 ? '$n' : '$m'}) { edges { node { related(first: $n) { paper { entities { entity { papers(first: $n) { totalCount } } } } } } } }`).join(' ')} }`, { n: 7 }],
];

const docs = DOCS.map(([name, text, variables]) => {
  const lexer = new Lexer(new Source(text));
  let tokens = 0;
  while (lexer.advance().kind !== TokenKind.EOF) tokens++;
  // Throws past the server's token limit: every document here is one the server would cost.
  const doc = parse(text, { maxTokens: LIMITS.tokens });
  const op = doc.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const frags = doc.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION);
  return { name, bytes: text.length, tokens, op, frags, variables };
});

console.log(`${runs} runs per document after ${Math.min(runs, 200)} warm-up runs`);
console.log('| document | bytes | tokens | estimate (objects) | p50 ms | p99 ms | max ms |');
console.log('| --- | --- | --- | --- | --- | --- | --- |');
for (const d of docs) {
  const run = () => checkOperation(schema, d.op, d.frags, d.variables)!.objects;
  for (let i = 0; i < Math.min(runs, 200); i++) run();
  const times: number[] = [];
  let objects = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    objects = run();
    times.push(performance.now() - t0);
  }
  console.log(`| ${d.name} | ${d.bytes} | ${d.tokens} | ${objects} | ${percentile(times, 50).toFixed(3)} | ${percentile(times, 99).toFixed(3)} | ${Math.max(...times).toFixed(3)} |`);
}
