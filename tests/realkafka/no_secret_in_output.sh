#!/usr/bin/env bash
# Runs a test and fails when its stdout or stderr holds one of the given passwords (or the test
# fails): `no_secret_in_output.sh SECRET[,SECRET...] -- COMMAND [ARGS...]`. The output is shown.
set -uo pipefail
IFS=, read -r -a secrets <<<"$1"
shift
[ "${1:-}" = "--" ] && shift
log=$(mktemp)
trap 'rm -f "$log"' EXIT
"$@" >"$log" 2>&1
rc=$?
cat "$log"
for s in "${secrets[@]}"; do
  [ -n "$s" ] || continue
  if grep -qF -- "$s" "$log"; then
    echo "FAIL: a password given to the test appears in its output" >&2
    rc=1
  fi
done
exit $rc
