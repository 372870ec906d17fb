#!/usr/bin/env bash
# Builds the libFuzzer targets with clang into build-fuzz/ (or $IMGR_FUZZ_BUILD_DIR)
# and runs each for a bounded time from its seed corpus in tests/fuzz/corpus/.
# Prints one line per target; exits 1 when any target crashed or broke a
# property (the input is saved under the build folder's artifacts/ and named).
#   IMGR_FUZZ_SECONDS  time per target (default 30)
#   IMGR_FUZZ_SEED     libFuzzer's random seed (default 1: the same mutations
#                      each run, so a run's outcome does not depend on luck)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${IMGR_FUZZ_BUILD_DIR:-$root/build-fuzz}
seconds=${IMGR_FUZZ_SECONDS:-30}
seed=${IMGR_FUZZ_SEED:-1}
targets=(script csv_roundtrip safe_name image)

# The libraries are compiled by clang too, with ASan+UBSan and coverage
# (tests/fuzz/CMakeLists.txt); the tests, samples and benchmarks are not needed here.
CC=clang CXX=clang++ cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DIMGR_SANITIZE=address -DIMGR_BUILD_FUZZERS=ON -DIMGR_BUILD_TESTS=OFF -DIMGR_BUILD_SAMPLES=OFF -DIMGR_BUILD_BENCH=OFF \
  -DIMGR_LINE_TABLES_ONLY=ON >/dev/null
cmake --build "$build" -j "$(nproc)" --target imgr_fuzzers

failed=0
mkdir -p "$build/artifacts"
for target in "${targets[@]}"; do
  work="$build/corpus/$target"  # new inputs go here; the committed seeds stay as they are
  log="$build/fuzz_$target.log"
  mkdir -p "$work"
  status=0
  # -timeout: an input taking 10 s is a hang worth reporting, not a slow run.
  "$build/tests/fuzz/fuzz_$target" -max_total_time="$seconds" -seed="$seed" -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix="$build/artifacts/$target-" \
    "$work" "$root/tests/fuzz/corpus/$target" >"$log" 2>&1 || status=$?
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  if [[ $status -eq 0 ]]; then
    echo "fuzz $target: ${runs:-?} executions in ${seconds}s, no crash"
  else
    failed=1
    echo "fuzz $target: FAILED (exit $status) after ${runs:-?} executions; log: $log"
    grep -E "ERROR|runtime error|property broken|Test unit written" "$log" | head -20 || true
  fi
done
exit $failed
