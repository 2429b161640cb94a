#!/usr/bin/env bash
# The test command: sets up native dependencies, builds, runs every test, and prints "N passed, M failed".
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
bash scripts/setup.sh || exit 1
# The pool tests start their own redis-server on a free loopback port.
if ! command -v redis-server >/dev/null 2>&1 && [[ ! -x /usr/bin/redis-server ]]; then
  echo "test: installing redis-server (Debian) for the pool tests"
  (apt-get install -y --no-install-recommends redis-server >/dev/null 2>&1 \
    || (apt-get update >/dev/null 2>&1 && apt-get install -y --no-install-recommends redis-server >/dev/null 2>&1)) \
    || echo "test: could not install redis-server; the pool tests will fail" >&2
fi
results="$root/artifacts/test-results"
rm -rf "$results"
mkdir -p "$results"
# Style is part of the suite: an unformatted tree counts as one failed test.
format_failed=0
if ! dotnet format PiiOrleans.sln --verify-no-changes >"$results/format.log" 2>&1; then
  echo "dotnet format --verify-no-changes found changes (see $results/format.log); run 'dotnet format PiiOrleans.sln'." >&2
  format_failed=1
fi
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
failed=$((failed + format_failed))
if [[ $format_failed -ne 0 ]]; then
  status=1
fi
if [[ $status -ne 0 && $failed -eq 0 ]]; then
  # The build or the test host failed before any test could report: count it as a failure.
  failed=1
fi
echo "$passed passed, $failed failed"
exit $status
