#!/bin/sh
# Layer guard (issue #9): app/ reads the labs layer (observation model, backends, session, the
# timeline cursor, event texts), never the simulation. It fails on
#  - any file of app/ that includes "sim/..." (no exceptions), and
#  - any `sim::` name in app/ code, comments left out: a labs/ header that includes sim/ must not
#    hand sim:: types to the app under their sim:: names. The values app/ exchanges with labs/ are
#    named in labs (labs/backend/model_types.h, the observation model), so that app/ depends on
#    the labs layer's interface only (docs/architecture.md, "The layer guard").
#  - a `namespace sim` alias or using-directive in app/ (it would hide sim:: names from the check).
#  - the same for the stream engine (sim/stream, namespace fluxolab::stream): a `stream::` name, a
#    `namespace stream` alias or using-directive. app/ reads the stream view's observation
#    (labs/stream_observe) and the plain values of labs/stream_tool/stream_values.h (labs::Millis,
#    labs::StreamJobSpec, labs::JobError, ...).
#  - the names labs/ once gave the simulation itself for app/ (labs::Simulation, SimJournal,
#    SimEvent, SimEventType, KafkaView, JournalFieldKind, kKafkaEventFamily): renamed simulation
#    types, not backend-neutral ones. app/ reads the observation model (labs::observe), the plots'
#    samples come from labs (labs::observe::PlotSampler), tests reach the simulation through
#    labs::Session::sim.
# Usage: check_app_includes.sh <source dir>
set -eu
root=${1:?source dir}
cd "$root"
[ -d app ] || { echo "FAIL: no app/ folder under $root" >&2; exit 1; }

status=0
found=$(grep -rlE '^[[:space:]]*#[[:space:]]*include[[:space:]]*[<"]sim/' app | LC_ALL=C sort || true)
if [ -n "$found" ]; then
    for f in $found; do
        echo "FAIL: $f includes a sim/ header; read the observation model or a labs/ facade instead:" >&2
        grep -nE '^[[:space:]]*#[[:space:]]*include[[:space:]]*[<"]sim/' "$f" >&2
    done
    status=1
fi

files=$(find app -name '*.h' -o -name '*.cpp' | LC_ALL=C sort)
# Code only: /* ... */ and // comments are removed first (and string literals for the labs/ names:
# "Simulation" is a word of the UI) (a "//" inside a string literal cuts the
# rest of that line off: the check errs towards silence there, never towards a false alarm).
names=$(awk '
    FNR == 1 { inblock = 0 }
    {
        line = $0
        if (inblock) {
            e = index(line, "*/")
            if (e == 0) next
            line = substr(line, e + 2)
            inblock = 0
        }
        while ((s = index(line, "/*")) > 0) {
            rest = substr(line, s + 2)
            e = index(rest, "*/")
            if (e > 0) line = substr(line, 1, s - 1) " " substr(rest, e + 2)
            else { line = substr(line, 1, s - 1); inblock = 1 }
        }
        sub(/\/\/.*/, "", line)
        if (line ~ /(^|[^A-Za-z0-9_])(sim|stream)::/ || line ~ /namespace[ \t]+([A-Za-z0-9_]+[ \t]*=[ \t]*)?(fluxolab::)?(sim|stream)([^A-Za-z0-9_:]|$)/)
            print "sim " FILENAME ":" FNR ": " $0
        else if ((code = line) != "" && gsub(/"([^"\\]|\\.)*"/, "\"\"", code) >= 0 &&
                 code ~ /(^|[^A-Za-z0-9_])(Simulation|SimJournal|SimEvent|SimEventType|KafkaView|JournalFieldKind|kKafkaEventFamily)([^A-Za-z0-9_]|$)/)
            print "alias " FILENAME ":" FNR ": " $0
    }' $files)
simnames=$(printf '%s\n' "$names" | sed -n 's/^sim //p')
aliases=$(printf '%s\n' "$names" | sed -n 's/^alias //p')
if [ -n "$simnames" ]; then
    echo "FAIL: app/ names sim:: or stream:: (the stream engine's) types; use the labs/ names" >&2
    echo "(labs/backend/model_types.h, labs::observe, labs/stream_tool/stream_values.h):" >&2
    echo "$simnames" >&2
    status=1
fi
if [ -n "$aliases" ]; then
    echo "FAIL: app/ names the simulation (its journal, events or Kafka view) under a labs/ name; read" >&2
    echo "labs::observe (Observation, PlotSeries) instead; tests reach it through labs::Session::sim:" >&2
    echo "$aliases" >&2
    status=1
fi

