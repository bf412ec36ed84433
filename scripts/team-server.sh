#!/usr/bin/env bash
# A local team database to try team mode in one command: a PostgreSQL server in out/team-server/, the
# database "frister" set up with `server init`, three logins in two teams and generated fake cases.
#
#   bash scripts/team-server.sh          # start (again) and print how to log in
#   bash scripts/team-server.sh stop     # stop it and remove everything
set -euo pipefail
cd "$(dirname "$0")/.."
dir="$PWD/out/team-server"
if [ "${1:-}" = stop ]; then
  bash scripts/pg-cluster.sh stop "$dir"
  echo "Teamserveren er stoppet og fjernet."
  exit 0
fi
bash scripts/bootstrap.sh
J=.venv/bin/jobcenter-desktop
if [ -f "$dir/env" ] && psql "$(sed -n 's/^export JOBCENTER_TEST_PG=//p' "$dir/env")" -qAtc 'select 1' >/dev/null 2>&1; then
  source "$dir/env"
else
  bash scripts/pg-cluster.sh stop "$dir"
  mkdir -p out
  bash scripts/pg-cluster.sh start "$dir" >"/tmp/team-server.env.$$"
  mv "/tmp/team-server.env.$$" "$dir/env"
  source "$dir/env"
  owner=${JOBCENTER_TEST_PG%/postgres}/frister
  psql "$JOBCENTER_TEST_PG" -qc "CREATE DATABASE frister"
  $J --server "$owner" server init
  echo "anna-demo-1" | $J --server "$owner" server user add anna.k --team "Team Vest" --password-stdin
  echo "bo-demo-2" | $J --server "$owner" server user add bo.l --team "Team Vest" --role teamlead --password-stdin
  echo "dennis-demo-3" | $J --server "$owner" server user add dennis.p --team "Team Øst" --password-stdin
  $J --server "$owner" demo --cases 300
fi
port=$(sed -n 's/.*@127.0.0.1:\([0-9]*\)\/.*/\1/p' "$dir/env")
cat <<INFO

Teamdatabasen kører på 127.0.0.1:$port (database "frister", generede personer).
Log ind som to kolleger i hvert sit vindue (adgangskoden spørges om):

  $J --server postgresql://anna.k@127.0.0.1:$port/frister       # Team Vest, adgangskode anna-demo-1
  $J --server postgresql://bo.l@127.0.0.1:$port/frister         # Team Vest, teamleder, bo-demo-2
  $J --server postgresql://dennis.p@127.0.0.1:$port/frister     # Team Øst: ser intet af Team Vest, dennis-demo-3

Teamlederens ugeliste:  PGPASSWORD=bo-demo-2 $J --server postgresql://bo.l@127.0.0.1:$port/frister \\
                          export worklist --team "Team Vest" --per-caseworker
Stop og fjern:          bash scripts/team-server.sh stop
INFO
