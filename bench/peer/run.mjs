// Runs the workloads against Linqin and PostGraphile, interleaved, and prints the comparison (see bench/peer.sh).
import autocannon from "autocannon";
import fs from "node:fs";
import pg from "pg";

const [secs, linqinPort, linqinPid, peerPort, peerPid, token, pgPort] = process.argv.slice(2);
const community = "changqing-6";
const workloads = [
  {
    name: "W1 flat page",
    linqin: `{ orgUnits(first: 100) { totalCount edges { node { id name kind parentId axisLevel } } } }`,
    peer: `{ allOrgUnits(first: 100, condition: {communityCode: "${community}"}, orderBy: PRIMARY_KEY_ASC) { totalCount edges { node { rowId name kind parentId } } } }`,
    linqinRows: (d) => d.orgUnits.edges.map((e) => String(e.node.id)),
    peerRows: (d) => d.allOrgUnits.edges.map((e) => String(e.node.rowId)),
  },
  {
    name: "W2 two levels",
    linqin: `{ community { code name compounds(first: 100) { totalCount edges { node { id name buildings { id name units floors } } } } } }`,
    peer: `{ communityByCode(code: "${community}") { code name compoundsByCommunityCode(first: 100, orderBy: PRIMARY_KEY_ASC) { totalCount edges { node { rowId name buildingsByCommunityCodeAndCompoundId(orderBy: PRIMARY_KEY_ASC) { nodes { rowId name units floors } } } } } } }`,
    linqinRows: (d) => d.community.compounds.edges.flatMap((e) => [e.node.id, ...e.node.buildings.map((b) => b.id)]).map(String),
    peerRows: (d) => d.communityByCode.compoundsByCommunityCode.edges.flatMap((e) => [e.node.rowId,
      ...e.node.buildingsByCommunityCodeAndCompoundId.nodes.map((b) => b.rowId)]).map(String),
  },
  {
    name: "W3 three levels",
    linqin: `{ orgUnits(kind: COMPOUND_PARTY_COMMITTEE, first: 100) { edges { node { id name children { id name kind children { id name kind } } } } } }`,
    peer: `{ allOrgUnits(first: 100, condition: {communityCode: "${community}", kind: "COMPOUND_PARTY_COMMITTEE"}, orderBy: PRIMARY_KEY_ASC) { edges { node { rowId name orgUnitsByCommunityCodeAndParentId(orderBy: PRIMARY_KEY_ASC) { nodes { rowId name kind orgUnitsByCommunityCodeAndParentId(orderBy: PRIMARY_KEY_ASC) { nodes { rowId name kind } } } } } } } }`,
    linqinRows: (d) => d.orgUnits.edges.flatMap((e) => [e.node.id, ...e.node.children.flatMap((c) => [c.id, ...c.children.map((g) => g.id)])]).map(String),
    peerRows: (d) => d.allOrgUnits.edges.flatMap((e) => [e.node.rowId, ...e.node.orgUnitsByCommunityCodeAndParentId.nodes
      .flatMap((c) => [c.rowId, ...c.orgUnitsByCommunityCodeAndParentId.nodes.map((g) => g.rowId)])]).map(String),
  },
];

const servers = {
  linqin: { url: `http://127.0.0.1:${linqinPort}/graphql`, pid: linqinPid,
    headers: { "content-type": "application/json", authorization: `Bearer ${token}`, "x-community": community } },
  peer: { url: `http://127.0.0.1:${peerPort}/graphql`, pid: peerPid, headers: { "content-type": "application/json" } },
};

const db = new pg.Client({ host: "localhost", port: Number(pgPort), user: "postgres", password: process.env.PGPASSWORD, database: "postgres" });
await db.connect();

async function call(server, query) {
  const r = await fetch(servers[server].url, { method: "POST", headers: servers[server].headers, body: JSON.stringify({ query }) });
  const body = await r.json();
  if (body.errors) throw new Error(`${server}: ${JSON.stringify(body.errors).slice(0, 400)}`);
  return body.data;
}

function cpuMs(pid) {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10; // utime + stime in ticks of 10 ms
}

async function statements() {
  const r = await db.query("select coalesce(sum(calls), 0) as n from pg_stat_statements where query not ilike '%pg_stat_statements%'");
  return Number(r.rows[0].n);
}

for (const w of workloads) {
  const a = w.linqinRows(await call("linqin", w.linqin));
  const b = w.peerRows(await call("peer", w.peer));
  if (JSON.stringify([...a].sort()) !== JSON.stringify([...b].sort())) {
    throw new Error(`${w.name}: the servers return different rows (${a.length} vs ${b.length})`);
  }
  console.log(`${w.name}: same ${a.length} rows from both servers`);
}

async function load(server, w, connections, duration) {
  const query = server === "linqin" ? w.linqin : w.peer;
  return autocannon({ url: servers[server].url, method: "POST", headers: servers[server].headers,
    body: JSON.stringify({ query }), connections, duration });
}

// The JVM compiles its hot paths during the first tens of seconds under load (a core busy with C2): warm both up.
for (const w of workloads) {
  for (const server of ["linqin", "peer"]) {
    await load(server, w, 16, Number(process.env.WARMUP_SECONDS ?? 20));
  }
}
console.log("warmed up");

async function run(server, w, connections) {
  const query = server === "linqin" ? w.linqin : w.peer;
  await load(server, w, connections, 3);
  await db.query("select pg_stat_statements_reset()");
  const cpu0 = cpuMs(servers[server].pid);
  const result = await autocannon({ url: servers[server].url, method: "POST", headers: servers[server].headers,
    body: JSON.stringify({ query }), connections, duration: Number(secs) });
  const cpu = cpuMs(servers[server].pid) - cpu0;
  const n = result.requests.total;
  const bad = result.non2xx + result.errors + result.timeouts;
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99,
    cpu: n ? cpu / n : NaN, stmts: n ? (await statements()) / n : NaN, bad };
}

const rows = [];
for (const connections of [16, 64]) {
  for (const w of workloads) {
    const linqin = await run("linqin", w, connections);
    const peer = await run("peer", w, connections);
    rows.push({ w: w.name, connections, linqin, peer });
  }
}
const rss = (pid) => Math.round(Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))[1]) / 1024);
const f = (x, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : "-");
console.log("\n| workload | c | Linqin req/s | p50 ms | p99 ms | CPU ms/req | stmts/req | PostGraphile req/s | p50 ms | p99 ms | CPU ms/req | stmts/req | req/s ratio | p99 ratio |");
console.log("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
for (const r of rows) {
  const L = r.linqin, P = r.peer;
  console.log(`| ${r.w} | ${r.connections} | ${f(L.rps, 0)} | ${L.p50} | ${L.p99} | ${f(L.cpu, 2)} | ${f(L.stmts, 2)} | ${f(P.rps, 0)} | ${P.p50} | ${P.p99} | ${f(P.cpu, 2)} | ${f(P.stmts, 2)} | ${f(L.rps / P.rps, 2)} | ${f(L.p99 / P.p99, 2)} |`);
  if (L.bad || P.bad) console.log(`  (failed responses: Linqin ${L.bad}, PostGraphile ${P.bad})`);
}
console.log(`\nRSS after the runs: Linqin java ${rss(servers.linqin.pid)} MiB, PostGraphile node ${rss(servers.peer.pid)} MiB`);
await db.end();
