#!/usr/bin/env bash
# cloudmock benchmark (issue 12): cloudmock side by side with WireMock (standalone jar, stub answering the same
# bytes) and nginx (the same bytes as a static file), in ONE run, so the ratios hold even when the absolute times
# drift on a shared machine. Loopback only; every loop and run is bounded. Run by hand; never part of .ci/run.
#
#   mvn -q -DskipTests package && bench/run.sh            # writes the table to stdout and to $OUT
#
# Installs what it lacks: wrk, nginx, jq, wget and, for `podman run` of the image, podman, runc and busybox-static
# (apt-get), WireMock's standalone jar (mvn dependency:copy, Maven's own configured repository). Environment knobs:
#   JAR=target/cloudmock.jar    WIREMOCK_VERSION=3.13.2    OUT=docs/benchmark-latest.md (empty: stdout only)
#   STARTS=5  DURATION=10s  THREADS=2  CONNECTIONS=32      SCALE=100000 (servers for the scale figures; 0: skip)
#   REQUESTS=1000000 (list calls for the RSS-after-load figure; 0: skip)   REST=20 (seconds idle before an "at rest" RSS)
#   EXT_STARTS=40 (the JUnit extension's starts in one JVM, bench/ExtensionStarts.java)   WARMUP=10s (wrk before each figure)
#   ROUNDS=15 (rounds of a rename, then each filter, for the "right after a change" figure)
#   IMAGE_JAVA=/path/to/java (the JVM of the image's Java version)   PODMAN=0 (skip `podman run` of the image)
# Every JVM runs as plain `java -jar` (no flags), as the issue's targets are stated, except the Docker image's
# start-up rows: its ENTRYPOINT, read from docker/Dockerfile, with the cache its own training makes (bench/image.sh).
set -euo pipefail
cd "$(dirname "$0")/.."

JAR="${JAR:-target/cloudmock.jar}"
WIREMOCK_VERSION="${WIREMOCK_VERSION:-3.13.2}"
OUT="${OUT-docs/benchmark-latest.md}"
STARTS="${STARTS:-5}"
DURATION="${DURATION:-10s}"
THREADS="${THREADS:-2}"
CONNECTIONS="${CONNECTIONS:-32}"
SCALE="${SCALE:-100000}"
REQUESTS="${REQUESTS:-1000000}"   # the RSS figure after this many list calls (0: skip), against after 10,000
# RSS read while wrk runs catches G1 between collections, with as much young generation as it chose to grow: the
# same figures are also read "at rest", REST seconds after the load stopped (the command line hands memory back
# after about 10 s idle: a periodic collection and a trim of the C heap), for cloudmock and WireMock alike
REST="${REST:-20}"
# wrk on the same call before each figure: the JVMs' compilers settle on a call's path in 5 to 10 s here (a 3 s
# warm-up left the first call measured, JSON, at a third of its settled rate; WireMock gets the same warm-up)
WARMUP="${WARMUP:-10s}"
warm_runs=""

missing=()
command -v wrk >/dev/null || missing+=(wrk)
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing+=(nginx-light)
command -v curl >/dev/null || missing+=(curl)
command -v jq >/dev/null || missing+=(jq)
command -v wget >/dev/null || missing+=(wget)   # the image's training RUN calls it
if [ "${PODMAN:-1}" != 0 ]; then
  command -v podman >/dev/null || missing+=(podman)
  command -v runc >/dev/null || missing+=(runc)
  [ -x /bin/busybox ] || missing+=(busybox-static)
