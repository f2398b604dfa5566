import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * TypeScript types for the Linqin contract (schema.graphql) and typed documents for the example operations
 * (examples/). Copy it into a client project and point `documents` at that project's operations.
 * The output file is LINQIN_CLIENT_OUT, by default target/client/graphql.ts (target/ is not committed).
 */
const out = process.env.LINQIN_CLIENT_OUT ?? 'target/client/graphql.ts';

const config: CodegenConfig = {
  schema: 'schema.graphql',
  documents: 'examples/*.graphql',
  generates: {
    [out]: {
      plugins: ['typescript', 'typescript-operations', 'typed-document-node'],
      config: {
        // The JSON form of Linqin's scalars: temporal values are ISO-8601 text, numbers are JSON numbers.
        scalars: {
          DateTime: 'string',
          Date: 'string',
          Time: 'string',
          BigInteger: 'number',
          BigDecimal: 'number',
        },
        strictScalars: true,
        enumsAsTypes: true,
        useTypeImports: true,
        avoidOptionals: { field: true, inputValue: false, object: true, defaultValue: false },
      },
    },
  },
};

export default config;
