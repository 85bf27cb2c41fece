#!/usr/bin/env bash
# Conformance results as one TSV line per test: suite, test, result (pass | fail | skip), seconds.
#   results.sh go SUITE GO_TEST_JSON EXIT_CODE   `go test -json` output -> TSV on stdout
#   results.sh summary FILE...                   TSV files -> the Markdown pass matrix on stdout
# The workflow appends the matrix to $GITHUB_STEP_SUMMARY; it is the page linked from docs/coverage.md.
set -euo pipefail

case "${1:-}" in
  go)
    suite="$2" json="$3" code="$4"
    # top-level tests only: subtests are steps of the test that owns them
    lines=$(jq -r --arg suite "${suite}" 'select(.Test != null and (.Test | contains("/") | not)
        and (.Action == "pass" or .Action == "fail" or .Action == "skip"))
        | [$suite, .Test, .Action, (.Elapsed // 0 | tostring)] | @tsv' "${json}" || true)
    if [ -n "${lines}" ]; then printf '%s\n' "${lines}"; fi
    # a package that did not build has no test lines: say so instead of an empty, green-looking row set
    if [ "${code}" != 0 ] && ! grep -q $'\tfail\t' <<<"${lines}"; then
      printf '%s\t%s\t%s\t%s\n' "${suite}" "(go test exited ${code})" fail 0
    fi
    ;;
  summary)
    shift
    cat "$@" > /tmp/conformance-all.tsv
    pass=$(awk -F'\t' '$3 == "pass"' /tmp/conformance-all.tsv | wc -l)
    fail=$(awk -F'\t' '$3 == "fail"' /tmp/conformance-all.tsv | wc -l)
    skip=$(awk -F'\t' '$3 == "skip"' /tmp/conformance-all.tsv | wc -l)
    echo "## Conformance: real Terraform providers against cloudmock"
    echo
    echo "${pass} passed, ${fail} failed, ${skip} skipped"
    echo
    echo "| suite | test | result | seconds |"
    echo "|---|---|---|---|"
    sort -t$'\t' -k1,1 -k2,2 /tmp/conformance-all.tsv | awk -F'\t' '{
      mark = $3 == "pass" ? "✅ pass" : ($3 == "fail" ? "❌ fail" : "⏭ skip")
      printf "| %s | `%s` | %s | %s |\n", $1, $2, mark, $4 }'
    ;;
  *)
    echo "usage: $0 go SUITE JSON EXIT_CODE | summary FILE..." >&2
    exit 2
    ;;
esac