fi
if [ ${#missing[@]} -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq "${missing[@]}"
fi
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
[ -f "$JAR" ] || { echo "bench: $JAR not found; run: mvn -q -DskipTests package" >&2; exit 1; }

work=$(mktemp -d)
chmod 755 "$work"   # nginx's workers read the static file
WM_JAR="$work/wiremock-standalone-$WIREMOCK_VERSION.jar"
mvn -q dependency:copy -Dartifact="org.wiremock:wiremock-standalone:$WIREMOCK_VERSION" \
    -DoutputDirectory="$work" -Dmdep.overWriteIfNewer=true >"$work/mvn.log" 2>&1 \
  || { echo "bench: could not fetch WireMock $WIREMOCK_VERSION:" >&2; cat "$work/mvn.log" >&2; exit 1; }

# shellcheck source=bench/image.sh
. bench/image.sh

pid="" ; nginx_pid=""
cleanup() {
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then kill "$pid"; wait "$pid" 2>/dev/null || true; fi
  podman_cleanup
  if [ -n "$nginx_pid" ] && kill -0 "$nginx_pid" 2>/dev/null; then kill "$nginx_pid"; wait "$nginx_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'echo "bench: stopped by a failing command at line $LINENO" >&2' ERR

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
# below the kernel's ephemeral range (32768 and up here): a port some client connection holds cannot be bound
free_port() { local p; for _ in $(seq 1 50); do p=$((20000 + RANDOM % 12000)); ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null && { echo "$p"; return; }; done; exit 1; }

# Starts a server (cloudmock or wiremock) on a free port; sets pid and base. Does not wait for it.
launch() {   # which
  local port; port=$(free_port)
  base="http://127.0.0.1:$port"
  case $1 in
    cloudmock) java -jar "$JAR" --port "$port" >"$work/out.log" 2>"$work/err.log" & ;;
    wiremock)  java -jar "$WM_JAR" --port "$port" --root-dir "$work/wm" --disable-banner >"$work/out.log" 2>"$work/err.log" & ;;
    image)     image_launch "$port"; return ;;
    podman)    podman_launch "$port"; return ;;
  esac
  pid=$!
}
health_path() { [ "$1" = wiremock ] && echo /__admin/health || echo /_cloudmock/health; }
wait_200() {   # which; at most ~60 s
  local path; path=$(health_path "$1")
  for _ in $(seq 1 6000); do
    curl -fs -o /dev/null --max-time 1 "$base$path" && return 0
    kill -0 "$pid" 2>/dev/null || { echo "bench: $1 exited: $(cat "$work/err.log" "$work/out.log")" >&2; exit 1; }
    sleep 0.01
  done
  echo "bench: $1 never answered 200" >&2; exit 1
}
stop() { kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; pid=""; }
rss_mb() { awk '/^VmRSS:/ { printf "%.0f", $2 / 1024 }' "/proc/$pid/status"; }
median() { printf '%s\n' "$@" | sort -n | sed -n "$(( ($# + 1) / 2 ))p"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "-" || b + 0 == 0) print "-"; else printf "%.2f", a / b }'; }

# wrk: sets rps and p99 (ms) and p50 (ms); fails on non-2xx answers (a figure of errors is no figure)
to_ms() { awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0; else if (v ~ /s$/) n *= 1000; printf "%.2f", n }'; }
measure() {   # url [wrk args...]
  local url=$1; shift
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" "$@" "$url" >/dev/null
  # then until two 5 s runs in a row agree within 5 % (at most 12 more): on a slow day the JIT is still compiling
  # after the fixed warm-up, and a figure taken then is the JIT's, not the server's steady state
  local before=0 now k
  for k in $(seq 1 12); do
    now=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d5s "$@" "$url" | awk '/^Requests\/sec:/ { printf "%.0f", $2 }')
    awk -v a="$before" -v b="$now" 'BEGIN { exit !(a > 0 && b <= a * 1.05 && b >= a * 0.95) }' && break
    before=$now
  done
  warm_runs+="$k "
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout 10s --latency "$@" "$url" >"$work/wrk.txt"
  if grep -q 'Non-2xx' "$work/wrk.txt"; then echo "bench: non-2xx answers from $url" >&2; cat "$work/wrk.txt" >&2; exit 1; fi
  rps=$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' "$work/wrk.txt")
  p99=$(to_ms "$(awk '/^ +99%/ { print $2; exit }' "$work/wrk.txt")")
  p50=$(to_ms "$(awk '/^ +50%/ { print $2; exit }' "$work/wrk.txt")")
}

cat >"$work/zenlayer.lua" <<'LUA'
wrk.method = "POST"
wrk.body = "{}"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["X-ZC-Action"] = "DescribeInstances"
wrk.headers["X-ZC-Version"] = "2026-04-01"
LUA

commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
load_start=$(cut -d' ' -f1-3 /proc/loadavg)
LIST="/vserver/v2/getServerInstanceList"

