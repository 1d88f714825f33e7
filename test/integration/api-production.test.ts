// What a production deployment shows clients: codes and messages, never stack
// traces or Cypher; introspection can be turned off.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingest } from '../../src/ingest/pipeline.js';
import type { SourceRecord } from '../../src/ingest/records.js';
import { defaultExtractor } from '../../src/runtime.js';
import { startTestServer } from '../helpers/api.js';
import { useFreshDatabase } from '../helpers/db.js';

const db = useFreshDatabase();
let prod: Awaited<ReturnType<typeof startTestServer>>;
let closed: Awaited<ReturnType<typeof startTestServer>>;

async function* twoPapers(): AsyncGenerator<SourceRecord> {
  yield { location: 't:1', paper: { id: 'prod-1', title: 'Tuning BERT for question answering', abstract: 'We fine-tune BERT on SQuAD and report F1.' } };
  yield { location: 't:2', paper: { id: 'prod-2', title: 'LoRA for vision', abstract: 'We apply LoRA to ViT-B/16 on ImageNet.' } };
}

beforeAll(async () => {
  await ingest(twoPapers(), { db, extractor: defaultExtractor() });
  prod = await startTestServer(db, { NODE_ENV: 'production' });
  closed = await startTestServer(db, { NODE_ENV: 'production', PAPERGRAPH_INTROSPECTION: 'false' });
});
afterAll(async () => {
  await prod?.stop();
  await closed?.stop();
});

describe('production mode', () => {
  it('answers a bad full-text query with BAD_USER_INPUT, no stack trace and no Cypher', async () => {
    const r = await prod.gql('{ search(query: "AND OR ((") { score } }');
    expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const body = JSON.stringify(r.errors);
    expect(body).not.toMatch(/stacktrace|MATCH|CALL db\.|\.cypher|at .*\.js/);
    expect(r.errors?.[0]?.message).toMatch(/full-text query could not be parsed/);
  });

  it('keeps validation errors to the point and still serves data', async () => {
    const r = await prod.gql('{ paper(id: "prod-1") { title entities { role entity { name } } } }');
    expect(r.errors).toBeUndefined();
    expect(r.data.paper.title).toBe('Tuning BERT for question answering');
    const bad = await prod.gql('{ paper(id: "prod-1") { nope } }');
    expect(bad.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(JSON.stringify(bad.errors)).not.toMatch(/stacktrace/);
  });

  it('names no schema field, argument, type or enum value in a "did you mean" hint', async () => {
    const cases: [string, Record<string, unknown>, RegExp][] = [
      ['{ papr { totalCount } }', {}, /^Cannot query field "papr" on type "Query"\.$/],
      ['{ papers(frist: 2) { totalCount } }', {}, /^Unknown argument "frist" on field "Query\.papers"\.$/],
      ['{ node(id: "x") { ... on Papr { id } } }', {}, /^Unknown type "Papr"\.$/],
      ['{ entities(type: MODLE) { totalCount } }', {}, /^Value "MODLE" does not exist in "EntityType" enum\.$/],
      ['query($t: EntityType) { entities(type: $t) { totalCount } }', { t: 'MODLE' }, /does not exist in "EntityType" enum\.$/],
    ];
    for (const [query, variables, message] of cases) {
      const r = await prod.gql(query, variables);
      expect(r.status).toBe(400);
      expect(r.errors?.[0]?.message).toMatch(message);
      expect(JSON.stringify(r.errors)).not.toMatch(/Did you mean|Suggestion hidden|"paper"|"first"|"Paper"|"MODEL"/);
    }
  });

  it('turns introspection off when configured', async () => {
    const open = await prod.gql('{ __schema { queryType { name } } }');
    expect(open.data.__schema.queryType.name).toBe('Query');
    const shut = await closed.gql('{ __schema { queryType { name } } }');
    expect(shut.errors?.[0]?.message).toMatch(/introspection/i);
  });
});
