#!/usr/bin/env bash
# Runs a FluxoLab trace through the real Apache Flink (tests/flink/README.md).
#   tests/flink/flink-replay.sh TRACE OPTIONS...     what `fluxolab-cli replay TRACE OPTIONS...` prints
#   tests/flink/flink-replay.sh --batch LIST         several runs in one JVM (see FlinkReplay.batch)
#   tests/flink/flink-replay.sh --build              only build the harness (and print its class path)
# Builds the harness with Maven once into a cache folder ($FLUXOLAB_FLINK_CACHE, default
# ~/.cache/fluxolab/flink-harness) and rebuilds only when the pom or a source changes. The first
# build downloads Flink from Maven Central into ~/.m2; later builds run offline.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cache=${FLUXOLAB_FLINK_CACHE:-${XDG_CACHE_HOME:-${HOME:-/tmp}/.cache}/fluxolab/flink-harness}
mkdir -p "$cache"

for tool in java mvn; do
  command -v "$tool" >/dev/null || {
    echo "flink-replay: '$tool' not found: install Java 17 and Maven (./fluxolab.sh test installs them)" >&2
    exit 2
  }
done

stamp=$( (cat "$here/pom.xml"; find "$here/src" -type f | LC_ALL=C sort | xargs cat) | sha256sum | cut -c1-16)

# Each version of the harness (hash of the pom and the sources) has its own folder: worktrees with
# different versions never delete a jar another one is running.
out="$cache/$stamp"

build() {
  # One build at a time (ctest may start several users of the harness at once).
  exec 9>"$cache/lock"
  flock 9
  if [ -f "$out/classpath.txt" ] && [ -f "$out/target/fluxolab-flink-harness-1.jar" ]; then
    exec 9>&-
    return 0
  fi
  rm -rf "$out"
  mkdir -p "$out"
  local args=(-q -B -f "$here/pom.xml" "-Dfluxolab.build.dir=$out/target" package
    dependency:build-classpath "-Dmdep.outputFile=$out/classpath.tmp")
  echo "flink-replay: building the Flink harness into $out" >&2
  if ! mvn -o "${args[@]}" >"$out/build.log" 2>&1; then
    # Not everything is in ~/.m2 yet: the first build downloads Flink from Maven Central.
    mvn "${args[@]}" >"$out/build.log" 2>&1 || {
      cat "$out/build.log" >&2
      echo "flink-replay: the Maven build failed (log: $out/build.log)" >&2
      exit 2
    }
  fi
  mv "$out/classpath.tmp" "$out/classpath.txt"
  exec 9>&-
}

build
cp="$out/target/fluxolab-flink-harness-1.jar:$(cat "$out/classpath.txt")"
if [ "${1:-}" = "--build" ]; then
  echo "$cp"
  exit 0
fi
# A small heap is plenty for the traces; MiniCluster's defaults are sized for real jobs.
exec java -Xmx768m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp "$cp" fluxolab.flink.FlinkReplay "$@"
