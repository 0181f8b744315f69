#!/usr/bin/env bash
# compare_real.sh FLUXOLAB_CLI SCRIPT: runs `fluxolab-cli compare-real SCRIPT --clean` against the
# broker kafka-broker.sh started (ctest fixture realkafka) and passes its exit code on.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
eval "$("$HERE/kafka-broker.sh" env)"
exec "$1" compare-real "$2" --bootstrap-server "$KAFKA_BOOTSTRAP" --clean --width 100
