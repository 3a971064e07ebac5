#!/usr/bin/env bash
# Prints "N passed, N failed[, N skipped]" summed from the TRX files the test run wrote.
set -euo pipefail
dir=${1:?results directory}
shopt -s nullglob
files=("$dir"/*.trx)
if [ ${#files[@]} -eq 0 ]; then
  echo "0 passed, 0 failed"
  exit 0
fi
grep -ho '<Counters [^>]*>' "${files[@]}" | awk '
  function attr(name,   m) { if (match($0, name "=\"[0-9]+\"")) { m = substr($0, RSTART, RLENGTH); gsub(/[^0-9]/, "", m); return m + 0 } return 0 }
  { passed += attr("passed"); failed += attr("failed") + attr("error") + attr("timeout") + attr("aborted");
    # Ignored tests (e.g. bitcoind not installed) are counted in total but not in executed.
    skipped += attr("total") - attr("executed") + attr("inconclusive") }
  END { line = passed " passed, " failed " failed"; if (skipped > 0) line = line ", " skipped " skipped"; print line }'
