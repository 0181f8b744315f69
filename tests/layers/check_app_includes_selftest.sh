#!/bin/sh
# The layer guard can fail: it is run on small trees made here, each with one violation (a sim/
# include, a sim:: name, a namespace alias for sim, a labs/ name the simulation had), and on ones
# whose only such names are in comments or look-alikes, which must pass.
# Usage: check_app_includes_selftest.sh <path of check_app_includes.sh>
set -eu
guard=${1:?check_app_includes.sh}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

expect() { # expect pass|fail <case name> <file contents>
    want=$1 name=$2 body=$3
    dir="$tmp/$name"
    mkdir -p "$dir/app/core"
    printf '%s\n' "$body" > "$dir/app/core/x.cpp"
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
echo "the layer guard fails on each violation and passes comments and look-alikes (16 cases)"
