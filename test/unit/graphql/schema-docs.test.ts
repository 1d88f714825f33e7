// The schema's descriptions are its documentation (Sandbox, GraphiQL and
// codegen show them): graphql-eslint's require-description rule, configured in
// eslint.config.mjs, must find nothing missing in schema/; its relay-arguments
// rule, that every connection pages both ways.
import { ESLint } from 'eslint';
import { buildSchema, isInterfaceType, isObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { loadTypeDefs } from '../../../src/graphql/schema.js';
import { PROJECT_ROOT } from '../../../src/paths.js';

const eslint = new ESLint({ cwd: PROJECT_ROOT });
// Loading the plugin and the schema takes about 2 s of CPU, more on a busy machine.
const LINT_TIMEOUT = 60_000;
const problems = (results: ESLint.LintResult[]) =>
  results.flatMap((r) => r.messages.map((m) => `${r.filePath.slice(PROJECT_ROOT.length + 1)}:${m.line} ${m.ruleId ?? ''} ${m.message}`));

describe('schema documentation', () => {
  it('describes every type, field, argument, input field, enum value and directive in schema/', async () => {
    const results = await eslint.lintFiles(['schema/*.graphql']);
    expect(results.length).toBeGreaterThanOrEqual(3);
    expect(problems(results)).toEqual([]);
  }, LINT_TIMEOUT);

  it('the lint fails on a field, argument or enum value without a description', async () => {
    const sdl = ['"A thing."', 'type Thing {', '  "Described."', '  ok: Int', '  bare(n: Int): Int', '}', '"Kinds."', 'enum Kind {', '  ONE', '}'].join('\n');
    const results = await eslint.lintText(sdl, { filePath: `${PROJECT_ROOT}/schema/lint-probe.graphql` });
    const found = problems(results).join('\n');
    expect(found).toMatch(/require-description.*field "bare"/);
    expect(found).toMatch(/require-description.*input value "n"/);
    expect(found).toMatch(/require-description.*enum value "ONE"/);
    expect(found).not.toMatch(/field "ok"/);
  }, LINT_TIMEOUT);

  it('the lint fails on a connection that cannot page backward (no last/before)', async () => {
    const sdl = ['"A probe."', 'type Probe {', '  "Things."', '  things(', '    "Size."', '    first: Int', '    "Cursor."', '    after: String', '  ): PaperConnection!', '}'].join('\n');
    const found = problems(await eslint.lintText(sdl, { filePath: `${PROJECT_ROOT}/schema/lint-probe.graphql` })).join('\n');
    expect(found).toMatch(/relay-arguments.*`things` must contain an argument `last`/);
    expect(found).toMatch(/relay-arguments.*`things` must contain an argument `before`/);
  }, LINT_TIMEOUT);

  it('repeats each interface field description (and its arguments) on every implementing type', () => {
    const schema = buildSchema(loadTypeDefs());
    const drift: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) && !isInterfaceType(type)) continue;
      // Node.id is described per kind of node (what a paper's or an entity's id looks like).
      for (const iface of type.getInterfaces().filter((i) => i.name !== 'Node')) {
        for (const [name, field] of Object.entries(iface.getFields())) {
          const own = type.getFields()[name]!;
          if (own.description !== field.description) drift.push(`${type.name}.${name}`);
          for (const arg of field.args) {
            if (own.args.find((a) => a.name === arg.name)?.description !== arg.description) drift.push(`${type.name}.${name}(${arg.name}:)`);
          }
        }
      }
    }
    expect(drift).toEqual([]);
  });
});
