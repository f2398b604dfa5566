#!/usr/bin/env bash
# Bytes on the wire for the example queries: request with the whole document and with persisted queries, answers
# plain, gzip and brotli. Starts the packaged server (embedded profile, fresh data) and runs ClientPayloadsBench.
# Usage: bench/client-payloads.sh   (build first: mvn -B -q install -DskipTests)
set -euo pipefail
cd "$(dirname "$0")/.."
port=18093
source bench/embedded-server.sh
start_embedded_server $port
java bench/ClientPayloadsBench.java "http://localhost:$port"
