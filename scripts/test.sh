#!/usr/bin/env bash
# Set up and run the whole check: ruff, mypy (strict for core and storage), the layer contracts, then pytest.
# Extra arguments go to pytest, e.g.  scripts/test.sh -k calendar
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
export QT_QPA_PLATFORM=offscreen
# Tests must never touch the user's real data: point the defaults at a throw-away folder.
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
export JOBCENTER_DB="$scratch/default.sqlite3" XDG_DATA_HOME="$scratch/data" XDG_STATE_HOME="$scratch/state"
echo "== ruff";         .venv/bin/ruff check .
echo "== mypy";         .venv/bin/mypy
echo "== import-linter"; .venv/bin/lint-imports --no-cache
echo "== postgresql"
# A throw-away PostgreSQL cluster for the storage/services suites (they run on both databases) and the team
# database tests; stopped and removed at exit. A server given in JOBCENTER_TEST_PG is used instead.
if [ -z "${JOBCENTER_TEST_PG:-}" ]; then
  pgdir=$(mktemp -d /tmp/frister-pg.XXXXXX)
  rmdir "$pgdir"
  trap 'bash scripts/pg-cluster.sh stop "$pgdir"; rm -rf "$scratch"' EXIT
  eval "$(bash scripts/pg-cluster.sh start "$pgdir")"
  echo "PostgreSQL $(psql "$JOBCENTER_TEST_PG" -qAtc 'SHOW server_version') on ${JOBCENTER_TEST_PG##*@}"
fi
echo "== libreoffice"
# The underretning letter is rendered to PDF once (tests/unit/export/test_notice_docx.py): LibreOffice Writer
# without its GUI (~200 MB), installed where we may; elsewhere that one test is skipped and says why.
if ! command -v soffice >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
      libreoffice-writer-nogui >/dev/null) || echo "LibreOffice could not be installed; the letter's PDF test is skipped"
  else
    echo "LibreOffice (soffice) is missing: the letter's PDF test is skipped (apt-get install libreoffice-writer-nogui)"
  fi
fi
echo "== pytest"
# The laptop check-in's random scenarios and kills (minutes of waiting on PostgreSQL and child processes) run
# in a second pytest beside the rest when the whole suite runs; with a selection of tests, only pytest runs.
model=tests/reliability/test_checkin_model.py
kill=tests/reliability/test_checkin_kill.py
selected=0
for a in "$@"; do case "$a" in tests*|-k|*::*) selected=1 ;; esac; done
if [ "$selected" = 0 ]; then
  # On a cluster of its own: tests of the main run stop and start theirs (a server restart, going offline).
  sidedir=$(mktemp -d /tmp/frister-pg-side.XXXXXX)
  rmdir "$sidedir"
  trap 'bash scripts/pg-cluster.sh stop "$sidedir"; [ -n "${pgdir:-}" ] && bash scripts/pg-cluster.sh stop "$pgdir"; rm -rf "$scratch"' EXIT
  (
    eval "$(bash scripts/pg-cluster.sh start "$sidedir")"
    exec .venv/bin/python -m pytest -q -p no:cacheprovider "$model" "$kill"
  ) >"$scratch/checkin.log" 2>&1 &
  side=$!
  rc=0
  .venv/bin/python -m pytest "$@" --ignore="$model" --ignore="$kill" || rc=$?
  side_rc=0
  wait "$side" || side_rc=$?
  echo "== pytest (laptop check-in: random scenarios and kills, run beside the rest)"
  cat "$scratch/checkin.log"
  [ "$rc" = 0 ] && rc=$side_rc
  exit "$rc"
fi
.venv/bin/python -m pytest "$@"
