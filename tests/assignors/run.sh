#!/usr/bin/env bash
# The random-case assignor cross-check (ctest real/assignors):
#   tests/assignors/run.sh CROSSCHECK_BINARY WORK_DIR
# generates 600 groups (fixed seed), runs the real kafka-clients 4.3.1 assignors on them in one JVM
# (AssignorCrossCheck.java, run from source by Java 17; Maven only resolves kafka-clients' classpath) and
# compares every assignment with FluxoLab's (`fluxolab-cli assign`).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bin=$1
work=$2
mkdir -p "$work"
"$bin" generate 600 20261201 >"$work/cases.txt"
if [ ! -s "$work/classpath.txt" ]; then
  # Offline first (the jars are usually in ~/.m2 already), then from Maven Central.
  mvn -q -o -f "$here/pom.xml" dependency:build-classpath -Dmdep.outputFile="$work/classpath.txt" >/dev/null 2>&1 ||
    mvn -q -f "$here/pom.xml" dependency:build-classpath -Dmdep.outputFile="$work/classpath.txt"
fi
java -cp "$(cat "$work/classpath.txt")" "$here/AssignorCrossCheck.java" <"$work/cases.txt" >"$work/kafka.txt"
"$bin" compare "$work/cases.txt" "$work/kafka.txt"
