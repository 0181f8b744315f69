#!/usr/bin/env bash
# compare_real.sh FLUXOLAB_CLI SCRIPT: runs `fluxolab-cli compare-real SCRIPT --empty-first --clean` against the
# broker kafka-broker.sh started (ctest fixture realkafka) and passes its exit code on.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
eval "$("$HERE/kafka-broker.sh" env)"
exec "$1" compare-real "$2" --bootstrap-server "$KAFKA_BOOTSTRAP" --empty-first --clean --width 100
