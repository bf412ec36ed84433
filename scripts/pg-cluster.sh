#!/usr/bin/env bash
# A throw-away PostgreSQL cluster for tests and demos: installs the Debian packages when missing (as root),
# creates a cluster in a temp folder owned by the `postgres` user (initdb/pg_ctl refuse to run as root), and
# starts it on 127.0.0.1 and a free port, with its unix socket in the same folder.
#
#   eval "$(bash scripts/pg-cluster.sh start DIR)"   # exports JOBCENTER_TEST_PG=postgresql://postgres@127.0.0.1:PORT/postgres
#   bash scripts/pg-cluster.sh stop DIR
set -euo pipefail
cmd=${1:?start|stop} dir=${2:?folder}

find_bin() {
  local d
  for d in /usr/lib/postgresql/*/bin; do
    [ -x "$d/pg_ctl" ] && { echo "$d"; return 0; }
  done
  command -v pg_ctl >/dev/null 2>&1 && { dirname "$(command -v pg_ctl)"; return 0; }
  return 1
}

as_owner() {  # run a server tool as the cluster's owner: `postgres` when we are root, else ourselves
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

if [ "$cmd" = stop ]; then
  bin=$(find_bin) || exit 0
  [ -f "$dir/data/postmaster.pid" ] && as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$dir"
  exit 0
fi

if ! bin=$(find_bin); then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "pg-cluster: installing PostgreSQL from Debian's packages" >&2
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >/dev/null
    bin=$(find_bin)
  else
    echo "pg-cluster: PostgreSQL is not installed; install it with sudo: apt-get install postgresql" >&2
    exit 1
  fi
fi

mkdir -p "$dir"
if [ "$(id -u)" = 0 ]; then
  chown postgres: "$dir"
  chmod 700 "$dir"
fi
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
# scram-sha-256 for TCP (the app's logins have passwords), trust on the socket for the test harness itself.
as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
  --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
  { cat "$dir/initdb.log" >&2; exit 1; }
opts="-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200"
echo "$opts" >"$dir/server.opts"  # for tests that stop and start the server again
as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -o "$opts" start >/dev/null ||
  { cat "$dir/server.log" >&2; exit 1; }
# The superuser gets a password too, so tests can reach it over TCP like any client.
as_owner "$bin/psql" -h "$dir" -p "$port" -U postgres -d postgres -qAt \
  -c "ALTER USER postgres PASSWORD 'postgres'" >/dev/null
echo "export JOBCENTER_TEST_PG=postgresql://postgres:postgres@127.0.0.1:$port/postgres"
echo "export JOBCENTER_TEST_PG_DIR=$dir"
