#!/usr/bin/env bash
# Installs what is missing, builds, and runs imgui_demo. Without a display it
# plays the demo's tour under Xvfb, records it as a video, and saves a
# screenshot, then says where both are.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
# A folder of its own, built to be seen soon: the library layers as unity files and line
# tables only (about half the CPU of test.sh's build/, which compiles each file alone
# to keep includes honest; bench/README.md, "demo.sh").
build=${IMGR_BUILD_DIR:-$root/build-demo}
"$root/scripts/install_deps.sh"
IMGR_BUILD_DIR=$build IMGR_BUILD_TARGETS=imgui_demo "$root/scripts/build.sh" \
  -DIMGR_UNITY_BUILD=ON -DIMGR_LINE_TABLES_ONLY=ON  # the demo alone: the test suite is test.sh's
demo="$build/imgui_demo/imgui_demo"
if [[ -n "${DISPLAY:-}" || -n "${WAYLAND_DISPLAY:-}" ]]; then
  exec "$demo" "$@"
fi
video="$build/imgui_demo_tour.mp4"
shot="$build/imgui_demo.png"
xvfb-run -a -s "-screen 0 1920x1080x24" "$demo" --headless --size 1280x860 \
  --script "$root/imgui_demo/tour.txt" --record "$video" --screenshot "$shot" "$@"
echo "No display here: imgui_demo played its tour under Xvfb."
echo "  video:      $video"
echo "  screenshot: $shot"
