#!/usr/bin/env bash
# Set up and start Jobcenter Frister on a demo database (generated fake people), so a newcomer sees a full
# worklist and calendar at once. Extra arguments go to the app, e.g.  scripts/run.sh case list
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -n "${DISPLAY:-}" ]; then bash scripts/bootstrap.sh --gui; else bash scripts/bootstrap.sh; fi
demo_db=${JOBCENTER_DEMO_DB:-"$PWD/out/demo.sqlite3"}
mkdir -p "$(dirname "$demo_db")"
if [ ! -f "$demo_db" ]; then
  .venv/bin/jobcenter-desktop --db "$demo_db" demo --cases 400
fi
if [ $# -eq 0 ] && [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ "$(uname -s)" = Linux ]; then
  echo "run: no display here, so showing the demo worklist on the terminal instead of the window." >&2
  set -- deadlines --all
fi
exec .venv/bin/jobcenter-desktop --db "$demo_db" "$@"
