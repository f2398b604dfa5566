#!/usr/bin/env bash
# Volunteer-team reports over a year of data: starts the packaged server (embedded profile, fresh data), loads 1,000
# volunteers in 10 teams with 100 approved hours entries each over the last 365 days (~100,000 entries) straight into
# the database, then runs VolunteerHoursBench: the year's hours report for all volunteers paged through over HTTP,
# each team's statistics and one person's service record, with the answers checked against SQL.
# Usage: bench/volunteer-hours.sh [walks, default 5]   (build first: mvn -B -q install -DskipTests)
# HTTP/1.1 by default; BENCH_HTTP=2 uses the JDK client's HTTP/2 (h2c upgrade) instead, see VolunteerHoursBench.
set -euo pipefail
cd "$(dirname "$0")/.."
walks=${1:-5}
# The data is loaded with psql (as bench/peer.sh does): one SQL script in one session, and the bench program stays
# JDK-only (no JDBC driver jar to find in ~/.m2). The embedded PostgreSQL listens on localhost at the port in line 4
# of postmaster.pid in the data dir, user postgres, password in the data dir's linqin-password file.
command -v psql >/dev/null || { apt-get update -qq && apt-get install -y -qq postgresql-client >/dev/null; }
port=18093
source bench/embedded-server.sh
start_embedded_server $port
data=$server_data
pid=$server_pid

pg_port=$(sed -n 4p "$data/postmaster.pid")
export PGPASSWORD=$(cat "$data/linqin-password")
sql() { psql -h localhost -p "$pg_port" -U postgres -d postgres -qtAX -v ON_ERROR_STOP=1 "$@"; }
start=$(date +%s%N)
sql <<'SQL'
begin;
create temp table bench_people on commit drop as
  select nextval('linqin_id_seq') as id, i from generate_series(1, 1000) i;
create temp table bench_teams on commit drop as
  select nextval('linqin_id_seq') as id, i from generate_series(0, 9) i;
insert into people (id, community_code, name)
  select id, 'changqing-6', '志愿者' || lpad(i::text, 4, '0') from bench_people;
insert into volunteer_teams (id, community_code, name, kind, recruitment, created_at)
  select id, 'changqing-6', '压测巡逻队' || lpad((i + 1)::text, 2, '0'), 'PATROL', 'OPEN', now() from bench_teams;
-- person i is in team i mod 10, and serves there
insert into volunteer_members (id, community_code, team_id, person_id, role, state, applied_at, joined_at)
  select nextval('linqin_id_seq'), 'changqing-6', t.id, p.id, 'MEMBER', 'ACTIVE', now(), now()
  from bench_people p join bench_teams t on t.i = p.i % 10;
insert into volunteer_hours (id, community_code, person_id, team_id, kind, state, minutes, worked_on, recorded_by,
                             created_at)
  select nextval('linqin_id_seq'), 'changqing-6', p.id, t.id, 'VERIFIED', 'APPROVED', 30 + floor(random() * 211)::int,
         current_date - floor(random() * 365)::int, 'bench', now()
  from bench_people p join bench_teams t on t.i = p.i % 10 cross join generate_series(1, 100);
commit;
analyze;
SQL
load_ms=$(( ($(date +%s%N) - start) / 1000000 ))
# the period: the last 365 days up to today, [from, to)
read -r from to < <(sql -F ' ' -c "select current_date - 364, current_date + 1")
expected=$(sql -c "select coalesce(sum(minutes), 0) / 60.0 from volunteer_hours where community_code = 'changqing-6'
  and state = 'APPROVED' and kind = 'VERIFIED' and worked_on >= '$from' and worked_on < '$to'")
teams=$(sql -c "select string_agg(id::text, ',' order by id) from volunteer_teams where community_code = 'changqing-6'
  and name like '压测巡逻队%'")
person=$(sql -c "select id from people where community_code = 'changqing-6' and name = '志愿者0500'")
echo "data: $(sql -c "select count(*) from volunteer_hours where recorded_by = 'bench'") hours entries of" \
     "$(sql -c "select count(*) from people where name like '志愿者%'") volunteers in 10 teams loaded in ${load_ms} ms;" \
     "period $from to $to (exclusive), $expected verified hours in SQL"

java bench/VolunteerHoursBench.java "http://localhost:$port" "$from" "$to" "$expected" "$teams" "$person" "$walks"
echo "server RSS after the runs: java $(( $(awk '/VmRSS/ {print $2}' /proc/$pid/status) / 1024 )) MiB"
