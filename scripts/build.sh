#!/usr/bin/env bash
# Configures and builds imgr into build/ (or $IMGR_BUILD_DIR); arguments are
# CMake options for the configure step (-DNAME=VALUE).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${IMGR_BUILD_DIR:-$root/build}
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=${CMAKE_BUILD_TYPE:-RelWithDebInfo} "$@" >/dev/null
cmake --build "$build" -j "$(nproc)"
