#!/usr/bin/env bash
# The SASL/SCRAM listener of the test broker (kafka-broker.sh start --sasl) with Kafka's own Java
# client (kafka-configs.sh, i.e. kafka.admin.ConfigCommand, from the same 4.3.1 jars): for
# SCRAM-SHA-256 and SCRAM-SHA-512 the right password logs in and lists the user's SCRAM credentials,
# a wrong one is refused with Kafka's "invalid credentials" error. This proves the listener and the
# credentials added by `kafka-storage format --add-scram`; librdkafka 2.0.2 (Debian 12) cannot log
# in there (librdkafka#4895, see real/security), so SCRAM is checked with the Java client.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
CACHE=${FLUXOLAB_KAFKA_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/fluxolab/kafka-4.3.1}
eval "$("$HERE/kafka-broker.sh" env)"
[ -n "${KAFKA_SASL_BOOTSTRAP:-}" ] || { echo "FAIL: the broker has no SASL listener (start --sasl)"; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail=0

configs() { # configs MECHANISM PASSWORD: prints kafka-configs' output, returns its exit code
  cat >"$work/client.properties" <<PROPS
security.protocol=SASL_PLAINTEXT
sasl.mechanism=$1
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="$KAFKA_SASL_USER" password="$2";
PROPS
  timeout 120 java -Xmx256m -Djava.awt.headless=true -cp "$CACHE/libs/*" kafka.admin.ConfigCommand \
    --bootstrap-server "$KAFKA_SASL_BOOTSTRAP" --command-config "$work/client.properties" \
    --describe --entity-type users 2>&1
}

for mech in SCRAM-SHA-256 SCRAM-SHA-512; do
  if out=$(configs "$mech" "$KAFKA_SASL_PASSWORD"); then
    # Both mechanisms' credentials, in either order (the tool prints them in no fixed order).
    line=$(grep -F "SCRAM credential configs for user-principal '$KAFKA_SASL_USER' are " <<<"$out" || true)
    if grep -qF "SCRAM-SHA-256=iterations=4096" <<<"$line" && grep -qF "SCRAM-SHA-512=iterations=4096" <<<"$line"; then
      echo "ok: $mech with the right password lists the user's SCRAM credentials"
    else
      echo "FAIL: $mech with the right password printed:"; echo "$out" | tail -n 5; fail=1
    fi
  else
    echo "FAIL: $mech with the right password was refused:"; echo "$out" | tail -n 5; fail=1
  fi
  if out=$(configs "$mech" "not-the-password-42"); then
    echo "FAIL: $mech with a wrong password logged in"; fail=1
  elif grep -qF "SaslAuthenticationException: Authentication failed during authentication due to invalid credentials with SASL mechanism $mech" <<<"$out"; then
    echo "ok: $mech with a wrong password is refused (invalid credentials)"
  else
    echo "FAIL: $mech with a wrong password failed otherwise:"; echo "$out" | tail -n 5; fail=1
  fi
done
exit $fail
