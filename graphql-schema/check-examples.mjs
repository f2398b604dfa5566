// Checks the example operations against the published schema with GraphQL Inspector: valid, no deprecated
// fields or arguments, within the server's depth and token limits, and every operation named once across the files
// (code generators key the generated types by operation name).
import { readFileSync, readdirSync } from 'node:fs';
import { buildSchema, parse, Source } from 'graphql';
import { validate } from '@graphql-inspector/core';

const schema = buildSchema(readFileSync(process.argv[3] ?? 'schema.graphql', 'utf8'));
const dir = process.argv[2] ?? 'examples';
const files = readdirSync(dir).filter((name) => name.endsWith('.graphql')).sort();
const sources = files.map((name) => new Source(readFileSync(`${dir}/${name}`, 'utf8'), `${dir}/${name}`));

let problems = 0;
const report = (where, message) => {
  problems += 1;
  console.log(`${where}: ${message}`);
};

// quarkus.smallrye-graphql.instrumentation-query-depth and parser-max-tokens in the server's configuration
for (const invalid of validate(schema, sources, { strictDeprecated: true, strictFragments: true,
  maxDepth: 15, maxTokenCount: 15000 })) {
  for (const error of invalid.errors) {
    report(invalid.source.name, error.message);
  }
  for (const deprecated of invalid.deprecated) {
    report(invalid.source.name, `deprecated: ${deprecated.message}`);
  }
}

const seen = new Map();
for (const source of sources) {
  for (const definition of parse(source).definitions) {
    if (definition.kind !== 'OperationDefinition') {
      continue;
    }
    if (!definition.name) {
      report(source.name, `an operation without a name (line ${definition.loc.startToken.line})`);
      continue;
    }
    const name = definition.name.value;
    if (seen.has(name)) {
      report(source.name, `operation ${name} is also defined in ${seen.get(name)}`);
    }
    seen.set(name, source.name);
  }
}

console.log(`${files.length} files, ${seen.size} operations, ${problems} problems`);
process.exitCode = problems === 0 && files.length > 0 ? 0 : 1;
