#!/usr/bin/env bash
# Measures the packaged server's start-up (embedded PostgreSQL included and excluded) and its idle memory.
# Usage: bench/startup.sh [runs]   (build first: mvn -B -q install -DskipTests)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
jar=server/target/quarkus-app/quarkus-run.jar
[ -f "$jar" ] || { echo "build first: mvn -B -q install -DskipTests" >&2; exit 1; }
port=18090
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
for i in $(seq 1 "$runs"); do
  kind=$([ "$i" = 1 ] && echo "fresh data dir, initdb and seed" || echo "existing data dir")
  log=$(mktemp)
  start=$(date +%s%N)
  java -Dquarkus.profile=embedded -Dquarkus.http.port=$port -Dlinqin.data-dir="$data" -jar "$jar" >"$log" 2>&1 &
  pid=$!
  until curl -sf "http://localhost:$port/q/health/ready" >/dev/null; do
    kill -0 $pid 2>/dev/null || { cat "$log"; exit 1; }
    sleep 0.05
  done
  ready_ms=$(( ($(date +%s%N) - start) / 1000000 ))
  pg_ms=$(grep -o 'Embedded PostgreSQL started .* (\([0-9]*\) ms)' "$log" | grep -o '([0-9]* ms)' | tr -dc 0-9)
  quarkus_s=$(grep -o 'started in [0-9.]*s' "$log" | grep -o '[0-9.]*' | head -1)
  sleep 10
  rss_kb=$(awk '/VmRSS/ {print $2}' /proc/$pid/status)
  pg_rss_kb=$(ps -o rss= --ppid 1 -C postgres 2>/dev/null | awk '{s+=$1} END {print s+0}')
  echo "run $i ($kind): ready in ${ready_ms} ms = embedded PostgreSQL ${pg_ms} ms + server $((ready_ms - pg_ms)) ms" \
       "(Quarkus reports 'started in ${quarkus_s}s' from JVM start); idle RSS after 10 s: java $((rss_kb / 1024)) MiB," \
       "postgres processes $((pg_rss_kb / 1024)) MiB"
  kill $pid; wait $pid 2>/dev/null || true
  rm -f "$log"
done
