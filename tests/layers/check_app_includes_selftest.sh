#!/bin/sh
# The layer guard can fail: it is run on small trees made here, each with one violation (a sim/
# include, a sim:: name, a namespace alias for sim, a labs/ name the simulation had, a labs/ header
# app/ reaches that includes sim/ and is not listed, a listed leak that is gone), and on ones whose
# only such names are in comments or look-alikes, or whose leak is listed, which must pass.
# Usage: check_app_includes_selftest.sh <path of check_app_includes.sh>
set -eu
guard=${1:?check_app_includes.sh}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

expect() { # expect pass|fail <case name> <file contents>
    put "$2" app/core/x.cpp "$3"
    check "$1" "$2"
}
put() { # put <case name> <path> <contents>: one more file in the case's tree
    mkdir -p "$(dirname "$tmp/$1/$2")"
    printf '%s\n' "$3" > "$tmp/$1/$2"
}
check() { # check pass|fail <case name>: runs the guard on the case's tree
    want=$1 name=$2
    dir="$tmp/$name"
    if sh "$guard" "$dir" > "$dir/out" 2>&1; then got=pass; else got=fail; fi
    if [ "$got" != "$want" ]; then
        echo "FAIL: case $name: the guard said $got, expected $want" >&2
        cat "$dir/out" >&2
        exit 1
    fi
}

expect fail include '#include "sim/cluster.h"'
expect fail name 'labs::TimeMs f(sim::TimeMs t) { return t; }'
expect fail qualified 'int n = fluxolab::sim::kMaxRecordsPerUserOp;'
expect fail after-comment '/* a comment */ sim::Scenario s;'
expect fail alias 'namespace s = fluxolab::sim;'
expect fail using 'using namespace sim;'
expect pass comments '// sim::Simulation is read by labs only
/* sim::Journal
   sim::Event */
/// The view of sim::ClusterView.
labs::TimeMs t = 0; // not sim::TimeMs'
expect pass lookalike 'int mysim::x = 0; int simple = 1;'
expect fail simulation-alias 'const labs::Simulation& s = f();'
expect fail journal-alias 'void f(const labs::SimJournal& j);'
expect fail event-alias 'const labs::SimEvent* e = nullptr; auto t = labs::SimEventType::TopicCreated;'
expect fail view-alias 'using V = fluxolab::labs::KafkaView;'
expect fail unqualified-alias 'using namespace fluxolab::labs; KafkaView v;'
expect fail field-kind-alias 'labs::JournalFieldKind k{};'
expect fail family-alias 'bool kafka = e.family == labs::kKafkaEventFamily;'
expect pass alias-lookalikes '// labs::Simulation was a name of the simulation
labs::SimulationController* c = nullptr; int SimEventCount = 0; labs::observe::SimObserver o;
std::string s = "KafkaView";'
# The stream engine (sim/stream, namespace fluxolab::stream) likewise: app/ reads labs' values.
expect fail stream-name 'labs::Millis t = stream::kMinTime;'
expect fail stream-qualified 'void f(const fluxolab::stream::JobSpec& spec);'
expect fail stream-using 'namespace fluxolab::app { using namespace fluxolab::stream; }'
expect pass stream-lookalikes 'stream_observe::StreamObservation o; QTextStream::Status st{}; labs::Millis t = labs::kMinTime;
// stream::JobSpec is converted in labs/stream_tool/engine_values.h'
# Transitive: app/ includes a labs/ header that includes another that includes sim/ (the app's
# translation unit would see the simulation), listed or not in tests/layers/labs_sim_leaks.txt.
put transitive app/core/x.cpp '#include "labs/a.h"'
put transitive labs/a.h '#include "labs/b.h"
#include <vector>'
put transitive labs/b.h '#include "sim/cluster.h"'
check fail transitive
grep -q 'app/core/x.cpp -> labs/a.h -> labs/b.h -> sim/cluster.h' "$tmp/transitive/out" ||
    { echo "FAIL: case transitive: the chain is not named" >&2; cat "$tmp/transitive/out" >&2; exit 1; }