# --- start-up: process start to the first 200, plain java -jar, and the Docker image's (bench/image.sh) ---------
mkdir -p "$work/wm/mappings" "$work/wm/__files"
starters=(cloudmock wiremock)
if image_prepare; then starters+=(image); else echo "bench: the image's command line not measured: $image_why" >&2; fi
if [ "$PODMAN" = 0 ]; then podman_why="PODMAN=0"
elif podman_prepare; then starters+=(podman); else echo "bench: podman run of the image not measured: $podman_why" >&2; fi
# interleaved, one start of each per round, so that every median sees the same minutes of this shared machine
declare -A start_ms start_times
first_ncp="" first_zl=""
for _ in $(seq 1 "$STARTS"); do
  for which in "${starters[@]}"; do
    t0=$(now_ms); launch "$which"; wait_200 "$which"; t1=$(now_ms)
    start_times[$which]+="$((t1 - t0)) "
    # what was left for after the first 200 (the JSON mapper, a provider's first action) is paid by the first
    # calls: an NCP list and a Zenlayer DescribeInstances of the new server's empty account, right after it
    if [ "$which" = cloudmock ]; then
      first_ncp+="$(curl -fs -o /dev/null --max-time 60 -w '%{time_total}' "$base$LIST?responseFormatType=json" \
                     | awk '{ printf "%.0f", $1 * 1000 }') "
      first_zl+="$(curl -fs -o /dev/null --max-time 60 -w '%{time_total}' -X POST -H 'Content-Type: application/json' \
                     -H 'X-ZC-Action: DescribeInstances' -H 'X-ZC-Version: 2026-04-01' -d '{}' "$base/api/v2/vm" \
                     | awk '{ printf "%.0f", $1 * 1000 }') "
    fi
    stop
  done
done
for which in cloudmock wiremock image podman; do
  # shellcheck disable=SC2086
  if [ -n "${start_times[$which]:-}" ]; then start_ms[$which]=$(median ${start_times[$which]}); else start_ms[$which]="-"; fi
  echo "start-up $which: ${start_times[$which]:-not measured}ms (median ${start_ms[$which]})" >&2
done
# shellcheck disable=SC2086
first_ncp_ms=$(median $first_ncp); first_zl_ms=$(median $first_zl)
echo "first calls after the 200: NCP list ${first_ncp}ms, Zenlayer DescribeInstances ${first_zl}ms" >&2
load_startup=$(cut -d' ' -f1-3 /proc/loadavg)
image_row_name="the Docker image's command line on $(basename "$(dirname "$(dirname "$(readlink -f "${image_java:-java}")")")"), median of $STARTS"
image_note=""; [ -n "$image_why" ] && image_note=" ($image_why)"
podman_note=""; [ -n "$podman_why" ] && podman_note=" ($podman_why)"

# --- the JUnit extension's starts in one JVM (what CloudMockExtension does per test class) -------------------
# its figures are the last line: without a logging configuration of the embedding application, logback's default
# writes Jetty's DEBUG lines to stdout before it
# as in a test suite with its own logback-test.xml (root at WARN here): without one, logback's default logs every
# DEBUG line of Jetty's start to stdout, which is that default's cost, not the extension's
cat >"$work/logback-bench.xml" <<'XML'
<configuration><appender name="E" class="ch.qos.logback.core.ConsoleAppender"><target>System.err</target>
<encoder><pattern>%msg%n</pattern></encoder></appender><root level="WARN"><appender-ref ref="E"/></root></configuration>
XML
read -r _ ext_first ext_later < <(java -Dlogback.configurationFile="$work/logback-bench.xml" -cp "$JAR" \
    bench/ExtensionStarts.java "${EXT_STARTS:-40}" 2>/dev/null | grep '^extension-starts ' | tail -n 1)
echo "extension starts: first $ext_first ms, later median $ext_later ms" >&2

# --- cloudmock: idle RSS, then the bytes every server is to answer ------------------------------------------
launch cloudmock; wait_200 cloudmock; sleep 2
cm_idle=$(rss_mb)
sleep $(( REST > 2 ? REST - 2 : 0 )); cm_idle_rest=$(rss_mb)
for seed in ncp:RUN zenlayer:RUNNING; do
  curl -fs --max-time 10 -X POST "$base/_cloudmock/instances" -H 'Content-Type: application/json' \
       -d "{\"provider\":\"${seed%%:*}\",\"state\":\"${seed#*:}\",\"count\":20}" >/dev/null
