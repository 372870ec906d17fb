#!/bin/sh
# Builds the benchmarks (issue 6) and runs them all, printing one Markdown
# table on stdout (progress goes to stderr). The benchmarks print figures;
# nothing here passes or fails on a figure. About 4 minutes on 2 cores, most
# of it the flagging burst (IMGR_BENCH_FLAGS=20 shortens it).
#
#   bench/run.sh                       build into build-bench/, run, print the table
#   IMGR_BENCH_BUILD=DIR bench/run.sh  another build folder
#
# Needs: cmake and the project's Debian packages, xvfb (xvfb-run) for the
# benchmarks that open a window, valgrind for the instruction counts.
set -eu

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${IMGR_BENCH_BUILD:-$ROOT/build-bench}
FLAGS=${IMGR_BENCH_FLAGS:-100}
B="$BUILD/bench"
TABLE="$B/results.md"

say() { echo "bench/run.sh: $*" >&2; }
# A window on a virtual screen, always: figures should not depend on the desktop they ran on.
xvfb() { xvfb-run -a -s "-screen 0 1920x1200x24" "$@"; }

for tool in cmake xvfb-run; do
  command -v "$tool" >/dev/null || { say "$tool is missing (apt-get install ${tool%-run})"; exit 2; }
done

say "building into $BUILD"
cmake -S "$ROOT" -B "$BUILD" -DIMGR_BUILD_TESTS=OFF -DIMGR_BUILD_SAMPLES=ON -DIMGR_BUILD_BENCH=ON >/dev/null
# Only what the benchmarks run: a half-written target elsewhere does not stop them.
cmake --build "$BUILD" -j"$(nproc)" --target bench_dsl bench_latency bench_stream bench_window bench_raw_glfw_imgui \
  bench_process calculator calculator_options imgui_demo >/dev/null

# Programs that write files (the calculator could flag) run in a scratch folder.
WORK=$(mktemp -d /tmp/imgr_bench.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"

mkdir -p "$B"
{
  echo "| benchmark | case | figure | value |"
  echo "| --- | --- | --- | --- |"
} >"$TABLE"
# Keeps the table rows of a benchmark's output (and shows them as they come).
rows() { grep '^| ' | tee -a "$TABLE"; }

cat "$TABLE"

say "1/7 DSL overhead: ms/frame (headless)"
"$B/bench_dsl" 2>/dev/null | rows

if command -v valgrind >/dev/null; then
  say "1/7 DSL overhead: instructions/frame (callgrind)"
  # Instructions inside bench_measured_frames only (not set-up), divided by its frame count.
  instr() {  # impl n frames -> instructions per frame
    out="$WORK/callgrind.$1.$2.out"
    valgrind --tool=callgrind --toggle-collect=bench_measured_frames --callgrind-out-file="$out" \
      "$B/bench_dsl" --impl "$1" --n "$2" --frames "$3" >/dev/null 2>&1
    awk -v f="$3" '/^totals:/ { printf "%.0f", $2 / f }' "$out"
  }
  mega() { awk -v v="$1" 'BEGIN { printf "%.2fM", v / 1e6 }'; }
  for n in 10 100 1000; do
    frames=50
    [ "$n" = 1000 ] && frames=20
    imgr=$(instr imgr $n $frames)
    raw=$(instr raw $n $frames)
    cull=$(instr raw-cull $n $frames)
    echo "| 1 DSL overhead | N=$n | instructions/frame (callgrind): imgr / raw / raw, culled cards | $(mega "$imgr") / $(mega "$raw") / $(mega "$cull") |" | rows
    echo "| 1 DSL overhead | N=$n | instruction ratio imgr/raw (imgr/raw culled) | $(awk -v a="$imgr" -v b="$raw" -v c="$cull" 'BEGIN { printf "%.2f (%.2f)", a / b, a / c }') |" | rows
  done
  busy=$(instr imgr-busy 1000 20)
  echo "| 1 DSL overhead | N=1000, a run in progress | imgr instructions/frame (callgrind) | $(mega "$busy") |" | rows
else
  say "valgrind is missing (apt-get install valgrind): no instruction counts"
  echo "| 1 DSL overhead | instructions/frame | callgrind | valgrind not installed |" | rows
fi

say "2/7 latency (headless)"
"$B/bench_latency" 2>/dev/null | rows
"$B/bench_stream" --seconds 10 2>/dev/null | rows

say "3/7 idle: imgui_demo and calculator, 10 s each (Xvfb)"
xvfb "$B/bench_process" idle 2 10 imgui_demo "$BUILD/imgui_demo/imgui_demo" calculator "$BUILD/samples/calculator" | rows
xvfb "$B/bench_window" busy 2>/dev/null | rows
xvfb "$B/bench_window" timer 2>/dev/null | rows

say "4/7 start-up and peak RSS, 10 runs each (Xvfb)"
xvfb "$B/bench_process" startup 10 \
  raw_glfw_imgui "$B/bench_raw_glfw_imgui --headless --frames 1" \
  calculator "$BUILD/samples/calculator --headless --frames 1" \
  imgui_demo "$BUILD/imgui_demo/imgui_demo --headless --frames 1" | rows
# What each loads: the core alone, and every module (imgui_demo links imgr::media).
for program in "$B/bench_raw_glfw_imgui" "$BUILD/samples/calculator" "$BUILD/imgui_demo/imgui_demo"; do
  echo "| 4 start-up | $(basename "$program") | shared libraries loaded (ldd) | $(ldd "$program" | wc -l) |" | rows
done

say "5/7 images: sepia 1024x1024 while the slider is dragged (Xvfb)"
xvfb "$B/bench_window" images 2>/dev/null | rows

say "6/7 flagging: $FLAGS flags of 1920x1080 while frames keep coming (Xvfb)"
"$B/bench_window" flag-only 3 2>/dev/null | rows
xvfb "$B/bench_window" flagging "$FLAGS" 2>/dev/null | rows

say "7/7 headless vs visible: the calculator_options tour and a 2 s wait, 3 runs each (Xvfb)"
printf 'wait 2s\n' >"$WORK/wait_2s.txt"
tour="$BUILD/samples/calculator_options --flagging-dir $WORK/flags --script"
xvfb "$B/bench_process" headless 3 "calculator_options.tour" "$tour $ROOT/samples/calculator_options.tour" | rows
xvfb "$B/bench_process" headless 3 "wait 2s" "$tour $WORK/wait_2s.txt" | rows

say "done; the table is also in $TABLE"
