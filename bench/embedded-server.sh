# Sourced by the bench scripts: start_embedded_server PORT starts a copy of the packaged server (embedded profile,
# a fresh data dir, the shipped JVM settings, rate limits off: one client drives the whole load) and waits until it
# is ready. It sets server_pid, server_data and server_log; on exit the server is stopped (killed after 60 s), a
# failed run shows the end of its log, and the temporary files go. BENCH_JAVA_OPTS adds JVM options (e.g. a JFR
# recording: -XX:StartFlightRecording=filename=/tmp/run.jfr,settings=profile).
start_embedded_server() {
  local port=$1 jar=server/target/quarkus-app/quarkus-run.jar
  [ -f "$jar" ] || { echo "build first: mvn -B -q install -DskipTests" >&2; exit 1; }
  server_data=$(mktemp -d)
  server_log=$(mktemp)
  server_app=$(mktemp -d)
  # a copy of the build: a rebuild during the run would take jars from under the server
  cp -r server/target/quarkus-app "$server_app/"
  java -Xmx192m -XX:+UseSerialGC ${BENCH_JAVA_OPTS:-} -Dquarkus.profile=embedded -Dquarkus.http.port="$port" \
    -Dlinqin.data-dir="$server_data" -Dlinqin.rate-limit.enabled=false \
    -jar "$server_app/quarkus-app/quarkus-run.jar" >"$server_log" 2>&1 &
  server_pid=$!
  trap stop_embedded_server EXIT
  local deadline=$((SECONDS + 300))
  until curl -sf "http://localhost:$port/q/health/ready" >/dev/null; do
    kill -0 "$server_pid" 2>/dev/null || exit 1
    [ $SECONDS -lt $deadline ] || { echo "server not ready after 300 s" >&2; exit 1; }
    sleep 0.2
  done
}

stop_embedded_server() {
  local rc=$?
  [ $rc = 0 ] || { echo "--- server log (last 60 lines)"; tail -60 "$server_log"; } >&2
  kill "$server_pid" 2>/dev/null || true
  for _ in $(seq 300); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.2; done
  kill -9 "$server_pid" 2>/dev/null || true
  wait "$server_pid" 2>/dev/null || true
  rm -rf "$server_data" "$server_log" "$server_app"
}
