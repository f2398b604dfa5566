// Runs the GraphQL-over-HTTP server audits of graphql-http against a URL and prints one JSON object:
// the counts per status and every audit that is not ok (id, status, name, reason).
//   node audit.mjs http://localhost:8080/graphql
import { serverAudits } from 'graphql-http';

const url = process.argv[2];
if (!url) {
  console.error('usage: node audit.mjs <graphql url>');
  process.exit(2);
}

const counts = { ok: 0, notice: 0, warn: 0, error: 0 };
const failing = [];
for (const audit of serverAudits({ url })) {
  const result = await audit.fn();
  counts[result.status]++;
  if (result.status !== 'ok') {
    failing.push({ id: result.id, status: result.status, name: result.name, reason: result.reason });
  }
}
console.log(JSON.stringify({ total: Object.values(counts).reduce((a, b) => a + b, 0), ...counts, failing }, null, 2));
