#!/usr/bin/env bash
# Smoke test of a running cloudmock (the image in CI, or `java -jar` at your desk):
#   docker/smoke.sh [BASE_URL]        (default http://127.0.0.1:8080)
# Waits (at most 60 s) for GET /_cloudmock/health, then calls one NCP action (getRegionList, JSON) and one
# Zenlayer action (DescribeZones) and checks their envelopes. Needs curl and jq. Exits non-zero on any failure.
set -euo pipefail

base="${1:-http://127.0.0.1:8080}"
auth=()
if [ -n "${CLOUDMOCK_CONTROL_TOKEN:-}" ]; then auth=(-H "Authorization: Bearer ${CLOUDMOCK_CONTROL_TOKEN}"); fi

echo "waiting for ${base}/_cloudmock/health"
for _ in $(seq 1 120); do
  if health=$(curl -fsS --max-time 2 "${auth[@]}" "${base}/_cloudmock/health" 2>/dev/null); then break; fi
  health=""
  sleep 0.5
done
if [ -z "${health}" ]; then echo "FAIL: no health answer within 60 s" >&2; exit 1; fi
echo "health: ${health}"
jq -e '.status == "ok"' <<<"${health}" >/dev/null || { echo "FAIL: health is not ok" >&2; exit 1; }

echo "NCP getRegionList"
ncp=$(curl -sS --max-time 10 -w '\n%{http_code} %{content_type}' \
  "${base}/vserver/v2/getRegionList?responseFormatType=json")
echo "${ncp}"
meta=$(tail -n1 <<<"${ncp}")
body=$(sed '$d' <<<"${ncp}")
[[ "${meta}" == "200 application/json"* ]] || { echo "FAIL: NCP status/content type: ${meta}" >&2; exit 1; }
jq -e '.getRegionListResponse.returnCode == "0" and (.getRegionListResponse.regionList | length > 0)' \
  <<<"${body}" >/dev/null || { echo "FAIL: NCP envelope" >&2; exit 1; }

echo "Zenlayer DescribeZones"
zl=$(curl -sS --max-time 10 -w '\n%{http_code}' -X POST "${base}/api/v2/vm" \
  -H 'Content-Type: application/json' -H 'X-ZC-Action: DescribeZones' -H 'X-ZC-Version: 2026-04-01' -d '{}')
echo "${zl}"
code=$(tail -n1 <<<"${zl}")
body=$(sed '$d' <<<"${zl}")
[ "${code}" = "200" ] || { echo "FAIL: Zenlayer status ${code}" >&2; exit 1; }
jq -e '(.requestId == .response.requestId) and (.response.zoneSet | length > 0)' \
  <<<"${body}" >/dev/null || { echo "FAIL: Zenlayer envelope" >&2; exit 1; }

echo "smoke test passed"
