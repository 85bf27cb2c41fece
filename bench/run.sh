#!/usr/bin/env bash
# cloudmock benchmark: start-up time, throughput, memory. Loopback only; every loop and run is bounded.
#
#   mvn -q -DskipTests package && bench/run.sh
#
# Needs: java, curl, wrk (Debian: apt-get install -y wrk). Environment knobs:
#   JAR=target/cloudmock.jar      the jar to measure
#   JAVA_OPTS=...                 JVM flags (default: the Docker image's ENTRYPOINT flags; empty for none)
#   STARTS=5                      how many cold starts to time
#   DURATION=10s THREADS=2 CONNECTIONS=16   wrk settings for each throughput run (after a 3 s warm-up)
# Throughput runs whose endpoint answers cloudmock's "no such path" 404 (provider not built in) are skipped.
set -euo pipefail
cd "$(dirname "$0")/.."

JAR="${JAR:-target/cloudmock.jar}"
JAVA_OPTS="${JAVA_OPTS--XX:+UseSerialGC -XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError}"
STARTS="${STARTS:-5}"
DURATION="${DURATION:-10s}"
THREADS="${THREADS:-2}"
CONNECTIONS="${CONNECTIONS:-16}"

for tool in java curl wrk; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is needed (apt-get install -y $tool)" >&2; exit 1; }
done
[ -f "$JAR" ] || { echo "bench: $JAR not found; run: mvn -q -DskipTests package" >&2; exit 1; }

work=$(mktemp -d)
pid=""
cleanup() {
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then kill "$pid"; wait "$pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'echo "bench: stopped by a failing command at line $LINENO" >&2' ERR

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# Starts cloudmock on a free port (--port 0); sets pid and base; logs go to $work/stderr.log.
# shellcheck disable=SC2086  # JAVA_OPTS is a list of flags
start() {
  : >"$work/stdout.log"
  java $JAVA_OPTS -jar "$JAR" --port 0 >"$work/stdout.log" 2>"$work/stderr.log" &
  pid=$!
  local line=""
  for _ in $(seq 1 12000); do   # at most ~60 s
    line=$(head -n1 "$work/stdout.log")
    [ -n "$line" ] && break
    kill -0 "$pid" 2>/dev/null || { echo "bench: cloudmock exited: $(cat "$work/stderr.log")" >&2; exit 1; }
    sleep 0.005
  done
  base="${line#cloudmock listening on }"
  base="${base/0.0.0.0/127.0.0.1}"
  [ -n "$line" ] || { echo "bench: no start-up line within 60 s" >&2; exit 1; }
}

stop() {
  kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; pid=""
}

rss_mb() { awk '/^VmRSS:/ { printf "%.0f", $2 / 1024 }' "/proc/$pid/status"; }

echo "# cloudmock benchmark, $(date -u +%Y-%m-%dT%H:%MZ)"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "java: $(java -version 2>&1 | head -n1); flags: ${JAVA_OPTS:-none}"
echo "jar: $JAR ($(du -h "$JAR" | cut -f1)), $(java -jar "$JAR" --version)"
echo

# --- start-up: process start to the first 200 from /_cloudmock/health --------------------------------
echo "## start-up (process start to health 200), $STARTS cold starts"
times=()
for i in $(seq 1 "$STARTS"); do
  t0=$(now_ms)
  start   # --port 0: polls (5-20 ms steps) for the start-up line that names the port
  ok=""
  for _ in $(seq 1 1000); do   # at most ~10 s more
    if curl -fs -o /dev/null --max-time 1 "$base/_cloudmock/health"; then ok=1; break; fi
    sleep 0.005
  done
  t1=$(now_ms)
  stop
  [ -n "$ok" ] || { echo "bench: start $i never answered health" >&2; cat "$work/stderr.log" >&2; exit 1; }
  times+=($((t1 - t0)))
  echo "run $i: $((t1 - t0)) ms"
done
sorted=$(printf '%s\n' "${times[@]}" | sort -n)
echo "min $(head -n1 <<<"$sorted") ms, median $(sed -n "$(( (STARTS + 1) / 2 ))p" <<<"$sorted") ms, max $(tail -n1 <<<"$sorted") ms"
echo

# --- throughput and memory -----------------------------------------------------------------------------
start
sleep 2
echo "## memory"
echo "RSS after start: $(rss_mb) MB"
echo

cat >"$work/zenlayer.lua" <<'LUA'
wrk.method = "POST"
wrk.body = "{}"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["X-ZC-Action"] = "DescribeInstances"
wrk.headers["X-ZC-Version"] = "2026-04-01"
LUA

# absent: cloudmock's fallback 404 for a path no provider serves
absent() { grep -q '"code":"NOT_FOUND"' <<<"$1" && grep -q 'cloudmock serves' <<<"$1"; }

# best effort: give the list actions something to list (the control API's instance creation, if present)
for seed in ncp:RUN zenlayer:RUNNING; do
  provider=${seed%%:*} state=${seed#*:}
  out=$(curl -s --max-time 10 -X POST "$base/_cloudmock/instances" -H 'Content-Type: application/json' \
        -d "{\"provider\":\"$provider\",\"state\":\"$state\",\"count\":20}" || true)
  if grep -q '"instances"' <<<"$out"; then echo "seeded 20 $provider instances"; else echo "not seeded ($provider): ${out:0:120}"; fi
done
echo

echo "## throughput (wrk -t$THREADS -c$CONNECTIONS -d$DURATION after a 3 s warm-up; request log to a file)"
echo "| call | requests/s | latency avg | latency p99 | non-2xx |"
echo "|---|---|---|---|---|"
bench() {   # name url [wrk args...]
  local name=$1 url=$2; shift 2
  wrk -t"$THREADS" -c"$CONNECTIONS" -d3s "$@" "$url" >/dev/null
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$@" "$url" >"$work/wrk.txt"
  local rps lat p99 non2xx
  rps=$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' "$work/wrk.txt")
  lat=$(awk '/^    Latency/ { print $2; exit }' "$work/wrk.txt")
  p99=$(awk '/^ +99%/ { print $2; exit }' "$work/wrk.txt")
  non2xx=$(awk '/Non-2xx/ { print $NF }' "$work/wrk.txt")
  echo "| $name | $rps | $lat | $p99 | ${non2xx:-0} |"
}
bench "control: GET /_cloudmock/health" "$base/_cloudmock/health"

probe=$(curl -s --max-time 10 "$base/vserver/v2/getServerInstanceList?responseFormatType=json" || echo "curl failed: $?")
if absent "$probe"; then
  echo "| NCP getServerInstanceList | skipped: no NCP routes in this build | | | |"
else
  bench "NCP: GET getServerInstanceList (JSON)" "$base/vserver/v2/getServerInstanceList?responseFormatType=json"
  bench "NCP: GET getServerInstanceList (XML)" "$base/vserver/v2/getServerInstanceList"
fi

probe=$(curl -s --max-time 10 -X POST "$base/api/v2/vm" -H 'Content-Type: application/json' \
        -H 'X-ZC-Action: DescribeInstances' -H 'X-ZC-Version: 2026-04-01' -d '{}' || echo "curl failed: $?")
if absent "$probe"; then
  echo "| Zenlayer DescribeInstances | skipped: no Zenlayer routes in this build | | | |"
else
  bench "Zenlayer: POST DescribeInstances" "$base/api/v2/vm" -s "$work/zenlayer.lua"
fi
echo
echo "RSS after load: $(rss_mb) MB"
echo "request log lines written: $(wc -l <"$work/stderr.log")"
stop
