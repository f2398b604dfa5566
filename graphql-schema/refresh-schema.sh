#!/usr/bin/env bash
# Writes the GraphQL schema a packaged server serves, without an identity server or a database to set up: the
# server starts in the embedded profile on a throw-away data folder and a free port, the schema is read from
# /graphql/schema.graphql, and the server stops.
#
# Usage: graphql-schema/refresh-schema.sh [quarkus-run.jar] [output file]
#   defaults: server/target/quarkus-app/quarkus-run.jar and graphql-schema/schema.graphql
# A deployment with extra plugins builds its server with them and passes its own jar and output file; the schema
# then contains every installed module and plugin.
set -euo pipefail
cd "$(dirname "$0")/.."
jar=${1:-server/target/quarkus-app/quarkus-run.jar}
out=${2:-graphql-schema/schema.graphql}
[ -f "$jar" ] || { echo "no $jar: build first with  mvn -B -q install -DskipTests" >&2; exit 1; }

data=$(mktemp -d); log=$(mktemp)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("",0)); print(s.getsockname()[1])' 2>/dev/null \
  || echo $((20000 + RANDOM % 20000)))
java -Xmx192m -XX:+UseSerialGC -Dquarkus.profile=embedded -Dquarkus.http.port="$port" -Dlinqin.data-dir="$data" \
  -jar "$jar" >"$log" 2>&1 &
pid=$!
cleanup() { kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$data" "$log"; }
trap cleanup EXIT

for _ in $(seq 1 600); do
  curl -sf "http://localhost:$port/q/health/ready" >/dev/null 2>&1 && break
  kill -0 "$pid" 2>/dev/null || { tail -40 "$log" >&2; exit 1; }
  sleep 0.2
done
tmp=$(mktemp)
curl -sf "http://localhost:$port/graphql/schema.graphql" -o "$tmp"
mv "$tmp" "$out"
echo "wrote $out ($(grep -c '' "$out") lines) from $jar"
