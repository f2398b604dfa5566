// Writes the trusted documents manifest: each operation of ../examples/*.graphql as its own document (with the
// fragments it uses), printed by graphql-js, keyed by the SHA-256 (hex) of that text, which is exactly what a client
// sends as `query` or as `extensions.persistedQuery.sha256Hash`.
//   node generate.mjs [examples folder] [output file]
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Kind, parse, print, visit } from 'graphql';

const here = dirname(fileURLToPath(import.meta.url));
const examples = process.argv[2] ?? join(here, '..', 'examples');
const output = process.argv[3] ?? join(here, '..', 'trusted-documents.json');

const definitions = readdirSync(examples).filter((f) => f.endsWith('.graphql')).sort()
  .flatMap((f) => parse(readFileSync(join(examples, f), 'utf8')).definitions);
const fragments = new Map(definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION)
  .map((d) => [d.name.value, d]));

function fragmentsUsedBy(node, used = new Map()) {
  visit(node, {
    FragmentSpread(spread) {
      const name = spread.name.value;
      if (!used.has(name)) {
        if (!fragments.has(name)) throw new Error(`Unknown fragment ${name}`);
        used.set(name, fragments.get(name));
        fragmentsUsedBy(fragments.get(name), used);
      }
    },
  });
  return used;
}

const manifest = {};
for (const operation of definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION)) {
  const used = [...fragmentsUsedBy(operation).values()].sort((a, b) => a.name.value.localeCompare(b.name.value));
  const document = print({ kind: Kind.DOCUMENT, definitions: [operation, ...used] });
  manifest[createHash('sha256').update(document, 'utf8').digest('hex')] = document;
}
const sorted = Object.fromEntries(Object.entries(manifest).sort(([a], [b]) => a.localeCompare(b)));
writeFileSync(output, JSON.stringify(sorted, null, 2) + '\n');
console.log(`${Object.keys(sorted).length} trusted documents written to ${output}`);