put transitive-angled app/core/x.cpp '#include "labs/a.h"'
put transitive-angled labs/a.h '#include <sim/types.h>'
check fail transitive-angled
put transitive-listed app/core/x.cpp '#include "labs/a.h"'
put transitive-listed labs/a.h '#include "labs/b.h"'
put transitive-listed labs/b.h '#include "sim/cluster.h"'
put transitive-listed tests/layers/labs_sim_leaks.txt '# why
labs/b.h sim/cluster.h  # the reason'
check pass transitive-listed
put transitive-stale app/core/x.cpp '#include "labs/a.h"'
put transitive-stale labs/a.h '// no sim/ here'
put transitive-stale labs/c.h '#include "sim/cluster.h"'
put transitive-stale tests/layers/labs_sim_leaks.txt 'labs/c.h sim/cluster.h  # not reached from app/ any more'
check fail transitive-stale
put transitive-bad-line app/core/x.cpp '// nothing'
put transitive-bad-line tests/layers/labs_sim_leaks.txt 'labs/c.h'
check fail transitive-bad-line
put not-reached app/core/x.cpp '#include "labs/a.h"'
put not-reached labs/a.h '#include <vector>'
put not-reached labs/z.h '#include "sim/cluster.h"'
check pass not-reached
# A listed leak whose sim/ header brings the simulation itself along (as sim/stream/kafka_topic.h
# once did with sim/cluster.h): fails, with the chain named; the same with Simulation only
# declared passes.
put whole-listed app/core/x.cpp '#include "labs/a.h"'
put whole-listed labs/a.h '#include "sim/s.h"'
put whole-listed sim/s.h '#include "sim/cluster.h"'
put whole-listed sim/cluster.h 'class Simulation {};'
put whole-listed tests/layers/labs_sim_leaks.txt 'labs/a.h sim/s.h  # the reason'
check fail whole-listed
grep -q 'app/core/x.cpp -> labs/a.h -> sim/s.h -> sim/cluster.h' "$tmp/whole-listed/out" ||
    { echo "FAIL: case whole-listed: the chain is not named" >&2; cat "$tmp/whole-listed/out" >&2; exit 1; }
put whole-scenario app/core/x.cpp '#include "labs/a.h"'
put whole-scenario labs/a.h '#include "sim/scenario.h"'
put whole-scenario sim/scenario.h '// ScenarioRun'
put whole-scenario tests/layers/labs_sim_leaks.txt 'labs/a.h sim/scenario.h  # the reason'
check fail whole-scenario
put declared app/core/x.cpp '#include "labs/a.h"'
put declared labs/a.h '#include "sim/s.h"'
put declared sim/s.h 'namespace fluxolab::sim { class Simulation; }'
put declared sim/cluster.h 'class Simulation {};'
put declared tests/layers/labs_sim_leaks.txt 'labs/a.h sim/s.h  # the reason'
check pass declared
# The stream view's observation once held the engine's values (sim/stream/engine.h through
# labs/stream_tool/stream_errors.h); not listed any more, that chain fails again if it comes back.
put stream-leak app/stream/x.cpp '#include "labs/stream_observe/stream_observation.h"'
put stream-leak labs/stream_observe/stream_observation.h '#include "labs/stream_tool/stream_errors.h"'
put stream-leak labs/stream_tool/stream_errors.h '#include "sim/stream/engine.h"'
check fail stream-leak
grep -q 'app/stream/x.cpp -> labs/stream_observe/stream_observation.h -> labs/stream_tool/stream_errors.h -> sim/stream/engine.h' "$tmp/stream-leak/out" ||
    { echo "FAIL: case stream-leak: the chain is not named" >&2; cat "$tmp/stream-leak/out" >&2; exit 1; }
echo "the layer guard fails on each violation and passes comments and look-alikes (30 cases)"
