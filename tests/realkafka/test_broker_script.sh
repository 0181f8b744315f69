#!/usr/bin/env bash
# The real broker started by kafka-broker.sh (ctest fixture "realkafka"): it runs, answers, prints
# its bootstrap addresses, and its SASL listener takes the right password and refuses a wrong one.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
fail() { echo "FAIL: $*" >&2; exit 1; }

"$HERE/kafka-broker.sh" status >/dev/null || fail "status: the broker does not run"
env_out=$("$HERE/kafka-broker.sh" env)
eval "$env_out"
[[ "$KAFKA_BOOTSTRAP" =~ ^127\.0\.0\.1:[0-9]+$ ]] || fail "env: bad KAFKA_BOOTSTRAP '$KAFKA_BOOTSTRAP'"
[ -n "${KAFKA_SASL_BOOTSTRAP:-}" ] || fail "env: no SASL listener"

meta=$(kcat -L -b "$KAFKA_BOOTSTRAP" -m 10)
grep -q "^ *broker 1 at $KAFKA_BOOTSTRAP" <<<"$meta" || fail "metadata does not list broker 1 at $KAFKA_BOOTSTRAP: $meta"

sasl=(-X security.protocol=SASL_PLAINTEXT -X sasl.mechanisms=PLAIN -X sasl.username="$KAFKA_SASL_USER")
kcat -L -b "$KAFKA_SASL_BOOTSTRAP" "${sasl[@]}" -X sasl.password="$KAFKA_SASL_PASSWORD" -m 10 >/dev/null 2>&1 ||
  fail "SASL/PLAIN with the right password was refused"
if out=$(kcat -L -b "$KAFKA_SASL_BOOTSTRAP" "${sasl[@]}" -X sasl.password=wrong-password -m 5 2>&1); then
  fail "SASL/PLAIN with a wrong password was accepted"
fi
grep -q "Authentication failed" <<<"$out" || fail "wrong password: no authentication error in: $out"
echo "ok: broker at $KAFKA_BOOTSTRAP, SASL at $KAFKA_SASL_BOOTSTRAP"
