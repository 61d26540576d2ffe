#!/usr/bin/env bash
# Kills the server with SIGKILL at random moments while a sender pushes events and counts acknowledgements, restarts
# it, and checks that every acknowledged event is searchable exactly once. Each round of CrashRecoveryIT does three
# kills on one data folder; this script repeats it.
#
#   scripts/crash-test.sh [ROUNDS]      (default 5; needs a built jar: mvn -q -DskipTests package -pl vigil-server -am)
set -euo pipefail
cd "$(dirname "$0")/.."
rounds="${1:-5}"
for ((i = 1; i <= rounds; i++)); do
    echo "== crash test round $i of $rounds"
    log="$(mktemp)"
    if ! mvn -B -o -f vigil-server/pom.xml failsafe:integration-test failsafe:verify -Dit.test=CrashRecoveryIT >"$log" 2>&1; then
        grep -E "^round [0-9]+:|Tests run|FAIL|expected" "$log" || tail -50 "$log"
        echo "crash test failed in round $i; full log: $log"
        exit 1
    fi
    grep -E "^round [0-9]+:" "$log"
    rm -f "$log"
done
