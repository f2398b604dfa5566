#!/usr/bin/env bash
# Booking throughput: starts the packaged server (embedded profile, fresh data) and runs BookingBench against it.
# Usage: bench/booking.sh [requests] [concurrency]   (build first: mvn -B -q install -DskipTests)
set -euo pipefail
cd "$(dirname "$0")/.."
requests=${1:-2000}
concurrency=${2:-16}
jar=server/target/quarkus-app/quarkus-run.jar
[ -f "$jar" ] || { echo "build first: mvn -B -q install -DskipTests" >&2; exit 1; }
port=18092
data=$(mktemp -d)
log=$(mktemp)
# rate limits off: one client drives the whole load
java -Xmx192m -XX:+UseSerialGC -Dquarkus.profile=embedded -Dquarkus.http.port=$port -Dlinqin.data-dir="$data" \
  -Dlinqin.rate-limit.enabled=false -jar "$jar" >"$log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null || true; rm -rf "$data" "$log"' EXIT
until curl -sf "http://localhost:$port/q/health/ready" >/dev/null; do
  kill -0 $pid 2>/dev/null || { cat "$log"; exit 1; }
  sleep 0.2
done
java bench/BookingBench.java "http://localhost:$port" "$requests" "$concurrency"
