// Schema lint (run by test/unit/graphql/schema-lint.test.ts inside `npm test`,
// or `npx eslint schema`). The README promises that the schema's descriptions
// are its documentation, so every type, field, argument, input field, enum
// value, scalar and directive must have one; stylistic rules (ordering, naming,
// description style) stay off. Every connection pages both ways (Relay's
// first/after and last/before): relay-arguments.
import graphql from '@graphql-eslint/eslint-plugin';

export default [
  {
    files: ['schema/**/*.graphql'],
    languageOptions: {
      parser: graphql.parser,
      parserOptions: { graphQLConfig: { schema: 'schema/*.graphql' } },
    },
    plugins: { '@graphql-eslint': graphql },
    rules: {
      '@graphql-eslint/require-description': [
        'error',
        {
          types: true,
          DirectiveDefinition: true,
          FieldDefinition: true,
          InputValueDefinition: true,
          EnumValueDefinition: true,
        },
      ],
      '@graphql-eslint/relay-arguments': ['error', { includeBoth: true }],
    },
  },
];