done
curl -fs --max-time 10 "$base$LIST?responseFormatType=json" >"$work/list.json"
bytes=$(wc -c <"$work/list.json")
measure "$base$LIST?responseFormatType=json"; cm_json_rps=$rps cm_json_p99=$p99
measure "$base$LIST"; cm_xml_rps=$rps cm_xml_p99=$p99
measure "$base/api/v2/vm" -s "$work/zenlayer.lua"; cm_zl_rps=$rps cm_zl_p99=$p99
cm_loaded=$(rss_mb)
stop
echo "cloudmock done" >&2

# --- cloudmock: RSS after 10,000 list calls and after $REQUESTS, on a fresh server ----------------------------------
rss_10k="-" rss_100k="-" rss_many="-" rest_10k="-" rest_many="-" served=0
if [ "$REQUESTS" -gt 0 ]; then
  launch cloudmock; wait_200 cloudmock
  curl -fs --max-time 10 -X POST "$base/_cloudmock/instances" -H 'Content-Type: application/json' \
       -d '{"provider":"ncp","state":"RUN","count":20}' >/dev/null
  while [ "$served" -lt "$REQUESTS" ]; do
    if [ "$served" -lt 10000 ]; then d=1s; else d=5s; fi
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$d" "$base$LIST?responseFormatType=json" >"$work/wrk.txt"
    served=$(( served + $(awk '/requests in/ { print $1; exit }' "$work/wrk.txt") ))
    if [ "$rss_10k" = "-" ] && [ "$served" -ge 10000 ]; then rss_10k=$(rss_mb); sleep "$REST"; rest_10k=$(rss_mb); fi
    # G1 sizes its young generation in the first seconds of load and then holds it: this one shows whether RSS
    # still grows after that (against after 10,000, which the issue's target reads, it is the sizing itself)
    if [ "$rss_100k" = "-" ] && [ "$served" -ge 100000 ]; then rss_100k=$(rss_mb); fi
  done
  rss_many=$(rss_mb)
  sleep "$REST"; rest_many=$(rss_mb)
  stop
  echo "RSS after $served requests done" >&2
fi

# --- WireMock: a stub answering the same bytes ----------------------------------------------------------------
cp "$work/list.json" "$work/wm/__files/list.json"
cat >"$work/wm/mappings/list.json" <<JSON
{"request": {"method": "GET", "urlPath": "$LIST"},
 "response": {"status": 200, "bodyFileName": "list.json", "headers": {"Content-Type": "application/json"}}}
JSON
launch wiremock; wait_200 wiremock; sleep 2
wm_idle=$(rss_mb)
sleep $(( REST > 2 ? REST - 2 : 0 )); wm_idle_rest=$(rss_mb)
[ "$(curl -fs --max-time 10 "$base$LIST?responseFormatType=json" | wc -c)" = "$bytes" ] || { echo "bench: WireMock stub answers other bytes" >&2; exit 1; }
measure "$base$LIST?responseFormatType=json"; wm_json_rps=$rps wm_json_p99=$p99
stop
echo "wiremock done" >&2

