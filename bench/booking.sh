#!/usr/bin/env bash
# Booking throughput: starts the packaged server (embedded profile, fresh data) and runs BookingBench against it.
# Usage: bench/booking.sh [requests] [concurrency]   (build first: mvn -B -q install -DskipTests)
set -euo pipefail
cd "$(dirname "$0")/.."
requests=${1:-2000}
concurrency=${2:-16}
port=18092
source bench/embedded-server.sh
start_embedded_server $port
java bench/BookingBench.java "http://localhost:$port" "$requests" "$concurrency"
