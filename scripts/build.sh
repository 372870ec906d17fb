#!/usr/bin/env bash
# Configures and builds imgr into build/ (or $IMGR_BUILD_DIR); arguments are
# CMake options for the configure step (-DNAME=VALUE). IMGR_BUILD_TARGETS="a b"
# builds only those targets (demo.sh: imgui_demo alone, not the test suite).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
command -v ninja >/dev/null && export CMAKE_GENERATOR=${CMAKE_GENERATOR:-Ninja}  # new folders only (see test.sh)
build=${IMGR_BUILD_DIR:-$root/build}
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=${CMAKE_BUILD_TYPE:-RelWithDebInfo} "$@" >/dev/null
# shellcheck disable=SC2086  # a list of target names
cmake --build "$build" -j "$(nproc)" ${IMGR_BUILD_TARGETS:+--target $IMGR_BUILD_TARGETS}
