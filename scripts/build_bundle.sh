#!/usr/bin/env bash
# Build the one-folder desktop bundle from build.spec and prove it works frozen:
#   1. the self-test (temporary database, migrations, catalogue, holidays, a known deadline, an Excel export);
#   2. a first start on a clean user profile, offscreen and with no network: data folder, database and log are
#      created and the main window opens (then closes itself).
#   bash scripts/build_bundle.sh        → dist/JobcenterFrister/
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
.venv/bin/python -m pip install -q --disable-pip-version-check "pyinstaller>=6.10,<7"
start=$(date +%s)
.venv/bin/pyinstaller --noconfirm --clean --log-level ERROR build.spec
echo "bundle built in $(( $(date +%s) - start )) s: $(du -sh dist/JobcenterFrister | cut -f1)"
app=dist/JobcenterFrister/JobcenterFrister
export QT_QPA_PLATFORM=offscreen
"$app" --self-test

profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
export XDG_DATA_HOME="$profile/data" XDG_STATE_HOME="$profile/state" XDG_CONFIG_HOME="$profile/config"
unset JOBCENTER_DB
JOBCENTER_QUIT_AFTER_START=charts "$app" --as forste.start  # also builds the Team tab's charts (pyqtgraph)
for f in "$XDG_DATA_HOME/JobcenterFrister/frister.sqlite3" "$XDG_STATE_HOME/JobcenterFrister/log/jobcenter-frister.log"; do
  [ -s "$f" ] || { echo "first start did not create $f" >&2; exit 1; }
done
if grep -q "blev ikke fundet" "$XDG_STATE_HOME/JobcenterFrister/log/jobcenter-frister.log"; then
  echo "the bundle misses a Danish translation:" >&2; grep "blev ikke fundet" "$XDG_STATE_HOME/JobcenterFrister/log/jobcenter-frister.log" >&2
  exit 1
fi
echo "first start on a clean profile: data folder, database and log created; window opened"
