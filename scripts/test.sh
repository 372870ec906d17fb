#!/usr/bin/env bash
# Installs what is missing, builds, and runs the whole test suite. CTest runs
# inside one Xvfb server, so the tests labelled "display" get a real OpenGL
# context (Mesa's llvmpipe) on machines without a screen.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${IMGR_BUILD_DIR:-$root/build}
"$root/scripts/install_deps.sh"
"$root/scripts/build.sh"
cd "$build"
xvfb-run -a -s "-screen 0 1920x1080x24" ctest --output-on-failure -j "$(nproc)" "$@"
