#!/usr/bin/env bash
# Replay with --replay-report of N calculator rows (issue 21): time, peak RSS and
# the page's size, for 1,000 and 1,000,000 rows. Rows 2 and N-1 are edited to be
# wrong (changed), the rest unchanged: the report shows those in full, the first
# 100 unchanged rows, and a line for each run of the others.
#   bench/replay_report_rows.sh [build folder]   (default: build)
set -euo pipefail
build=${1:-build}
app="$build/samples/calculator"
work=$(mktemp -d /tmp/imgr_report_rows_XXXXXX)
trap 'rm -rf "$work"' EXIT

make_folder() {  # N DIR: num1,operation,num2,Output,flag,timestamp, a quarter of each operation
  mkdir -p "$2"
  awk -v n="$1" 'BEGIN {
    print "num1,operation,num2,Output,flag,timestamp"
    split("add subtract multiply divide", ops, " ")
    for (i = 1; i <= n; i++) {
      a = i; b = (i % 7) + 1; op = ops[(i % 4) + 1]
      out = op == "add" ? a + b : op == "subtract" ? a - b : op == "multiply" ? a * b : a / b
      if (i == 2 || i == n - 1) out = out + 1  # a wrong flagged output: this row changes
      printf "%d,%s,%d,%.17g,other,2026-01-01 00:00:00.000000\n", a, op, b, out
    }
  }' > "$2/logs.csv"
}

for rows in 1000 1000000; do
  make_folder "$rows" "$work/f$rows"
  echo "== $rows rows ($(du -h "$work/f$rows/logs.csv" | cut -f1) logs.csv)"
  echo "\$ /usr/bin/time -f \"%e s %M KB\" $app --headless --replay DIR --replay-report R.html > /dev/null"
  /usr/bin/time -f "%e s %M KB" "$app" --headless --replay "$work/f$rows" --replay-report "$work/r$rows.html" \
    > "$work/out$rows.txt" || true  # exit 1: two rows changed
  tail -1 "$work/out$rows.txt"
  echo "page: $(stat -c %s "$work/r$rows.html") bytes"
done
