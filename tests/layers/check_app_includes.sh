#!/bin/sh
# Layer guard (issue #9): app/ reads the labs layer (observation model, backends, session, the
# timeline cursor, event texts), never the simulation's headers. Any file of app/ that includes
# "sim/..." fails this test; there are no exceptions. Indirect use (a labs/ header that includes
# sim/ and so hands sim:: value types to the app) is not caught here (docs/architecture.md,
# "The layer guard").
# Usage: check_app_includes.sh <source dir>
set -eu
root=${1:?source dir}
cd "$root"
[ -d app ] || { echo "FAIL: no app/ folder under $root" >&2; exit 1; }

found=$(grep -rlE '^[[:space:]]*#[[:space:]]*include[[:space:]]*[<"]sim/' app | LC_ALL=C sort || true)
if [ -n "$found" ]; then
    for f in $found; do
        echo "FAIL: $f includes a sim/ header; read the observation model or a labs/ facade instead:" >&2
        grep -nE '^[[:space:]]*#[[:space:]]*include[[:space:]]*[<"]sim/' "$f" >&2
    done
    exit 1
fi
echo "app/ includes no sim/ header ($(find app -name '*.h' -o -name '*.cpp' | wc -l) files checked)"
