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
command -v ninja >/dev/null && export CMAKE_GENERATOR=${CMAKE_GENERATOR:-Ninja}  # new folders only (see test.sh)
build=${IMGR_FUZZ_BUILD_DIR:-$root/build-fuzz}
seconds=${IMGR_FUZZ_SECONDS:-30}
seed=${IMGR_FUZZ_SEED:-1}
targets=(script csv_roundtrip safe_name image flagged_folder)
[[ -n "$(pkg-config --libs sndfile libavformat 2>/dev/null)" ]] && targets+=(media)

# The libraries are compiled by clang too, with ASan+UBSan and coverage
# (tests/fuzz/CMakeLists.txt); the tests, samples and benchmarks are not needed here.
CC=clang CXX=clang++ cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DIMGR_SANITIZE=address -DIMGR_BUILD_FUZZERS=ON -DIMGR_BUILD_TESTS=OFF -DIMGR_BUILD_SAMPLES=OFF -DIMGR_BUILD_BENCH=OFF \
  -DIMGR_LINE_TABLES_ONLY=ON -DIMGR_UNITY_BUILD=ON >/dev/null
cmake --build "$build" -j "$(nproc)" --target imgr_fuzzers

failed=0
mkdir -p "$build/artifacts"
# The media target's seeds are made now, never committed: a short WAV and a short
# MP4 (ffmpeg's lavfi sources), each behind the byte that picks its loader.
if [[ " ${targets[*]} " == *" media "* ]]; then
  seeds="$build/corpus/media-seeds"
  mkdir -p "$seeds"
  if [[ ! -s "$seeds/tone.seed" ]] && command -v ffmpeg >/dev/null; then
    ffmpeg -loglevel error -y -f lavfi -i "sine=frequency=440:duration=0.05:sample_rate=8000" "$build/seed.wav" &&
      { printf '\x00'; cat "$build/seed.wav"; } >"$seeds/tone.seed"
    ffmpeg -loglevel error -y -f lavfi -i "testsrc=size=32x24:rate=5:duration=0.4" -c:v mpeg4 "$build/seed.mp4" &&
      { printf '\x01'; cat "$build/seed.mp4"; } >"$seeds/clip.seed"
  fi
fi
# One target's run; its outcome goes to $build/fuzz_TARGET.result.
fuzz_one() {
  local target=$1 work="$build/corpus/$1" log="$build/fuzz_$1.log" status=0 runs
  local seed_dirs=()
  mkdir -p "$work"  # new inputs go here; the committed seeds stay as they are
  [[ -d "$root/tests/fuzz/corpus/$target" ]] && seed_dirs+=("$root/tests/fuzz/corpus/$target")
  [[ $target == media ]] && seed_dirs+=("$build/corpus/media-seeds")
  # -timeout: an input taking 10 s is a hang worth reporting, not a slow run.
  "$build/tests/fuzz/fuzz_$target" -max_total_time="$seconds" -seed="$seed" -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix="$build/artifacts/$target-" \
    "$work" "${seed_dirs[@]}" >"$log" 2>&1 || status=$?
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  if [[ $status -eq 0 ]]; then
    echo "fuzz $target: ${runs:-?} executions in ${seconds}s, no crash"
  else
    echo "fuzz $target: FAILED (exit $status) after ${runs:-?} executions; log: $log"
    grep -E "ERROR|runtime error|property broken|Test unit written" "$log" | head -20 || true
  fi >"$build/fuzz_$target.result"
}

# Each target is one process on one core: as many run at once as there are cores, so
# the stage takes (targets / cores) x IMGR_FUZZ_SECONDS instead of targets x it. A
# target's executions then depend a little on its neighbour's load, never its seed.
running=0
for target in "${targets[@]}"; do
  if [[ $running -ge $(nproc) ]]; then
    wait -n
    running=$((running - 1))
  fi
  fuzz_one "$target" &
  running=$((running + 1))
done
wait
for target in "${targets[@]}"; do
  cat "$build/fuzz_$target.result"
  if grep -q ": FAILED" "$build/fuzz_$target.result"; then failed=1; fi
done
exit $failed
