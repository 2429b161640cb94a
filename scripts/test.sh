#!/usr/bin/env bash
# The test command: sets up native dependencies, builds, runs every test, and prints "N passed, M failed".
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
bash scripts/setup.sh || exit 1
results="$root/artifacts/test-results"
rm -rf "$results"
mkdir -p "$results"
dotnet test PiiOrleans.sln -c Release --logger "trx;LogFileName=tests.trx" --results-directory "$results" "$@"
status=$?
passed=0
failed=0
for trx in "$results"/*.trx; do
  [[ -f "$trx" ]] || continue
  counters="$(grep -o '<Counters [^>]*>' "$trx" | head -n1)"
  p="$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")"
  f="$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")"
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0}))
done
if [[ $status -ne 0 && $failed -eq 0 ]]; then
  # The build or the test host failed before any test could report: count it as a failure.
  failed=1
fi
echo "$passed passed, $failed failed"
exit $status