# Transitively: the labs/ headers app/ includes, and the headers they include, are walked (quoted and
# angled includes that name a file of the tree from its root; the others are Qt's and the standard
# library's). Every "labs/... includes sim/..." met on the way is a place where the simulation leaks
# into app/'s translation units. The ones left are listed, each with why, in
# tests/layers/labs_sim_leaks.txt ("<labs header> <sim header>  # why"); a leak not listed fails, and
# so does a listed one that is gone (the list only shrinks: take the line out).
# The sim/ headers reached are walked on too: the simulation itself (sim/cluster.h, the Simulation;
# sim/scenario.h, the ScenarioRun that drives it) must not be in any of app/'s translation units,
# whichever listed leak or sim/ header would bring it (a forward declaration does instead).
allow=tests/layers/labs_sim_leaks.txt
[ -f "$allow" ] || allow=/dev/null
simulation="sim/cluster.h sim/scenario.h"
walk=$(awk -v allowfile="$allow" -v simulation="$simulation" '
    function exists(p,   t, r) { r = (getline t < p); if (r >= 0) close(p); return r >= 0 }
    BEGIN {
        while ((getline line < allowfile) > 0) {
            sub(/#.*/, "", line)
            n = split(line, w, /[ \t]+/)
            k = 0
            for (i = 1; i <= n; i++) if (w[i] != "") f[++k] = w[i]
            if (k == 0) continue
            if (k != 2) { print "bad " allowfile ": " line; continue }
            allowed[f[1] " " f[2]] = 1
        }
        close(allowfile)
        head = 0; tail = 0
        while (("find app -name \"*.h\" -o -name \"*.cpp\"" | getline p) > 0) { queue[tail++] = p; seen[p] = 1 }
        close("find app -name \"*.h\" -o -name \"*.cpp\"")
        while (head < tail) {
            file = queue[head++]
            while ((getline line < file) > 0) {
                if (line !~ /^[ \t]*#[ \t]*include[ \t]*[<"]/) continue
                inc = line
                sub(/^[ \t]*#[ \t]*include[ \t]*[<"]/, "", inc)
                sub(/[>"].*/, "", inc)
                if (inc ~ /^sim\//) {
                    if (file ~ /^app\//) continue # the direct includes are the first check
                    edge = file " " inc
                    if (file !~ /^sim\// && !(edge in reported)) {
                        reported[edge] = 1
                        if (edge in allowed) used[edge] = 1
                        else {
                            chain = file
                            for (x = file; x in parent; x = parent[x]) chain = parent[x] " -> " chain
                            print "leak " chain " -> " inc
                        }
                    }
                    # On into sim/: what a listed leak brings along is checked below.
                    if (!(inc in seen) && exists(inc)) { seen[inc] = 1; parent[inc] = file; queue[tail++] = inc }
                    continue
                }
                if (inc in seen || !exists(inc)) continue
                seen[inc] = 1; parent[inc] = file; queue[tail++] = inc
            }
            close(file)
        }
        for (e in allowed) if (!(e in used)) print "stale " e
        n = split(simulation, whole, " ")
        for (i = 1; i <= n; i++) {
            if (!(whole[i] in seen)) continue
            chain = whole[i]
            for (x = whole[i]; x in parent; x = parent[x]) chain = parent[x] " -> " chain
            print "whole " chain
        }
    }')
bad=$(printf '%s\n' "$walk" | sed -n 's/^bad //p')
leaks=$(printf '%s\n' "$walk" | sed -n 's/^leak //p' | LC_ALL=C sort)
stale=$(printf '%s\n' "$walk" | sed -n 's/^stale //p' | LC_ALL=C sort)
whole=$(printf '%s\n' "$walk" | sed -n 's/^whole //p' | LC_ALL=C sort)
if [ -n "$bad" ]; then
    echo "FAIL: a line of the list of leaks is not \"<labs header> <sim header>  # why\":" >&2
    echo "$bad" >&2
    status=1
fi
if [ -n "$leaks" ]; then
    echo "FAIL: a labs/ header that app/ includes (directly or through others) includes a sim/ header; keep" >&2
    echo "sim/ out of it (a forward declaration, a labs-level type, the implementation in the .cpp):" >&2
    echo "$leaks" >&2
    status=1
fi
if [ -n "$whole" ]; then
    echo "FAIL: the simulation itself ($simulation) is in a translation unit of app/; declare what a" >&2
    echo "labs/ or sim/ header on the way holds by reference (class Simulation;) instead of including it:" >&2
    echo "$whole" >&2
    status=1
fi
if [ -n "$stale" ]; then
    echo "FAIL: $allow lists a leak that app/ no longer reaches; take the line out:" >&2
    echo "$stale" >&2
    status=1
fi
[ "$status" -eq 0 ] || exit 1
nleaks=$(grep -cvE '^[[:space:]]*(#|$)' "$allow" || true)
echo "app/ includes no sim/ header and names no sim:: or stream:: type nor the simulation under a labs/ name ($(echo "$files" | wc -l) files checked);"
echo "the labs/ headers it reaches include sim/ only at the $nleaks listed places ($allow),"
echo "and none of them brings the simulation itself ($simulation)"
