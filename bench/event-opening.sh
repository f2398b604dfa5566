#!/usr/bin/env bash
# An event opening: 1,000 residents register for 800 places at the same moment. Starts the packaged server
# (embedded profile, fresh data), adds the registrants to changqing-6 as people with an identity (straight into the
# database), then runs EventOpeningBench: an organiser drafts and publishes a cultural event (one sub-event, one
# ticket kind with the places as quota, waiting list on), a token is made for each registrant (not timed), and all
# registrations are released at once. Prints wall time, registrations/s, p50/p95/p99 latency and the outcomes
# (CONFIRMED, WAITING, errors by code/reason), then checks the sign-up list in SQL: never over capacity, exactly
# the places CONFIRMED, the rest WAITING, no person twice. Exits non-zero when a check fails.
# Usage: bench/event-opening.sh [registrants, default 1000] [places, default 800] [in flight, default all]
#        (build first: mvn -B -q install -DskipTests)
# HTTP/1.1 by default (one connection per registrant in flight); BENCH_HTTP=2 uses the JDK client's HTTP/2 (h2c
# upgrade) instead, see EventOpeningBench. BENCH_WARMUP (default 100) registrations on a separate event warm the
# server up first, not counted; 0 skips them.
set -euo pipefail
cd "$(dirname "$0")/.."
registrants=${1:-1000}
places=${2:-800}
in_flight=${3:-$registrants}
# The data is loaded and checked with psql (as bench/volunteer-hours.sh does), and the bench program stays JDK-only.
command -v psql >/dev/null || { apt-get update -qq && apt-get install -y -qq postgresql-client >/dev/null; }
port=18094
source bench/embedded-server.sh
start_embedded_server $port
data=$server_data
pid=$server_pid

# EventOpeningBench runs psql itself for the checks, through the usual PG* variables.
export PGHOST=localhost PGPORT=$(sed -n 4p "$data/postmaster.pid") PGUSER=postgres PGDATABASE=postgres
export PGPASSWORD=$(cat "$data/linqin-password")
sql() { psql -qtAX -v ON_ERROR_STOP=1 "$@"; }
# The development issuer signs tokens for the demo users only. A registrant is a person of the community whose
# `subject` is the `sub` of their token (OwnRecord looks the caller up by it) and whose token carries the group
# /communities/changqing-6/resident (CommunityRolesAugmentor reads the roles from the token's groups). The bench
# makes those tokens as the development issuer makes them, with its key (the embedded profile's
# smallrye.jwt.sign.key.location), from the shape of a demo resident's token.
sql -v n="$registrants" <<'SQL'
insert into people (id, community_code, name, subject)
  select nextval('linqin_id_seq'), 'changqing-6', '报名居民' || lpad(i::text, 5, '0'),
         md5('linqin-bench-registrant:' || i)::uuid::text
  from generate_series(1, :n) i;
analyze people;
SQL
echo "data: $(sql -c "select count(*) from people where community_code = 'changqing-6' and name like '报名居民%'")" \
     "registrants added to changqing-6 as people with an identity; cultural-event module" \
     "$(sql -c "select case when enabled then 'enabled' else 'disabled' end from module_enablements
       where community_code = 'changqing-6' and module_id = 'cultural-event'")"

status=0
java bench/EventOpeningBench.java "http://localhost:$port" changqing-6 报名居民 "$registrants" "$places" "$in_flight" \
  server/src/main/resources/dev-issuer/private-key.pem || status=$?
echo "server RSS after the run: java $(( $(awk '/VmRSS/ {print $2}' /proc/$pid/status) / 1024 )) MiB"
exit $status
