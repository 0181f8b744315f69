#!/bin/sh
# Layer guard (issue #9): app/ reads the labs layer (observation model, backends, session), never the
# simulation's headers. A file of app/ that includes "sim/..." fails this test unless it is listed
# below with the reason it still does; a listed file that no longer includes sim/ fails too, so the
# list only shrinks. Indirect use (a labs/ header that includes sim/) is not caught here.
# Usage: check_app_includes.sh <source dir>
set -eu
root=${1:?source dir}
cd "$root"

# Known exceptions (docs/architecture.md, "The layer guard"):
#   app/core/simulationcontroller.h   - the controller folds the session's journal into a sim::Timeline
#                                       and keeps the sim::ClusterView at the cursor (SimObserver reads it)
#   app/core/texts.h                  - event texts are filled from the journal schema (sim::EventText)
allowed="app/core/simulationcontroller.h
app/core/texts.h"

found=$(grep -rlE '^[[:space:]]*#[[:space:]]*include[[:space:]]*[<"]sim/' app | LC_ALL=C sort)
status=0
for f in $found; do
    if ! printf '%s\n' "$allowed" | grep -qxF "$f"; then
        echo "FAIL: $f includes a sim/ header; read the observation model or a labs/ facade instead:" >&2
        grep -nE '#[[:space:]]*include[[:space:]]*[<"]sim/' "$f" >&2
        status=1
    fi
done
for f in $allowed; do
    if ! printf '%s\n' "$found" | grep -qxF "$f"; then
        echo "FAIL: $f no longer includes sim/: remove it from the exceptions in $0" >&2
        status=1
    fi
done
[ "$status" -eq 0 ] && echo "app/ includes sim/ only in the $(printf '%s\n' "$allowed" | wc -l) listed exceptions"
exit "$status"
