#!/usr/bin/env bash
# Starts `vigil serve` on a fresh data folder, creates an http input and an ingest token, runs IngestLoad once to warm
# the JVM up and once measured, and prints the server's process CPU time per 1,000 stored events over the measured run
# (from /proc/PID/stat and the vigil_events_processed_total counter), which the machine's load distorts less than
# events/s. It also prints the part of that CPU time spent by the JIT compiler threads: under load the warm-up does not
# finish the compilation, and that part is not a cost per event. Needs the built jars
# (mvn -o -q -pl vigil-server,vigil-benchmarks -am package -DskipTests).
#
#   scripts/ingest-load.sh [SECONDS] [SENDERS] [BATCH] [PORT]     (defaults 30 2 500 18080; WARMUP=15 seconds)
#   SERVER_OPTS adds options to the server's java command line (e.g. -XX:+UseTransparentHugePages).
#   RATE=N paces the load generator at N events/s (all senders together) instead of sending as fast as answered.
set -uo pipefail
cd "$(dirname "$0")/.."
secs="${1:-30}"; senders="${2:-2}"; batch="${3:-500}"; port="${4:-18080}"
java="${JAVA:-java}"
jar="${VIGIL_JAR:-vigil-server/target/vigil.jar}"
bench="${BENCH_JAR:-vigil-benchmarks/target/benchmarks.jar}"
dir="$(mktemp -d /tmp/vigil-load.XXXXXX)"
token="vgt_$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
VIGIL_BOOTSTRAP_API_TOKEN="$token" "$java" ${SERVER_OPTS:-} -jar "$jar" serve --data-dir "$dir/data" --port "$port" --syslog-port -1 \
    --ssh-port -1 >"$dir/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null' EXIT
for _ in $(seq 1 180); do curl -sf "http://127.0.0.1:$port/readyz" >/dev/null && break; sleep 1; done
api() { curl -sf -XPOST "http://127.0.0.1:$port$1" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' -d "$2"; }
input=$(api /api/v1/ingest/inputs '{"name":"load","type":"http","format":"json","tenant":"platform"}' | sed 's/.*"id":"\([^"]*\)".*/\1/')
ingest=$(api /api/v1/ingest/tokens "{\"input\":\"$input\",\"name\":\"load\"}" | sed 's/.*"secret":"\([^"]*\)".*/\1/')
load() { "$java" -cp "$bench" dev.vigil.benchmarks.ingest.IngestLoad "http://127.0.0.1:$port" "$ingest" "$token" "$@"; }
cpu() { awk -v hz="$(getconf CLK_TCK)" '{print ($14 + $15) / hz}' "/proc/$server/stat"; }
kernel() { awk -v hz="$(getconf CLK_TCK)" '{print $15 / hz}' "/proc/$server/stat"; }
# CPU seconds of the live JIT compiler threads (C1/C2 CompilerThreadN); the thread name is field 2 of .../stat
jit() { cat /proc/$server/task/*/stat 2>/dev/null | awk -v hz="$(getconf CLK_TCK)" '
    /\(C[12] CompilerThre/ { sub(/^.*\) /, ""); total += $12 + $13 } END { print total / hz }'; }
processed() { curl -s "http://127.0.0.1:$port/metrics" -H "Authorization: Bearer $token" | awk '/^vigil_events_processed_total/ {print $2}'; }
echo "warm-up: $(load "${WARMUP:-15}" "$senders" "$batch" | grep "events searchable")"
echo "load before: $(uptime)"
cpu0=$(cpu); sys0=$(kernel); jit0=$(jit); events0=$(processed)
load "$secs" "$senders" "$batch" "$dir/data"
cpu1=$(cpu); sys1=$(kernel); jit1=$(jit); events1=$(processed)
echo "load after: $(uptime)"
awk -v a="$cpu0" -v b="$cpu1" -v s="$sys0" -v t="$sys1" -v j="$jit0" -v k="$jit1" -v p="$events0" -v q="$events1" 'BEGIN {
    printf "server CPU %.1f s for %d stored events: %.3f CPU-s per 1,000 events\n", b - a, q - p, (b - a) * 1000 / (q - p)
    printf "of which in the kernel %.1f s (%.0f %%)\n", t - s, (t - s) * 100 / (b - a)
    printf "of which JIT compiler threads %.1f s; without them %.3f CPU-s per 1,000 events\n", k - j,
        (b - a - (k - j)) * 1000 / (q - p) }'
echo "data folder: $dir"
