#!/bin/sh
# --watch's reload time per sample (docs/watch.md, bench/README.md "Watch reload"):
# each sample runs from a copy of its executable with --watch --headless; the copy
# is then replaced as a linker does (a new file renamed into place) and the app's
# own line "imgr: reloaded in N ms (...)" is read: from the new executable being
# complete to the first frame of the new process with the state restored.
#
#   xvfb-run -a bench/watch_reload.sh [BUILD_DIR] [RUNS] [SAMPLE...]
#
# Builds nothing: build the samples first (cmake --build BUILD --target calculator ...).
set -eu
build=${1:-build}
runs=${2:-5}
shift 2 2>/dev/null || shift $#
samples=${*:-"calculator calculator_options sepia text_stats image_classifier ocr chat"}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export TMPDIR="$work"  # the apps' state folders too: nothing left behind

printf '| sample | reloads | reload ms: min / median / max | restored values |\n| --- | --- | --- | --- |\n'
for sample in $samples; do
    exe="$build/samples/$sample"
    [ -x "$exe" ] || { printf '| %s | not built | | |\n' "$sample"; continue; }
    dir="$work/$sample"
    mkdir -p "$dir"
    cp "$exe" "$dir/$sample"
    (cd samples && exec "$dir/$sample" --watch --headless --size 1100x760) >"$dir/log" 2>&1 &
    pid=$!
    sleep 2  # its first window is up (startup is ~0.1-0.5 s; models load lazily)
    for i in $(seq "$runs"); do
        cp "$exe" "$dir/new" && mv -f "$dir/new" "$dir/$sample"  # a rebuild, as the linker renames into place
        n=$(grep -c 'imgr: reloaded in' "$dir/log" || true)
        t=0
        while [ "$n" -lt "$i" ] && [ "$t" -lt 100 ]; do sleep 0.1; t=$((t + 1)); n=$(grep -c 'imgr: reloaded in' "$dir/log" || true); done
        sleep 0.5  # settled before the next rebuild
    done
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    ms=$(grep -o 'reloaded in [0-9]* ms' "$dir/log" | awk '{ print $3 }' | sort -n)
    restored=$(grep -o 'restored [0-9]* values' "$dir/log" | tail -n 1 | awk '{ print $2 }')
    count=$(printf '%s\n' "$ms" | grep -c . || true)
    if [ "$count" -eq 0 ]; then printf '| %s | 0 (see %s) | | |\n' "$sample" "$dir/log"; continue; fi
    min=$(printf '%s\n' "$ms" | head -n 1)
    max=$(printf '%s\n' "$ms" | tail -n 1)
    median=$(printf '%s\n' "$ms" | sed -n "$(((count + 1) / 2))p")
    printf '| %s | %d | %s / %s / %s | %s |\n' "$sample" "$count" "$min" "$median" "$max" "$restored"
done