# --- nginx: the same bytes as a static file ---------------------------------------------------------------------
mkdir -p "$work/www/vserver/v2" "$work/nginx"
cp "$work/list.json" "$work/www/vserver/v2/getServerInstanceList"
nport=$(free_port)
cat >"$work/nginx/nginx.conf" <<CONF
worker_processes 2;
daemon off;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log;
$( [ "$(id -u)" = 0 ] && echo "user root;" )
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $work/nginx; proxy_temp_path $work/nginx; fastcgi_temp_path $work/nginx;
  uwsgi_temp_path $work/nginx; scgi_temp_path $work/nginx;
  server { listen 127.0.0.1:$nport; root $work/www; default_type application/json; }
}
CONF
"$NGINX" -p "$work/nginx" -c "$work/nginx/nginx.conf" & nginx_pid=$!
for _ in $(seq 1 500); do curl -fs -o /dev/null --max-time 1 "http://127.0.0.1:$nport$LIST" && break; sleep 0.01; done
[ "$(curl -fs --max-time 10 "http://127.0.0.1:$nport$LIST" | wc -c)" = "$bytes" ] || { echo "bench: nginx answers other bytes" >&2; exit 1; }
measure "http://127.0.0.1:$nport$LIST?responseFormatType=json"; ng_json_rps=$rps ng_json_p99=$p99
kill "$nginx_pid"; wait "$nginx_pid" 2>/dev/null || true; nginx_pid=""
echo "nginx done" >&2

# --- scale: $SCALE servers in one process, through the control API ----------------------------------------------
scale_rss="-" scale_page_p50="-" scale_filter_p50="-" scale_first_p50="-" scale_first_max="-" scale_warm_first_p50="-" scale_warm_first_max="-" scale_changed_p50="-" scale_changed_max="-" creates="-"
if [ "$SCALE" -gt 0 ]; then
  launch cloudmock; wait_200 cloudmock
  # every VPC server has an interface with an address of its subnet: a /16 subnet (its own /16 VPC) per 60,000
  post_id() { curl -fs --max-time 60 -X POST "$base/_cloudmock/resources" -H 'Content-Type: application/json' -d "$1" \
                | grep -o '"id":"[0-9]*"' | head -n1 | grep -o '[0-9]*'; }
  subnets=()
  for k in $(seq 1 $(( (SCALE + 59999) / 60000 ))); do
    vpc=$(post_id "{\"provider\":\"ncp\",\"kind\":\"vpc\",\"fields\":{\"ipv4CidrBlock\":\"10.$k.0.0/16\"}}")
    subnets+=("$(post_id "{\"provider\":\"ncp\",\"kind\":\"subnet\",\"fields\":{\"subnet\":\"10.$k.0.0/16\",\"zoneCode\":\"KR-1\",\"subnetType\":\"PUBLIC\",\"usageTypeCode\":\"GEN\"},\"references\":{\"vpc\":\"$vpc\"}}")")
  done
  left=$SCALE; made=0; t0=$(now_ms)
  while [ "$left" -gt 0 ]; do
    n=$(( left < 1000 ? left : 1000 ))
    curl -fs --max-time 60 -o /dev/null -X POST "$base/_cloudmock/instances" -H 'Content-Type: application/json' \
         -d "{\"provider\":\"ncp\",\"state\":\"RUN\",\"count\":$n,\"references\":{\"subnet\":\"${subnets[$((made / 60000))]}\"}}"
    left=$((left - n)); made=$((made + n))
  done
  t1=$(now_ms)
  creates=$(( SCALE * 1000 / (t1 - t0 > 0 ? t1 - t0 : 1) ))
  total=$(curl -fs --max-time 60 "$base$LIST?responseFormatType=json&pageNo=1&pageSize=1" | grep -o '"totalRows": *[0-9]*' | grep -o '[0-9]*$')
  [ "$total" = "$SCALE" ] || { echo "bench: $total servers listed, $SCALE made" >&2; exit 1; }
  page=$(( SCALE / 200 )); [ "$page" -ge 1 ] || page=1
  THREADS=1 CONNECTIONS=1 measure "$base$LIST?responseFormatType=json&pageNo=$page&pageSize=100"; scale_page_p50=$p50
  THREADS=1 CONNECTIONS=1 measure "$base$LIST?responseFormatType=json&pageNo=1&pageSize=100&serverInstanceStatusCode=RUN"; scale_filter_p50=$p50
  # each filter's first call, ms: a new query walks every server (later pages and calls reuse its matches)
  first_calls() {
    local f
    for f in "$@"; do
      curl -fs -o /dev/null --max-time 60 -w '%{time_total}' "$base$LIST?responseFormatType=json&pageSize=100&$f" \
        | awk '{ printf "%.0f\n", $1 * 1000 }'
    done
  }
  mapfile -t firsts < <(first_calls "serverName=none" "vpcNo=0" "zoneCode=KR-1" "baseBlockStorageDiskTypeCode=NET" \
      "ip=10.1.0.77" "serverInstanceNoList.1=10000500" "sortedBy=serverName&sortingOrder=DESCENDING" "serverInstanceStatusCode=NSTOP")
  scale_first_p50=$(median "${firsts[@]}"); scale_first_max=$(printf '%s\n' "${firsts[@]}" | sort -n | tail -n1)
  echo "first calls per filter: ${firsts[*]} ms" >&2
  # the same filters with other values: a new query each (nothing kept to patch, every server walked), but on code
  # the calls above ran, so this is the walk itself and not the JIT's first sight of each filter
  mapfile -t warm_firsts < <(first_calls "serverName=none2" "vpcNo=1" "zoneCode=KR-2" "baseBlockStorageDiskTypeCode=LOCAL" \
      "ip=10.1.0.78" "serverInstanceNoList.1=10000501" "sortedBy=serverName&sortingOrder=ASCENDING" "serverInstanceStatusCode=INIT")
  scale_warm_first_p50=$(median "${warm_firsts[@]}"); scale_warm_first_max=$(printf '%s\n' "${warm_firsts[@]}" | sort -n | tail -n1)
  echo "first calls per filter, other values: ${warm_firsts[*]} ms" >&2
  # a filtered page right after a change: each round renames one server through the API before every fetch, so
  # no fetch finds the account as its filter last saw it (an autoscaler polling while it creates); round 0 is
  # each filter's first call (above's figure) and is not counted
  rid=$(curl -fs --max-time 60 "$base$LIST?responseFormatType=json&pageNo=1&pageSize=1" \
          | grep -o '"serverInstanceNo" *: *"[0-9]*"' | head -n1 | grep -o '[0-9]*"$' | tr -d '"')
  vpc1=$(curl -fs --max-time 60 "$base/vpc/v2/getVpcList?responseFormatType=json" | grep -o '"vpcNo" *: *"[0-9]*"' \
          | head -n1 | grep -o '[0-9]*"$' | tr -d '"')
  changed_filters=("serverInstanceStatusCode=RUN" "vpcNo=$vpc1" "baseBlockStorageDiskTypeCode=NET" "ip=10.1.0.77"
                   "serverName=bench-1-1" "hypervisorTypeCodeList.1=XEN" "sortedBy=serverName&sortingOrder=DESCENDING"
                   "sortedBy=createDate&sortingOrder=DESCENDING" "sortedBy=serverInstanceNo")
  declare -A changed_ms
  for round in $(seq 0 "${ROUNDS:-15}"); do
    k=0
    for f in "${changed_filters[@]}"; do
      k=$((k + 1))
      curl -fs -o /dev/null --max-time 60 "$base/vserver/v2/changeServerInstanceName?serverInstanceNo=$rid&serverName=bench-$round-$k"
      t=$(curl -fs -o /dev/null --max-time 60 -w '%{time_total}' "$base$LIST?responseFormatType=json&pageNo=2&pageSize=100&$f" \
            | awk '{ printf "%.1f", $1 * 1000 }')
      [ "$round" -gt 0 ] && changed_ms[$k]+="$t "
    done
  done
  all_changed=() per_filter=()
  for k in "${!changed_ms[@]}"; do
    read -ra ms <<<"${changed_ms[$k]}"
    per_filter+=("$(median "${ms[@]}")"); all_changed+=("${ms[@]}")
  done
  scale_changed_p50=$(median "${all_changed[@]}")
  scale_changed_max=$(printf '%s\n' "${per_filter[@]}" | sort -n | tail -n1)
  for k in $(seq 1 ${#changed_filters[@]}); do
    # shellcheck disable=SC2086
    echo "after a change, ${changed_filters[$((k - 1))]}: p50 $(median ${changed_ms[$k]}) ms" >&2
  done
  # held, not just made: the command line lets the JVM return what the creates left committed after 10 s idle
  sleep 15
  scale_rss=$(rss_mb)
  stop
  echo "scale done" >&2
fi

# --- the table ------------------------------------------------------------------------------------------------
table=$(cat <<MD
Measured $(date -u +%Y-%m-%dT%H:%MZ) at commit \`$commit\`: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo),
load average $load_start at the start and $(cut -d' ' -f1-3 /proc/loadavg) at the end; $(java -version 2>&1 | head -n1);
every JVM plain \`java -jar\` but the image's rows (its ENTRYPOINT and training from docker/Dockerfile; load average $load_startup after the starts); wrk -t$THREADS -c$CONNECTIONS -d$DURATION after a $WARMUP warm-up of the same call and then 5 s runs until two agree within 5 % (runs per figure: $warm_runs); the list is $bytes bytes
(20 servers), WireMock $WIREMOCK_VERSION answers it from a stub, nginx ($("$NGINX" -v 2>&1 | cut -d/ -f2)) as a static file.

| figure | cloudmock | WireMock | nginx | ratio | target |
|---|---|---|---|---|---|
| start to first 200, median of $STARTS | ${start_ms[cloudmock]} ms | ${start_ms[wiremock]} ms | - | $(ratio "${start_ms[cloudmock]}" "${start_ms[wiremock]}") x WireMock | <= 0.6 |
| the same, $image_row_name$image_note | ${start_ms[image]} ms | ${start_ms[wiremock]} ms | - | $(ratio "${start_ms[image]}" "${start_ms[wiremock]}") x WireMock | <= 0.35 |
| the same, \`podman run\` of the image (local base; the engine's own start included)$podman_note | ${start_ms[podman]} ms | ${start_ms[wiremock]} ms | - | $(ratio "${start_ms[podman]}" "${start_ms[wiremock]}") x WireMock | (engine) |
| after the first 200 of each plain-jar start: its first NCP list, and then its first Zenlayer DescribeInstances, median | $first_ncp_ms ms, $first_zl_ms ms | - | - | | (what start leaves for later) |
| the JUnit extension's later starts in one JVM, median (first) | $ext_later ms ($ext_first ms) | - | - | | <= 50 ms |
| idle RSS (2 s after the first 200) | $cm_idle MB | $wm_idle MB | - | $(ratio "$cm_idle" "$wm_idle") x WireMock | <= 0.8 |
| idle RSS at rest ($REST s after it) | $cm_idle_rest MB | $wm_idle_rest MB | - | $(ratio "$cm_idle_rest" "$wm_idle_rest") x WireMock | <= 0.8 |
| getServerInstanceList JSON req/s | $cm_json_rps | $wm_json_rps | $ng_json_rps | $(ratio "$cm_json_rps" "$ng_json_rps") x nginx, $(ratio "$cm_json_rps" "$wm_json_rps") x WireMock | >= 0.5 x nginx |
| its p99 | $cm_json_p99 ms | $wm_json_p99 ms | $ng_json_p99 ms | | <= 5 ms |
| getServerInstanceList XML req/s (p99) | $cm_xml_rps ($cm_xml_p99 ms) | - | - | $(ratio "$cm_xml_rps" "$cm_json_rps") x JSON | >= 0.8 |
| Zenlayer DescribeInstances (20) req/s (p99) | $cm_zl_rps ($cm_zl_p99 ms) | - | - | $(ratio "$cm_zl_rps" "$ng_json_rps") x nginx | >= 0.5 x nginx |
| RSS after the load above | $cm_loaded MB | - | - | | |
| RSS after 10,000 list calls, then after $served (read under load) | $rss_10k MB, then $rss_many MB | - | - | $(ratio "$rss_many" "$rss_10k") x | <= 1.1 |
| RSS after 100,000 list calls, then after $served (read under load) | $rss_100k MB, then $rss_many MB | - | - | $(ratio "$rss_many" "$rss_100k") x | (no growth) |
| the same at rest ($REST s after each) | $rest_10k MB, then $rest_many MB | - | - | $(ratio "$rest_many" "$rest_10k") x | <= 1.1 |
| RSS with $SCALE servers (15 s after the creates) | $scale_rss MB | - | - | | <= 400 MB |
| a page of 100 out of $SCALE, p50 (one connection) | $scale_page_p50 ms | - | - | | <= 5 ms |
| the same with a status filter, p50 | $scale_filter_p50 ms | - | - | | <= 5 ms |
| a new filter's first call (8 filters: median, slowest) | $scale_first_p50 ms, $scale_first_max ms | - | - | | (walks all) |
| the same filters with other values (a new query on warmed code: median, slowest) | $scale_warm_first_p50 ms, $scale_warm_first_max ms | - | - | | (walks all) |
| a filtered page of 100 out of $SCALE right after a change, p50 (9 filters, renames between: all, slowest filter) | $scale_changed_p50 ms, $scale_changed_max ms | - | - | | <= 5 ms |
| creates per second (control API, 1000 a call) | $creates | - | - | | >= 5,000 |
MD
)
echo "$table"
if [ -n "$OUT" ]; then echo "$table" >"$OUT"; echo "bench: written to $OUT" >&2; fi
